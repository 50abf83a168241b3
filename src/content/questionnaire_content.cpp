// questionnaire.json -> core::Questionnaire: the steps and questions, the rules (conditions compiled
// into core::Condition trees), the plan recipes, pre-care, aftercare, expectations and cautions.
// Every answer key and value is checked against the answer vocabulary (core/answers.h), so content
// cannot ask a question the engine would not understand.
#include "content/loader.h"
#include "content/parts.h"

#include <set>

#include <type_traits>

namespace skindepth::content {

namespace {

using core::Condition;

// [SECTION] Conditions ---------------------------------------------------------------------------

constexpr const char* kConditionKeys =
    "all, any, not, unanswered, concerns, area, severity, fitzpatrick, age, scar_type, hair_loss_type, or a yes/no answer key";

Condition compile(const Reader& r);

std::vector<std::string> id_list(const Reader& parent, const std::string& key) {
  if (parent.has(key) && parent.value()[key].is_string()) return {parent.value()[key].get<std::string>()};
  return parent.strings(key);
}

template <typename T>
core::KeyMask bit_of(T v) {
  if constexpr (std::is_same_v<T, int>) return core::KeyMask{1} << v;
  else return core::bit(v);
}

template <typename FromId>
core::KeyMask mask_of(const Reader& parent, const std::string& key, FromId from_id, const char* what) {
  core::KeyMask mask = 0;
  const auto ids = id_list(parent, key);
  if (ids.empty() && parent.has(key)) parent.error_at(key, std::string("expected at least one ") + what);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto v = from_id(ids[i]);
    if (!v) {
      const Reader at = parent.member(key);
      (at.value().is_array() ? at.element(i) : at).error("unknown " + std::string(what) + " \"" + ids[i] + "\"");
      continue;
    }
    mask |= bit_of(*v);
  }
  return mask;
}

Condition range(const Reader& r, Condition::Kind kind, double lo, double hi, bool allow_below = false) {
  Condition c;
  c.kind = kind;
  if (!r.expect_object()) return c;
  if (allow_below) r.reject_unknown({"min", "max", "below"});
  else r.reject_unknown({"min", "max"});
  if (!r.has("min") && !r.has("max") && !r.has("below")) r.error(allow_below ? "expected \"min\", \"max\" or \"below\"" : "expected \"min\" and/or \"max\"");
  if (r.has("max") && r.has("below")) r.error("expected \"max\" or \"below\", not both");
  c.min = r.optional_number("min", lo, hi).value_or(lo);
  c.max = r.optional_number("max", lo, hi).value_or(hi);
  if (const auto below = r.optional_number("below", lo, hi)) {
    c.max = *below;
    c.max_exclusive = true;
  }
  if (c.min > c.max || (c.max_exclusive && c.min >= c.max)) r.error("expected min below max");
  return c;
}

Condition children(const Reader& r, Condition::Kind kind) {
  Condition c;
  c.kind = kind;
  if (!r.expect_array()) return c;
  if (r.size() == 0) r.error("expected at least one condition");
  for (std::size_t i = 0; i < r.size(); ++i) c.children.push_back(compile(r.element(i)));
  return c;
}

Condition compile_one(const Reader& parent, const std::string& key) {
  const Reader r = parent.member(key);
  Condition c;
  if (key == "all") return children(r, Condition::Kind::All);
  if (key == "any") return children(r, Condition::Kind::Any);
  if (key == "not") {
    c.kind = Condition::Kind::Not;
    c.children.push_back(compile(r));
    return c;
  }
  if (key == "unanswered") {
    c.kind = Condition::Kind::Unanswered;
    const auto keys = parent.strings(key);
    if (keys.empty()) r.error("expected at least one answer key");
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto index = core::answer_key_from_id(keys[i]);
      if (!index) r.element(i).error("unknown answer key \"" + keys[i] + "\"");
      else c.mask |= core::KeyMask{1} << *index;
    }
    return c;
  }
  if (key == "concerns" || key == "area" || key == "severity") {
    if (!r.expect_object()) return c;
    const char* op = key == "concerns" ? "includes" : "in";
    r.reject_unknown({op});
    if (!r.has(op)) r.error_at(op, "missing: expected a list of ids");
    if (key == "concerns") {
      c.kind = Condition::Kind::ConcernsAny;
      c.mask = mask_of(r, op, core::concern_from_id, "concern");
    } else if (key == "area") {
      c.kind = Condition::Kind::AreaIn;
      c.mask = mask_of(r, op, core::area_from_id, "area");
    } else {
      c.kind = Condition::Kind::SeverityIn;
      c.mask = mask_of(r, op, core::severity_from_id, "severity");
    }
    return c;
  }
  if (key == "fitzpatrick") return range(r, Condition::Kind::FitzpatrickRange, 1, 6);
  if (key == "age") return range(r, Condition::Kind::AgeRange, 0, 120, true);
  if (const auto choice = core::choice_from_key(key)) {
    c.kind = Condition::Kind::ChoiceIn;
    c.choice = *choice;
    if (!r.expect_object()) return c;
    r.reject_unknown({"in"});
    if (!r.has("in")) r.error_at("in", "missing: expected a list of ids");
    c.mask = mask_of(r, "in", [&](const std::string& id) { return core::choice_value_from_id(*choice, id); }, "value");
    return c;
  }
  if (const auto flag = core::flag_from_id(key)) {
    c.kind = Condition::Kind::FlagEquals;
    c.flag = *flag;
    if (!r.value().is_boolean()) r.error(std::string("expected true or false, found ") + r.value().type_name());
    else c.value = r.value().get<bool>();
    return c;
  }
  r.error(std::string("unknown condition; expected one of: ") + kConditionKeys);
  return c;
}

