// Layout by viewport shape (see layout.h).
#include "app/layout.h"

#include <algorithm>

namespace skindepth::app {

Layout compute_layout(const Viewport& vp, Mode mode, View view, float font_scale) {
  Layout l;
  const float w = std::max(vp.css_width, 1.0f), h = std::max(vp.css_height, 1.0f);
  // Text never below 15 CSS px (phones), larger on big screens and in staff mode.
  const float base_em = std::clamp(std::min(w, h * 1.4f) / 42.0f, 15.0f, 20.0f) * std::clamp(font_scale, 0.75f, 2.0f);
  const bool narrow = w < base_em * 40.0f;
  // Staff mode's larger type is for a screen across a room; a phone in staff mode keeps a phone's.
  l.em = mode == Mode::Staff && !narrow ? base_em * 1.35f : base_em;
  // The view tabs: on a touch screen a finger-sized row (kTouchTargetPx) with the window's padding.
  const float header_h = vp.touch ? std::max(l.em * 2.6f, kTouchTargetPx + l.em * 0.7f) : std::min(l.em * 2.6f, h * 0.25f);
  l.header = {0, 0, w, header_h};
  const float body_y = header_h, body_h = h - header_h;
  // The questionnaire is mostly text: it takes the room; the drawing stays as a strip.
  // Staff mode's larger text does not count here: on a page's 1000-1200 px it keeps the presenter
  // layout (drawing beside the panel), as on a full screen.
  l.panel_below = narrow;
  if (narrow) {
    float scene_share = view == View::Questionnaire ? 0.28f : 0.5f;
    const float scene_h = std::max(body_h * scene_share, std::min(body_h, l.em * 8.0f));
    l.scene = {0, body_y, w, scene_h};
    l.panel = {0, body_y + scene_h, w, std::max(0.0f, body_h - scene_h)};
  } else {
    float panel_share = view == View::Questionnaire ? 0.55f : 0.36f;
    const float panel_w = std::clamp(w * panel_share, l.em * 18.0f, w * 0.6f);
    l.scene = {0, body_y, w - panel_w, body_h};
    l.panel = {w - panel_w, body_y, panel_w, body_h};
  }
  return l;
}

}  // namespace skindepth::app
