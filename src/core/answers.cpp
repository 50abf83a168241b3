// The answer vocabulary and its strict parser (see answers.h).
#include "core/answers.h"

#include "core/json_text.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>

namespace skindepth::core {

namespace {

constexpr std::array<std::string_view, kConcernCount> kConcernIds = {
    "fine_lines", "wrinkles", "acne_scars", "surgical_scars", "stretch_marks", "enlarged_pores", "pigmentation",
    "melasma", "texture", "dullness", "laxity", "hair_loss", "product_absorption"};
constexpr std::array<std::string_view, kAreaCount> kAreaIds = {
    "forehead", "around_eyes", "cheeks", "nose", "upper_lip", "neck", "decolletage", "abdomen", "thighs", "scalp"};
constexpr std::array<std::string_view, kSeverityCount> kSeverityIds = {"mild", "moderate", "severe"};
constexpr std::array<std::string_view, kFlagCount> kFlagIds = {
    "pregnant_or_breastfeeding", "active_infection", "open_wounds", "active_acne_on_area",
    "eczema_or_psoriasis_on_area", "rosacea_flare", "keloid_history", "blood_thinners_or_bleeding_disorder",
    "cancer_treatment_now", "diabetes", "isotretinoin_last_6_months", "retinoid_last_7_days",
    "sunburn_or_tan_last_7_days", "hair_loss_diagnosed", "cold_sores_history", "immunosuppressed",
    "autoimmune_or_connective_tissue_disease", "skin_cancer_or_changing_mole_on_area", "metal_or_numbing_cream_allergy",
    "koebner_condition", "hypertrophic_scar_history", "prescribed_retinoid", "injectables_last_2_weeks",
    "laser_or_peel_last_4_weeks", "tattoo_or_permanent_makeup_on_area"};
constexpr std::array<std::string_view, kChoiceCount> kChoiceKeys = {"scar_type", "hair_loss_type"};
constexpr std::array<std::string_view, 3> kScarTypeIds = {"atrophic", "raised", "not_sure"};
constexpr std::array<std::string_view, 4> kHairLossTypeIds = {"pattern", "alopecia_areata", "other", "not_sure"};

// The values of a choice key, as a list of ids.
std::vector<std::string_view> choice_ids(Choice c) {
  if (c == Choice::ScarType) return {kScarTypeIds.begin(), kScarTypeIds.end()};
  return {kHairLossTypeIds.begin(), kHairLossTypeIds.end()};
}
constexpr std::array<std::string_view, 5> kOtherKeys = {"concerns", "area", "severity", "fitzpatrick", "age"};

template <typename Enum, std::size_t N>
std::optional<Enum> find_id(const std::array<std::string_view, N>& ids, std::string_view id) {
  for (std::size_t i = 0; i < N; ++i)
    if (ids[i] == id) return static_cast<Enum>(i);
  return std::nullopt;
}

template <std::size_t N>
std::string one_of(const std::array<std::string_view, N>& ids) {
  std::string out;
  for (auto id : ids) out += (out.empty() ? "" : ", ") + std::string(id);
  return out;
}

std::string shown(const nlohmann::json& v) {
  std::string s = v.dump();
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

// Reads one answer into `a`; the problem as one line after "key: ", or "" when it was read.
std::string read_concerns(const nlohmann::json& v, Answers& a) {
  if (!v.is_array()) return "expected a list of concerns, found " + shown(v);
  if (v.empty()) return "expected at least one concern";
  std::vector<Concern> concerns;
  for (const auto& item : v) {
    if (!item.is_string()) return "expected concern names (strings), found " + shown(item);
    const auto c = concern_from_id(item.get<std::string>());
    if (!c) return "unknown concern " + shown(item) + "; expected one of: " + one_of(kConcernIds);
    for (Concern seen : concerns)
      if (seen == *c) return "concern " + shown(item) + " is listed twice";
    concerns.push_back(*c);
  }
  a.concerns = std::move(concerns);
  return {};
}

std::string read_field(std::string_view key, const nlohmann::json& v, AnswerSheet& sheet) {
  Answers& a = sheet.values;
  if (key == "concerns") return read_concerns(v, a);
  if (key == "area") {
    const auto area = v.is_string() ? area_from_id(v.get<std::string>()) : std::nullopt;
    if (!area) return "unknown area " + shown(v) + "; expected one of: " + one_of(kAreaIds);
    a.area = *area;
    sheet.has_area = true;
    return {};
  }
  if (key == "severity") {
    const auto s = v.is_string() ? severity_from_id(v.get<std::string>()) : std::nullopt;
    if (!s) return "expected one of: " + one_of(kSeverityIds) + ", found " + shown(v);
    a.severity = *s;
    return {};
  }
  if (key == "fitzpatrick") {
    if (!v.is_number() || v.get<double>() != std::floor(v.get<double>()) || v.get<double>() < 1 || v.get<double>() > 6)
      return "expected an integer from 1 to 6, found " + shown(v);
    a.fitzpatrick = static_cast<int>(v.get<double>());
    return {};
  }
  if (key == "age") {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0 || v.get<double>() > 120)
      return "expected a number of years from 0 to 120, found " + shown(v);
    a.age = v.get<double>();
    return {};
  }
  if (const auto f = flag_from_id(key)) {
    if (!v.is_boolean()) return "expected true or false, found " + shown(v);
    a.set(*f, v.get<bool>());
    return {};
  }
  if (const auto c = choice_from_key(key)) {
    const auto value = v.is_string() ? choice_value_from_id(*c, v.get<std::string>()) : std::nullopt;
    if (!value) {
      std::string ids;
      for (auto id : choice_ids(*c)) ids += (ids.empty() ? "" : ", ") + std::string(id);
      return "expected one of: " + ids + ", found " + shown(v);
    }
    a.choices[static_cast<int>(*c)] = *value;
    return {};
  }
  return "unknown answer key; expected one of: " + one_of(kOtherKeys) + ", " + one_of(kFlagIds) + ", " + one_of(kChoiceKeys);
}

}  // namespace

std::string_view concern_id(Concern c) { return kConcernIds[static_cast<int>(c)]; }
std::optional<Concern> concern_from_id(std::string_view id) { return find_id<Concern>(kConcernIds, id); }
std::string_view area_id(Area a) { return kAreaIds[static_cast<int>(a)]; }
std::optional<Area> area_from_id(std::string_view id) { return find_id<Area>(kAreaIds, id); }
std::string_view severity_id(Severity s) { return kSeverityIds[static_cast<int>(s)]; }
std::optional<Severity> severity_from_id(std::string_view id) { return find_id<Severity>(kSeverityIds, id); }
std::string_view flag_id(Flag f) { return kFlagIds[static_cast<int>(f)]; }
std::optional<Flag> flag_from_id(std::string_view id) { return find_id<Flag>(kFlagIds, id); }

std::string_view choice_key_id(Choice c) { return kChoiceKeys[static_cast<int>(c)]; }
std::optional<Choice> choice_from_key(std::string_view key) { return find_id<Choice>(kChoiceKeys, key); }
int choice_value_count(Choice c) { return static_cast<int>(choice_ids(c).size()); }
std::string_view choice_value_id(Choice c, int value) { return choice_ids(c).at(static_cast<std::size_t>(value)); }
std::optional<int> choice_value_from_id(Choice c, std::string_view id) {
  const auto ids = choice_ids(c);
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (ids[i] == id) return static_cast<int>(i);
  return std::nullopt;
}

std::string_view answer_key_id(int index) {
  if (index < 5) return kOtherKeys[index];
  if (index < kFirstChoiceKey) return kFlagIds[index - 5];
  return kChoiceKeys[index - kFirstChoiceKey];
}

std::optional<int> answer_key_from_id(std::string_view id) {
  for (int i = 0; i < kAnswerKeyCount; ++i)
    if (answer_key_id(i) == id) return i;
  return std::nullopt;
}

AnswerKind answer_key_kind(int index) {
  switch (index) {
    case static_cast<int>(AnswerKey::Concerns): return AnswerKind::MultiChoice;
    case static_cast<int>(AnswerKey::Area):
    case static_cast<int>(AnswerKey::Severity):
    case static_cast<int>(AnswerKey::Fitzpatrick): return AnswerKind::SingleChoice;
    case static_cast<int>(AnswerKey::Age): return AnswerKind::Number;
    default: return index >= kFirstChoiceKey ? AnswerKind::SingleChoice : AnswerKind::YesNo;
  }
}

std::uint32_t Answers::concern_mask() const {
  std::uint32_t mask = 0;
  for (Concern c : concerns) mask |= bit(c);
  return mask;
}

bool Answers::answered(int key_index) const {
  switch (key_index) {
    case static_cast<int>(AnswerKey::Concerns): return !concerns.empty();
    case static_cast<int>(AnswerKey::Area): return true;
    case static_cast<int>(AnswerKey::Severity): return severity.has_value();
    case static_cast<int>(AnswerKey::Fitzpatrick): return fitzpatrick.has_value();
    case static_cast<int>(AnswerKey::Age): return age.has_value();
    default:
      if (key_index >= kFirstChoiceKey) return choices[key_index - kFirstChoiceKey].has_value();
      return flags[key_index - 5].has_value();
  }
}

AnswersResult parse_answers(std::string_view json) {
  AnswersResult result;
  nlohmann::json doc;
  std::string parse_error;
  if (!parse_json(json, doc, parse_error)) {  // never throws: the widget runs without exceptions
    result.error = "answers are not valid JSON: " + parse_error;
    return result;
  }
  if (!doc.is_object()) {
    result.error = "answers: expected a JSON object of answer keys, found " + std::string(doc.type_name());
    return result;
  }
  AnswerSheet sheet;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (std::string error = set_answer(sheet, it.key(), it.value()); !error.empty()) {
      result.key = it.key();
      result.error = std::move(error);
      return result;
    }
  }
  for (const char* required : {"concerns", "area"}) {
    if (!doc.contains(required)) {
      result.key = required;
      result.error = std::string(required) + ": missing (required)";
      return result;
    }
  }
  result.answers = std::move(sheet.values);
  return result;
}

