// What the platform reads from the browser between two frames, beyond what ImGui's own backend
// takes: the arrow keys (a quick press can fall between two frames), the fingers and the wheel.
// The platform only passes events on; what a key or a gesture means is decided here, in ui/.
//
// Touch works as map embeds do ("cooperative gestures"): one finger scrolls the page over the widget,
// unless it starts on a panel that can scroll that way (the panel follows the finger, with momentum)
// or moves sideways (a slider or the timeline scrubber follows it); a tap is a click; two fingers pan
// and zoom the drawing under the fingers. A finger's meaning is decided when it first moves, because
// that is the one moment the browser lets the page decline to scroll (its first cancellable touchmove).
// The wheel scrolls the page too, unless a panel under the pointer can scroll that way; Ctrl/Cmd +
// wheel, or any wheel over a zoomed drawing, zooms under the pointer.
#pragma once

#include "app/actions.h"
#include "app/layout.h"

#include <cstdint>
#include <vector>

namespace skindepth::app {
struct Scene;
}

namespace skindepth::ui {

enum class Key { Left, Right, Up, Down };
struct KeyPress {
  Key key = Key::Left;
  bool shift = false;
};

struct Finger {
  std::int64_t id = 0;
  float x = 0.0f, y = 0.0f;  // CSS pixels in the widget
};

struct Input {
  std::vector<KeyPress> keys;    // pressed since the last frame, in order
  std::vector<Finger> fingers;   // down now, while two or more are on the drawing (pan and zoom)
  bool touch_active = false;     // the last pointer input was a finger, not a mouse
  bool tapped = false;           // a tap (or a sideways drag) began since the last frame
  bool touch_down = false;       // the first finger presses ImGui's mouse now (a sideways drag)
  bool touch_cancelled = false;  // the press ended without a click (the finger turned to scroll)
  float touch_x = 0.0f, touch_y = 0.0f;  // where the first finger is (or was last)
  bool release_pending = false;  // ImGui saw the press; the release comes where it was
  unsigned scroll_window = 0;    // an ImGui window to scroll by scroll_px (finger or wheel)
  float scroll_px = 0.0f;
  float wheel_zoom_steps = 0.0f;  // wheel notches to zoom the drawing by, anchored at wheel_x/y
  float wheel_x = 0.0f, wheel_y = 0.0f;
};

// A panel that can scroll, as drawn in the last frame (the browser's events come between frames).
struct ScrollArea {
  app::Rect rect;
  float scroll_y = 0.0f, scroll_max_y = 0.0f;
  unsigned window = 0;  // ImGui window id
};
struct TouchScene {
  std::vector<ScrollArea> areas;  // topmost first
  app::Rect drawing;
  bool zoomed = false;            // the drawing is magnified: the wheel zooms it rather than the page
};

enum class TouchPhase { Start, Move, End, Cancel };
enum class TouchMode { None, Undecided, Press, Page, Panel, TwoFinger };
struct TouchPoint {
  std::int64_t id = 0;
  float x = 0.0f, y = 0.0f;              // CSS pixels in the widget (moves with the page)
  float client_x = 0.0f, client_y = 0.0f;  // in the browser window: where the finger really is
};

// State that spans events and frames.
struct Gestures {
  TouchMode mode = TouchMode::None;
  TouchPoint start, last;
  double last_ms = 0.0;
  unsigned window = 0;             // the panel a finger scrolls
  float velocity_px_per_s = 0.0f;  // its speed, for the momentum after release
  float momentum_px_per_s = 0.0f;  // a released panel still gliding
  float pinch_distance = 0.0f;     // between the first two fingers at the last step (0: no pinch)
  float pinch_x = 0.0f, pinch_y = 0.0f;  // their midpoint then
  bool hint_shown = false;         // the two-finger hint is shown once per page
  float hint_seconds = 0.0f;       // how long it stays on screen
};

inline constexpr float kTouchSlopPx = 6.0f;  // a finger moving less than this still taps

// A touch event (one changed finger; `down` is every finger on the widget after it). True: the
// browser must not scroll or zoom for it (preventDefault).
bool on_touch(TouchPhase phase, const TouchPoint& changed, const std::vector<TouchPoint>& down, double ms,
              const TouchScene& scene, Gestures& gestures, Input& input);
// A wheel event at (x, y) of dy CSS pixels (positive: down). True: the widget takes it.
bool on_wheel(float x, float y, float dy_px, bool zoom_key, const TouchScene& scene, Input& input);

// Two fingers, or the wheel with Ctrl/Cmd, on the drawing: zoom by `factor` and move by the change
// of their midpoint, so the point under the fingers stays under them.
std::vector<app::Action> zoom_pan_under(const app::AppState& state, const app::Scene& scene, float from_x, float from_y,
                                        float to_x, float to_y, double factor);
// The gestures of this frame as actions (pinch, wheel zoom), and the panel scrolling (finger, wheel,
// momentum) applied to ImGui's windows: call after ImGui::NewFrame, before the panels.
std::vector<app::Action> read_gestures(const app::AppState& state, const app::Scene& scene, Input& input,
                                       Gestures& gestures, float dt);
// A panel is gliding or the hint is showing: frames must keep coming.
bool gestures_animating(const Gestures& gestures);
// The panels that can scroll, after ImGui::Render, for the events until the next frame.
TouchScene touch_scene(const app::AppState& state, const app::Layout& layout);

// Staff mode keeps the arrow keys for the needles (ImGui's keyboard navigation does not get them),
// unless a text field is being typed in.
bool arrows_step_needles(const app::AppState& state, bool text_input);
// Staff mode's arrow keys step the needle by the content's step; with Shift, the second needle.
std::vector<app::Action> read_keys(const app::AppState& state, const Input& input, bool text_input);
// Puts the first finger in ImGui's mouse (after the backend's NewFrame, which reads the mouse): a tap
// that went down and up between two frames still presses; after a release the pointer leaves, so
// nothing stays hovered on a touch screen; no press while pinching.
void feed_touch_to_imgui(Input& input);

}  // namespace skindepth::ui
