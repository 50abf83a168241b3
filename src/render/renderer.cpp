// The skin renderer (see renderer.h). Shaders come from shaders/*.vert|frag, embedded at build time.
#include "render/renderer.h"

#include "app/resolution.h"
#include "render/gl_program.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

namespace skindepth::render {

namespace {

constexpr float kMaxPictureRatio = 2.0f;  // framebuffer pixels of the picture per CSS pixel, at most
constexpr float kMinPictureRatio = 1.0f;  // ... on a GPU too slow for the full one
constexpr float kMinMovingScale = 0.2f;   // of the full picture, while it moves on a slow GPU
// The cartridge the needles stand in, as shaders/needles.frag draws it: its height and how far it
// reaches beyond the outer needles, mm.
constexpr double kHousingMm = 1.1;
constexpr double kHousingMarginMm = 0.4;

std::uint64_t fnv(std::uint64_t h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// Everything the skin picture depends on, its size included (not the needles' insertion, drawn on top).
std::uint64_t skin_key(const app::SkinPane& p, double seconds, int w, int h) {
  std::uint64_t k = 1469598103934665603ull;
  const double values[] = {p.map.px_per_mm, p.map.x0_mm, p.map.depth0_mm, p.needle_spacing_mm, p.needle_x0_mm,
                           p.channel_depth_mm, p.look.channels_open, p.look.bleeding, p.look.redness, p.look.swelling,
                           p.look.platelets, p.look.immune_cells, p.look.fibroblast_activity, p.look.collagen_iii,
                           p.look.collagen_i, p.look.elastin, p.look.new_capillaries, p.look.epidermal_thickening,
                           seconds, p.concern.x_mm, p.concern.width_mm, p.concern.depth_mm,
                           p.concern.before_depth_mm, p.concern.fill};
  k = fnv(k, values, sizeof values);
  k = fnv(k, p.bounds_mm.data(), sizeof(double) * p.bounds_mm.size());
  const float hints[] = {p.follicle_pitch_mm, p.sebaceous, p.sweat_pitch_mm, p.lobule_mm};
  k = fnv(k, hints, sizeof hints);
  const int ints[] = {p.needle_count, p.bleeding ? 1 : 0, p.terminal_hair ? 1 : 0, p.concern.shape, w, h};
  return fnv(k, ints, sizeof ints);
}

// The framebuffer rectangle (x, y, width, height) that holds the pane's needles or roller, clipped
// to the pane at (x, y, w, h); false when nothing of them is in view. Mirrors needles.frag's shapes.
bool needles_box(const app::SkinPane& p, int x, int y, int w, int h, float ratio, int box[4]) {
  if (!p.device) return false;
  double x0, x1, d0, d1;  // millimetres
  if (p.roller) {
    const double reach = p.roller_radius_mm + p.needle_mm;
    x0 = p.roller_x_mm - reach;
    x1 = p.roller_x_mm + reach;
    d0 = -p.roller_radius_mm - reach;
    d1 = p.needle_mm;
  } else {
    if (p.needle_count <= 0) return false;
    const double tip = -0.35 + p.insertion * (p.needle_mm + 0.35);
    x0 = p.needle_x0_mm - kHousingMarginMm;
    x1 = p.needle_x0_mm + (p.needle_count - 1) * p.needle_spacing_mm + kHousingMarginMm;
    d0 = tip - p.needle_mm - kHousingMm;
    d1 = tip;
  }
  const double ppm = p.map.px_per_mm * ratio;
  const double left = x + (x0 - p.map.x0_mm) * ppm - 2.0, right = x + (x1 - p.map.x0_mm) * ppm + 2.0;
  const double top = y + h - (d0 - p.map.depth0_mm) * ppm + 2.0, bottom = y + h - (d1 - p.map.depth0_mm) * ppm - 2.0;
  const int bx0 = std::max(x, static_cast<int>(std::floor(left))), bx1 = std::min(x + w, static_cast<int>(std::ceil(right)));
  const int by0 = std::max(y, static_cast<int>(std::floor(bottom))), by1 = std::min(y + h, static_cast<int>(std::ceil(top)));
  if (bx1 <= bx0 || by1 <= by0) return false;
  box[0] = bx0;
  box[1] = by0;
  box[2] = bx1 - bx0;
  box[3] = by1 - by0;
  return true;
}

}  // namespace

void Renderer::locate(Program& p, unsigned program) {
  p.program = program;
  p.rect = glGetUniformLocation(program, "u_rect");
  p.px_per_mm = glGetUniformLocation(program, "u_px_per_mm");
  p.origin = glGetUniformLocation(program, "u_origin_mm");
  p.needle = glGetUniformLocation(program, "u_needle");
  p.needle_x0 = glGetUniformLocation(program, "u_needle_x0");
  p.roller = glGetUniformLocation(program, "u_roller");
  p.bounds = glGetUniformLocation(program, "u_bounds");
  p.channel = glGetUniformLocation(program, "u_channel_depth");
  p.bleeding = glGetUniformLocation(program, "u_bleeding");
  p.time = glGetUniformLocation(program, "u_time");
  p.look0 = glGetUniformLocation(program, "u_look0");
  p.look1 = glGetUniformLocation(program, "u_look1");
  p.look2 = glGetUniformLocation(program, "u_look2");
  p.hints = glGetUniformLocation(program, "u_hints");
  p.terminal = glGetUniformLocation(program, "u_terminal");
  p.concern = glGetUniformLocation(program, "u_concern");
  p.concern_before = glGetUniformLocation(program, "u_concern_before");
}

namespace {
constexpr const char* kSkin[2] = {"skin.vert", "skin.frag"};
constexpr const char* kNeedles[2] = {"skin.vert", "needles.frag"};
}  // namespace

std::vector<std::array<std::string_view, 2>> Renderer::program_sources() {
  return {{shader_source(kSkin[0]), shader_source(kSkin[1])}, {shader_source(kNeedles[0]), shader_source(kNeedles[1])}};
}

bool Renderer::init(std::string& error, bool parallel_compile) {
  parallel_ = parallel_compile;
  failed_ = false;
  if (!start_program(kSkin[0], kSkin[1], pending_skin_, error) ||
      !start_program(kNeedles[0], kNeedles[1], pending_needles_, error)) {
    failed_ = true;
    return false;
  }
  glGenVertexArrays(1, &vao_);
  return true;
}

LinkState Renderer::poll(std::string& error) {
  if (failed_) return LinkState::kFailed;
  if (skin_.program) return LinkState::kReady;
  // One program asked about per call (asking can wait for the browser; the platform polls in tasks).
  PendingProgram* next = !pending_skin_.linked ? &pending_skin_ : !pending_needles_.linked ? &pending_needles_ : nullptr;
  if (next) {
    const LinkState state = poll_program(*next, parallel_, false, error);
    if (state == LinkState::kFailed) failed_ = true;
    if (state != LinkState::kReady) return state;
    if (!pending_needles_.linked) return LinkState::kPending;  // the needles' program in the next call
  }
  locate(needles_, pending_needles_.program);
  locate(skin_, pending_skin_.program);  // last: skin_.program set means everything is ready
  return LinkState::kReady;
}

void Renderer::drop() {
  pending_skin_ = PendingProgram{};
  pending_needles_ = PendingProgram{};
  skin_ = Program{};
  needles_ = Program{};
  vao_ = 0;
  caches_.clear();
}

void Renderer::ensure_target(Target& t, int w, int h) {
  if (t.width == w && t.height == h && t.texture) return;
  if (!t.texture) glGenTextures(1, &t.texture);
  if (!t.fbo) glGenFramebuffers(1, &t.fbo);
  glBindTexture(GL_TEXTURE_2D, t.texture);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindFramebuffer(GL_FRAMEBUFFER, t.fbo);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.texture, 0);
  t.width = w;
  t.height = h;
  t.key = 0;
}

bool Renderer::at_lowest_moving_scale() const { return moving_scale_ <= kMinMovingScale + 1e-3f; }

bool Renderer::pictures_full() const {
  return std::none_of(caches_.begin(), active_end(), [](const Cache& c) { return c.refining || !c.complete; });
}

bool Renderer::refining() const { return refine_allowed_ && !pictures_full(); }

// Draws rows [row0, row0 + rows) of the pane's skin picture into `target` (bottom-up GL rows).
void Renderer::draw_skin(const app::SkinPane& pane, double seconds, Target& target, int row0, int rows, float px_per_mm) {
  const int w = target.width, h = target.height;
  glBindFramebuffer(GL_FRAMEBUFFER, target.fbo);
  glViewport(0, 0, w, h);
  const bool band = row0 > 0 || rows < h;
  if (band) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, row0, w, rows);
  }
  glUseProgram(skin_.program);
  glUniform4f(skin_.rect, 0.0f, 0.0f, static_cast<float>(w), static_cast<float>(h));
  glUniform1f(skin_.px_per_mm, px_per_mm);
  glUniform2f(skin_.origin, static_cast<float>(pane.map.x0_mm), static_cast<float>(pane.map.depth0_mm));
  float bounds[6];
  for (int i = 0; i < 6; ++i) bounds[i] = static_cast<float>(pane.bounds_mm[i]);
  glUniform1fv(skin_.bounds, 6, bounds);
  glUniform4f(skin_.needle, static_cast<float>(pane.needle_mm), static_cast<float>(pane.insertion),
              static_cast<float>(pane.needle_spacing_mm), static_cast<float>(pane.needle_count));
  glUniform1f(skin_.needle_x0, static_cast<float>(pane.needle_x0_mm));
  glUniform1f(skin_.channel, static_cast<float>(pane.channel_depth_mm));
  glUniform1f(skin_.bleeding, pane.bleeding ? 1.0f : 0.0f);
  glUniform1f(skin_.time, static_cast<float>(seconds));
  const auto& l = pane.look;
  glUniform4f(skin_.look0, float(l.channels_open), float(l.bleeding), float(l.redness), float(l.swelling));
  glUniform4f(skin_.look1, float(l.platelets), float(l.immune_cells), float(l.fibroblast_activity), float(l.collagen_iii));
  glUniform4f(skin_.look2, float(l.collagen_i), float(l.elastin), float(l.new_capillaries), float(l.epidermal_thickening));
  glUniform4f(skin_.hints, pane.follicle_pitch_mm, pane.sebaceous, pane.sweat_pitch_mm, pane.lobule_mm);
  glUniform1f(skin_.terminal, pane.terminal_hair ? 1.0f : 0.0f);
  const auto& c = pane.concern;
  glUniform4f(skin_.concern, static_cast<float>(c.shape), static_cast<float>(c.x_mm), static_cast<float>(c.width_mm),
              static_cast<float>(c.depth_mm));
  glUniform2f(skin_.concern_before, static_cast<float>(c.before_depth_mm), static_cast<float>(c.fill));
  glDrawArrays(GL_TRIANGLES, 0, 3);
  if (band) glDisable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}
