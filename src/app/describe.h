// A plain-text description of what the widget shows, in the current language: the host page puts
// it in an ARIA live region (screen readers hear what the canvas draws) and tests read it.
#pragma once

#include "app/app_state.h"

#include <string>

namespace skindepth::app {

std::string describe(const AppState& state);
// The timeline's position in words: "Day 3 after session 1. Proliferation" (the time slider's value text).
std::string describe_time(const AppState& state);
// The cross-section in words, whatever the view: "Cheeks. 1.00 mm reaches ..." (the print sheet's caption).
std::string describe_needle(const AppState& state);

}  // namespace skindepth::app