bool AnswerSheet::answered(int key_index) const {
  if (key_index == static_cast<int>(AnswerKey::Area)) return has_area;
  return values.answered(key_index);
}

bool AnswerSheet::empty() const {
  for (int i = 0; i < kAnswerKeyCount; ++i)
    if (answered(i)) return false;
  return true;
}

std::string set_answer(AnswerSheet& sheet, std::string_view key, const nlohmann::json& value) {
  AnswerSheet next = sheet;  // unchanged unless the whole answer is valid
  std::string problem = read_field(key, value, next);
  if (!problem.empty()) return std::string(key) + ": " + problem;
  sheet = std::move(next);
  return {};
}

bool clear_answer(AnswerSheet& sheet, std::string_view key) {
  const auto index = answer_key_from_id(key);
  if (!index) return false;
  Answers& a = sheet.values;
  switch (*index) {
    case static_cast<int>(AnswerKey::Concerns): a.concerns.clear(); break;
    case static_cast<int>(AnswerKey::Area): sheet.has_area = false; a.area = Area::Forehead; break;
    case static_cast<int>(AnswerKey::Severity): a.severity.reset(); break;
    case static_cast<int>(AnswerKey::Fitzpatrick): a.fitzpatrick.reset(); break;
    case static_cast<int>(AnswerKey::Age): a.age.reset(); break;
    default:
      if (*index >= kFirstChoiceKey) a.choices[*index - kFirstChoiceKey].reset();
      else a.flags[*index - 5].reset();
      break;
  }
  return true;
}

