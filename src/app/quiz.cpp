// Questionnaire logic (see quiz.h).
#include "app/quiz.h"

#include <cstdio>
#include <cstdlib>

namespace skindepth::app {

core::AnswersResult parsed_answers(const AppState& s) { return core::parse_answers(s.quiz.answers.dump()); }

bool question_visible(const AppState& s, const core::Question& q) {
  if (q.show_if.kind == core::Condition::Kind::Always) return true;
  const auto parsed = parsed_answers(s);
  return parsed.ok() && core::matches(q.show_if, *parsed.answers);
}

bool question_answered(const AppState& s, const core::Question& q) {
  auto it = s.quiz.answers.find(q.key);
  if (it == s.quiz.answers.end() || it->is_null()) return false;
  if (q.kind == core::QuestionKind::MultiChoice) return it->is_array() && !it->empty();
  return true;
}

std::vector<int> visible_steps(const AppState& s) {
  std::vector<int> out;
  if (!s.content) return out;
  const auto& steps = s.content->questionnaire.steps;
  for (int i = 0; i < static_cast<int>(steps.size()); ++i)
    for (const auto& q : steps[i].questions)
      if (question_visible(s, q)) {
        out.push_back(i);
        break;
      }
  return out;
}

bool step_complete(const AppState& s, int step_index) {
  if (!s.content || step_index < 0 || step_index >= static_cast<int>(s.content->questionnaire.steps.size())) return false;
  for (const auto& q : s.content->questionnaire.steps[step_index].questions)
    if (question_visible(s, q) && !question_answered(s, q)) return false;
  return true;
}

nlohmann::json option_value(const core::Question& q, const core::Option& o) {
  if (q.key == "fitzpatrick") return std::atoi(o.value.c_str());
  return o.value;
}

std::optional<core::Plan> current_plan(const AppState& s) {
  if (!s.content) return std::nullopt;
  for (int i : visible_steps(s))
    if (!step_complete(s, i)) return std::nullopt;
  const auto parsed = parsed_answers(s);
  if (!parsed.ok()) return std::nullopt;
  return core::make_plan(*s.content, *parsed.answers, s.language);
}

namespace {

std::string span_text(const core::Span& s, const char* unit) {
  char buf[64];
  if (s.min == s.max) std::snprintf(buf, sizeof buf, "%g%s", s.min, unit);
  else std::snprintf(buf, sizeof buf, "%g-%g%s", s.min, s.max, unit);
  return buf;
}

}  // namespace

PlanOutline plan_outline(const AppState& s, const core::Plan& plan) {
  const auto& lang = s.language;
  PlanOutline o;
  o.title = s.ui("app.title");
  o.stamp = s.ui("plan.stamp");
  o.decision = s.ui(plan.decision == core::Decision::Proceed ? "plan.proceed"
                    : plan.decision == core::Decision::Defer ? "plan.defer" : "plan.refer");
  auto sources = [&](const std::vector<std::string>* ids) {
    std::string t;
    if (!ids || ids->empty() || !s.content) return t;
    t = " [";
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const core::Source* src = s.content->find_source((*ids)[i]);
      t += (i ? "; " : "") + (src ? src->short_name : (*ids)[i]);
    }
    return t + "]";
  };
  auto section = [&](const char* key, const std::vector<core::PlanLine>& lines) {
    PlanSection sec{PlanSection::Style::Bullets, s.ui(key), {}};
    for (const auto& l : lines) {
      if (!l.text) continue;
      std::string item;
      if (l.window && !l.window->label.empty()) item += l.window->label.get(lang) + ": ";
      sec.items.push_back(item + l.text->get(lang) + sources(l.sources));
    }
    if (!lines.empty()) o.sections.push_back(std::move(sec));
  };
  section("plan.reasons", plan.reasons);
  section("plan.wait", plan.wait);
  if (plan.decision == core::Decision::Proceed) {
    o.sections.push_back({PlanSection::Style::Rows, "",
                          {s.ui("plan.sessions") + ": " + span_text(plan.sessions, ""),
                           s.ui("plan.interval") + ": " + span_text(plan.interval_weeks, ""),
                           s.ui("plan.depth") + ": " + span_text(plan.depth_mm, " mm"),
                           s.ui("plan.maintenance") + ": " + span_text(plan.maintenance_months, ""),
                           s.ui("plan.minutes") + ": " + span_text(plan.session_minutes, "")}});
    if (s.quiz.start.valid()) {
      PlanSection dates{PlanSection::Style::Numbered, s.ui("plan.calendar"), {}};
      for (const auto& d : session_dates(s.quiz.start, static_cast<int>(plan.sessions.max), static_cast<int>(plan.interval_weeks.min)))
        dates.items.push_back(d.iso());
      o.sections.push_back(std::move(dates));
    }
    section("plan.pre_care", plan.pre_care);
    section("plan.aftercare", plan.aftercare);
    section("plan.expected", plan.expected);
  }
  section("plan.cautions", plan.cautions);
  if (plan.disclaimer) o.disclaimer = plan.disclaimer->get(lang);
  return o;
}

std::string plan_text(const AppState& s, const core::Plan& plan) {
  const PlanOutline o = plan_outline(s, plan);
  std::string out = o.title + "\n" + o.stamp + "\n\n" + o.decision + "\n";
  for (const auto& sec : o.sections) {
    out += "\n";
    if (!sec.heading.empty()) out += sec.heading + ":\n";
    for (std::size_t i = 0; i < sec.items.size(); ++i) {
      if (sec.style == PlanSection::Style::Bullets) out += "- ";
      if (sec.style == PlanSection::Style::Numbered) out += std::to_string(i + 1) + ". ";
      out += sec.items[i] + "\n";
    }
  }
  if (!o.disclaimer.empty()) out += "\n" + o.disclaimer + "\n";
  return out + o.stamp + "\n";
}

}  // namespace skindepth::app
