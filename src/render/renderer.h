// WebGL2 drawing of an app::Scene. The skin of each pane is drawn by the heavy procedural shader
// into a cached texture, redrawn only when the picture changes; each frame copies it to the screen
// and draws the needles over it with a cheap shader. A picture that changes every frame (the
// timeline playing, a stamp forming channels) is drawn at reduced resolution, lower still when
// frames come slowly (a weak GPU or a software rasteriser); once it holds still, the full-resolution
// picture is drawn a band of rows per frame, so no single frame waits for a whole heavy pass. No ImGui here. All GL objects can be dropped and rebuilt (a lost WebGL
// context) without touching the app state.
#pragma once

#include "app/scene.h"
#include "render/gl_program.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::render {

class Renderer {
 public:
  // Starts compiling the shaders embedded from shaders/ (in the background when
  // `parallel_compile`, i.e. KHR_parallel_shader_compile is on). False when a shader is missing.
  bool init(std::string& error, bool parallel_compile);
  // The sources of the programs init() links, vertex and fragment shader each (the page has them
  // linked in a worker too: src/platform/loop.cpp).
  static std::vector<std::array<std::string_view, 2>> program_sources();
  // kReady once the programs linked (draw() draws nothing before); kFailed with the GL log. Asks the
  // browser about one program per call (a question that can wait for its GPU side): see state() for
  // what is known already.
  LinkState poll(std::string& error);
  // What the last poll() found, without asking the browser.
  LinkState state() const { return failed_ ? LinkState::kFailed : skin_.program ? LinkState::kReady : LinkState::kPending; }
  // Forgets GL objects without deleting them (they died with a lost context).
  void drop();
  // Draws the panes; `pixel_ratio` turns the scene's CSS pixels into framebuffer pixels.
  void draw(const app::Scene& scene, int fb_width, int fb_height, float pixel_ratio);
  // True while a picture on screen is not yet the full-resolution one (a moving picture that has
  // stopped, or its refinement under way): the platform keeps drawing frames.
  bool refining() const;
  // Whether a still picture may be refined now (not while the canvas itself is drawn at a lower
  // resolution: app/resolution.h gives the screen's own back first).
  void set_refine_allowed(bool allowed) { refine_allowed_ = allowed; }
  // Every picture on screen is the full-resolution one (tests and benchmarks read it).
  bool pictures_full() const;
  // The time between the last two drawn frames; the renderer trades resolution for speed with it.
  void set_frame_interval(double ms) { frame_interval_ms_ = ms; }
  // Where that trade stands (benchmarks read it): the moving picture's share of the full one, and
  // the full picture's framebuffer pixels per CSS pixel.
  float moving_scale() const { return moving_scale_; }
  float picture_ratio() const { return picture_ratio_; }
  // The moving picture is as small as it gets: only a lower canvas resolution can help further.
  bool at_lowest_moving_scale() const;

 private:
  struct Program {
    unsigned program = 0;
    int rect = -1, px_per_mm = -1, origin = -1, needle = -1, needle_x0 = -1;
    int roller = -1, bounds = -1, channel = -1, bleeding = -1, time = -1, look0 = -1, look1 = -1, look2 = -1, hints = -1, terminal = -1;
    int concern = -1, concern_before = -1;
  };
  struct Target {
    unsigned fbo = 0, texture = 0;
    int width = 0, height = 0;
    std::uint64_t key = 0;  // the picture it holds (0: none)
  };
  // Per pane: `front` is copied to the screen; `back` receives the full-resolution picture a band
  // at a time while nothing moves, then the two swap.
  struct Cache {
    Target front, back;
    std::uint64_t last_key = 0;
    bool refining = false;
    bool complete = false;  // `front` holds the full-resolution picture of `last_key`
    int next_row = 0;
    app::SkinPane job;  // the picture being refined
    double job_seconds = 0.0;
  };
  static void locate(Program& p, unsigned program);
  // The caches of the last scene's panes (a comparison's second pane keeps its cache when it goes).
  std::vector<Cache>::const_iterator active_end() const {
    return caches_.begin() + static_cast<std::ptrdiff_t>(std::min(panes_, caches_.size()));
  }
  static void ensure_target(Target& t, int w, int h);
  void draw_skin(const app::SkinPane& pane, double seconds, Target& target, int row0, int rows, float px_per_mm);

  PendingProgram pending_skin_, pending_needles_;
  bool parallel_ = false, failed_ = false;
  Program skin_, needles_;
  unsigned vao_ = 0;
  std::vector<Cache> caches_;
  std::size_t panes_ = 0;  // caches in use (the last scene's panes)
  bool refine_allowed_ = true;
  double frame_interval_ms_ = 16.7;
  float moving_scale_ = 0.5f;      // of the full picture, for pictures that change every frame
  float picture_ratio_ = 2.0f;     // the moving picture's pixels per CSS pixel, before moving_scale_ (lowered on slow GPUs)
  int refine_pixels_ = 1 << 18;    // per frame, for the full-resolution picture
};

}  // namespace skindepth::render