Condition compile(const Reader& r) {
  Condition c;
  if (!r.expect_object()) return c;
  if (r.size() == 0) {
    r.error("expected at least one condition");
    return c;
  }
  std::vector<Condition> parts;
  for (auto it = r.value().begin(); it != r.value().end(); ++it)
    if (it.key().rfind("_comment", 0) != 0) parts.push_back(compile_one(r, it.key()));
  if (parts.size() == 1) return std::move(parts.front());
  c.kind = Condition::Kind::All;
  c.children = std::move(parts);
  return c;
}

std::uint32_t areas_in(const Condition& c) {
  std::uint32_t mask = c.kind == Condition::Kind::AreaIn ? c.mask : 0;
  for (const auto& child : c.children) mask |= areas_in(child);
  return mask;
}

// [SECTION] Shared pieces ------------------------------------------------------------------------

core::Span span(const Reader& parent, const std::string& key, double lo, double hi) {
  core::Span s;
  const Reader r = parent.member(key);
  if (!r.expect_object()) return s;
  r.reject_unknown({"min", "max"});
  s.min = r.number("min", lo, hi);
  s.max = r.number("max", lo, hi);
  if (s.min > s.max) r.error("expected min <= max");
  return s;
}

std::vector<std::string> sources(const Reader& r, const core::Content& content) {
  auto ids = r.strings("sources");
  if (ids.empty() && r.has("sources")) r.error_at("sources", "expected at least one source id");
  check_sources(r, "sources", ids, content);
  return ids;
}

Condition optional_when(const Reader& r, const std::string& key) {
  if (!r.has(key)) return Condition{};
  return compile(r.member(key));
}

core::PlanItem item(const Reader& r, const core::Content& content, bool with_window) {
  core::PlanItem it;
  if (!r.expect_object()) return it;
  if (with_window) r.reject_unknown({"text", "window", "sources", "when"});
  else r.reject_unknown({"text", "sources", "when"});
  it.text = read_text(r, "text");
  it.sources = sources(r, content);
  it.when = optional_when(r, "when");
  if (with_window) {
    const Reader w = r.member("window");
    if (w.expect_object()) {
      w.reject_unknown({"from_hours", "to_hours", "label"});
      core::CareWindow window;
      window.from_hours = w.optional_number("from_hours", -24.0 * 365, 24.0 * 365);
      window.to_hours = w.optional_number("to_hours", -24.0 * 365, 24.0 * 365);
      if (window.from_hours && window.to_hours && *window.from_hours > *window.to_hours)
        w.error("expected from_hours <= to_hours");
      window.label = read_text(w, "label");
      it.window = std::move(window);
    }
  }
  return it;
}

std::vector<core::PlanItem> items(const Reader& root, const std::string& key, const core::Content& content,
                                  bool with_window) {
  std::vector<core::PlanItem> out;
  const Reader list = root.member(key);
  if (!list.expect_array()) return out;
  if (list.size() == 0) list.error("expected at least one item");
  for (std::size_t i = 0; i < list.size(); ++i) out.push_back(item(list.element(i), content, with_window));
  return out;
}

// [SECTION] Steps and questions -----------------------------------------------------------------

