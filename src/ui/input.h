// What the platform reads from the browser between two frames, beyond what ImGui's own backend
// takes: the arrow keys (a quick press can fall between two frames) and the fingers on the screen.
// The platform only fills this struct; what a key or a gesture means is decided here, in ui/.
#pragma once

#include "app/actions.h"

#include <cstdint>
#include <vector>

namespace skindepth::ui {

enum class Key { Left, Right, Up, Down };
struct KeyPress {
  Key key = Key::Left;
  bool shift = false;
};

struct Finger {
  std::int64_t id = 0;
  float x = 0.0f, y = 0.0f;  // CSS pixels
};

struct Input {
  std::vector<KeyPress> keys;    // pressed since the last frame, in order
  std::vector<Finger> fingers;   // down now
  bool touch_active = false;     // the last pointer input was a finger, not a mouse
  bool tapped = false;           // a finger went down since the last frame (it may be up again)
  bool touch_down = false;       // the first finger is down now
  float touch_x = 0.0f, touch_y = 0.0f;  // where the first finger is (or was last)
};

// Gestures that span frames.
struct Gestures {
  float pinch_distance = 0.0f;  // between the first two fingers at the last zoom step (0: no pinch)
};

// Two fingers zoom the drawing by the change of their distance (steps of more than 1%).
std::vector<app::Action> read_pinch(const Input& input, Gestures& gestures);
// Staff mode keeps the arrow keys for the needles (ImGui's keyboard navigation does not get them),
// unless a text field is being typed in.
bool arrows_step_needles(const app::AppState& state, bool text_input);
// Staff mode's arrow keys step the needle by the content's step; with Shift, the second needle.
std::vector<app::Action> read_keys(const app::AppState& state, const Input& input, bool text_input);
// Puts the first finger in ImGui's mouse (after the backend's NewFrame, which reads the mouse);
// a tap that went down and up between two frames still presses. No press while pinching.
void feed_touch_to_imgui(Input& input);

}  // namespace skindepth::ui
