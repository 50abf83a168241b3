// Builds a session plan from answers and the questionnaire content (see plan.h).
#include "core/plan.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace skindepth::core {

namespace {

PlanLine line(const Text& text, const std::vector<std::string>& sources) {
  PlanLine l;
  l.text = &text;
  l.sources = &sources;
  return l;
}

PlanLine line(const PlanItem& item) {
  PlanLine l = line(item.text, item.sources);
  if (item.window) l.window = &*item.window;
  return l;
}

Span recipe_depth(const Recipe& r, Area area) {
  for (const auto& d : r.by_area)
    if (d.areas & bit(area)) return d.depth_mm;
  return r.depth_mm;
}

// Combines the recipes of every concern (rules in plan.h); false when they conflict: their depths or
// their spacings do not overlap, so one course cannot serve them all.
bool combine(const std::vector<const Recipe*>& recipes, Area area, Plan& plan) {
  bool first = true;
  for (const Recipe* r : recipes) {
    const Span depth = recipe_depth(*r, area);
    if (r->maintenance_months) {
      const Span m = *r->maintenance_months;
      plan.maintenance_months = plan.maintenance_months
                                    ? Span{std::min(plan.maintenance_months->min, m.min), std::min(plan.maintenance_months->max, m.max)}
                                    : m;
    }
    if (first) {
      plan.sessions = r->sessions;
      plan.interval_weeks = r->interval_weeks;
      plan.depth_mm = depth;
      plan.session_minutes = r->session_minutes;
      first = false;
      continue;
    }
    plan.sessions = {std::max(plan.sessions.min, r->sessions.min), std::max(plan.sessions.max, r->sessions.max)};
    plan.interval_weeks = {std::max(plan.interval_weeks.min, r->interval_weeks.min),
                           std::min(plan.interval_weeks.max, r->interval_weeks.max)};
    plan.depth_mm = {std::max(plan.depth_mm.min, depth.min), std::min(plan.depth_mm.max, depth.max)};
    plan.session_minutes = {std::min(plan.session_minutes.min, r->session_minutes.min),
                            std::max(plan.session_minutes.max, r->session_minutes.max)};
  }
  return plan.depth_mm.min <= plan.depth_mm.max && plan.interval_weeks.min <= plan.interval_weeks.max;
}

void apply(const Modifications& m, Plan& plan) {
  if (m.depth_max_mm) plan.depth_mm.max = std::min(plan.depth_mm.max, *m.depth_max_mm);
  if (m.interval_min_weeks) {
    plan.interval_weeks.min = std::max(plan.interval_weeks.min, *m.interval_min_weeks);
    plan.interval_weeks.max = std::max(plan.interval_weeks.max, plan.interval_weeks.min);
  }
}

// Never deeper than the area's usual range or its ceiling, and never through the skin into the fat
// (the content keeps ceilings inside the skin; this holds even for content that does not); shallower
// is allowed.
void clamp_to_area(const BodyArea& area, Span& depth) {
  const double top = std::min({area.usual_depth_mm.max, area.ceiling_mm, area.skin_mm() - kSkinMarginMm});
  depth.max = std::min(depth.max, top);
  depth.min = std::min(depth.min, depth.max);
}

void refer_with_fallback(const Questionnaire& q, Plan& plan) {
  plan.decision = Decision::Refer;
  plan.reasons.insert(plan.reasons.begin(), line(q.fallback_reason));
}

}  // namespace

