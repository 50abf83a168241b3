// The session plan built from a patient's answers: the rules decide proceed / defer / refer (the most
// cautious outcome wins, and every reason that applies is listed); for proceed, the recipes of the
// chosen concerns are combined and the depth is clamped to the area's usual range and ceiling.
//
// Combining several concerns (documented here and in questionnaire.json):
//   sessions        the widest: max of the mins, max of the maxes (the concern needing most sets the course)
//   interval_weeks  the overlap of the spacings
//   depth_mm        the overlap of the ranges
//   maintenance     the more frequent of those concerns that have a sourced one; none when none has
//   session_minutes the widest range
// When the depths or the spacings do not overlap, one course cannot serve every concern: the answers
// are referred to a clinician (questionnaire.json's conflict_reason), never silently given the
// shallowest depth. A concern whose recipe has no course (product absorption) is explained, not
// planned; alone it leads to a clinician. Then "proceed" rules apply their modifications (depth caps,
// extra sessions, longer spacing), and the depth is clamped into the area's usual range, never above
// its ceiling and never through the skin into the fat.
#pragma once

#include "core/answers.h"
#include "core/content.h"
#include "core/questionnaire.h"

#include <optional>
#include <string>
#include <vector>

namespace skindepth::core {

// A plan points into the Content it was made from (texts, sources, windows), so building one costs a
// few small vectors, which keeps the exhaustive safety test fast. Keep that Content alive and unchanged
// while the plan is used; lines keep every language, so a plan can be shown (and checked) in each.
struct PlanLine {
  const Text* text = nullptr;
  const std::vector<std::string>* sources = nullptr;
  const CareWindow* window = nullptr;  // pre-care and aftercare
  std::optional<int> wait_days;        // wait hints, where known
};

struct Plan {
  Decision decision = Decision::Refer;
  std::vector<Concern> concerns;
  Area area = Area::Forehead;
  std::vector<PlanLine> reasons;  // never empty
  const Text* disclaimer = nullptr;
  std::string language = kDefaultLanguage;  // asked for in make_plan
  std::vector<PlanLine> wait;               // when any defer rule applies
  // Proceed only:
  Span sessions, interval_weeks, depth_mm, session_minutes;
  std::optional<Span> maintenance_months;  // only when a chosen concern's recipe has a sourced one
  std::vector<PlanLine> pre_care, aftercare, expected, cautions;
  std::vector<const Rule*> rules_applied;  // for tests and audits
};

Plan make_plan(const Content& content, const Answers& answers, const std::string& language);
// The plan of a sheet once every visible question is answered; nullopt before.
std::optional<Plan> current_plan(const Content& content, const AnswerSheet& sheet, const std::string& language);

// The plan as the public JSON (issue 5), indented by 2 spaces, in `language` (English fallback).
std::string plan_to_json(const Plan& plan, const std::string& language);
inline std::string plan_to_json(const Plan& plan) { return plan_to_json(plan, plan.language); }


}  // namespace skindepth::core
