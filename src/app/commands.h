// The host page's commands, as JSON: {"cmd": "setArea", "area": "cheeks"}. One table (commands.cpp)
// names each command, says whether it only asks a question (no frame is drawn for it) and reads its
// fields into an Action (app/actions.h) or answers it; the reply is built in one place:
// {"ok": true, "state": {...}, "stats": {...}} after a change, {"ok": true, ...answer} after a
// question, {"ok": false, "error": "..."} when refused. The JS API (web/), the tests and the platform
// only pass strings through run_command().
#pragma once

#include "app/app_state.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::app {

// What only the platform knows: frame times and memory, for getStats and the replies.
struct HostHooks {
  std::function<nlohmann::json(bool full)> stats;  // full: every figure (getStats); else the short form
  std::function<void()> reset_stats;
};

// Runs one command given as JSON text and returns the reply as JSON text; never throws. Events the
// command raised ({"name", "detail"}) are appended to `events` for the platform to send.
std::string run_command(AppState& state, std::string_view command_text, std::vector<nlohmann::json>& events,
                        const HostHooks& hooks = {});

// Every command's name, in the table's order, and whether it only asks.
std::vector<std::string_view> host_command_names();
bool host_command_is_question(std::string_view name);

// What the host may read: no health answers unless asked.
nlohmann::json state_json(const AppState& state, bool include_answers);
// Areas, views, the needle's range and the interface texts named in `text_keys`, in `language`
// ("" for the current one).
nlohmann::json choices_json(const AppState& state, const nlohmann::json& text_keys, const std::string& language = {});
// The questionnaire's current step (title, visible questions, options, this step's answers) or, on
// the plan page, the plan's sections; what the page's accessible mirror shows.
nlohmann::json questionnaire_json(const AppState& state);

}  // namespace skindepth::app
