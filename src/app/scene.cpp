// build_scene() and the millimetre-to-pixel mapping (see scene.h).
#include "app/scene.h"

#include "core/timeline.h"

#include <algorithm>
#include <cmath>

namespace skindepth::app {

namespace {
constexpr double kAirShare = 0.14;  // air above the skin at zoom 1, as a share of the shown depth
constexpr double kLongestNeedleMm = 2.6;
constexpr std::array<double, core::kLayerCount> kTypicalFaceMm = {0.02, 0.08, 0.2, 1.1, 0.8};  // content still loading

const core::BodyArea* area_of(const AppState& s) {
  return s.content ? s.content->skin.find_area(s.cross.area_id) : nullptr;
}

// The layers' thicknesses, mm: the area's, or without one (content still loading) a typical face's.
const std::array<double, core::kLayerCount>& thickness_of(const core::BodyArea* area) {
  return area ? area->thickness_mm : kTypicalFaceMm;
}

double shown_for(const std::array<double, core::kLayerCount>& thickness) {
  double total = 0.0;
  for (double t : thickness) total += t;
  return std::max(total, kLongestNeedleMm);
}
}  // namespace

double shown_depth_mm(const AppState& s) { return shown_for(thickness_of(area_of(s))); }

std::pair<double, double> pan_depth_range(const AppState& s) {
  // make_mapping's centre at zoom 1 is (1 + kAirShare) / 2 - kAirShare of the shown depth, plus the pan.
  const double shown = shown_depth_mm(s), centre = shown * ((1.0 + kAirShare) / 2.0 - kAirShare);
  return {-centre, shown - centre};
}

DepthMapping make_mapping(const Rect& rect, double shown_depth_mm, double zoom, double pan_x_mm, double pan_depth_mm) {
  DepthMapping m;
  m.rect = rect;
  const double air_mm = shown_depth_mm * kAirShare;
  const double span_mm = shown_depth_mm + air_mm;
  const double base_px_per_mm = rect.h > 0 ? rect.h / span_mm : 1.0;
  m.px_per_mm = base_px_per_mm * std::max(zoom, 0.01);
  const double centre_depth = -air_mm + span_mm / 2.0 + pan_depth_mm;
  const double visible_depth = rect.h / m.px_per_mm;
  const double visible_width = rect.w / m.px_per_mm;
  m.depth0_mm = centre_depth - visible_depth / 2.0;
  m.x0_mm = pan_x_mm - visible_width / 2.0;
  return m;
}

double timeline_position(double hours, double end_hours) {
  // log(1 + t / 0.05 h): the first minutes get room, a year still fits.
  const double k = 0.05;
  return std::clamp(std::log1p(std::max(hours, 0.0) / k) / std::log1p(end_hours / k), 0.0, 1.0);
}

double timeline_hours(double position, double end_hours) {
  const double k = 0.05;
  return std::clamp(std::expm1(std::clamp(position, 0.0, 1.0) * std::log1p(end_hours / k)) * k, 0.0, end_hours);
}

core::Course course_of(const AppState& s) {
  core::Course c;
  c.needle_mm = s.cross.needle_mm;
  c.sessions = s.timeline.sessions;
  c.every_weeks = s.timeline.every_weeks;
  return c;
}

double timeline_end(const AppState& s) {
  return s.content ? core::timeline_end_hours(s.content->timeline, course_of(s)) : 24.0 * 365.0;
}

namespace {

// Drawing geometry of a roller (an illustration choice, not a clinical figure): a drum of 6 mm
// radius with needles 1.2 mm apart around it, rolled from beyond the left edge to beyond the right.
constexpr double kRollerRadiusMm = 6.0;
constexpr double kRollerPitchMm = 1.2;

// Places the drum for the roll's phase and the channels its needles have left: each needle
// reaches its full depth when it points straight down, and the drum turns without slipping, so
// the channels lie one pitch apart from the first. Returns whether there are channels yet.
bool roll(const AppState& s, double width_mm, SkinPane& p) {
  const double start = p.map.x0_mm - 1.0, end = p.map.x0_mm + width_mm + 1.0;
  const double phase = s.cross.stamping ? s.cross.stamp_phase : (s.cross.stamps_done > 0 ? 1.0 : 0.0);
  const double first = start + kRollerPitchMm * 0.5;
  p.roller = true;
  p.roller_radius_mm = kRollerRadiusMm;
  p.roller_pitch = kRollerPitchMm / kRollerRadiusMm;
  p.roller_x_mm = start + phase * (end - start);
  p.roller_angle = M_PI / 2.0 + (p.roller_x_mm - first) / kRollerRadiusMm;
  p.insertion = 1.0;
  p.needle_spacing_mm = kRollerPitchMm;
  p.needle_x0_mm = first;
  const int passed = p.roller_x_mm >= first ? static_cast<int>((p.roller_x_mm - first) / kRollerPitchMm) + 1 : 0;
  p.needle_count = std::min(passed, static_cast<int>((end - first) / kRollerPitchMm) + 1);
  if (!s.cross.stamping) {  // at rest in the middle, a needle straight down (pi/2: pointing to depth)
    p.roller_x_mm = p.map.x0_mm + width_mm / 2.0;
    p.roller_angle = M_PI / 2.0;
  }
  return p.needle_count > 0;
}

SkinPane make_pane(const AppState& s, const Rect& rect, double needle_mm) {
  SkinPane p;
  const core::BodyArea* area = area_of(s);
  const auto& t = thickness_of(area);
  if (area) {
    const auto& d = area->drawing;
    p.follicle_pitch_mm = d.hair_follicles_per_cm > 0 ? static_cast<float>(10.0 / d.hair_follicles_per_cm) : 0.0f;
    p.sebaceous = static_cast<float>(d.sebaceous_density);
    p.sweat_pitch_mm = d.sweat_glands_per_cm > 0 ? static_cast<float>(10.0 / d.sweat_glands_per_cm) : 0.0f;
    p.lobule_mm = d.fat_lobule_mm > 0 ? static_cast<float>(d.fat_lobule_mm) : 0.3f;
    p.terminal_hair = d.hair == core::HairKind::Terminal;
  }
  p.bounds_mm[0] = 0.0;
  for (int i = 0; i < core::kLayerCount; ++i) p.bounds_mm[i + 1] = p.bounds_mm[i] + t[i];
  p.map = make_mapping(rect, shown_for(t), s.cross.zoom, s.cross.pan_x_mm, s.cross.pan_depth_mm);
  p.needle_mm = needle_mm;
  const bool timeline = s.view == View::Timeline;
  // At rest the needles stand with their tips at the chosen depth, so the patient sees which layer
  // they reach; a stamp lifts them out of the skin and drives them back in (channels open then).
  p.device = !timeline;
  p.insertion = timeline ? 0.0 : (s.cross.stamping ? std::abs(std::cos(s.cross.stamp_phase * M_PI)) : 1.0);
  p.needle_spacing_mm = 0.6;
  const double width_mm = rect.w / p.map.px_per_mm;
  p.needle_count = std::clamp(static_cast<int>(width_mm / p.needle_spacing_mm * 0.5), 3, 12);
  p.needle_x0_mm = -p.needle_spacing_mm * (p.needle_count - 1) / 2.0;
  bool channels = timeline || s.cross.stamps_done > 0 || (s.cross.stamping && s.cross.stamp_phase > 0.5);
  if (!timeline && rolling_device(s)) channels = roll(s, width_mm, p);
  p.channel_depth_mm = channels ? needle_mm : 0.0;
  p.bleeding = channels && needle_mm >= p.bounds_mm[2] + 0.02;  // capillary loops sit in the papillary dermis
  if (!timeline && channels) {
    p.look.channels_open = 1.0;
    p.look.bleeding = p.bleeding ? 1.0 : 0.0;
  }
  const core::ConcernPicture* concern = s.content ? s.content->skin.find_concern(s.cross.concern) : nullptr;
  if (concern) {
    // In the middle of the view at rest (where the needles stand), to scale; never deeper than most
    // of the dermis, so fat stays below even an ice-pick scar on thin skin.
    p.concern.shape = static_cast<int>(concern->shape);
    p.concern.id = concern->id;
    p.concern.width_mm = concern->width_mm;
    p.concern.depth_mm = std::min(concern->depth_mm, 0.8 * (p.bounds_mm[4] - p.bounds_mm[2]));
  }
  if (timeline && s.content) {
    const auto h = core::sample(s.content->timeline, course_of(s), s.timeline.t_hours);
    if (concern) {
      // New collagen fills the dip by the content's share at most (an illustration, not a
      // prediction); the dip before the course stays as a faint outline.
      p.concern.fill = concern->course_fill * h.collagen_new;
      p.concern.before_depth_mm = p.concern.depth_mm;
      p.concern.depth_mm *= 1.0 - p.concern.fill;
    }
    p.look = {h.channels_open, h.bleeding, h.redness, h.swelling, h.platelets, h.immune_cells,
              h.fibroblast_activity, h.collagen_iii, h.collagen_i, h.elastin, h.new_capillaries, h.epidermal_thickening};
    // Swelling lifts the surface a little; new collagen and a thicker epidermis thicken the skin.
    const auto& model = s.content->timeline;
    const double epi_gain = t[1] * model.epidermis_gain * h.epidermal_thickening;
    const double dermis_gain = t[3] * model.dermis_gain * h.collagen_new;
    p.bounds_mm[2] += epi_gain;
    p.bounds_mm[3] += epi_gain;
    p.bounds_mm[4] += epi_gain + dermis_gain;
    p.bounds_mm[5] += epi_gain + dermis_gain;
  }
  return p;
}

}  // namespace

// The loupe over `main`'s lower right corner: from just above the surface to below the papillae (and
// the needle's tip when it is that shallow), around the needle nearest the middle of the view, that
// needle a third of the way across so the untouched skin beside it shows too.
SkinPane make_loupe(const SkinPane& main, float em) {
  SkinPane p = main;
  p.inset = true;
  const Rect& r = main.map.rect;
  const float margin = em * 0.6f;
  const float h = std::min(r.h * 0.42f, em * 15.0f);
  const float w = std::min(r.w * 0.55f - margin, h * 1.25f);
  const Rect rect{r.x + r.w - margin - w, r.y + r.h - margin - h, w, h};
  const double junction = main.bounds_mm[2];
  const double skin = std::clamp(std::max(junction + 0.08, main.needle_mm + 0.03), 0.05, junction + 0.25);
  double centre = main.map.x_mm(r.x + r.w * 0.5f);
  if (main.roller) {
    centre = main.roller_x_mm;
  } else if (main.needle_count > 0) {
    const double k = std::clamp(std::round((centre - main.needle_x0_mm) / main.needle_spacing_mm), 0.0, main.needle_count - 1.0);
    centre = main.needle_x0_mm + k * main.needle_spacing_mm;
  }
  p.map.rect = rect;
  const float air = em * 1.7f;  // room above the surface for the top layer's name
  p.map.px_per_mm = (rect.h - air) / skin;
  p.map.depth0_mm = -air / p.map.px_per_mm;
  p.map.x0_mm = centre - rect.w / p.map.px_per_mm / 3.0;
  p.magnification = p.map.px_per_mm / main.map.px_per_mm;
  return p;
}

Scene build_scene(const AppState& s, const Layout& layout) {
  Scene scene;
  scene.seconds = 0.0;  // the drawing has no idle motion: a still picture can be cached
  scene.reduced_motion = s.reduced_motion;
  scene.animating_look = s.view == View::Timeline && s.timeline.playing;
  const Rect r = layout.scene;
  if (s.cross.comparing && s.view == View::CrossSection) {
    const float gap = layout.em * 0.25f;
    const float half = (r.w - gap) / 2.0f;
    scene.panes.push_back(make_pane(s, {r.x, r.y, half, r.h}, s.cross.needle_mm));
    scene.panes.push_back(make_pane(s, {r.x + half + gap, r.y, half, r.h}, s.cross.compare_mm));
  } else {
    scene.panes.push_back(make_pane(s, r, s.cross.needle_mm));
    // The loupe shows what the main pane cannot make out: never when that is already magnified as much.
    if (s.cross.loupe && s.view == View::CrossSection) {
      SkinPane loupe = make_loupe(scene.panes.front(), layout.em);
      if (loupe.magnification >= kMinLoupeMagnification) scene.panes.push_back(std::move(loupe));
    }
  }
  return scene;
}

}  // namespace skindepth::app
