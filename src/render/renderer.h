// WebGL2 drawing of an app::Scene: the skin shader over each pane. No ImGui here. All GL objects
// can be dropped and rebuilt (a lost WebGL context) without touching the app state.
#pragma once

#include "app/scene.h"

#include <string>

namespace skindepth::render {

class Renderer {
 public:
  // Compiles the shaders embedded from shaders/. On failure returns false with the GL log.
  bool init(std::string& error);
  // Forgets GL objects without deleting them (they died with a lost context).
  void drop();
  void shutdown();
  bool ready() const { return program_ != 0; }
  // Draws the panes; `pixel_ratio` turns the scene's CSS pixels into framebuffer pixels.
  void draw(const app::Scene& scene, int fb_width, int fb_height, float pixel_ratio);

 private:
  unsigned program_ = 0;
  unsigned vao_ = 0;
  int loc_rect_ = -1, loc_px_per_mm_ = -1, loc_origin_ = -1, loc_bounds_ = -1, loc_needle_ = -1,
      loc_needle_x0_ = -1, loc_channel_ = -1, loc_bleeding_ = -1, loc_time_ = -1, loc_look0_ = -1,
      loc_look1_ = -1, loc_look2_ = -1, loc_hints_ = -1, loc_terminal_ = -1;
};

}  // namespace skindepth::render
