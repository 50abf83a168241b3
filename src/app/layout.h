// Where things go on the canvas, in CSS pixels: the tab bar, the drawing of the skin, the side
// panel. Phones in portrait put the panel below the drawing; wide screens put it on the right.
#pragma once

#include "app/app_state.h"

namespace skindepth::app {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  bool operator==(const Rect&) const = default;
};

struct Layout {
  float em = 16.0f;      // font size in CSS pixels; widgets are sized in em
  Rect header;           // tabs and title
  Rect scene;            // the cross-section drawing
  Rect panel;            // controls, cards, questionnaire
  bool panel_below = false;
};

// `font_scale` multiplies the base font size (host theme; staff mode uses a larger one).
Layout compute_layout(const Viewport& viewport, Mode mode, View view, float font_scale = 1.0f);

}  // namespace skindepth::app
