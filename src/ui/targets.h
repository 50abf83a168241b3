// The controls a pointer can hit in the last frame, as ImGui laid them out: what a touch screen
// test checks against app::kTouchTargetPx (getStats reports them).
#pragma once

#include <compare>
#include <string>
#include <vector>

namespace skindepth::ui {

struct HitTarget {
  std::string label;            // the control's text, or its ImGui id in hex when it has none
  float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, the whole control (also the part scrolled away)
  bool operator==(const HitTarget&) const = default;
};

// Starts collecting (call before ImGui::NewFrame); the controls of the frame then drawn replace the
// last frame's.
void begin_hit_targets();
// Names the control just drawn when ImGui only knows an id (a row whose text is drawn by hand).
void label_last_target(const std::string& label);
// A number question's box, where the page puts a real text field for the phone's numeric keyboard
// (web/src/widget.js): the page focuses it in the tap's own event, as iOS requires.
struct NumberField {
  std::string key;  // the answer key; empty: no number field on screen
  HitTarget box;
  bool answered = false;
  int value = 0, min = 0, max = 0;
  bool operator==(const NumberField&) const = default;
};
void set_number_field(const NumberField& field);
const NumberField& number_field();  // the last frame's

// The last frame's controls that are at least partly on screen (inside their panel's clip rect).
const std::vector<HitTarget>& hit_targets();

}  // namespace skindepth::ui
