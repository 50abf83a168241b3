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
    "sunburn_or_tan_last_7_days", "hair_loss_diagnosed"};
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

// Collects the first problem; parsing stops there so the message names exactly one key.
struct Failure {
  std::string key;
  std::string message;
};

std::optional<Failure> fail(const std::string& key, const std::string& message) { return Failure{key, message}; }

std::optional<Failure> read_concerns(const nlohmann::json& v, Answers& a) {
  if (!v.is_array()) return fail("concerns", "expected a list of concerns, found " + shown(v));
  if (v.empty()) return fail("concerns", "expected at least one concern");
  for (const auto& item : v) {
    if (!item.is_string()) return fail("concerns", "expected concern names (strings), found " + shown(item));
    const auto c = concern_from_id(item.get<std::string>());
    if (!c) return fail("concerns", "unknown concern " + shown(item) + "; expected one of: " + one_of(kConcernIds));
    for (Concern seen : a.concerns)
      if (seen == *c) return fail("concerns", "concern " + shown(item) + " is listed twice");
    a.concerns.push_back(*c);
  }
  return std::nullopt;
}

std::optional<Failure> read_field(const std::string& key, const nlohmann::json& v, Answers& a) {
  if (key == "concerns") return read_concerns(v, a);
  if (key == "area") {
    const auto area = v.is_string() ? area_from_id(v.get<std::string>()) : std::nullopt;
    if (!area) return fail(key, "unknown area " + shown(v) + "; expected one of: " + one_of(kAreaIds));
    a.area = *area;
    return std::nullopt;
  }
  if (key == "severity") {
    const auto s = v.is_string() ? severity_from_id(v.get<std::string>()) : std::nullopt;
    if (!s) return fail(key, "expected one of: " + one_of(kSeverityIds) + ", found " + shown(v));
    a.severity = *s;
    return std::nullopt;
  }
  if (key == "fitzpatrick") {
    if (!v.is_number() || v.get<double>() != std::floor(v.get<double>()) || v.get<double>() < 1 || v.get<double>() > 6)
      return fail(key, "expected an integer from 1 to 6, found " + shown(v));
    a.fitzpatrick = static_cast<int>(v.get<double>());
    return std::nullopt;
  }
  if (key == "age") {
    if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0 || v.get<double>() > 120)
      return fail(key, "expected a number of years from 0 to 120, found " + shown(v));
    a.age = v.get<double>();
    return std::nullopt;
  }
  if (const auto f = flag_from_id(key)) {
    if (!v.is_boolean()) return fail(key, "expected true or false, found " + shown(v));
    a.set(*f, v.get<bool>());
    return std::nullopt;
  }
  return fail(key, "unknown answer key; expected one of: " + one_of(kOtherKeys) + ", " + one_of(kFlagIds));
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

std::string_view answer_key_id(int index) {
  return index < 5 ? kOtherKeys[index] : kFlagIds[index - 5];
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
    default: return AnswerKind::YesNo;
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
    default: return flags[key_index - 5].has_value();
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
  Answers answers;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    if (auto failure = read_field(it.key(), it.value(), answers)) {
      result.key = failure->key;
      result.error = failure->key + ": " + failure->message;
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
  result.answers = std::move(answers);
  return result;
}

std::string answers_to_json(const Answers& a) {
  nlohmann::ordered_json out;
  out["concerns"] = nlohmann::ordered_json::array();
  for (Concern c : a.concerns) out["concerns"].push_back(std::string(concern_id(c)));
  out["area"] = std::string(area_id(a.area));
  if (a.severity) out["severity"] = std::string(severity_id(*a.severity));
  if (a.fitzpatrick) out["fitzpatrick"] = *a.fitzpatrick;
  if (a.age) out["age"] = *a.age;
  for (int i = 0; i < kFlagCount; ++i)
    if (a.flags[i]) out[std::string(kFlagIds[i])] = *a.flags[i];
  return out.dump();
}

}  // namespace skindepth::core