Plan make_plan(const Content& content, const Answers& answers, const std::string& language) {
  const Questionnaire& q = content.questionnaire;
  Plan plan;
  plan.language = language;
  plan.concerns = answers.concerns;
  plan.area = answers.area;
  plan.disclaimer = &q.disclaimer;

  plan.rules_applied.reserve(q.rules.size());
  int highest = static_cast<int>(Decision::Proceed);
  for (const auto& rule : q.rules) {
    if (!matches(rule.when, answers)) continue;
    plan.rules_applied.push_back(&rule);
    highest = std::max(highest, static_cast<int>(rule.outcome));
  }
  plan.decision = static_cast<Decision>(highest);

  // Every reason that applies: a referral also lists what the patient must wait for.
  plan.reasons.reserve(plan.rules_applied.size() + answers.concerns.size() + 1);
  for (Decision d : {Decision::Refer, Decision::Defer})
    for (const Rule* r : plan.rules_applied) {
      if (r->outcome != d) continue;
      plan.reasons.push_back(line(r->reason, r->sources));
      if (d != Decision::Defer) continue;
      PlanLine wait = line(r->wait, r->sources);
      wait.wait_days = r->wait_days;
      plan.wait.push_back(wait);
    }

  // Concerns with a course, and concerns only explained (product absorption: never a course).
  std::vector<const Recipe*> recipes, explained;
  recipes.reserve(answers.concerns.size());
  bool missing_recipe = false;
  for (Concern c : answers.concerns) {
    const Recipe* r = q.find_recipe(c);
    if (!r) missing_recipe = true;
    else (r->course ? recipes : explained).push_back(r);
  }
  const BodyArea* area = content.skin.find_area(area_id(answers.area));
  if (missing_recipe || !area) {
    refer_with_fallback(q, plan);
    return plan;
  }
  if (recipes.empty()) {  // nothing to plan sessions for: explained, and a clinician decides
    plan.decision = Decision::Refer;
    for (const Recipe* r : explained) plan.reasons.push_back(line(r->why, r->sources));
    return plan;
  }
  if (plan.decision != Decision::Proceed) return plan;

  if (!combine(recipes, answers.area, plan)) {
    plan.decision = Decision::Refer;
    plan.reasons.push_back(line(q.conflict_reason));
    for (const Recipe* r : recipes) plan.reasons.push_back(line(r->why, r->sources));
    return plan;
  }
  plan.reasons.push_back(line(q.proceed_reason));
  for (const Recipe* r : recipes) plan.reasons.push_back(line(r->why, r->sources));
  for (const Recipe* r : explained) plan.cautions.push_back(line(r->why, r->sources));
  int extra_sessions = 0;
  for (const Rule* r : plan.rules_applied) {
    if (r->outcome != Decision::Proceed) continue;
    apply(r->modifications, plan);
    extra_sessions = std::max(extra_sessions, r->modifications.extra_sessions);
    plan.cautions.push_back(line(r->reason, r->sources));
  }
  plan.sessions.min += extra_sessions;
  plan.sessions.max += extra_sessions;
  const double wanted = plan.depth_mm.max;
  clamp_to_area(*area, plan.depth_mm);
  if (plan.depth_mm.max < wanted - 1e-9) plan.cautions.push_back(line(q.clamped_reason));
  for (const auto& d : q.depth_cautions)
    if (plan.depth_mm.max > d.above_mm) plan.cautions.push_back(line(d.text, d.sources));

  for (const auto& item : q.pre_care)
    if (matches(item.when, answers)) plan.pre_care.push_back(line(item));
  for (const auto& item : q.aftercare)
    if (matches(item.when, answers)) plan.aftercare.push_back(line(item));
  for (const auto& item : q.expected)
    if (matches(item.when, answers)) plan.expected.push_back(line(item));
  return plan;
}

namespace {

using Json = nlohmann::ordered_json;

Json whole_span(const Span& s) {
  return Json{{"min", static_cast<long>(std::lround(s.min))}, {"max", static_cast<long>(std::lround(s.max))}};
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }

// Whole numbers print as integers (-168, not -168.0).
Json number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e9) return static_cast<long>(v);
  return v;
}

Json lines(const std::vector<PlanLine>& list, const std::string& language) {
  Json out = Json::array();
  for (const auto& l : list) {
    Json j;
    j["text"] = l.text->get(language);
    if (l.window) {
      Json w;
      if (l.window->from_hours) w["from_hours"] = number(*l.window->from_hours);
      if (l.window->to_hours) w["to_hours"] = number(*l.window->to_hours);
      w["label"] = l.window->label.get(language);
      j["window"] = std::move(w);
    }
    if (l.wait_days) j["days"] = *l.wait_days;
    j["sources"] = *l.sources;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string plan_to_json(const Plan& plan, const std::string& language) {
  Json out;
  out["decision"] = std::string(decision_id(plan.decision));
  out["area"] = std::string(area_id(plan.area));
  out["concerns"] = Json::array();
  for (Concern c : plan.concerns) out["concerns"].push_back(std::string(concern_id(c)));
  out["reasons"] = lines(plan.reasons, language);
  if (!plan.wait.empty()) out["wait"] = lines(plan.wait, language);
  if (plan.decision == Decision::Proceed) {
    out["sessions"] = whole_span(plan.sessions);
    out["interval_weeks"] = whole_span(plan.interval_weeks);
    out["depth_mm"] = Json{{"min", round2(plan.depth_mm.min)}, {"max", round2(plan.depth_mm.max)}};
    if (plan.maintenance_months) out["maintenance_months"] = whole_span(*plan.maintenance_months);
    out["session_minutes"] = whole_span(plan.session_minutes);
    out["pre_care"] = lines(plan.pre_care, language);
    out["aftercare"] = lines(plan.aftercare, language);
    out["expected"] = lines(plan.expected, language);
    out["cautions"] = lines(plan.cautions, language);
  }
  out["disclaimer"] = plan.disclaimer->get(language);
  return out.dump(2);
}

std::optional<Plan> current_plan(const Content& content, const AnswerSheet& sheet, const std::string& language) {
  if (!questionnaire_complete(content.questionnaire, sheet)) return std::nullopt;
  return make_plan(content, sheet.values, language);
}

}  // namespace skindepth::core
