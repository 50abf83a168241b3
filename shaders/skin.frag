#version 300 es
// A cross-section of skin drawn as a medical illustration, in millimetres: stratum corneum flakes,
// the cell layers of the epidermis, the wavy junction with its papillae and capillary loops,
// collagen bundles and elastin, vessels, nerves, a hair follicle with its sebaceous gland, a sweat
// gland coil, fat lobules; then the micro-channels needles leave and the look of healing. The
// needles themselves are drawn by needles.frag over a cached copy of this picture.
precision highp float;

uniform vec4 u_rect;          // pane in framebuffer pixels: x, y (bottom, GL), width, height
uniform float u_px_per_mm;    // framebuffer pixels per millimetre
uniform vec2 u_origin_mm;     // x and depth (mm) at the pane's top-left corner
uniform float u_bounds[6];    // surface, bottoms of: stratum corneum, epidermis, papillary, reticular, fat band
uniform vec4 u_needle;        // length mm, insertion 0..1, spacing mm, count
uniform float u_needle_x0;    // x of the first needle, mm
uniform float u_channel_depth;  // depth of channels left in the skin, mm (0: none)
uniform float u_bleeding;     // 1 when the tips reached the capillaries
uniform float u_time;         // seconds, for gentle motion
uniform vec4 u_look0;         // channels_open, bleeding, redness, swelling
uniform vec4 u_look1;         // platelets, immune cells, fibroblast activity, collagen III
uniform vec4 u_look2;         // collagen I, elastin, new capillaries, epidermal thickening
uniform vec4 u_hints;         // follicle pitch mm (0: none), sebaceous 0..1, sweat gland pitch mm, fat lobule mm
uniform float u_terminal;     // 1: thick terminal hair (scalp), 0: fine vellus hair
uniform vec4 u_concern;       // the patient's concern: shape (core::ConcernShape; -1 none), its middle x, width, dip mm
uniform vec2 u_concern_before;  // its dip before the course (mm; 0: no outline), the share new collagen has filled

out vec4 frag_color;

// --- noise -----------------------------------------------------------------------------------
float hash(vec2 p) { return fract(sin(dot(p, vec2(127.1, 311.7))) * 43758.5453); }
vec2 hash2(vec2 p) {
  return fract(sin(vec2(dot(p, vec2(127.1, 311.7)), dot(p, vec2(269.5, 183.3)))) * 43758.5453);
}
// Where follicles and glands stand: a hash without sin(), whose value does not depend on how a GPU
// computes sines (the classic one above differs between GPUs and from the CPU), so that
// src/app/picking.cpp places them exactly where they are drawn.
float place(vec2 p) {
  vec3 p3 = fract(vec3(p.xyx) * 0.1031);
  p3 += dot(p3, p3.yzx + 33.33);
  return fract((p3.x + p3.y) * p3.z);
}
float noise(vec2 p) {
  vec2 i = floor(p), f = fract(p);
  vec2 u = f * f * (3.0 - 2.0 * f);
  return mix(mix(hash(i), hash(i + vec2(1, 0)), u.x), mix(hash(i + vec2(0, 1)), hash(i + vec2(1, 1)), u.x), u.y);
}
float fbm(vec2 p) {
  float v = 0.0, a = 0.5;
  for (int i = 0; i < 4; ++i) { v += a * noise(p); p *= 2.03; a *= 0.5; }
  return v;
}
// Distance to the nearest cell centre (x), to the cell border (y), and the cell's id hash (z).
vec3 voronoi(vec2 p) {
  vec2 n = floor(p), f = fract(p);
  float d1 = 8.0, d2 = 8.0; vec2 id = vec2(0);
  for (int j = -1; j <= 1; ++j)
    for (int i = -1; i <= 1; ++i) {
      vec2 g = vec2(float(i), float(j));
      vec2 o = 0.5 + 0.38 * (hash2(n + g) - 0.5) * 2.0;
      float d = length(g + o - f);
      if (d < d1) { d2 = d1; d1 = d; id = n + g; } else if (d < d2) { d2 = d; }
    }
  return vec3(d1, d2 - d1, hash(id));
}

// The cell of a jittered grid holding p: the offset from p to the cell's centre (xy, cell units) and the
// cell's id hash (z). Centres stay within 0.2 of the middle, so a round cell of radius up to 0.29 lies
// inside its own square and no neighbour needs looking at (a ninth of voronoi()'s work).
vec3 own_cell(vec2 p) {
  vec2 n = floor(p);
  vec2 o = 0.5 + 0.2 * (hash2(n) - 0.5) * 2.0;
  return vec3(fract(p) - o, hash(n));
}

float aa;  // one pixel in millimetres, for anti-aliased edges
float g_flat;  // 0..1: how flat the papillae lie here (a stretch mark flattens them)
float fill(float sd) { return 1.0 - smoothstep(-aa, aa, sd); }        // inside when sd < 0
float line(float d, float w) { return 1.0 - smoothstep(w - aa, w + aa, abs(d)); }

