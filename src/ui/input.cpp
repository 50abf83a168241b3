// Keys, fingers and the wheel, read from the platform's events (see input.h).
#include "ui/input.h"

#include "app/scene.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace skindepth::ui {

namespace {

constexpr float kMomentumDecaySeconds = 0.325f;  // a released panel slows like a native list
constexpr float kMomentumStopPxPerS = 30.0f;
constexpr float kHintSeconds = 2.5f;
constexpr double kWheelNotchPx = 100.0;  // one notch of a mouse wheel, in the browser's pixels
constexpr double kZoomPerNotch = 1.15;

std::vector<Finger> fingers_of(const std::vector<TouchPoint>& down) {
  std::vector<Finger> out;
  for (const auto& t : down) out.push_back({t.id, t.x, t.y});
  return out;
}

// The topmost panel under the point that can still scroll in the direction of a finger moving by
// finger_dy (up, negative: the panel scrolls down).
const ScrollArea* area_to_scroll(const TouchScene& scene, float x, float y, float finger_dy) {
  for (const auto& a : scene.areas) {
    if (!a.rect.contains(x, y)) continue;
    if (finger_dy < 0 && a.scroll_y < a.scroll_max_y - 0.5f) return &a;
    if (finger_dy > 0 && a.scroll_y > 0.5f) return &a;
  }
  return nullptr;
}

// Scrolls an ImGui window by px (clamped to its content); false when it could not move.
bool scroll_window(unsigned id, float px) {
  ImGuiWindow* w = id ? ImGui::FindWindowByID(id) : nullptr;
  if (!w || px == 0.0f) return false;
  const float to = std::clamp(w->Scroll.y + px, 0.0f, w->ScrollMax.y);
  if (std::abs(to - w->Scroll.y) < 0.01f) return false;
  ImGui::SetScrollY(w, to);
  return true;
}

}  // namespace

bool on_touch(TouchPhase phase, const TouchPoint& changed, const std::vector<TouchPoint>& down, double ms,
              const TouchScene& scene, Gestures& g, Input& in) {
  in.touch_active = true;
  if (phase == TouchPhase::Start) {
    if (down.size() >= 2) {  // a second finger: pan and zoom the drawing
      if (g.mode == TouchMode::Page) return false;  // the page is scrolling already
      if (g.mode == TouchMode::Press) {
        in.touch_down = false;
        in.touch_cancelled = true;
      }
      g.mode = TouchMode::TwoFinger;
      in.fingers = fingers_of(down);
      return true;
    }
    g.mode = TouchMode::Undecided;
    g.start = g.last = changed;
    g.last_ms = ms;
    g.momentum_px_per_s = 0.0f;  // a finger stops a gliding panel
    g.velocity_px_per_s = 0.0f;
    in.touch_x = changed.x;
    in.touch_y = changed.y;
    return false;  // never on touchstart: that would stop the page from scrolling
  }

  if (phase == TouchPhase::Move) {
    if (g.mode == TouchMode::TwoFinger) {
      in.fingers = fingers_of(down);
      return true;
    }
    if (changed.id != g.start.id || g.mode == TouchMode::None) return false;
    if (g.mode == TouchMode::Undecided) {
      const float dx = changed.client_x - g.start.client_x, dy = changed.client_y - g.start.client_y;
      if (std::hypot(dx, dy) < kTouchSlopPx) return false;
      if (std::abs(dx) > std::abs(dy)) {  // sideways: a slider or the scrubber follows the finger
        g.mode = TouchMode::Press;
        in.tapped = true;
        in.touch_down = true;
      } else if (const ScrollArea* a = area_to_scroll(scene, g.start.x, g.start.y, dy)) {
        g.mode = TouchMode::Panel;
        g.window = a->window;
      } else {
        g.mode = TouchMode::Page;
        if (scene.drawing.contains(g.start.x, g.start.y) && !g.hint_shown) {
          g.hint_shown = true;
          g.hint_seconds = kHintSeconds;
        }
        return false;
      }
    }
    if (g.mode == TouchMode::Page) return false;
    if (g.mode == TouchMode::Press) {
      in.touch_x = changed.x;
      in.touch_y = changed.y;
    } else if (g.mode == TouchMode::Panel) {
      const float px = -(changed.client_y - g.last.client_y);
      in.scroll_window = g.window;
      in.scroll_px += px;
      const double dt = (ms - g.last_ms) / 1000.0;
      if (dt > 0.0) g.velocity_px_per_s = static_cast<float>(0.8 * px / dt + 0.2 * g.velocity_px_per_s);
    }
    g.last = changed;
    g.last_ms = ms;
    return true;
  }

  // End or Cancel.
  if (g.mode == TouchMode::TwoFinger) {
    in.fingers = down.size() >= 2 ? fingers_of(down) : std::vector<Finger>{};
    if (down.empty()) g.mode = TouchMode::None;  // one finger left does nothing until it lifts
    return true;
  }
  if (changed.id != g.start.id) return false;
  bool prevent = true;  // a tap's touchend: no emulated mouse click, no double-tap zoom
  switch (g.mode) {
    case TouchMode::Undecided:
      if (phase == TouchPhase::End) {
        in.tapped = true;
        in.touch_x = changed.x;
        in.touch_y = changed.y;
      }
      break;
    case TouchMode::Press:
      if (phase == TouchPhase::Cancel) in.touch_cancelled = true;
      in.touch_down = false;
      break;
    case TouchMode::Panel:
      if (ms - g.last_ms < 100.0) g.momentum_px_per_s = g.velocity_px_per_s;  // a flick glides on
      break;
    default:
      prevent = false;
  }
  g.mode = TouchMode::None;
  return prevent;
}