std::optional<core::AnswerKind> kind_from_id(const std::string& id) {
  if (id == "multi_choice") return core::AnswerKind::MultiChoice;
  if (id == "single_choice") return core::AnswerKind::SingleChoice;
  if (id == "number") return core::AnswerKind::Number;
  if (id == "yes_no") return core::AnswerKind::YesNo;
  return std::nullopt;
}

// Whether `value` is an answer the vocabulary accepts for the question's key.
// An option's value is checked by the vocabulary's own validator, core::set_answer (a concern as a
// list of one). Stored as text: the id, or the number for the Fitzpatrick type.
bool valid_option(int key_index, const nlohmann::json& value, std::string& as_text) {
  core::AnswerSheet scratch;
  const bool multi = core::answer_key_kind(key_index) == core::AnswerKind::MultiChoice;
  if (!core::set_answer(scratch, core::answer_key_id(key_index), multi ? nlohmann::json::array({value}) : value).empty())
    return false;
  as_text = value.is_string() ? value.get<std::string>() : value.dump();
  return true;
}

core::Question question(const Reader& r) {
  core::Question q;
  if (!r.expect_object()) return q;
  r.reject_unknown({"key", "kind", "label", "why", "options", "min", "max", "unit", "show_if"});
  q.key = r.string("key");
  const auto index = core::answer_key_from_id(q.key);
  if (!q.key.empty() && !index) r.error_at("key", "unknown answer key \"" + q.key + "\"");
  q.key_index = index.value_or(0);
  const std::string kind = r.string("kind");
  const auto k = kind_from_id(kind);
  if (!kind.empty() && !k) r.error_at("kind", "expected one of: multi_choice, single_choice, number, yes_no");
  q.kind = k.value_or(core::AnswerKind::YesNo);
  if (index && k && *k != core::answer_key_kind(*index))
    r.error_at("kind", "does not match the answer key \"" + q.key + "\"");
  q.label = read_text(r, "label");
  q.why = read_text(r, "why");
  q.show_if = optional_when(r, "show_if");
  const bool choice = q.kind == core::AnswerKind::MultiChoice || q.kind == core::AnswerKind::SingleChoice;
  if (!choice && r.has("options")) r.error_at("options", "only choice questions have options");
  if (q.kind != core::AnswerKind::Number) {
    for (const char* key : {"min", "max", "unit"})
      if (r.has(key)) r.error_at(key, "only number questions have min, max and unit");
  } else {
    q.min = r.number("min", 0, 120);
    q.max = r.number("max", 0, 120);
    q.unit = read_text(r, "unit", false);
  }
  if (!choice || !index) return q;
  const Reader options = r.member("options");
  if (!options.expect_array()) return q;
  if (options.size() == 0) options.error("expected at least one option");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < options.size(); ++i) {
    const Reader o = options.element(i);
    if (!o.expect_object()) continue;
    o.reject_unknown({"value", "label", "description"});
    core::Option option;
    if (!o.has("value")) o.error_at("value", "missing");
    else if (!valid_option(*index, o.value()["value"], option.value))
      o.error_at("value", "not an answer the vocabulary accepts for \"" + q.key + "\"");
    else if (!seen.insert(option.value).second)
      o.error_at("value", "duplicate option \"" + option.value + "\"");
    option.label = read_text(o, "label");
    option.description = read_text(o, "description", false);
    q.options.push_back(std::move(option));
  }
  return q;
}

void parse_steps(const Reader& root, core::Questionnaire& qn) {
  const Reader steps = root.member("steps");
  if (!steps.expect_array()) return;
  std::set<std::string> asked, step_ids;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Reader s = steps.element(i);
    if (!s.expect_object()) continue;
    s.reject_unknown({"id", "title", "questions"});
    core::Step step;
    step.id = s.string("id");
    if (!step.id.empty() && !step_ids.insert(step.id).second) s.error_at("id", "duplicate step id \"" + step.id + "\"");
    step.title = read_text(s, "title");
    const Reader qs = s.member("questions");
    if (qs.expect_array()) {
      if (qs.size() == 0) qs.error("expected at least one question");
      for (std::size_t j = 0; j < qs.size(); ++j) {
        core::Question q = question(qs.element(j));
        if (!q.key.empty() && !asked.insert(q.key).second)
          qs.element(j).error_at("key", "\"" + q.key + "\" is asked twice");
        step.questions.push_back(std::move(q));
      }
    }
    qn.steps.push_back(std::move(step));
  }
  for (int k = 0; k < core::kAnswerKeyCount; ++k)
    if (!asked.count(std::string(core::answer_key_id(k))))
      steps.error("no question asks \"" + std::string(core::answer_key_id(k)) + "\"");
}