// --- the shape of the layers ---------------------------------------------------------------------
const float kPapillaPitch = 0.11;  // mm between dermal papillae
float junction(float x) {          // depth of the dermal-epidermal junction at x (papillae rise)
  float epi = u_bounds[2] - u_bounds[1];
  float wave = 0.5 + 0.5 * cos(6.2831853 * x / kPapillaPitch);
  float amp = clamp(epi * 0.45, 0.01, 0.06) * (1.0 - 0.85 * g_flat);
  return u_bounds[2] + amp * 0.35 - amp * pow(wave, 2.5) + 0.006 * (noise(vec2(x * 40.0, 1.0)) - 0.5);
}
float papillary_bottom(float x) { return u_bounds[3] + 0.02 * (fbm(vec2(x * 6.0, 3.0)) - 0.5); }
float reticular_bottom(float x) { return u_bounds[4] + 0.08 * (fbm(vec2(x * 2.5, 7.0)) - 0.5); }

// --- the patient's concern ------------------------------------------------------------------------
// How far the surface sinks at dx from the concern's middle: src/core/skin.cpp's concern_dip_mm(),
// shape by shape (0 rolling, 1 boxcar, 2 ice-pick, 3 fold, 4 stretch mark, 5 pore, 6 pigment).
float concern_dip(float shape, float width, float depth, float dx) {
  float a = width > 0.0 ? abs(dx) / (width * 0.5) : 1.0;
  if (a >= 1.0 || shape < -0.5) return 0.0;
  if (shape < 0.5) return depth * (0.5 + 0.5 * cos(3.14159265 * a));
  if (shape < 1.5) return depth * (1.0 - smoothstep(0.75, 1.0, a));
  if (shape < 2.5) return depth * pow(1.0 - a, 1.6);
  if (shape < 3.5) return depth * pow(1.0 - a, 1.5);
  if (shape < 4.5) return depth * (1.0 - smoothstep(0.6, 1.0, a));
  if (shape < 5.5) return depth * sqrt(1.0 - a * a);
  return 0.0;
}
// Where a depth of the picture lies in the skin's own layers under a dip of s mm: the epidermis
// follows the sunken surface, the dermis under it is squeezed (the tissue that was lost), the fat
// stays where it is. src/app/picking.cpp repeats it.
float unwarp(float d, float s) {
  float e = u_bounds[2], r = u_bounds[4];
  if (s <= 0.0 || d >= r) return d;
  if (d < e + s) return d - s;
  return e + (d - e - s) * (r - e) / (r - e - s);
}

// --- structures ----------------------------------------------------------------------------------
// The follicle nearest to x: its axis at the surface, its slant and the depth of its bulb.
vec3 follicle_of(float x, float pitch) {
  float cell = floor(x / pitch + 0.5);
  float cx = cell * pitch + (place(vec2(cell, 2.0)) - 0.5) * pitch * 0.3 + 0.37;
  float bottom = mix(u_bounds[4] - 0.25, u_bounds[4] + 0.2 * u_terminal + 0.05, place(vec2(cell, 5.0)));
  float slant = 0.22 * (place(vec2(cell, 9.0)) - 0.5);
  // An enlarged pore is the opening of a follicle: that cell's follicle stands upright under it.
  if (abs(u_concern.x - 5.0) < 0.5 && floor(u_concern.y / pitch + 0.5) == cell) { cx = u_concern.y; slant = 0.0; }
  return vec3(cx, slant, bottom);
}
// The follicle's outline at (dx from its axis, dd below its lowest point): a tube of the given radius
// with a rounded bulb at its foot. picking.cpp repeats it.
float follicle_shape(float dx, float dd, float radius) {
  vec2 q = vec2(abs(dx) - radius * 0.1, dd + radius * 0.9);
  return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - radius * 0.9;
}
// Distance from p to the segment a-b.
float segment(vec2 p, vec2 a, vec2 b) {
  vec2 pa = p - a, ba = b - a;
  return length(pa - ba * clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0));
}
// The sebaceous gland of a follicle: three lobules beside it in the upper dermis and a short duct
// opening into the follicle above them (src/app/picking.cpp repeats this shape). c: the gland's centre.
float sebaceous_shape(vec2 p, vec2 c, float size, float axis_x_at_duct) {
  float l = min(length(p - c) - size * 0.62, length(p - c - vec2(size * 0.6, -size * 0.42)) - size * 0.5);
  l = min(l, length(p - c - vec2(size * 0.55, size * 0.48)) - size * 0.46);
  float duct = segment(p, c + vec2(-size * 0.2, -size * 0.45), vec2(axis_x_at_duct, c.y - size * 0.95)) - 0.011;
  return min(l, duct);
}
// Capillary loop rising into the papilla at x (one papilla in five has none in this plane), from the
// plexus at `base` to its tip at `top`: varied width, lean and height. Returns the distance to the
// loop's wall and, in y, which limb is nearer (0 arterial, 1 venous). picking.cpp repeats it.
vec2 capillary_loop(float x, float d, float top, float base) {
  float k = floor(x / kPapillaPitch + 0.5);
  if (place(vec2(k, 21.0)) < 0.2 || d > base) return vec2(1.0, 0.0);
  float px = x - k * kPapillaPitch;
  float w = 0.006 + 0.006 * place(vec2(k, 22.0));
  float t_top = top + 0.014 * place(vec2(k, 24.0));
  float lean = (place(vec2(k, 23.0)) - 0.5) * 0.03;
  float along = clamp((base - d) / max(base - t_top, 1e-3), 0.0, 1.0);   // 0 at the plexus, 1 at the tip
  float c = lean * along + 0.0015 * sin(d * 150.0 + k * 1.7);
  float dist = d >= t_top ? min(abs(px - c - w), abs(px - c + w)) : abs(length(vec2(px - lean, (d - t_top) * 1.3)) - w);
  return vec2(dist - 0.0035, step(c, px));
}
// The pair of vessels (an arteriole and its venule) of a plexus at depth cy, repeated every `pitch`
// mm: distances to the artery (x) and the vein (y). picking.cpp repeats it.
vec2 vessel_pair(float x, float d, float pitch, float offset, float cy, float r) {
  float lx = mod(x + offset, pitch) - pitch * 0.5;
  return vec2(length(vec2(lx + r * 1.3, d - cy)) - r, length(vec2(lx - r * 1.4, (d - cy) * 1.35)) - r * 1.3);
}
// Furrows of the surface: shallow V-shaped notches every ~0.45 mm (air above the skin's top there).
float furrow(float x, float sc) {
  float k = floor(x / 0.45);
  float c = (k + 0.5) * 0.45 + (place(vec2(k, 41.0)) - 0.5) * 0.2;
  float w = 0.03 + 0.03 * place(vec2(k, 42.0));
  float depth = min(0.012 + 0.02 * place(vec2(k, 43.0)), sc * 0.8 + 0.006);
  return depth * max(0.0, 1.0 - abs(x - c) / w) + 0.002 * noise(vec2(x * 80.0, 2.0));
}

