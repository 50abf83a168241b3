// A widget state on the built-in content at a desktop size, and running host commands on it: what
// the app tests start from.
#pragma once

#include "app/actions.h"
#include "app/app_state.h"
#include "app/commands.h"
#include "content/loader.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace skindepth::app {

inline AppState make_state() {
  AppState s;
  s.content = &content::default_content();
  s.viewport = {1440, 900, 1};
  return s;
}

// One host command; the reply as JSON. Raised events are appended to `events` when given.
inline nlohmann::json command(AppState& s, const nlohmann::json& c, std::vector<nlohmann::json>* events = nullptr) {
  std::vector<nlohmann::json> raised;
  const auto reply = nlohmann::json::parse(run_command(s, c.dump(), raised));
  if (events) events->insert(events->end(), raised.begin(), raised.end());
  return reply;
}

}  // namespace skindepth::app