// [SECTION] Rules and recipes --------------------------------------------------------------------

std::optional<core::Decision> decision_from_id(const std::string& id) {
  for (auto d : {core::Decision::Proceed, core::Decision::Defer, core::Decision::Refer})
    if (core::decision_id(d) == id) return d;
  return std::nullopt;
}

void parse_rules(const Reader& root, const core::Content& content, core::Questionnaire& qn) {
  const Reader rules = root.member("rules");
  if (!rules.expect_array()) return;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Reader r = rules.element(i);
    if (!r.expect_object()) continue;
    r.reject_unknown({"id", "when", "outcome", "reason", "sources", "wait", "modifications"});
    core::Rule rule;
    rule.id = r.string("id");
    if (!rule.id.empty() && !ids.insert(rule.id).second) r.error_at("id", "duplicate rule id \"" + rule.id + "\"");
    rule.when = compile(r.member("when"));
    const std::string outcome = r.string("outcome");
    const auto d = decision_from_id(outcome);
    if (!outcome.empty() && !d) r.error_at("outcome", "expected one of: proceed, defer, refer");
    rule.outcome = d.value_or(core::Decision::Refer);
    rule.reason = read_text(r, "reason");
    rule.sources = sources(r, content);
    if (rule.outcome == core::Decision::Defer) {
      const Reader w = r.member("wait");
      if (w.expect_object()) {
        w.reject_unknown({"days", "text"});
        if (auto days = w.optional_number("days", 1, 3650)) rule.wait_days = static_cast<int>(*days);
        rule.wait = read_text(w, "text");
      }
    } else if (r.has("wait")) {
      r.error_at("wait", "only defer rules have a wait");
    }
    if (auto m = r.optional_member("modifications")) {
      if (rule.outcome != core::Decision::Proceed) r.error_at("modifications", "only proceed rules modify the plan");
      if (m->expect_object()) {
        m->reject_unknown({"depth_max_mm", "extra_sessions", "interval_min_weeks"});
        rule.modifications.depth_max_mm = m->optional_number("depth_max_mm", 0.1, 2.5);
        rule.modifications.extra_sessions = static_cast<int>(m->optional_number("extra_sessions", 0, 12).value_or(0));
        rule.modifications.interval_min_weeks = m->optional_number("interval_min_weeks", 1, 26);
      }
    }
    qn.rules.push_back(std::move(rule));
  }
}

void parse_recipes(const Reader& root, const core::Content& content, core::Questionnaire& qn) {
  const Reader recipes = root.member("recipes");
  if (!recipes.expect_array()) return;
  for (std::size_t i = 0; i < recipes.size(); ++i) {
    const Reader r = recipes.element(i);
    if (!r.expect_object()) continue;
    r.reject_unknown({"concern", "course", "sessions", "interval_weeks", "depth_mm", "maintenance_months",
                      "session_minutes", "why", "sources", "by_area"});
    core::Recipe recipe;
    const std::string id = r.string("concern");
    const auto concern = core::concern_from_id(id);
    if (!id.empty() && !concern) r.error_at("concern", "unknown concern \"" + id + "\"");
    recipe.concern = concern.value_or(core::Concern::FineLines);
    if (concern && qn.find_recipe(*concern)) r.error_at("concern", "a second recipe for \"" + id + "\"");
    // "course": false: the concern is explained (its "why"), never planned as sessions.
    recipe.course = r.boolean("course", true);
    if (recipe.course) {
      recipe.sessions = span(r, "sessions", 1, 52);
      recipe.interval_weeks = span(r, "interval_weeks", 1, 26);
      recipe.depth_mm = span(r, "depth_mm", 0.1, 2.5);
      if (r.has("maintenance_months")) recipe.maintenance_months = span(r, "maintenance_months", 1, 24);
      recipe.session_minutes = span(r, "session_minutes", 5, 240);
    } else {
      for (const char* key : {"sessions", "interval_weeks", "depth_mm", "maintenance_months", "session_minutes", "by_area"})
        if (r.has(key)) r.error_at(key, "a recipe without a course has no numbers");
    }
    recipe.why = read_text(r, "why");
    recipe.sources = sources(r, content);
    if (auto by_area = r.optional_member("by_area"); by_area && by_area->expect_array()) {
      for (std::size_t j = 0; j < by_area->size(); ++j) {
        const Reader a = by_area->element(j);
        if (!a.expect_object()) continue;
        a.reject_unknown({"areas", "depth_mm", "sources"});
        core::Recipe::AreaDepth d;
        d.areas = mask_of(a, "areas", core::area_from_id, "area");
        d.depth_mm = span(a, "depth_mm", 0.1, 2.5);
        d.sources = sources(a, content);
        recipe.by_area.push_back(std::move(d));
      }
    }
    if (concern && !qn.find_recipe(*concern)) qn.recipes.push_back(std::move(recipe));
  }
}