void main() {
  vec2 frag = gl_FragCoord.xy - u_rect.xy;
  vec2 p = vec2(u_origin_mm.x + frag.x / u_px_per_mm, u_origin_mm.y + (u_rect.w - frag.y) / u_px_per_mm);
  aa = 0.75 / u_px_per_mm;
  float x = p.x, ds = p.y;  // ds: depth on the picture, where a sunken surface is drawn
  // The concern's dip here, now and before the course; d: the depth in the skin's own layers.
  float shape = u_concern.x, cdx = x - u_concern.y;
  float dip = concern_dip(shape, u_concern.z, u_concern.w, cdx);
  float dip_before = concern_dip(shape, u_concern.z, u_concern_before.x, cdx);
  float foot = shape > -0.5 ? 1.0 - smoothstep(0.8, 1.0, abs(cdx) / max(u_concern.z * 0.5, 1e-3)) : 0.0;
  float d = unwarp(ds, dip);
  g_flat = abs(shape - 4.0) < 0.5 ? foot * (u_concern_before.x > 0.0 ? u_concern.w / u_concern_before.x : 1.0) : 0.0;

  float redness = u_look0.z, swelling = u_look0.w;
  float thick = 1.0 + 0.4 * u_look2.w;

  vec3 col;
  float sc_bottom = u_bounds[1] * thick;
  float dej = junction(x);
  float pap = papillary_bottom(x);
  float ret = reticular_bottom(x);

  float relief = furrow(x, sc_bottom);
  if (d < relief) {
    // Air above the skin: a soft studio background.
    col = mix(vec3(0.975, 0.965, 0.955), vec3(0.93, 0.92, 0.93), clamp(-d / 0.5, 0.0, 1.0));
    // An enlarged pore holds a plug of oil and shed cells, darkened where it meets the air.
    if (abs(shape - 5.0) < 0.5 && ds > 0.35 * dip && dip > 0.0) {
      float grain = noise(vec2(x * 200.0, ds * 200.0));
      col = mix(vec3(0.93, 0.84, 0.6), vec3(0.85, 0.74, 0.5), grain);
      col = mix(col, vec3(0.35, 0.27, 0.2), smoothstep(0.5 * dip, 0.36 * dip, ds));
    }
  } else if (d < sc_bottom) {
    // Stratum corneum: flattened, flaking sheets, bent down into the furrows.
    float sheets = line(fract((d - relief * 0.8) / max(sc_bottom, 1e-3) * 4.0 + 0.15 * noise(vec2(x * 30.0, 0.0))) - 0.5, 0.08);
    col = mix(vec3(0.93, 0.85, 0.72), vec3(0.85, 0.74, 0.6), sheets * 0.6);
    float flake = step(0.82, noise(vec2(x * 25.0, d * 60.0)));
    col = mix(col, vec3(0.97, 0.93, 0.86), flake * 0.5);
  } else if (d < dej) {
    // Living epidermis: keratinocytes flatten towards the surface; the basal row is darker.
    float depth01 = clamp((d - sc_bottom) / max(dej - sc_bottom, 1e-3), 0.0, 1.0);
    vec2 q = vec2(x / 0.018, (d - sc_bottom) / mix(0.009, 0.016, depth01));
    vec3 v = voronoi(q);
    vec3 cyto = mix(vec3(0.95, 0.78, 0.68), vec3(0.9, 0.66, 0.58), depth01);
    col = cyto * (0.93 + 0.07 * v.z);
    col = mix(col, vec3(0.78, 0.52, 0.47), line(v.y, 0.06) * 0.55);                 // cell borders
    col = mix(col, vec3(0.52, 0.33, 0.42), fill(v.x - mix(0.12, 0.22, depth01)) * 0.75);  // nuclei
    float basal = smoothstep(0.02, 0.0, dej - d);
    col = mix(col, vec3(0.72, 0.48, 0.42), basal * 0.5);
    // Melanocytes (dark, with dendrites) and Langerhans cells (pale, mid-epidermis).
    vec3 mel = voronoi(vec2(x / 0.07, 1.0));
    col = mix(col, vec3(0.36, 0.22, 0.16), fill(length(vec2(mel.x * 0.07 * 0.4, dej - d - 0.008)) - 0.008) * 0.9);
    vec3 lang = voronoi(vec2(x / 0.09, (d - sc_bottom) / 0.05) + 11.0);
    col = mix(col, vec3(0.7, 0.62, 0.8), fill(lang.x - 0.1) * step(0.3, depth01) * 0.8);
    // A dark spot: melanin gathered in the basal row and carried up as granules into the cells above.
    float pig = abs(shape - 6.0) < 0.5 ? foot : 0.0;
    if (pig > 0.0) {
      col = mix(col, vec3(0.45, 0.28, 0.17), pig * (0.3 + 0.6 * basal));
      float granule = step(0.72, noise(vec2(x * 260.0, d * 260.0)));
      col = mix(col, vec3(0.3, 0.17, 0.1), granule * pig * (0.35 + 0.4 * depth01));
    }
    col = mix(col, vec3(0.93, 0.4, 0.4), redness * 0.4);
  } else if (d < pap) {
    // Papillary dermis: loose fine fibres, capillary loops rising into each papilla.
    // Loose ground substance with fine collagen fibrils running every way.
    float n = fbm(vec2(x * 60.0, d * 40.0));
    col = mix(vec3(0.98, 0.87, 0.83), vec3(0.96, 0.8, 0.76), n);
    float f1 = line(sin(x * 210.0 + d * 150.0 + n * 7.0), 0.1);
    float f2 = line(sin(x * 160.0 - d * 230.0 + n * 5.0), 0.1);
    col = mix(col, vec3(0.92, 0.7, 0.66), max(f1, f2 * 0.8) * 0.32);
    // A capillary loop rises into most papillae from the superficial plexus below: the arterial limb
    // brighter, the venous one darker.
    float amp = clamp((u_bounds[2] - u_bounds[1]) * 0.45, 0.01, 0.06);
    float top = u_bounds[2] + amp * 0.35 - amp + 0.012;
    float plexus_d = pap - 0.02;
    vec2 loop = capillary_loop(x, d, top, plexus_d);
    float cap = fill(loop.x);
    vec3 blood = mix(vec3(0.84, 0.16, 0.2), vec3(0.6, 0.14, 0.3), loop.y);
    float plexus = line(d - plexus_d - 0.01 * sin(x * 9.0), 0.006);
    float strength = 0.8 + 0.2 * u_look2.z;
    col = mix(col, vec3(0.8, 0.16, 0.2), plexus * 0.8 * strength);
    col = mix(col, blood, cap * strength);
    col = mix(col, vec3(0.55, 0.1, 0.15), line(loop.x, 0.0012) * cap * 0.5);
    col = mix(col, vec3(0.98, 0.55, 0.5), redness * 0.3);
    col = mix(col, vec3(0.99, 0.93, 0.92), swelling * 0.25);
  } else if (d < ret) {
    // Reticular dermis: thick wavy collagen bundles, thin elastin, nerves, vessel plexus.
    // Thick wavy collagen bundles in two crossing directions, woven over and under each other, pale
    // ground substance between them; each bundle shows its fibres.
    float n = fbm(vec2(x * 8.0, d * 12.0));
    col = vec3(0.98, 0.87, 0.83);
    for (int layer = 0; layer < 2; ++layer) {
      float fl = float(layer);
      float ang = fl > 0.5 ? -0.24 : 0.3;
      vec2 r = vec2(cos(ang) * x + sin(ang) * d, -sin(ang) * x + cos(ang) * d);
      float wob = n * (0.7 - 0.4 * fl);  // the layer's fbm bends the bundles (no noise of their own: cheaper)
      float nb = noise(vec2(r.x * 5.5 + wob, r.y * 24.0 + wob * 2.0) + fl * 13.0);
      float inside = smoothstep(0.47, 0.52, nb);
      float stripes = line(sin(r.y * 650.0 + wob * 9.0 + r.x * 20.0), 0.2);
      vec3 bundle = mix(vec3(0.93, 0.64, 0.59), vec3(0.86, 0.54, 0.51), stripes * 0.55 + 0.25 * n);
      bundle = mix(bundle, vec3(0.95, 0.72, 0.67), fl * 0.4);   // the lower weave, seen between
      col = mix(col, bundle, inside * (1.0 - 0.2 * fl));
      col = mix(col, vec3(0.8, 0.5, 0.48), (smoothstep(0.46, 0.5, nb) - smoothstep(0.5, 0.54, nb)) * 0.35);
    }
    float el = line(sin(d * 60.0 + sin(x * 22.0) * 3.0 + n * 9.0), 0.05);
    col = mix(col, vec3(0.55, 0.35, 0.55), el * 0.45 * (0.6 + 0.4 * u_look2.y));
    float nerve = line(d - (pap + (ret - pap) * 0.55) - 0.05 * sin(x * 3.0), 0.007);
    col = mix(col, vec3(0.97, 0.86, 0.45), nerve);
    // Superficial plexus under the papillary dermis; deep plexus above the fat: each an arteriole
    // (thick muscular wall, small lumen) beside its venule (thin wall, wide dark lumen).
    for (int k = 0; k < 2; ++k) {
      vec2 v = k == 0 ? vessel_pair(x, d, 0.55, 0.0, u_bounds[3] + 0.04, 0.018)
                      : vessel_pair(x, d, 0.8, 0.3, u_bounds[4] - 0.07, 0.032);
      float r = k == 0 ? 0.018 : 0.032;
      col = mix(col, vec3(0.85, 0.45, 0.46), fill(v.x));                               // arterial wall
      col = mix(col, vec3(0.74, 0.1, 0.14), fill(v.x + r * 0.5));                       // its lumen
      col = mix(col, vec3(0.62, 0.4, 0.5), fill(v.y));                                  // venous wall
      col = mix(col, vec3(0.42, 0.16, 0.32), fill(v.y + r * 0.12));                     // its lumen
      col = mix(col, vec3(0.55, 0.3, 0.35), max(line(v.x, 0.0015), line(v.y, 0.0015)) * 0.6);
    }
    col = mix(col, vec3(0.99, 0.75, 0.7), redness * 0.12);
  } else if (d < u_bounds[5] + 10.0) {
    // Subcutis: fat lobules separated by fibrous septa.
    // Lobules of large clear fat cells with thin membranes, held by pink fibrous septa.
    vec3 v = voronoi(vec2(x, d * 1.1) / max(u_hints.w * 0.5, 0.1));
    vec3 small = voronoi(vec2(x, d) / 0.07 + 3.0);
    col = mix(vec3(1.0, 0.95, 0.74), vec3(0.99, 0.91, 0.66), v.z * 0.6 + 0.4 * small.z);
    col = mix(col, vec3(0.9, 0.77, 0.56), line(small.y, 0.03) * 0.55);
    float septum = line(v.y, 0.05);
    col = mix(col, vec3(0.93, 0.75, 0.67), septum);
    col = mix(col, vec3(0.84, 0.6, 0.56), line(v.y, 0.015) * 0.5);
  }

  // The pilosebaceous unit, drawn across layers: the hair in its inner and outer root sheaths, the
  // bulb around its dermal papilla, the sebaceous gland opening into the follicle, the arrector pili
  // muscle from below the gland up to the papillary dermis, and the hair leaving the skin at a slant.
  if (u_hints.x > 0.01 && d >= -1.0) {
    vec3 f = follicle_of(x, u_hints.x);
    float ax = f.x + f.y * d;
    float t = clamp(d / f.z, 0.0, 1.0);
    float shaft_r = mix(0.007, 0.02, u_terminal);
    float sheath_r = shaft_r + mix(0.018, 0.03, u_terminal);
    float radius = sheath_r + 0.035 * smoothstep(0.8, 1.0, t) * (0.6 + 0.4 * u_terminal);
    vec3 hair = mix(vec3(0.55, 0.4, 0.28), vec3(0.3, 0.18, 0.12), u_terminal);
    if (d >= 0.0) {
      vec2 q = vec2(x, d);
      float gy = u_bounds[3] + (u_bounds[4] - u_bounds[3]) * 0.15;
      float size = 0.05 + 0.07 * u_hints.y;
      vec2 gc = vec2(f.x + f.y * gy + sheath_r + size * 0.8, gy);
      float below_dej = step(u_bounds[2], d);
      // Arrector pili: a band of smooth muscle, its nuclei long and thin.
      vec2 mb = vec2(f.x + f.y * (gy + size * 1.2) + sheath_r, gy + size * 1.2);
      vec2 mt = vec2(mb.x + 0.2 + size, u_bounds[2] + 0.025);
      float muscle = segment(q, mb, mt) - mix(0.009, 0.016, u_terminal);
      if (muscle < aa) {
        float along = dot(q - mb, normalize(mt - mb)) / 0.028;
        col = mix(col, vec3(0.82, 0.47, 0.45), fill(muscle) * below_dej);
        col = mix(col, vec3(0.48, 0.24, 0.3), fill(muscle + 0.0055) * line(fract(along + hash(vec2(floor(along), 3.0)) * 0.3) - 0.5, 0.22) * below_dej);
      }
      // Sebaceous gland: lobules of pale, foamy sebocytes with a darker basal rim.
      float gland = sebaceous_shape(q, gc, size, f.x + f.y * (gy - size * 0.95));
      if (gland < aa) {
        vec3 gv = voronoi((q - gc) / 0.02);
        vec3 gcol = mix(vec3(0.99, 0.95, 0.8), vec3(0.95, 0.85, 0.62), smoothstep(0.1, 0.55, gv.x));
        gcol = mix(gcol, vec3(0.55, 0.4, 0.45), fill(gv.x - 0.12) * 0.6);
        gcol = mix(gcol, vec3(0.86, 0.66, 0.55), smoothstep(-0.01, 0.0, gland) * 0.8);
        col = mix(col, gcol, fill(gland) * below_dej);
        col = mix(col, vec3(0.7, 0.5, 0.42), line(gland, 0.002) * below_dej);
      }
      // The follicle: outer root sheath (pale cells), the pink inner root sheath around the shaft, the
      // bulb's darker matrix and, in its base, the dermal papilla that feeds it.
      float sd = follicle_shape(x - ax, d - f.z - 0.03, radius);
      if (sd < aa) {
        float r = abs(x - ax);
        vec3 fc = mix(vec3(0.95, 0.85, 0.77), vec3(0.82, 0.6, 0.56), smoothstep(0.72, 1.0, t));
        fc = mix(fc, vec3(0.88, 0.5, 0.55), line(r - shaft_r - 0.004, 0.003) * step(d, f.z - 0.05));
        float shaft = fill(r - shaft_r) * step(d, f.z - 0.04);
        fc = mix(fc, hair, shaft);
        fc = mix(fc, hair * 0.6, fill(r - shaft_r * 0.3) * shaft * u_terminal);
        float papilla = length(vec2((x - ax) * 1.3, d - f.z - 0.012)) - mix(0.018, 0.03, u_terminal);
        fc = mix(fc, vec3(0.95, 0.74, 0.7), fill(papilla));
        fc = mix(fc, vec3(0.62, 0.4, 0.36), line(sd, 0.0025));
        col = mix(col, fc, fill(sd));
      }
    } else {
      // The hair above the skin, leaning as its follicle does and tapering.
      float reach = 0.45 + 0.5 * u_terminal;
      float hx = f.x + (f.y * 2.0 + (f.y >= 0.0 ? 0.45 : -0.45)) * d;
      float taper = shaft_r * clamp(1.0 + d / reach, 0.2, 1.0);
      col = mix(col, hair, fill(abs(x - hx) - taper) * step(-reach, d));
    }
  }
  // Sweat gland: a coil at the dermis-fat border and its duct to the surface.
  if (d > 0.0 && u_hints.z > 0.01) {
    float pitch = u_hints.z;
    float cell = floor((x + 0.9) / pitch + 0.5);
    float cx = cell * pitch - 0.9 + 0.25 * (place(vec2(cell, 13.0)) - 0.5);
    float cy = u_bounds[4] - 0.06;
    vec2 c = vec2(x - cx, d - cy);
    float coil = fill(length(c / vec2(0.13, 0.075)) - 1.0);
    vec3 tv = voronoi(c / 0.022 + 4.0);
    col = mix(col, mix(vec3(0.84, 0.6, 0.74), vec3(0.62, 0.4, 0.58), fill(tv.x - 0.22)), coil * 0.9);
    col = mix(col, vec3(0.6, 0.38, 0.52), line(length(c / vec2(0.13, 0.075)) - 1.0, 0.06) * 0.7);
    float duct = line(x - cx - 0.025 * sin(d * 30.0), 0.006) * step(d, cy - 0.07);
    col = mix(col, vec3(0.78, 0.55, 0.7), duct * 0.85);
  }
  // Under an atrophic scar, the dermis is pale, dense scar tissue; a rolling scar is tied down by
  // fibrous bands to the tissue below. New collagen fills what the course has lifted.
  if (foot > 0.0 && d > dej && d < ret) {
    if (shape < 2.5) {
      float dense = line(sin(ds * 420.0 + sin(x * 30.0) * 0.6), 0.2);
      col = mix(col, vec3(0.97, 0.9, 0.88), foot * (0.28 + 0.2 * dense));
    }
    float fill_band = step(u_bounds[2] + dip, ds) * step(ds, u_bounds[2] + dip_before) * step(0.001, u_concern_before.y);
    float fibril = line(sin(ds * 300.0 + sin(x * 40.0) * 2.0), 0.2);
    col = mix(col, vec3(0.99, 0.93, 0.74), fill_band * foot * (0.45 + 0.4 * fibril));
  }
  if (shape > -0.5 && shape < 0.5 && ds > 0.0) {
    for (int side = -1; side <= 1; side += 2) {
      float fx = u_concern.y + float(side) * 0.18 * u_concern.z;
      vec2 top = vec2(fx, u_bounds[2] + concern_dip(shape, u_concern.z, u_concern.w, fx - u_concern.y) + 0.02);
      vec2 bottom = vec2(fx + float(side) * 0.06 * u_concern.z, u_bounds[4] + 0.12);
      float band = segment(vec2(x, ds), top, bottom) - 0.014;
      col = mix(col, vec3(0.95, 0.86, 0.84), fill(band) * 0.9);
      col = mix(col, vec3(0.7, 0.5, 0.5), line(band, 0.002) * 0.6);
    }
  }
  // Healing: it gathers around the channels (near = 1 at a channel, fading over ~0.2 mm).
  float near = 0.0;
  if (u_needle.w > 0.5 && u_channel_depth > 0.0) {
    float kk = clamp(floor((x - u_needle_x0) / u_needle.z + 0.5), 0.0, u_needle.w - 1.0);
    float dx = x - (u_needle_x0 + kk * u_needle.z);
    near = exp(-dx * dx / 0.02) * smoothstep(u_channel_depth + 0.25, u_channel_depth, d);
  }
  if (d > sc_bottom && d < ret) {
    float dermis = step(dej, d);
    // Cells are drawn larger than life when zoomed out, so they stay visible (an illustration).
    float grow = clamp(260.0 / u_px_per_mm, 1.0, 2.5);
    // Inflammation: a red, warm halo; swelling pales the dermis with fluid.
    col = mix(col, vec3(0.93, 0.32, 0.33), redness * (0.12 + 0.35 * near) * dermis);
    col = mix(col, vec3(1.0, 0.95, 0.94), swelling * 0.3 * dermis);
    // Immune cells, crowded near the channels: neutrophils (round, pale, a nucleus of three lobes)
    // first, macrophages (larger, a kidney-shaped nucleus) among them.
    float im_density = u_look1.y * (0.25 + 0.75 * near);
    if (im_density > 0.01) {
      vec3 im = own_cell(vec2(x, d) / (0.035 * grow) + 9.0);
      float here = step(1.0 - im_density, im.z) * dermis;
      bool macrophage = fract(im.z * 7.31) < 0.3;
      vec2 q = im.xy;
      float body = length(q * vec2(1.0, macrophage ? 0.88 : 1.0)) - (macrophage ? 0.28 : 0.23);
      col = mix(col, macrophage ? vec3(0.8, 0.66, 0.84) : vec3(0.86, 0.76, 0.9), fill(body * 0.035 * grow) * here);
      col = mix(col, vec3(0.45, 0.3, 0.62), line(body * 0.035 * grow, 0.0012) * here);
      float nucleus;
      if (macrophage) {
        nucleus = max(length(q - vec2(0.03, 0.0)) - 0.15, -(length(q - vec2(0.18, 0.0)) - 0.09));  // a kidney
      } else {
        nucleus = min(min(length(q - vec2(-0.09, 0.05)) - 0.065, length(q - vec2(0.09, 0.05)) - 0.065), length(q - vec2(0.0, -0.08)) - 0.065);
      }
      col = mix(col, vec3(0.36, 0.2, 0.55), fill(nucleus * 0.035 * grow) * here);
    }
    // Fibroblasts: spindle-shaped cells lying along the fibres.
    vec2 fq = vec2(x / (0.12 * grow), d / (0.045 * grow)) + 5.0;
    vec2 fcell = floor(fq);
    vec2 fo = hash2(fcell) * 0.6 + 0.2;
    vec2 fl = (fract(fq) - fo) * vec2(1.0, 1.9);
    float fb_density = u_look1.z * (0.35 + 0.65 * near);
    float fb_here = step(1.0 - fb_density, hash(fcell + 3.0)) * dermis;
    // A spindle: two arcs meeting in points at both ends, an oval nucleus in its middle, and fine new
    // fibrils trailing from its ends as it lays them down.
    float spindle = max(length(fl - vec2(0.0, 0.36)) - 0.62, length(fl + vec2(0.0, 0.36)) - 0.62);
    col = mix(col, vec3(0.72, 0.46, 0.6), fill(spindle * 0.045 * grow) * 0.95 * fb_here);
    col = mix(col, vec3(0.5, 0.26, 0.44), line(spindle * 0.045 * grow, 0.0008) * fb_here);
    col = mix(col, vec3(0.34, 0.14, 0.32), fill((length(fl * vec2(0.9, 1.0)) - 0.12) * 0.045 * grow) * fb_here);
    float trail = line(fl.y - 0.03 * sin(fl.x * 9.0), 0.035) * smoothstep(0.3, 0.45, abs(fl.x)) * smoothstep(0.95, 0.6, abs(fl.x));
    col = mix(col, vec3(0.98, 0.9, 0.7), trail * fb_here * min(1.0, u_look1.w * 3.0 + 0.3));
    // New collagen: fine cream type III fibrils first, then thick rose type I bundles.
    float c3 = min(1.0, u_look1.w * 2.5) * (0.35 + 0.65 * near);
    float fibril = line(sin(d * 260.0 + sin(x * 45.0) * 2.5 + fbm(vec2(x * 30.0, d * 30.0)) * 3.0), 0.16);
    col = mix(col, vec3(0.99, 0.93, 0.72), fibril * c3 * 0.8 * dermis);
    float c1 = min(1.0, u_look2.x * 2.0) * (0.45 + 0.55 * near);
    float bundle = smoothstep(0.6, 0.85, 0.5 + 0.5 * sin(d * 80.0 + sin(x * 10.0) * 2.4 + noise(vec2(x * 9.0, d * 9.0)) * 3.0));
    col = mix(col, vec3(0.86, 0.42, 0.46), bundle * c1 * 0.55 * dermis);
    col = mix(col, vec3(1.0, 0.97, 0.96), line(bundle - 0.5, 0.08) * c1 * 0.35 * dermis);
    // Elastin fibres, more of them as they are rebuilt.
    float el = line(sin(d * 48.0 + sin(x * 26.0) * 3.0 + noise(vec2(x * 14.0, d * 14.0)) * 6.0), 0.05);
    col = mix(col, vec3(0.45, 0.25, 0.5), el * u_look2.y * 0.5 * dermis);
    // New capillaries sprout near the channels in the upper dermis.
    vec3 cv = voronoi(vec2(x, d) / (0.06 * grow) + 17.0);
    float sprout = line(cv.y, 0.07) * u_look2.z * smoothstep(0.15, 0.6, near) * step(d, pap + 0.2);
    col = mix(col, vec3(0.82, 0.16, 0.2), sprout * 0.9 * dermis);
  }

  // Micro-channels left by the needles, platelets and pinpoint bleeding.
  float count = u_needle.w;
  if (count > 0.5) {
    float k = clamp(floor((x - u_needle_x0) / u_needle.z + 0.5), 0.0, count - 1.0);
    float nx = u_needle_x0 + k * u_needle.z;
    float open = u_look0.x;
    if (u_channel_depth > 0.0 && open > 0.001 && d > 0.0 && d < u_channel_depth) {
      float w = mix(0.003, 0.012, open) * (1.0 - 0.6 * d / u_channel_depth);
      float ch = line(x - nx, w);
      col = mix(col, vec3(0.55, 0.1, 0.12), ch * (0.35 + 0.65 * open));
      // The clot: red cells (discs with pale centres) and purple platelets caught in a fibrin mesh.
      float clot = line(x - nx, w * 3.0) * u_look1.x;
      if (clot > 0.001) {
        vec3 rbc = voronoi(vec2(x, d) / 0.009);
        col = mix(col, vec3(0.8, 0.12, 0.16), fill(rbc.x - 0.36) * clot);
        col = mix(col, vec3(0.93, 0.45, 0.45), fill(rbc.x - 0.14) * clot);
        vec3 plt = voronoi(vec2(x, d) / 0.005 + 7.0);
        col = mix(col, vec3(0.45, 0.25, 0.6), fill(plt.x - 0.18) * step(0.6, plt.z) * clot);
        float mesh = max(line(sin((x + d) * 900.0 + noise(vec2(x, d) * 300.0) * 4.0), 0.06), line(sin((x - d) * 800.0), 0.06));
        col = mix(col, vec3(0.98, 0.88, 0.7), mesh * clot * 0.6);
      }
    }
    float drop = u_bleeding * u_look0.y;
    float bead = fill(length(vec2(x - nx, (d + 0.02) * 1.2)) - 0.028 * drop);
    col = mix(col, vec3(0.72, 0.05, 0.1), bead * step(0.01, drop));
    // Once the bleeding stops, a small crust plugs each channel's mouth while the platelets work.
    float crust = u_look1.x * (1.0 - drop) * step(0.001, u_channel_depth) * step(0.001, open);
    col = mix(col, vec3(0.5, 0.2, 0.16), fill(length(vec2(x - nx, (d + 0.004) * 2.2)) - 0.016 * crust) * step(0.02, crust));
  }

  // Boundary lines between layers, faint, for reading the drawing.
  if (d > 0.0) {
    float b = max(line(d - sc_bottom, 0.0025), line(d - dej, 0.003));
    b = max(b, line(d - pap, 0.003) * 0.6);
    b = max(b, line(d - ret, 0.004) * 0.6);
    col = mix(col, vec3(0.45, 0.27, 0.25), b * 0.45);
  }
  // The surface line.
  col = mix(col, mix(vec3(0.6, 0.45, 0.38), vec3(0.85, 0.3, 0.3), redness), line(d - relief, 0.003 + 0.004 * swelling));
  // The concern before the course: a faint dashed outline of the surface it sank to.
  if (dip_before > 0.003 && u_concern_before.y > 0.001)
    col = mix(col, vec3(0.22, 0.33, 0.6), line(ds - dip_before, max(0.003, 1.6 * aa)) * step(0.45, fract(x * 14.0)) * 0.9);
  frag_color = vec4(col, 1.0);
}
