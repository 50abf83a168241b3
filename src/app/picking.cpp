// structure_at() (see picking.h). Each shape below repeats the matching lines of shaders/skin.frag;
// a change to one needs the same change to the other (tests/app/picking_test.cpp checks the shapes).
#include "app/picking.h"

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
double smoothstep(double e0, double e1, double x) {
  const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

struct Follicle {
  double x, slant, bottom;
};

Follicle follicle_of(const SkinPane& p, double x) {
  const double pitch = p.follicle_pitch_mm;
  const float cell = static_cast<float>(std::floor(x / pitch + 0.5));
  const double terminal = p.terminal_hair ? 1.0 : 0.0;
  return {cell * pitch + (hash(cell, 2.0f) - 0.5) * pitch * 0.3 + 0.37,
          0.22 * (hash(cell, 9.0f) - 0.5),
          mix(p.bounds_mm[4] - 0.25, p.bounds_mm[4] + 0.2 * terminal + 0.05, hash(cell, 5.0f))};
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
    const double radius = shaft_r + mix(0.018, 0.03, terminal) + 0.035 * smoothstep(0.8, 1.0, t) * (0.6 + 0.4 * terminal);
    s.follicle = std::max(std::abs(x - ax) - radius, d - f.bottom - 0.03);
    const double gy = b[3] + (b[4] - b[3]) * 0.15;
    const double size = 0.05 + 0.07 * p.sebaceous;
    const double gx = x - (f.x + f.slant * gy) - radius - size * 0.8, gd = (d - gy) * 1.2;
    if (d >= b[2]) s.sebaceous = std::hypot(gx, gd) - size - 0.015 * std::sin(std::atan2(gd, gx) * 5.0);
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
    const double v1 = std::hypot(glsl_mod(x, 0.55) - 0.27, (d - b[3] - 0.04) * 2.2) - 0.03;
    const double v2 = std::hypot(glsl_mod(x + 0.3, 0.8) - 0.4, (d - b[4] + 0.07) * 1.6) - 0.055;
    s.vessel = std::min(v1, v2);
    s.nerve = std::abs(d - (b[3] + (b[4] - b[3]) * 0.55) - 0.05 * std::sin(x * 3.0)) - 0.007;
  }
  if (d >= b[2] - 0.06 && d < b[3]) {  // the papillary dermis: capillary loops and the plexus under them
    const double px = glsl_mod(x + 0.11, 0.22) - 0.11;
    const double amp = std::clamp((b[2] - b[1]) * 0.45, 0.01, 0.06);
    const double top = b[2] + amp * 0.35 - amp + 0.012;
    const double arms_bottom = top + (b[3] - top) * 0.7;
    double cap = 1e9;
    if (d >= top && d <= arms_bottom) cap = std::min(std::abs(px - 0.01), std::abs(px + 0.01)) - 0.004;
    if (d < top) cap = std::abs(std::hypot(px, d - top) - 0.01) - 0.004;
    const double plexus = std::abs(d - (b[3] - 0.02) - 0.01 * std::sin(x * 9.0)) - 0.006;
    s.capillary = std::min(cap, plexus);
  }
  return s;
}

}  // namespace

std::string structure_at(const SkinPane& pane, double x_mm, double depth_mm, double slop_mm) {
  const double d = depth_mm;
  const auto& b = pane.bounds_mm;
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