void parse_depth_cautions(const Reader& root, const core::Content& content, core::Questionnaire& qn) {
  const Reader list = root.member("depth_cautions");
  if (!list.expect_array()) return;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Reader r = list.element(i);
    if (!r.expect_object()) continue;
    r.reject_unknown({"above_mm", "text", "sources"});
    core::DepthCaution d;
    d.above_mm = r.number("above_mm", 0.1, 2.5);
    d.text = read_text(r, "text");
    d.sources = sources(r, content);
    qn.depth_cautions.push_back(std::move(d));
  }
}

void parse_questionnaire(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"steps", "rules", "recipes", "pre_care", "aftercare", "expected", "depth_cautions",
                       "proceed_reason", "fallback_reason", "conflict_reason", "clamped_reason", "disclaimer"});
  core::Questionnaire qn;
  parse_steps(root, qn);
  parse_rules(root, content, qn);
  parse_recipes(root, content, qn);
  qn.pre_care = items(root, "pre_care", content, true);
  qn.aftercare = items(root, "aftercare", content, true);
  qn.expected = items(root, "expected", content, false);
  parse_depth_cautions(root, content, qn);
  qn.proceed_reason = item(root.member("proceed_reason"), content, false);
  qn.fallback_reason = item(root.member("fallback_reason"), content, false);
  qn.conflict_reason = item(root.member("conflict_reason"), content, false);
  qn.clamped_reason = item(root.member("clamped_reason"), content, false);
  qn.disclaimer = read_text(root, "disclaimer");
  content.questionnaire = std::move(qn);
}

// Every area the questionnaire names must exist in the skin model, or its plans could not be clamped.
void cross_check_questionnaire(const core::Content& content, std::vector<ContentError>& errors) {
  const auto& qn = content.questionnaire;
  auto check = [&](std::uint32_t mask, const std::string& pointer) {
    for (int a = 0; a < core::kAreaCount; ++a) {
      const auto id = core::area_id(static_cast<core::Area>(a));
      if ((mask & (1u << a)) && !content.skin.find_area(id))
        errors.push_back({"questionnaire.json", pointer,
                          "area \"" + std::string(id) + "\" is not in areas.json"});
    }
  };
  for (std::size_t s = 0; s < qn.steps.size(); ++s)
    for (std::size_t q = 0; q < qn.steps[s].questions.size(); ++q) {
      const auto& question = qn.steps[s].questions[q];
      const std::string pointer = "/steps/" + std::to_string(s) + "/questions/" + std::to_string(q);
      check(areas_in(question.show_if), pointer + "/show_if");
      if (question.key != "area") continue;
      for (std::size_t o = 0; o < question.options.size(); ++o)
        if (const auto a = core::area_from_id(question.options[o].value))
          check(core::bit(*a), pointer + "/options/" + std::to_string(o) + "/value");
    }
  for (std::size_t i = 0; i < qn.rules.size(); ++i) check(areas_in(qn.rules[i].when), "/rules/" + std::to_string(i) + "/when");
  for (std::size_t i = 0; i < qn.recipes.size(); ++i)
    for (std::size_t j = 0; j < qn.recipes[i].by_area.size(); ++j)
      check(qn.recipes[i].by_area[j].areas, "/recipes/" + std::to_string(i) + "/by_area/" + std::to_string(j) + "/areas");
  for (auto* list : {&qn.pre_care, &qn.aftercare, &qn.expected}) {
    const char* name = list == &qn.pre_care ? "pre_care" : list == &qn.aftercare ? "aftercare" : "expected";
    for (std::size_t i = 0; i < list->size(); ++i)
      check(areas_in((*list)[i].when), "/" + std::string(name) + "/" + std::to_string(i) + "/when");
  }
}

}  // namespace

ContentPart questionnaire_part() {
  return {"questionnaire.json", parse_questionnaire, cross_check_questionnaire};
}

}  // namespace skindepth::content
