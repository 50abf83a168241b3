#version 300 es
// The needle array over the cached skin picture: tapered steel needles entering to
// insertion * length. Cheap on purpose: it is the only pass that runs while needles move.
precision highp float;

uniform vec4 u_rect;        // pane in framebuffer pixels: x, y (bottom, GL), width, height
uniform float u_px_per_mm;  // framebuffer pixels per millimetre
uniform vec2 u_origin_mm;   // x and depth (mm) at the pane's top-left corner
uniform vec4 u_needle;      // length mm, insertion 0..1, spacing mm, count
uniform float u_needle_x0;  // x of the first needle, mm

out vec4 frag_color;

void main() {
  vec2 frag = gl_FragCoord.xy - u_rect.xy;
  float x = u_origin_mm.x + frag.x / u_px_per_mm;
  float d = u_origin_mm.y + (u_rect.w - frag.y) / u_px_per_mm;
  float aa = 0.75 / u_px_per_mm;
  float k = clamp(floor((x - u_needle_x0) / u_needle.z + 0.5), 0.0, u_needle.w - 1.0);
  float nx = u_needle_x0 + k * u_needle.z;
  float len = u_needle.x;
  float tip = -0.35 + u_needle.y * (len + 0.35);
  float top = tip - len - 0.6;
  if (u_needle.y <= 0.001 || d >= tip || d <= top) discard;
  float taper = clamp((tip - d) / 0.12, 0.0, 1.0);
  float r = 0.018 * taper + 0.003;
  float nd = abs(x - nx) - r;
  float body = 1.0 - smoothstep(-aa, aa, nd);
  if (body <= 0.0) discard;
  vec3 steel = mix(vec3(0.55, 0.58, 0.62), vec3(0.93, 0.95, 0.97), 1.0 - abs(x - nx) / max(r, 1e-4));
  float edge = 1.0 - smoothstep(0.0015 - aa, 0.0015 + aa, abs(nd));
  frag_color = vec4(mix(steel, vec3(0.3, 0.32, 0.36), edge), body);
}
