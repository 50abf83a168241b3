// The skin renderer (see renderer.h). Shaders come from shaders/*.vert|frag, embedded at build time.
#include "render/renderer.h"

#include "render/gl_program.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>

namespace skindepth::render {

namespace {

std::uint64_t fnv(std::uint64_t h, const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

// Everything the skin picture depends on (not the needles' insertion, drawn on top).
std::uint64_t skin_key(const app::SkinPane& p, const app::Scene& scene, int w, int h) {
  std::uint64_t k = 1469598103934665603ull;
  const double values[] = {p.map.px_per_mm, p.map.x0_mm, p.map.depth0_mm, p.needle_spacing_mm, p.needle_x0_mm,
                           p.channel_depth_mm, p.look.channels_open, p.look.bleeding, p.look.redness, p.look.swelling,
                           p.look.platelets, p.look.immune_cells, p.look.fibroblast_activity, p.look.collagen_iii,
                           p.look.collagen_i, p.look.elastin, p.look.new_capillaries, p.look.epidermal_thickening,
                           scene.seconds};
  k = fnv(k, values, sizeof values);
  k = fnv(k, p.bounds_mm.data(), sizeof(double) * p.bounds_mm.size());
  const float hints[] = {p.follicle_pitch_mm, p.sebaceous, p.sweat_pitch_mm, p.lobule_mm};
  k = fnv(k, hints, sizeof hints);
  const int ints[] = {p.needle_count, p.bleeding ? 1 : 0, p.terminal_hair ? 1 : 0, w, h};
  return fnv(k, ints, sizeof ints);
}

}  // namespace

bool Renderer::build(Program& p, const char* vert, const char* frag, std::string& error) {
  const unsigned program = link_program(vert, frag, error);
  if (!program) return false;
  p.program = program;
  p.rect = glGetUniformLocation(program, "u_rect");
  p.px_per_mm = glGetUniformLocation(program, "u_px_per_mm");
  p.origin = glGetUniformLocation(program, "u_origin_mm");
  p.needle = glGetUniformLocation(program, "u_needle");
  p.needle_x0 = glGetUniformLocation(program, "u_needle_x0");
  p.bounds = glGetUniformLocation(program, "u_bounds");
  p.channel = glGetUniformLocation(program, "u_channel_depth");
  p.bleeding = glGetUniformLocation(program, "u_bleeding");
  p.time = glGetUniformLocation(program, "u_time");
  p.look0 = glGetUniformLocation(program, "u_look0");
  p.look1 = glGetUniformLocation(program, "u_look1");
  p.look2 = glGetUniformLocation(program, "u_look2");
  p.hints = glGetUniformLocation(program, "u_hints");
  p.terminal = glGetUniformLocation(program, "u_terminal");
  return true;
}

bool Renderer::init(std::string& error) {
  if (!build(skin_, "skin.vert", "skin.frag", error)) return false;
  if (!build(needles_, "skin.vert", "needles.frag", error)) return false;
  glGenVertexArrays(1, &vao_);
  return true;
}

void Renderer::drop() {
  skin_ = Program{};
  needles_ = Program{};
  vao_ = 0;
  caches_.clear();
}

void Renderer::shutdown() {
  if (skin_.program) glDeleteProgram(skin_.program);
  if (needles_.program) glDeleteProgram(needles_.program);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  for (auto& c : caches_) {
    if (c.fbo) glDeleteFramebuffers(1, &c.fbo);
    if (c.texture) glDeleteTextures(1, &c.texture);
  }
  drop();
}

void Renderer::draw_skin(const app::SkinPane& pane, const app::Scene& scene, Cache& cache, int w, int h, float px_per_mm) {
  if (cache.width != w || cache.height != h || !cache.texture) {
    if (!cache.texture) glGenTextures(1, &cache.texture);
    if (!cache.fbo) glGenFramebuffers(1, &cache.fbo);
    glBindTexture(GL_TEXTURE_2D, cache.texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, cache.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, cache.texture, 0);
    cache.width = w;
    cache.height = h;
    cache.key = 0;
  }
  const std::uint64_t key = skin_key(pane, scene, w, h);
  if (key == cache.key) return;
  cache.key = key;
  ++skin_redraws_;
  glBindFramebuffer(GL_FRAMEBUFFER, cache.fbo);
  glViewport(0, 0, w, h);
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
  glUniform1f(skin_.time, static_cast<float>(scene.seconds));
  const auto& l = pane.look;
  glUniform4f(skin_.look0, float(l.channels_open), float(l.bleeding), float(l.redness), float(l.swelling));
  glUniform4f(skin_.look1, float(l.platelets), float(l.immune_cells), float(l.fibroblast_activity), float(l.collagen_iii));
  glUniform4f(skin_.look2, float(l.collagen_i), float(l.elastin), float(l.new_capillaries), float(l.epidermal_thickening));
  glUniform4f(skin_.hints, pane.follicle_pitch_mm, pane.sebaceous, pane.sweat_pitch_mm, pane.lobule_mm);
  glUniform1f(skin_.terminal, pane.terminal_hair ? 1.0f : 0.0f);
  glDrawArrays(GL_TRIANGLES, 0, 3);
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
  // While the healing timeline plays the picture changes every frame: draw it at half resolution.
  const float scale = scene.animating_look ? 0.5f : 1.0f;
  for (std::size_t i = 0; i < scene.panes.size(); ++i) {
    const auto& pane = scene.panes[i];
    const auto& r = pane.map.rect;
    // CSS pixels (top-left origin) to framebuffer pixels (bottom-left origin).
    const int x = static_cast<int>(std::lround(r.x * ratio));
    const int w = static_cast<int>(std::lround(r.w * ratio));
    const int h = static_cast<int>(std::lround(r.h * ratio));
    const int y = fb_height - static_cast<int>(std::lround(r.y * ratio)) - h;
    if (w <= 0 || h <= 0) continue;
    const int cw = std::max(1, static_cast<int>(w * scale)), ch = std::max(1, static_cast<int>(h * scale));
    draw_skin(pane, scene, caches_[i], cw, ch, static_cast<float>(pane.map.px_per_mm * ratio * cw / w));
    // Copy the cached picture to the screen.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, caches_[i].fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, cw, ch, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // The needles, over it.
    if (pane.insertion > 0.001 && pane.needle_count > 0) {
      glViewport(x, y, w, h);
      glEnable(GL_SCISSOR_TEST);
      glScissor(x, y, w, h);
      glEnable(GL_BLEND);
      glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
      glUseProgram(needles_.program);
      glUniform4f(needles_.rect, static_cast<float>(x), static_cast<float>(y), static_cast<float>(w), static_cast<float>(h));
      glUniform1f(needles_.px_per_mm, static_cast<float>(pane.map.px_per_mm * ratio));
      glUniform2f(needles_.origin, static_cast<float>(pane.map.x0_mm), static_cast<float>(pane.map.depth0_mm));
      glUniform4f(needles_.needle, static_cast<float>(pane.needle_mm), static_cast<float>(pane.insertion),
                  static_cast<float>(pane.needle_spacing_mm), static_cast<float>(pane.needle_count));
      glUniform1f(needles_.needle_x0, static_cast<float>(pane.needle_x0_mm));
      glDrawArrays(GL_TRIANGLES, 0, 3);
      glDisable(GL_BLEND);
      glDisable(GL_SCISSOR_TEST);
    }
  }
  glViewport(0, 0, fb_width, fb_height);
  glBindVertexArray(0);
}

}  // namespace skindepth::render
