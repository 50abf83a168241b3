// The ImGui interface: panels read the state and return actions; nothing here writes AppState.
#pragma once

#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"
#include "ui/input.h"

#include <vector>

namespace skindepth::ui {

// Text colours that do not follow the brand, drawn on the panels' white (WCAG AA measured in
// tests/ui/contrast_test.cpp): the plan's decision, warnings, and the notice banner's background.
struct Rgb {
  float r = 0.0f, g = 0.0f, b = 0.0f;
};
inline constexpr Rgb kProceedText{0.12f, 0.45f, 0.3f};
inline constexpr Rgb kDeferText{0.6f, 0.38f, 0.05f};
inline constexpr Rgb kReferText{0.62f, 0.12f, 0.2f};
inline constexpr Rgb kWarningText{0.66f, 0.1f, 0.18f};
inline constexpr Rgb kNoticeBackground{1.0f, 0.96f, 0.9f};

// WCAG 2.1 contrast ratio of two opaque colours (1 to 21).
double contrast_ratio(const Rgb& a, const Rgb& b);
// The brand accent, darkened just enough that white text on it and it as text on white both reach
// 4.5:1 (a spa's light brand colour would otherwise make the active tab and headings unreadable).
Rgb readable_accent(const Rgb& accent);

// Sets ImGui's style for a theme at a font size (call when either changes). `touch`: a touch
// screen, where every control is at least app::kTouchTargetPx square (see min_target()).
void apply_theme(const app::Theme& theme, float em_px, bool touch = false);
// The smallest side a control may have with the style set last: app::kTouchTargetPx on a touch
// screen, 0 with a mouse.
float min_target();

// One frame of interface between ImGui::NewFrame() and ImGui::Render(): the panels, then the keys
// and gestures ImGui did not take.
std::vector<app::Action> draw_ui(const app::AppState& state, const app::Layout& layout, const app::Scene& scene,
                                 Input& input, Gestures& gestures);

}  // namespace skindepth::ui
