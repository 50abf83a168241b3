// structure_at() (see picking.h). Each shape below repeats the matching lines of shaders/skin.frag;
// a change to one needs the same change to the other (tests/app/picking_test.cpp checks the shapes).
#include "app/picking.h"

#include "core/curves.h"
#include "core/skin.h"

#include <algorithm>
#include <cmath>

namespace skindepth::app {

namespace {

float fract(float v) { return v - std::floor(v); }
// The shader's place(): single precision, the same operations in the same order.
double hash(float a, float b) {
  float x = fract(a * 0.1031f), y = fract(b * 0.1031f), z = x;  // p.xyx
  const float d = x * (y + 33.33f) + y * (z + 33.33f) + z * (x + 33.33f);
  x += d;
  y += d;
  z += d;
  return fract((x + y) * z);
}
double glsl_mod(double x, double y) { return x - y * std::floor(x / y); }
double mix(double a, double b, double t) { return a + (b - a) * t; }
using core::smoothstep;

struct Follicle {
  double x, slant, bottom;
};

Follicle follicle_of(const SkinPane& p, double x) {
  const double pitch = p.follicle_pitch_mm;
  const float cell = static_cast<float>(std::floor(x / pitch + 0.5));
  const double terminal = p.terminal_hair ? 1.0 : 0.0;
  Follicle f{cell * pitch + (hash(cell, 2.0f) - 0.5) * pitch * 0.3 + 0.37,
             0.22 * (hash(cell, 9.0f) - 0.5),
             mix(p.bounds_mm[4] - 0.25, p.bounds_mm[4] + 0.2 * terminal + 0.05, hash(cell, 5.0f))};
  // An enlarged pore is a follicle's opening: that cell's follicle stands upright under it.
  if (p.concern.shape == static_cast<int>(core::ConcernShape::Pore) &&
      static_cast<float>(std::floor(p.concern.x_mm / pitch + 0.5)) == cell) {
    f.x = p.concern.x_mm;
    f.slant = 0.0;
  }
  return f;
}

double dip_at(const SkinPane& p, double x) {
  if (!p.concern.drawn()) return 0.0;
  return core::concern_dip_mm(static_cast<core::ConcernShape>(p.concern.shape), p.concern.width_mm, p.concern.depth_mm,
                              x - p.concern.x_mm);
}

// The shader's follicle_shape(): a tube with a rounded foot, (dx, dd) from its axis and lowest point.
double follicle_shape(double dx, double dd, double radius) {
  const double qx = std::abs(dx) - radius * 0.1, qy = dd + radius * 0.9;
  return std::hypot(std::max(qx, 0.0), std::max(qy, 0.0)) + std::min(std::max(qx, qy), 0.0) - radius * 0.9;
}

double segment(double px, double pd, double ax, double ad, double bx, double bd) {
  const double pax = px - ax, pad = pd - ad, bax = bx - ax, bad = bd - ad;
  const double h = std::clamp((pax * bax + pad * bad) / (bax * bax + bad * bad), 0.0, 1.0);
  return std::hypot(pax - bax * h, pad - bad * h);
}

// The shader's sebaceous_shape(): three lobules around (cx, cd) and the duct into the follicle.
double sebaceous_shape(double x, double d, double cx, double cd, double size, double axis_x_at_duct) {
  double l = std::min(std::hypot(x - cx, d - cd) - size * 0.62, std::hypot(x - cx - size * 0.6, d - cd + size * 0.42) - size * 0.5);
  l = std::min(l, std::hypot(x - cx - size * 0.55, d - cd - size * 0.48) - size * 0.46);
  const double duct = segment(x, d, cx - size * 0.2, cd - size * 0.45, axis_x_at_duct, cd - size * 0.95) - 0.011;
  return std::min(l, duct);
}

constexpr double kPapillaPitch = 0.11;

// The shader's capillary_loop(): the distance to the wall of the loop in the papilla nearest x.
double capillary_loop(double x, double d, double top, double base) {
  const float k = static_cast<float>(std::floor(x / kPapillaPitch + 0.5));
  if (hash(k, 21.0f) < 0.2) return 1e9;
  const double px = x - k * kPapillaPitch;
  const double w = 0.006 + 0.006 * hash(k, 22.0f);
  const double t_top = top + 0.014 * hash(k, 24.0f);
  const double lean = (hash(k, 23.0f) - 0.5) * 0.03;
  if (d > base) return 1e9;
  const double along = std::clamp((base - d) / std::max(base - t_top, 1e-3), 0.0, 1.0);
  const double c = lean * along + 0.0015 * std::sin(d * 150.0 + k * 1.7);
  const double dist = d >= t_top ? std::min(std::abs(px - c - w), std::abs(px - c + w))
                                 : std::abs(std::hypot(px - lean, (d - t_top) * 1.3) - w);
  return dist - 0.0035;
}

// The shader's vessel_pair(): the nearer of an arteriole and its venule of a plexus at depth cy.
double vessel_pair(double x, double d, double pitch, double offset, double cy, double r) {
  const double lx = glsl_mod(x + offset, pitch) - pitch * 0.5;
  return std::min(std::hypot(lx + r * 1.3, d - cy) - r, std::hypot(lx - r * 1.4, (d - cy) * 1.35) - r * 1.3);
}

// Signed distances (mm, negative inside) to the localised structures at (x, d).
struct Shapes {
  double sweat = 1e9, sebaceous = 1e9, follicle = 1e9, vessel = 1e9, nerve = 1e9, capillary = 1e9;
};

Shapes shapes_at(const SkinPane& p, double x, double d) {
  Shapes s;
  const auto& b = p.bounds_mm;
  if (p.follicle_pitch_mm > 0.01f && d >= 0.0) {
    const Follicle f = follicle_of(p, x);
    const double terminal = p.terminal_hair ? 1.0 : 0.0;
    const double ax = f.x + f.slant * d;
    const double t = std::clamp(d / f.bottom, 0.0, 1.0);
    const double shaft_r = mix(0.007, 0.02, terminal);
    const double sheath_r = shaft_r + mix(0.018, 0.03, terminal);
    const double radius = sheath_r + 0.035 * smoothstep(0.8, 1.0, t) * (0.6 + 0.4 * terminal);
    s.follicle = follicle_shape(x - ax, d - f.bottom - 0.03, radius);
    const double gy = b[3] + (b[4] - b[3]) * 0.15;
    const double size = 0.05 + 0.07 * p.sebaceous;
    if (d >= b[2]) {
      s.sebaceous = sebaceous_shape(x, d, f.x + f.slant * gy + sheath_r + size * 0.8, gy, size, f.x + f.slant * (gy - size * 0.95));
      // The arrector pili belongs to the follicle's unit: a tap on it opens the follicle's card.
      const double md = gy + size * 1.2, mx = f.x + f.slant * md + sheath_r;
      s.follicle = std::min(s.follicle, segment(x, d, mx, md, mx + 0.2 + size, b[2] + 0.025) - mix(0.009, 0.016, terminal));
    }
  }
  if (p.sweat_pitch_mm > 0.01f && d > 0.0) {
    const double pitch = p.sweat_pitch_mm;
    const float cell = static_cast<float>(std::floor((x + 0.9) / pitch + 0.5));
    const double cx = cell * pitch - 0.9 + 0.25 * (hash(cell, 13.0f) - 0.5);
    const double cy = b[4] - 0.06;
    // The coil is an ellipse 0.13 x 0.075 mm; its distance is scaled by the shorter half-axis.
    const double coil = (std::hypot((x - cx) / 0.13, (d - cy) / 0.075) - 1.0) * 0.075;
    const double duct = d <= cy - 0.07 ? std::abs(x - cx - 0.025 * std::sin(d * 30.0)) - 0.006 : 1e9;
    s.sweat = std::min(coil, duct);
  }
  if (d >= b[3] && d < b[4]) {  // the reticular dermis: both vessel plexuses and the nerve
    s.vessel = std::min(vessel_pair(x, d, 0.55, 0.0, b[3] + 0.04, 0.018), vessel_pair(x, d, 0.8, 0.3, b[4] - 0.07, 0.032));
    s.nerve = std::abs(d - (b[3] + (b[4] - b[3]) * 0.55) - 0.05 * std::sin(x * 3.0)) - 0.007;
  }
  if (d >= b[2] - 0.06 && d < b[3]) {  // the papillary dermis: capillary loops and the plexus under them
    const double amp = std::clamp((b[2] - b[1]) * 0.45, 0.01, 0.06);
    const double top = b[2] + amp * 0.35 - amp + 0.012;
    const double cap = capillary_loop(x, d, top, b[3] - 0.02);
    const double plexus = std::abs(d - (b[3] - 0.02) - 0.01 * std::sin(x * 9.0)) - 0.006;
    s.capillary = std::min(cap, plexus);
  }
  return s;
}

}  // namespace

double layer_depth_mm(const SkinPane& pane, double x_mm, double depth_mm) {
  const double s = dip_at(pane, x_mm), e = pane.bounds_mm[2], r = pane.bounds_mm[4];
  if (s <= 0.0 || depth_mm >= r) return depth_mm;
  if (depth_mm < e + s) return depth_mm - s;
  return e + (depth_mm - e - s) * (r - e) / (r - e - s);
}

std::string structure_at(const SkinPane& pane, double x_mm, double depth_mm, double slop_mm) {
  const auto& b = pane.bounds_mm;
  const auto& c = pane.concern;
  if (c.drawn() && std::abs(x_mm - c.x_mm) < c.width_mm * 0.5) {
    const double lowest = std::max(c.depth_mm, c.before_depth_mm) + b[2];
    if (depth_mm >= -slop_mm && depth_mm <= lowest) return c.id;
  }
  const double d = layer_depth_mm(pane, x_mm, depth_mm);
  if (d < 0.0) return {};
  const Shapes s = shapes_at(pane, x_mm, d);
  // Topmost first, as the shader layers them: the sweat gland over the follicle, the follicle over
  // its gland, all three over the dermis' own vessels, nerve and capillaries.
  const std::pair<double, const char*> shapes[] = {
      {s.sweat, "sweat_glands"},    {s.follicle, "hair_follicles"}, {s.sebaceous, "sebaceous_glands"},
      {s.vessel, "larger_vessels"}, {s.nerve, "nerves"},            {s.capillary, "capillaries"}};
  for (const auto& [distance, id] : shapes)
    if (distance <= 0.0) return id;
  // Nothing under the point itself: the nearest one within reach of a finger.
  const auto nearest = std::min_element(std::begin(shapes), std::end(shapes),
                                        [](const auto& a, const auto& c) { return a.first < c.first; });
  if (nearest->first <= slop_mm) return nearest->second;
  // The fabric of the layer.
  if (std::abs(d - b[2]) <= std::max(0.008, slop_mm * 0.5)) return "basement_membrane";
  if (d < b[2]) return "keratinocytes";
  if (d < b[4]) return "collagen_fibres";
  return "fat_lobules";
}

}  // namespace skindepth::app
