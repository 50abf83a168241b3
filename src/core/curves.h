// GLSL's smoothstep, for the model's curves and for the CPU mirror of what the shader draws (where a
// tap lands, a concern's depth): one definition, so the two sides cannot drift apart.
#pragma once

#include <algorithm>

namespace skindepth::core {

// 0 at or below e0, 1 at or above e1, 3t^2 - 2t^3 in between; e1 > e0, as in GLSL.
inline double smoothstep(double e0, double e1, double x) {
  const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

}  // namespace skindepth::core
