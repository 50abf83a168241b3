// What the renderer draws, built from AppState by a pure function: the one mapping from
// millimetres of skin to CSS pixels (and back, for picking), the layer boundaries of the chosen
// area, the needles, and the look of healing skin. The renderer turns CSS pixels into framebuffer
// pixels with the viewport's pixel ratio; nothing else converts.
#pragma once

#include "app/app_state.h"
#include "app/layout.h"
#include "core/timeline.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace skindepth::app {

struct DepthMapping {
  Rect rect;                // CSS pixels
  double px_per_mm = 1.0;   // CSS pixels per millimetre
  double x0_mm = 0.0;       // millimetres across at rect.x
  double depth0_mm = 0.0;   // depth at rect.y (negative is above the surface)

  float to_x(double x_mm) const { return rect.x + static_cast<float>((x_mm - x0_mm) * px_per_mm); }
  float to_y(double depth_mm) const { return rect.y + static_cast<float>((depth_mm - depth0_mm) * px_per_mm); }
  double x_mm(float px) const { return x0_mm + (px - rect.x) / px_per_mm; }
  double depth_mm(float py) const { return depth0_mm + (py - rect.y) / px_per_mm; }
};

// At zoom 1 the pane shows a little air above the skin, the whole skin and a band of fat; zoom
// magnifies around the pane's centre, pan moves in millimetres.
DepthMapping make_mapping(const Rect& rect, double shown_depth_mm, double zoom, double pan_x_mm, double pan_depth_mm);
// The depth shown at zoom 1 for the state's area (its whole skin, at least the longest needle).
double shown_depth_mm(const AppState& state);
// How far the drawing may be panned in depth, mm: the pane's centre stays between the skin's
// surface and the bottom of the shown depth, so the skin can never be panned out of sight.
std::pair<double, double> pan_depth_range(const AppState& state);

// How healing skin looks at a moment (all 0..1); zero is intact, untreated skin.
struct HealingLook {
  double channels_open = 0, bleeding = 0, redness = 0, swelling = 0, platelets = 0, immune_cells = 0;
  double fibroblast_activity = 0, collagen_iii = 0, collagen_i = 0, elastin = 0, new_capillaries = 0;
  double epidermal_thickening = 0;
};

// The patient's concern drawn in the skin (core::ConcernPicture), in the pane's millimetres.
struct ConcernInSkin {
  int shape = -1;                  // a core::ConcernShape; -1: none drawn
  std::string id;                  // the picture's id (structures.json "concerns")
  double x_mm = 0.0;               // its middle
  double width_mm = 0.0;
  double depth_mm = 0.0;           // how far the surface sinks now (after any fill)
  double before_depth_mm = 0.0;    // how far it sank before the course (the timeline's faint outline)
  double fill = 0.0;               // share of the dip filled by new collagen so far (the timeline)
  bool drawn() const { return shape >= 0; }
};

struct SkinPane {
  DepthMapping map;
  std::array<double, 6> bounds_mm{};  // surface, then the bottom of each layer (the last: fat band)
  double needle_mm = 0.0;             // length of the needles drawn; 0: no needles
  double insertion = 0.0;             // 0 = above the skin, 1 = fully in (at rest: the tip at the chosen depth)
  bool device = false;                // the device is drawn (the cross-section; not the timeline)
  double needle_spacing_mm = 0.0;
  int needle_count = 0;
  double needle_x0_mm = 0.0;          // x of the first needle
  double channel_depth_mm = 0.0;      // channels left by earlier stamps (0: none)
  bool bleeding = false;              // pinpoint bleeding: only when the tip reaches the capillaries
  // A roller: a drum of needles rolling to the right across the pane while it rolls, and at rest on
  // the skin in the middle of the pane with one needle straight down at its full length.
  bool roller = false;
  double roller_x_mm = 0.0;           // the drum's centre
  double roller_radius_mm = 0.0;      // the drum (needles stand out from it)
  double roller_angle = 0.0;          // its turn, radians (0: needle 0 points right; depth grows downward)
  double roller_pitch = 0.0;          // radians between neighbouring needles
  // Drawing hints of the area (illustration, not measurement): see core::DrawingHints.
  float follicle_pitch_mm = 2.5f;     // distance between hair follicles (0: none)
  float sebaceous = 0.5f;             // 0..1
  float sweat_pitch_mm = 2.0f;        // distance between sweat glands
  float lobule_mm = 0.3f;             // fat lobule size
  bool terminal_hair = false;         // thick scalp hair instead of fine vellus hair
  HealingLook look;
  ConcernInSkin concern;
  // The loupe: an inset over the main pane's lower right corner, the same skin magnified around a
  // needle from the surface to below the papillae; `magnification` is its scale over the main pane's.
  bool inset = false;
  double magnification = 1.0;
};

struct Scene {
  std::vector<SkinPane> panes;  // one, or two side by side when comparing needles; then the loupe's inset
  double seconds = 0.0;         // for gentle motion (none under reduced motion)
  bool animating_look = false;  // the skin itself changes every frame (the timeline is playing)
  bool reduced_motion = false;
};

// The loupe is left out when it would magnify the main pane less than this.
inline constexpr double kMinLoupeMagnification = 2.0;

Scene build_scene(const AppState& state, const Layout& layout);

// The course the timeline shows (needle length from the cross-section) and where it ends, in hours.
core::Course course_of(const AppState& state);
double timeline_end(const AppState& state);

// The timeline bar's scale: minutes to a year on one bar, logarithmic (0..1 <-> hours).
double timeline_position(double hours, double end_hours);
double timeline_hours(double position, double end_hours);

}  // namespace skindepth::app