bool on_wheel(float x, float y, float dy_px, bool zoom_key, const TouchScene& scene, Input& in) {
  in.touch_active = false;
  if (dy_px == 0.0f) return false;
  if (scene.drawing.contains(x, y) && (zoom_key || scene.zoomed)) {
    in.wheel_zoom_steps += static_cast<float>(-dy_px / kWheelNotchPx);
    in.wheel_x = x;
    in.wheel_y = y;
    return true;
  }
  if (const ScrollArea* a = area_to_scroll(scene, x, y, -dy_px)) {
    in.scroll_window = a->window;
    in.scroll_px += dy_px;
    return true;
  }
  return false;  // the page scrolls
}

std::vector<app::Action> zoom_pan_under(const app::AppState& state, const app::Scene& scene, float from_x, float from_y,
                                        float to_x, float to_y, double factor) {
  std::vector<app::Action> out;
  if (scene.panes.empty() || !std::isfinite(factor) || factor <= 0.0) return out;
  const auto& m = scene.panes.front().map;
  const double zoom = state.cross.zoom;
  const double f = std::clamp(zoom * factor, app::kMinZoom, app::kMaxZoom) / zoom;
  const double before = m.px_per_mm, after = m.px_per_mm * f;
  const double cx = m.rect.x + m.rect.w / 2.0, cy = m.rect.y + m.rect.h / 2.0;
  // The millimetre under `from` now is under `to` after the zoom.
  const double dx_mm = (from_x - cx) / before - (to_x - cx) / after;
  const double ddepth_mm = (from_y - cy) / before - (to_y - cy) / after;
  if (std::abs(f - 1.0) > 1e-9) out.push_back(app::act::Zoom{f});
  if (std::abs(dx_mm) > 1e-9 || std::abs(ddepth_mm) > 1e-9) out.push_back(app::act::Pan{dx_mm, ddepth_mm});
  return out;
}

