// The host page's commands, as JSON: {"cmd": "setArea", "area": "cheeks"} -> an Action applied to the
// state, answered with {"ok": true, "state": {...}} or {"ok": false, "error": "..."}. The JS API
// (web/skindepth.js) and the tests speak this; the widget's bridge only passes strings.
#pragma once

#include "app/app_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace skindepth::app {

// What the host may read: no health answers unless asked (see commands.cpp).
nlohmann::json state_json(const AppState& state, bool include_answers);

// Areas, views, the needle's range and the interface texts named in `text_keys`, in `language`
// ("" for the current one).
nlohmann::json choices_json(const AppState& state, const nlohmann::json& text_keys, const std::string& language = {});
// The questionnaire's current step (title, visible questions, options, this step's answers) or, on
// the plan page, the plan's outline; for the page's accessible mirror.
nlohmann::json quiz_json(const AppState& state);

// Runs one command; never throws. `events` receives events the command raised ({"name", "detail"}).
nlohmann::json run_command(AppState& state, const nlohmann::json& command, nlohmann::json& events);
std::string run_command_text(AppState& state, const std::string& command_text, nlohmann::json& events);

}  // namespace skindepth::app
