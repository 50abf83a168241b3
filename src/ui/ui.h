// The ImGui interface: panels read the state and return actions; nothing here writes AppState.
#pragma once

#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"

#include <vector>

namespace skindepth::ui {

struct Theme {
  float accent[3] = {0.55f, 0.27f, 0.36f};  // brand colour
  float corner_radius_em = 0.35f;
  float font_scale = 1.0f;
};

// Sets ImGui's style for a theme at a font size (call when either changes).
void apply_theme(const Theme& theme, float em_px);

// One frame of interface between ImGui::NewFrame() and ImGui::Render().
std::vector<app::Action> draw_ui(const app::AppState& state, const app::Layout& layout, const app::Scene& scene);

}  // namespace skindepth::ui
