// Keys and gestures read from the platform's input (see input.h).
#include "ui/input.h"

#include <imgui.h>

#include <cmath>

namespace skindepth::ui {

std::vector<app::Action> read_pinch(const Input& input, Gestures& g) {
  std::vector<app::Action> out;
  const auto& f = input.fingers;
  if (f.size() < 2) {
    g.pinch_distance = 0.0f;
    return out;
  }
  const float distance = std::hypot(f[0].x - f[1].x, f[0].y - f[1].y);
  if (g.pinch_distance <= 1.0f || distance <= 1.0f) {  // the pinch (re)starts
    g.pinch_distance = distance;
    return out;
  }
  const float ratio = distance / g.pinch_distance;
  if (std::abs(ratio - 1.0f) <= 0.01f) return out;  // wait for a step of more than 1%
  out.push_back(app::act::Zoom{ratio});
  g.pinch_distance = distance;
  return out;
}

bool arrows_step_needles(const app::AppState& state, bool text_input) { return state.mode == app::Mode::Staff && !text_input; }

std::vector<app::Action> read_keys(const app::AppState& state, const Input& input, bool text_input) {
  std::vector<app::Action> out;
  if (!arrows_step_needles(state, text_input)) return out;
  for (const auto& k : input.keys) {
    const int steps = (k.key == Key::Right || k.key == Key::Up) ? 1 : -1;
    out.push_back(app::act::StepNeedle{steps, k.shift});
  }
  return out;
}

void feed_touch_to_imgui(Input& input) {
  if (!input.touch_active) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(input.touch_x, input.touch_y);
  io.MouseDown[0] = input.fingers.size() < 2 && (input.touch_down || input.tapped);
  input.tapped = false;
}

}  // namespace skindepth::ui
