// The questionnaire's logic over AppState: which questions show, when a step is complete, and the
// plan the answers lead to. Pure; the questionnaire panel and the host commands both use it.
#pragma once

#include "app/app_state.h"
#include "core/answers.h"
#include "core/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace skindepth::app {

// The answers as the core reads them; fails (with the key) until concerns and area are given.
core::AnswersResult parsed_answers(const AppState& state);
bool question_visible(const AppState& state, const core::Question& question);
bool question_answered(const AppState& state, const core::Question& question);
// Steps with at least one visible question, in order (indices into the questionnaire's steps).
std::vector<int> visible_steps(const AppState& state);
bool step_complete(const AppState& state, int step_index);
// An option's answer value: the vocabulary id, or a number for the Fitzpatrick type.
nlohmann::json option_value(const core::Question& question, const core::Option& option);
// The plan, once every visible question is answered; nullopt before.
std::optional<core::Plan> current_plan(const AppState& state);
// The plan as headed sections in the current language, each line with its sources: what the plain
// text says and what the page's accessible mirror shows as headings and lists.
struct PlanSection {
  enum class Style { Bullets, Rows, Numbered };  // "- line", "Label: value" rows, "1. date"
  Style style = Style::Bullets;
  std::string heading;  // "" for the rows of numbers
  std::vector<std::string> items;
};
struct PlanOutline {
  std::string title, stamp, decision, disclaimer;
  std::vector<PlanSection> sections;
};
PlanOutline plan_outline(const AppState& state, const core::Plan& plan);
// The plan as plain text for copying, printing and the calendar: every line with its sources and
// stamped as an educational illustration, not a prediction or medical advice.
std::string plan_text(const AppState& state, const core::Plan& plan);

}  // namespace skindepth::app
