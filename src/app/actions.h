// What the interface and the host page ask of the widget: one small struct per intent, all of them
// alternatives of one Action. The ImGui panels return them (ui/), the host commands are parsed into
// them (app/host_commands.cpp), and apply() (app_state.cpp) is the one place that carries them out.
#pragma once

#include "app/app_state.h"

#include <nlohmann/json.hpp>

#include <string>
#include <variant>

namespace skindepth::app::act {

// --- The whole widget
struct SetView { View view = View::CrossSection; };
struct SetLanguage { std::string language; };
struct SetMode { Mode mode = Mode::Patient; };
struct SetTheme { Theme theme; };
struct SetReducedMotion { bool on = false; };
struct SetToday { Date date; };
struct SetPageUrl { std::string url; };
struct SetBookLabel { std::string label; };
struct DismissNotices {};
struct ResetForNextPatient {};
// Asks the page again for the parts the current view is waiting for (after one could not be loaded).
struct LoadParts {};

// --- Skin and needles
struct SetArea { std::string area; };
struct SetDevice { std::string device; };
struct SetNeedle { double mm = 0.0; bool second = false; };  // second: the comparison needle
struct StepNeedle { int steps = 0; bool second = false; };    // by the content's step (staff keys)
struct SetCompare { bool on = false; };
struct SetLoupe { bool on = false; };
struct Stamp {};
struct Zoom { double factor = 1.0; };
struct Pan { double dx_mm = 0.0, ddepth_mm = 0.0; };
struct ResetView {};
struct SelectStructure { std::string id; };  // "" closes the card
struct SetConcern { std::string id; };        // a picture from structures.json "concerns"; "" for none

// --- Healing timeline
struct SetTime { double hours = 0.0; };
struct NextKeyMoment {};
struct Play {};
struct Pause {};
struct SetSpeed { double speed = 1.0; };
struct SetCourse { int sessions = 1; double every_weeks = 4.0; };

// --- Questionnaire and plan
struct Answer { std::string key; nlohmann::json value; };  // checked by core::set_answer
struct ClearAnswer { std::string key; };
struct SetAnswers { nlohmann::json answers; };  // replaces every answer; all checked before any is kept
struct StepTo { int step = 0; };                  // the step after the last is the plan
struct ShowPlan {};                               // the plan page, in the questionnaire view
struct ShiftStart { int days = 0; };
struct ShowPlanDepth {};
struct ShowPlanCourse {};
struct BookClick {};
enum class ExportKind { Print, Copy, Ics };
struct Export { ExportKind kind = ExportKind::Print; };

}  // namespace skindepth::app::act

namespace skindepth::app {

struct Action {
  using Variant = std::variant<
      act::SetView, act::SetLanguage, act::SetMode, act::SetTheme, act::SetReducedMotion, act::SetToday,
      act::SetPageUrl, act::SetBookLabel, act::DismissNotices, act::ResetForNextPatient, act::LoadParts,
      act::SetArea, act::SetDevice, act::SetNeedle, act::StepNeedle, act::SetCompare, act::SetLoupe, act::SetConcern, act::Stamp, act::Zoom,
      act::Pan, act::ResetView, act::SelectStructure,
      act::SetTime, act::NextKeyMoment, act::Play, act::Pause, act::SetSpeed, act::SetCourse,
      act::Answer, act::ClearAnswer, act::SetAnswers, act::StepTo, act::ShowPlan, act::ShiftStart,
      act::ShowPlanDepth, act::ShowPlanCourse, act::BookClick, act::Export>;
  Variant what;

  template <typename T>
  Action(T intent) : what(std::move(intent)) {}  // NOLINT: every intent is an action
};

}  // namespace skindepth::app
