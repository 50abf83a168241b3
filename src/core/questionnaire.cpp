// Condition evaluation for the questionnaire's rules (see questionnaire.h).
#include "core/questionnaire.h"

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
    case Kind::FitzpatrickRange: return a.fitzpatrick && *a.fitzpatrick >= c.min && *a.fitzpatrick <= c.max;
    case Kind::AgeRange: return a.age && *a.age >= c.min && *a.age <= c.max;
    case Kind::Unanswered:
      for (int i = 0; i < kAnswerKeyCount; ++i)
        if ((c.mask & (1u << i)) && !a.answered(i)) return true;
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

}  // namespace skindepth::core