void Renderer::draw(const app::Scene& scene, int fb_width, int fb_height, float ratio) {
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(0.97f, 0.96f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!skin_.program) return;
  glBindVertexArray(vao_);
  if (caches_.size() < scene.panes.size()) caches_.resize(scene.panes.size());
  panes_ = scene.panes.size();
  // Resolution follows the pace of frames: slow frames (over two display refreshes) lower it for
  // moving pictures and shorten the bands of the still one; quick frames raise them again.
  const bool slow = frame_interval_ms_ > app::CanvasResolution::kSlowMs, quick = frame_interval_ms_ < app::CanvasResolution::kQuickMs;
  for (std::size_t i = 0; i < scene.panes.size(); ++i) {
    const auto& pane = scene.panes[i];
    auto& cache = caches_[i];
    const auto& r = pane.map.rect;
    // CSS pixels (top-left origin) to framebuffer pixels (bottom-left origin).
    const int x = static_cast<int>(std::lround(r.x * ratio));
    const int w = static_cast<int>(std::lround(r.w * ratio));
    const int h = static_cast<int>(std::lround(r.h * ratio));
    const int y = fb_height - static_cast<int>(std::lround(r.y * ratio)) - h;
    if (w <= 0 || h <= 0) {
      cache.complete = true;  // nothing to show
      continue;
    }
    const float px_per_mm = static_cast<float>(pane.map.px_per_mm * ratio);
    // The soft illustration gains nothing visible above two pixels per CSS pixel (text, drawn by
    // ImGui straight to the screen, keeps the full ratio): a phone at 3x draws 44% of the pixels.
    // A still picture always gets that much (refined a band at a time); a moving one gets a share
    // of it, and on a GPU too slow for even the smallest share one pixel per CSS pixel at most.
    const float full_detail = std::min(1.0f, kMaxPictureRatio / ratio);
    const int full_w = std::max(1, static_cast<int>(w * full_detail)), full_h = std::max(1, static_cast<int>(h * full_detail));
    const std::uint64_t key = skin_key(pane, scene.seconds, full_w, full_h);
    const bool moving = scene.animating_look || key != cache.last_key;
    cache.last_key = key;
    if (moving) {
      // Drawn whole, now, at reduced resolution; any refinement of an older picture is dropped.
      if (slow && moving_scale_ <= kMinMovingScale) picture_ratio_ = std::max(kMinPictureRatio, picture_ratio_ * 0.8f);
      if (quick && picture_ratio_ < kMaxPictureRatio) picture_ratio_ = std::min(kMaxPictureRatio, picture_ratio_ * 1.25f);
      else if (slow) moving_scale_ = std::max(kMinMovingScale, moving_scale_ * 0.8f);
      else if (quick) moving_scale_ = std::min(0.5f, moving_scale_ * 1.25f);
      const float share = moving_scale_ * std::min(1.0f, picture_ratio_ / ratio) / full_detail;
      const int cw = std::max(1, static_cast<int>(full_w * share)), ch = std::max(1, static_cast<int>(full_h * share));
      ensure_target(cache.front, cw, ch);
      draw_skin(pane, scene.seconds, cache.front, 0, ch, px_per_mm * cw / w);
      cache.front.key = key;
      cache.refining = false;
      cache.complete = false;
    } else if (!refine_allowed_) {
      // The canvas is at a lower resolution for now: the full picture waits for the screen's own.
    } else if (cache.front.key != key || cache.front.width != full_w || cache.front.height != full_h) {
      // Still: the full-resolution picture, a band of rows per frame, shown once complete.
      if (!cache.refining || cache.back.key != key) {
        ensure_target(cache.back, full_w, full_h);
        cache.back.key = key;
        cache.job = pane;
        cache.job_seconds = scene.seconds;
        cache.next_row = 0;
        cache.refining = true;
      }
      // Never more than three frames for a picture: when frames are slow whatever the band (a
      // software rasteriser copying the screen), smaller bands would only make it take longer and
      // keep frames coming long after everything stopped.
      if (slow) refine_pixels_ = std::max(full_w * full_h / 3, refine_pixels_ / 2);
      if (quick) refine_pixels_ = std::min(1 << 24, refine_pixels_ * 2);
      const int rows = std::min(full_h - cache.next_row, std::max(8, refine_pixels_ / full_w));
      draw_skin(cache.job, cache.job_seconds, cache.back, cache.next_row, rows, px_per_mm * full_w / w);
      cache.next_row += rows;
      if (cache.next_row >= full_h) {
        std::swap(cache.front, cache.back);
        cache.refining = false;
        cache.complete = true;
      }
    } else {
      cache.complete = true;
    }
    if (!cache.front.texture) continue;
    // Copy the picture to the screen.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, cache.front.fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, cache.front.width, cache.front.height, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // The needles, over it: only the pixels around them are shaded (the shader runs every frame
    // of a stamp; over the whole pane it cost a software rasteriser as much as the copy above).
    int box[4];
    if (needles_box(pane, x, y, w, h, ratio, box)) {
      glViewport(x, y, w, h);
      glEnable(GL_SCISSOR_TEST);
      glScissor(box[0], box[1], box[2], box[3]);
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glUseProgram(needles_.program);
      glUniform4f(needles_.rect, static_cast<float>(x), static_cast<float>(y), static_cast<float>(w), static_cast<float>(h));
      glUniform1f(needles_.px_per_mm, static_cast<float>(pane.map.px_per_mm * ratio));
      glUniform2f(needles_.origin, static_cast<float>(pane.map.x0_mm), static_cast<float>(pane.map.depth0_mm));
      glUniform4f(needles_.needle, static_cast<float>(pane.needle_mm), static_cast<float>(pane.insertion),
                  static_cast<float>(pane.needle_spacing_mm), static_cast<float>(pane.needle_count));
      glUniform1f(needles_.needle_x0, static_cast<float>(pane.needle_x0_mm));
      glUniform4f(needles_.roller, static_cast<float>(pane.roller_x_mm), static_cast<float>(pane.roller_radius_mm),
                  static_cast<float>(pane.roller_angle), pane.roller ? static_cast<float>(pane.roller_pitch) : 0.0f);
      glDrawArrays(GL_TRIANGLES, 0, 3);
      glDisable(GL_BLEND);
      glDisable(GL_SCISSOR_TEST);
    }
  }
  glViewport(0, 0, fb_width, fb_height);
  glBindVertexArray(0);
}

}  // namespace skindepth::render