std::vector<app::Action> read_gestures(const app::AppState& state, const app::Scene& scene, Input& in, Gestures& g,
                                       float dt) {
  std::vector<app::Action> out;
  const auto& f = in.fingers;
  if (f.size() >= 2) {
    const float distance = std::hypot(f[0].x - f[1].x, f[0].y - f[1].y);
    const float mx = (f[0].x + f[1].x) / 2.0f, my = (f[0].y + f[1].y) / 2.0f;
    if (g.pinch_distance > 1.0f && distance > 1.0f) {
      const float ratio = distance / g.pinch_distance;
      if (std::abs(ratio - 1.0f) > 0.002f || std::hypot(mx - g.pinch_x, my - g.pinch_y) > 0.5f)
        for (auto& a : zoom_pan_under(state, scene, g.pinch_x, g.pinch_y, mx, my, ratio)) out.push_back(std::move(a));
    }
    g.pinch_distance = distance;
    g.pinch_x = mx;
    g.pinch_y = my;
  } else {
    g.pinch_distance = 0.0f;
  }
  if (in.wheel_zoom_steps != 0.0f) {
    const double factor = std::pow(kZoomPerNotch, in.wheel_zoom_steps);
    for (auto& a : zoom_pan_under(state, scene, in.wheel_x, in.wheel_y, in.wheel_x, in.wheel_y, factor)) out.push_back(std::move(a));
    in.wheel_zoom_steps = 0.0f;
  }
  float momentum_px = 0.0f;
  if (g.momentum_px_per_s != 0.0f) {
    momentum_px = g.momentum_px_per_s * dt;
    g.momentum_px_per_s *= std::exp(-dt / kMomentumDecaySeconds);
    if (std::abs(g.momentum_px_per_s) < kMomentumStopPxPerS) g.momentum_px_per_s = 0.0f;
  }
  if (in.scroll_window == g.window && momentum_px != 0.0f) {
    in.scroll_px += momentum_px;
    momentum_px = 0.0f;
  }
  scroll_window(in.scroll_window, in.scroll_px);
  if (momentum_px != 0.0f && !scroll_window(g.window, momentum_px)) g.momentum_px_per_s = 0.0f;  // at an end
  in.scroll_window = 0;
  in.scroll_px = 0.0f;
  if (g.hint_seconds > 0.0f) g.hint_seconds = std::max(0.0f, g.hint_seconds - dt);
  return out;
}

bool gestures_animating(const Gestures& g) { return g.momentum_px_per_s != 0.0f || g.hint_seconds > 0.0f; }

TouchScene touch_scene(const app::AppState& state, const app::Layout& layout) {
  TouchScene scene;
  scene.drawing = state.view == app::View::Questionnaire ? app::Rect{} : layout.scene;
  scene.zoomed = state.cross.zoom > app::kMinZoom + 1e-6;
  const ImGuiContext* ctx = ImGui::GetCurrentContext();
  if (!ctx) return scene;
  // After Render, ImGui's window list is in display order: the last is on top.
  for (int i = ctx->Windows.Size - 1; i >= 0; --i) {
    const ImGuiWindow* w = ctx->Windows[i];
    if (!w->Active || w->Hidden || w->ScrollMax.y <= 0.5f) continue;
    const ImRect r = w->OuterRectClipped;
    scene.areas.push_back({{r.Min.x, r.Min.y, r.GetWidth(), r.GetHeight()}, w->Scroll.y, w->ScrollMax.y, w->ID});
  }
  return scene;
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
  const ImVec2 away(-FLT_MAX, -FLT_MAX);  // no finger: nothing is hovered
  if (input.touch_cancelled) {
    io.MousePos = away;  // released off every widget: no click
    io.MouseDown[0] = false;
    input.touch_cancelled = input.tapped = input.release_pending = false;
    return;
  }
  const bool press = input.fingers.size() < 2 && (input.touch_down || input.tapped);
  io.MouseDown[0] = press;
  if (press || input.release_pending) {
    io.MousePos = ImVec2(input.touch_x, input.touch_y);  // a release happens where the press was
    input.release_pending = press;
  } else {
    io.MousePos = away;
  }
  input.tapped = false;
}

}  // namespace skindepth::ui
