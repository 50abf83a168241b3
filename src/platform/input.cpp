// SDL events -> ui::Input (arrow keys, fingers) and Dear ImGui's SDL backend (see platform.h).
// Touch is read here rather than through SDL's touch-to-mouse synthesis, which needs a window focus
// that a phone page may never report; what a finger means is decided in ui/input.cpp.
#include "platform/platform.h"

#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>

namespace skindepth::platform {

namespace {

void read_finger(const SDL_Event& e, ui::Input& in) {
  const float w = g_state.viewport.css_width, h = g_state.viewport.css_height;
  const ui::Finger finger{static_cast<std::int64_t>(e.tfinger.fingerId), e.tfinger.x * w, e.tfinger.y * h};
  auto& f = in.fingers;
  auto it = std::find_if(f.begin(), f.end(), [&](const ui::Finger& x) { return x.id == finger.id; });
  if (e.type == SDL_FINGERUP) {
    if (it != f.end()) f.erase(it);
  } else if (it == f.end()) {
    f.push_back(finger);
  } else {
    *it = finger;
  }
  in.touch_active = true;
  if (f.size() >= 2) return;  // a second finger: the pointer stays where the first one was
  in.touch_x = finger.x;
  in.touch_y = finger.y;
  if (e.type == SDL_FINGERDOWN) in.tapped = true;
  in.touch_down = e.type != SDL_FINGERUP;
}

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

}  // namespace

bool process_events() {
  bool any = false;
  ui::Input& in = g_platform.input;
  in.keys.clear();
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    any = true;
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) {
      read_finger(event, in);
      continue;
    }
    if (event.type == SDL_MOUSEMOTION || event.type == SDL_MOUSEBUTTONDOWN) in.touch_active = false;
    if (read_arrow(event, in) && ui::arrows_step_needles(g_state, ImGui::GetIO().WantTextInput)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  return any;
}

}  // namespace skindepth::platform
