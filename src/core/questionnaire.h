// The questionnaire as loaded from content/questionnaire.json: the steps a patient answers, the
// rules (conditions -> proceed / defer / refer, with sources) a clinic's medical director can review,
// the plan recipes by concern, and the pre-care, aftercare, expectations and cautions of a plan.
// Conditions are compiled at load into a small tree of bit masks and ranges, so evaluating every rule
// for one set of answers is a few dozen comparisons.
#pragma once

#include "core/answers.h"
#include "core/text.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace skindepth::core {

struct Span {
  double min = 0.0;
  double max = 0.0;
  bool operator==(const Span&) const = default;
};

// A compiled condition. JSON form (questionnaire.json):
//   {"diabetes": true}                         a yes/no answer equals (unanswered never matches)
//   {"concerns": {"includes": "hair_loss"}}    any of one or more concerns was chosen
//   {"area": {"in": ["around_eyes"]}}           the area is one of
//   {"severity": {"in": ["severe"]}}            (unanswered never matches)
//   {"fitzpatrick": {"min": 4, "max": 6}}       inclusive range (unanswered never matches)
//   {"age": {"below": 18}}                      min inclusive, "below" exclusive ("max" inclusive);
//                                               unanswered never matches
//   {"scar_type": {"in": ["raised"]}}           a choice answer is one of (unanswered never matches)
//   {"unanswered": ["diabetes", "age"]}         any of these keys was left unanswered
//   {"all": [...]}, {"any": [...]}, {"not": {...}}; several keys in one object: all must hold.
struct Condition {
  enum class Kind : std::uint8_t { Always, FlagEquals, ConcernsAny, AreaIn, SeverityIn, ChoiceIn, FitzpatrickRange,
                                   AgeRange, Unanswered, All, Any, Not };
  Kind kind = Kind::Always;
  Flag flag = Flag::PregnantOrBreastfeeding;
  Choice choice = Choice::ScarType;
  bool value = true;
  KeyMask mask = 0;  // concerns, areas, severities, choice values or answer keys, by kind
  double min = 0.0, max = 0.0;
  bool max_exclusive = false;  // "below": the range stops short of max
  std::vector<Condition> children;
};

bool matches(const Condition& condition, const Answers& answers);

enum class Decision : std::uint8_t { Proceed = 0, Defer = 1, Refer = 2 };  // ordered by caution
std::string_view decision_id(Decision d);

// What a "proceed" rule changes in the plan.
struct Modifications {
  std::optional<double> depth_max_mm;        // cap on the needle depth
  int extra_sessions = 0;                    // added to sessions min and max (several rules: the largest)
  std::optional<double> interval_min_weeks;  // at least this many weeks apart
};

struct Rule {
  std::string id;
  Condition when;
  Decision outcome = Decision::Refer;
  Text reason;  // for proceed rules: shown as a caution of the plan
  std::vector<std::string> sources;
  std::optional<int> wait_days;  // defer: how long at least, where known
  Text wait;                     // defer: until what
  Modifications modifications;   // proceed only
};

struct Recipe {
  Concern concern = Concern::FineLines;
  bool course = true;  // false: explained (its `why`), never planned as sessions (product absorption)
  Span sessions, interval_weeks, depth_mm, session_minutes;
  std::optional<Span> maintenance_months;  // only where a source supports it
  Text why;  // why microneedling suits this concern (a reason of a proceed plan), or why it does not
  std::vector<std::string> sources;
  // Depth differs by area for some concerns (e.g. body skin is thicker).
  struct AreaDepth {
    std::uint32_t areas = 0;  // mask
    Span depth_mm;
    std::vector<std::string> sources;
  };
  std::vector<AreaDepth> by_area;
};

struct CareWindow {
  std::optional<double> from_hours;  // negative: before the session
  std::optional<double> to_hours;
  Text label;                        // "From 7 days before", shown as is
};

// A pre-care, aftercare, expectation or caution line; `when` limits it to some answers.
struct PlanItem {
  Text text;
  std::optional<CareWindow> window;  // pre-care and aftercare only
  std::vector<std::string> sources;
  Condition when;
};

struct DepthCaution {
  double above_mm = 0.0;  // shown when the plan's depth goes above this
  Text text;
  std::vector<std::string> sources;
};

struct Option {
  std::string value;  // vocabulary id ("fine_lines") or a number as text for fitzpatrick ("4")
  Text label;
  Text description;   // optional (e.g. what a Fitzpatrick type looks like)
};

struct Question {
  std::string key;  // answer key
  int key_index = 0;
  AnswerKind kind = AnswerKind::YesNo;  // always its key's kind (checked at load)
  Text label;
  Text why;  // why we ask
  std::vector<Option> options;
  std::optional<double> min, max;  // numbers
  Text unit;                       // numbers, optional
  Condition show_if;               // Always unless the question only matters for some answers
};

struct Step {
  std::string id;
  Text title;
  std::vector<Question> questions;
};

struct Questionnaire {
  std::vector<Step> steps;
  std::vector<Rule> rules;
  std::vector<Recipe> recipes;
  std::vector<PlanItem> pre_care, aftercare, expected;
  std::vector<DepthCaution> depth_cautions;
  PlanItem proceed_reason;    // "nothing in your answers rules it out now"
  // Safety net: when no plan can be built (a concern without a recipe, an area missing from the skin
  // model), the answers are referred to a clinician with this reason.
  PlanItem fallback_reason;
  // Concerns whose recipes need different depths or spacing are not merged into one course: the
  // answers are referred to a clinician, who plans them by treatment zone, with this reason.
  PlanItem conflict_reason;
  // Shown when the area's usual range or ceiling made the plan shallower than its concerns' studies:
  // the plan keeps the needle inside the skin drawn, the clinician sets the final depth.
  PlanItem clamped_reason;
  Text disclaimer;

  const Recipe* find_recipe(Concern c) const {
    for (const auto& r : recipes)
      if (r.concern == c) return &r;
    return nullptr;
  }
  const Question* find_question(std::string_view key) const {
    for (const auto& s : steps)
      for (const auto& q : s.questions)
        if (q.key == key) return &q;
    return nullptr;
  }
};

// --- The flow over a partial answer sheet: what the questionnaire panel, the page's mirror and the
// host API all follow. A question with a condition shows once concerns and area are given and the
// condition holds; a step shows when one of its questions does.
bool question_visible(const Question& question, const AnswerSheet& sheet);
bool question_answered(const Question& question, const AnswerSheet& sheet);
// Steps with at least one visible question, in order (indices into `questionnaire.steps`).
std::vector<int> visible_steps(const Questionnaire& questionnaire, const AnswerSheet& sheet);
bool step_complete(const Questionnaire& questionnaire, int step_index, const AnswerSheet& sheet);
// Every visible question answered (and so concerns and area given): a plan can be made.
bool questionnaire_complete(const Questionnaire& questionnaire, const AnswerSheet& sheet);
// An option's answer value: the vocabulary id, or a number for the Fitzpatrick type.
nlohmann::json option_value(const Question& question, const Option& option);

}  // namespace skindepth::core
