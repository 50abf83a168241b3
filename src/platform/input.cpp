// SDL events -> ui::Input (arrow keys) and Dear ImGui's SDL backend; the browser's touch and wheel
// events -> ui::on_touch / ui::on_wheel (see platform.h). Touch and wheel are taken from SDL: its
// handlers cancel every touchstart and wheel event, so the page could never scroll over the widget.
// Here each event is passed to ui/input.cpp, which decides whether the widget takes it (the browser's
// default is cancelled) or the page scrolls.
#include "platform/platform.h"

#include <emscripten/html5.h>

#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

namespace skindepth::platform {

namespace {

bool read_arrow(const SDL_Event& e, ui::Input& in) {
  if (e.type != SDL_KEYDOWN) return false;
  const SDL_Keycode k = e.key.keysym.sym;
  ui::Key key;
  if (k == SDLK_LEFT) key = ui::Key::Left;
  else if (k == SDLK_RIGHT) key = ui::Key::Right;
  else if (k == SDLK_UP) key = ui::Key::Up;
  else if (k == SDLK_DOWN) key = ui::Key::Down;
  else return false;
  in.keys.push_back({key, (e.key.keysym.mod & KMOD_SHIFT) != 0});
  return true;
}

ui::TouchPhase phase_of(int type) {
  switch (type) {
    case EMSCRIPTEN_EVENT_TOUCHSTART: return ui::TouchPhase::Start;
    case EMSCRIPTEN_EVENT_TOUCHMOVE: return ui::TouchPhase::Move;
    case EMSCRIPTEN_EVENT_TOUCHEND: return ui::TouchPhase::End;
    default: return ui::TouchPhase::Cancel;
  }
}

EM_BOOL on_touch_event(int type, const EmscriptenTouchEvent* e, void*) {
  const ui::TouchPhase phase = phase_of(type);
  const bool ending = phase == ui::TouchPhase::End || phase == ui::TouchPhase::Cancel;
  std::vector<ui::TouchPoint> down, changed;
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    const ui::TouchPoint p{t.identifier, static_cast<float>(t.targetX), static_cast<float>(t.targetY),
                           static_cast<float>(t.clientX), static_cast<float>(t.clientY)};
    if (t.isChanged) changed.push_back(p);
    if (!(ending && t.isChanged)) down.push_back(p);
  }
  bool prevent = false;
  for (const auto& p : changed)
    prevent = ui::on_touch(phase, p, down, now_ms(), g_platform.touch_scene, g_platform.gestures, g_platform.input) || prevent;
  g_state.needs_frame = true;
  g_platform.idle_since_ms = now_ms();
  return prevent;
}

EM_BOOL on_wheel_event(int, const EmscriptenWheelEvent* e, void*) {
  // deltaMode: 0 pixels, 1 lines (Firefox), 2 pages.
  const double unit = e->deltaMode == DOM_DELTA_LINE ? 16.0 : e->deltaMode == DOM_DELTA_PAGE ? g_state.viewport.css_height : 1.0;
  const bool zoom_key = e->mouse.ctrlKey || e->mouse.metaKey;  // also a trackpad's pinch
  const bool taken = ui::on_wheel(static_cast<float>(e->mouse.targetX), static_cast<float>(e->mouse.targetY),
                                  static_cast<float>(e->deltaY * unit), zoom_key, g_platform.touch_scene, g_platform.input);
  if (taken) {
    g_state.needs_frame = true;
    g_platform.idle_since_ms = now_ms();
  }
  return taken;
}

}  // namespace

void take_touch_and_wheel() {
  // A null callback removes every handler of that event on the canvas (SDL's), then ours goes on.
  emscripten_set_touchstart_callback("#canvas", nullptr, EM_FALSE, nullptr);
  emscripten_set_touchmove_callback("#canvas", nullptr, EM_FALSE, nullptr);
  emscripten_set_touchend_callback("#canvas", nullptr, EM_FALSE, nullptr);
  emscripten_set_touchcancel_callback("#canvas", nullptr, EM_FALSE, nullptr);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, nullptr);
  emscripten_set_touchstart_callback("#canvas", nullptr, EM_FALSE, on_touch_event);
  emscripten_set_touchmove_callback("#canvas", nullptr, EM_FALSE, on_touch_event);
  emscripten_set_touchend_callback("#canvas", nullptr, EM_FALSE, on_touch_event);
  emscripten_set_touchcancel_callback("#canvas", nullptr, EM_FALSE, on_touch_event);
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel_event);
}

bool process_events() {
  bool any = false;
  ui::Input& in = g_platform.input;
  in.keys.clear();
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    any = true;
    if (event.type == SDL_MOUSEMOTION || event.type == SDL_MOUSEBUTTONDOWN) in.touch_active = false;
    if (read_arrow(event, in) && ui::arrows_step_needles(g_state, ImGui::GetIO().WantTextInput)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  return any;
}

}  // namespace skindepth::platform
