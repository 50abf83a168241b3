// Condition evaluation for the questionnaire's rules (see questionnaire.h).
#include "core/questionnaire.h"

#include <cstdlib>

namespace skindepth::core {

bool matches(const Condition& c, const Answers& a) {
  using Kind = Condition::Kind;
  switch (c.kind) {
    case Kind::Always: return true;
    case Kind::FlagEquals: {
      const auto v = a.flag(c.flag);
      return v.has_value() && *v == c.value;
    }
    case Kind::ConcernsAny: return (a.concern_mask() & c.mask) != 0;
    case Kind::AreaIn: return (bit(a.area) & c.mask) != 0;
    case Kind::SeverityIn: return a.severity && (bit(*a.severity) & c.mask) != 0;
    case Kind::ChoiceIn: {
      const auto v = a.choice(c.choice);
      return v && (c.mask & (KeyMask{1} << *v)) != 0;
    }
    case Kind::FitzpatrickRange: return a.fitzpatrick && *a.fitzpatrick >= c.min && *a.fitzpatrick <= c.max;
    case Kind::AgeRange: return a.age && *a.age >= c.min && (c.max_exclusive ? *a.age < c.max : *a.age <= c.max);
    case Kind::Unanswered:
      for (int i = 0; i < kAnswerKeyCount; ++i)
        if ((c.mask & (KeyMask{1} << i)) && !a.answered(i)) return true;
      return false;
    case Kind::All:
      for (const auto& child : c.children)
        if (!matches(child, a)) return false;
      return true;
    case Kind::Any:
      for (const auto& child : c.children)
        if (matches(child, a)) return true;
      return false;
    case Kind::Not: return c.children.empty() || !matches(c.children.front(), a);
  }
  return false;
}

std::string_view decision_id(Decision d) {
  switch (d) {
    case Decision::Proceed: return "proceed";
    case Decision::Defer: return "defer";
    case Decision::Refer: return "refer";
  }
  return "refer";
}

bool question_visible(const Question& q, const AnswerSheet& sheet) {
  if (q.show_if.kind == Condition::Kind::Always) return true;
  return sheet.ready() && matches(q.show_if, sheet.values);
}

bool question_answered(const Question& q, const AnswerSheet& sheet) { return sheet.answered(q.key_index); }

std::vector<int> visible_steps(const Questionnaire& questionnaire, const AnswerSheet& sheet) {
  std::vector<int> out;
  const auto& steps = questionnaire.steps;
  for (int i = 0; i < static_cast<int>(steps.size()); ++i)
    for (const auto& q : steps[i].questions)
      if (question_visible(q, sheet)) {
        out.push_back(i);
        break;
      }
  return out;
}

bool step_complete(const Questionnaire& questionnaire, int step_index, const AnswerSheet& sheet) {
  if (step_index < 0 || step_index >= static_cast<int>(questionnaire.steps.size())) return false;
  for (const auto& q : questionnaire.steps[step_index].questions)
    if (question_visible(q, sheet) && !question_answered(q, sheet)) return false;
  return true;
}

bool questionnaire_complete(const Questionnaire& questionnaire, const AnswerSheet& sheet) {
  if (!sheet.ready()) return false;
  for (int i : visible_steps(questionnaire, sheet))
    if (!step_complete(questionnaire, i, sheet)) return false;
  return true;
}

nlohmann::json option_value(const Question& q, const Option& o) {
  if (q.key_index == static_cast<int>(AnswerKey::Fitzpatrick)) return std::atoi(o.value.c_str());
  return o.value;
}

}  // namespace skindepth::core
