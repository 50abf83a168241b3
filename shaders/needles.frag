#version 300 es
// The device over the cached skin picture: a pen's or stamp's needles standing out of their
// cartridge and entering to insertion * length (at rest: fully in, the tips at the chosen depth), or a
// roller's drum. Cheap on purpose: it is the only pass that runs while needles move.
precision highp float;

uniform vec4 u_rect;        // pane in framebuffer pixels: x, y (bottom, GL), width, height
uniform float u_px_per_mm;  // framebuffer pixels per millimetre
uniform vec2 u_origin_mm;   // x and depth (mm) at the pane's top-left corner
uniform vec4 u_needle;      // length mm, insertion 0..1, spacing mm, count
uniform float u_needle_x0;  // x of the first needle, mm
uniform vec4 u_roller;      // a roller: drum centre x mm, radius mm, turn rad, radians between needles (0: none)

out vec4 frag_color;

vec4 steel_needle(float across, float r, float aa) {
  float nd = abs(across) - r;
  float body = 1.0 - smoothstep(-aa, aa, nd);
  vec3 steel = mix(vec3(0.55, 0.58, 0.62), vec3(0.93, 0.95, 0.97), 1.0 - abs(across) / max(r, 1e-4));
  float edge = 1.0 - smoothstep(0.0015 - aa, 0.0015 + aa, abs(nd));
  return vec4(mix(steel, vec3(0.3, 0.32, 0.36), edge), body);
}

// The drum (its rim, above the skin) and its needles standing out radially; each needle enters
// and leaves the skin at an angle and reaches its full length only when it points straight down.
vec4 roller(float x, float d, float aa) {
  float radius = u_roller.y;
  vec2 p = vec2(x - u_roller.x, d + radius);  // the drum rests on the surface (depth 0)
  float rr = length(p);
  if (rr < radius + aa) {
    float shade = clamp(0.55 + 0.45 * (rr / radius), 0.0, 1.0);
    vec3 drum = mix(vec3(0.36, 0.4, 0.46), vec3(0.78, 0.82, 0.86), shade);
    return vec4(drum, 1.0 - smoothstep(radius - aa, radius + aa, rr));
  }
  float a = atan(p.y, p.x);
  float k = floor((a - u_roller.z) / u_roller.w + 0.5);
  float na = u_roller.z + k * u_roller.w;
  vec2 dir = vec2(cos(na), sin(na));
  float along = dot(p, dir) - radius;
  float len = u_needle.x;
  if (along < 0.0 || along > len) return vec4(0.0);
  float taper = clamp((len - along) / 0.12, 0.0, 1.0);
  return steel_needle(dot(p, vec2(-dir.y, dir.x)), 0.018 * taper + 0.003, aa);
}

// The cartridge: a grey block whose face the needles stand out of (it touches the skin when they
// are fully in). Sizes match render/renderer.cpp's kHousingMm and kHousingMarginMm.
vec4 housing(float x, float d, float face, float aa) {
  float x0 = u_needle_x0 - 0.4, x1 = u_needle_x0 + (u_needle.w - 1.0) * u_needle.z + 0.4;
  vec2 centre = vec2(0.5 * (x0 + x1), face - 0.55);
  vec2 half_size = vec2(0.5 * (x1 - x0), 0.55);
  vec2 q = abs(vec2(x, d) - centre) - half_size + 0.12;
  float dist = length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - 0.12;  // a rounded rectangle
  float inside = 1.0 - smoothstep(-aa, aa, dist);
  if (inside <= 0.0) return vec4(0.0);
  float shade = clamp((face - d) / 1.1, 0.0, 1.0);  // lit from above, darker towards the face
  vec3 plastic = mix(vec3(0.70, 0.73, 0.78), vec3(0.86, 0.88, 0.92), shade);
  float rim = 1.0 - smoothstep(0.0, 2.0 * aa, abs(dist));
  return vec4(mix(plastic, vec3(0.38, 0.41, 0.47), rim), inside);
}

void main() {
  vec2 frag = gl_FragCoord.xy - u_rect.xy;
  float x = u_origin_mm.x + frag.x / u_px_per_mm;
  float d = u_origin_mm.y + (u_rect.w - frag.y) / u_px_per_mm;
  float aa = 0.75 / u_px_per_mm;
  if (u_roller.w > 0.0) {
    frag_color = roller(x, d, aa);
    if (frag_color.a <= 0.0) discard;
    return;
  }
  float k = clamp(floor((x - u_needle_x0) / u_needle.z + 0.5), 0.0, u_needle.w - 1.0);
  float nx = u_needle_x0 + k * u_needle.z;
  float len = u_needle.x;
  float tip = -0.35 + u_needle.y * (len + 0.35);
  float face = tip - len;
  if (d <= face) {
    frag_color = housing(x, d, face, aa);
    if (frag_color.a <= 0.0) discard;
    return;
  }
  if (d >= tip) discard;
  float taper = clamp((tip - d) / 0.12, 0.0, 1.0);
  frag_color = steel_needle(x - nx, 0.018 * taper + 0.003, aa);
  if (frag_color.a <= 0.0) discard;
}