nlohmann::json answer_value(const AnswerSheet& sheet, std::string_view key) {
  const auto index = answer_key_from_id(key);
  if (!index || !sheet.answered(*index)) return nullptr;
  const Answers& a = sheet.values;
  switch (*index) {
    case static_cast<int>(AnswerKey::Concerns): {
      nlohmann::json list = nlohmann::json::array();
      for (Concern c : a.concerns) list.push_back(std::string(concern_id(c)));
      return list;
    }
    case static_cast<int>(AnswerKey::Area): return std::string(area_id(a.area));
    case static_cast<int>(AnswerKey::Severity): return std::string(severity_id(*a.severity));
    case static_cast<int>(AnswerKey::Fitzpatrick): return *a.fitzpatrick;
    case static_cast<int>(AnswerKey::Age): return *a.age;
    default:
      if (*index >= kFirstChoiceKey) {
        const auto c = static_cast<Choice>(*index - kFirstChoiceKey);
        return std::string(choice_value_id(c, *a.choices[*index - kFirstChoiceKey]));
      }
      return *a.flags[*index - 5];
  }
}

nlohmann::json sheet_to_json(const AnswerSheet& sheet) {
  nlohmann::json out = nlohmann::json::object();
  for (int i = 0; i < kAnswerKeyCount; ++i)
    if (sheet.answered(i)) out[std::string(answer_key_id(i))] = answer_value(sheet, answer_key_id(i));
  return out;
}

std::string answers_to_json(const Answers& a) {
  AnswerSheet sheet{a, true};
  nlohmann::ordered_json out;  // in the vocabulary's order
  for (int i = 0; i < kAnswerKeyCount; ++i)
    if (sheet.answered(i)) out[std::string(answer_key_id(i))] = answer_value(sheet, answer_key_id(i));
  return out.dump();
}

}  // namespace skindepth::core
