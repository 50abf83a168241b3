// WebGL2 drawing of an app::Scene. The skin of each pane is drawn by the heavy procedural shader
// into a cached texture, redrawn only when the picture changes (and at half resolution while the
// healing timeline plays); each frame then copies it to the screen and draws the needles over it
// with a cheap shader. No ImGui here. All GL objects can be dropped and rebuilt (a lost WebGL
// context) without touching the app state.
#pragma once

#include "app/scene.h"

#include <cstdint>
#include <string>
#include <vector>

namespace skindepth::render {

class Renderer {
 public:
  // Compiles the shaders embedded from shaders/. On failure returns false with the GL log.
  bool init(std::string& error);
  // Forgets GL objects without deleting them (they died with a lost context).
  void drop();
  void shutdown();
  bool ready() const { return skin_.program != 0; }
  // Draws the panes; `pixel_ratio` turns the scene's CSS pixels into framebuffer pixels.
  void draw(const app::Scene& scene, int fb_width, int fb_height, float pixel_ratio);
  long skin_redraws() const { return skin_redraws_; }  // for benchmarks: heavy passes run

 private:
  struct Program {
    unsigned program = 0;
    int rect = -1, px_per_mm = -1, origin = -1, needle = -1, needle_x0 = -1;
    int bounds = -1, channel = -1, bleeding = -1, time = -1, look0 = -1, look1 = -1, look2 = -1, hints = -1, terminal = -1;
  };
  struct Cache {
    unsigned fbo = 0, texture = 0;
    int width = 0, height = 0;
    std::uint64_t key = 0;
  };
  bool build(Program& p, const char* vert, const char* frag, std::string& error);
  void draw_skin(const app::SkinPane& pane, const app::Scene& scene, Cache& cache, int w, int h, float px_per_mm);

  Program skin_, needles_;
  unsigned vao_ = 0;
  std::vector<Cache> caches_;
  long skin_redraws_ = 0;
};

}  // namespace skindepth::render
