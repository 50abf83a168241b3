// The widget's platform layer, split by job: loop.cpp (SDL2 window, WebGL2 context and its loss,
// fonts, the Emscripten main loop, one frame), input.cpp (SDL events -> ui::Input and ImGui's
// backend) and bridge.cpp (the host page: exported functions and events). The only place that
// knows about SDL, Emscripten and the page; it decides nothing: keys and gestures are read in ui/,
// host commands in app/commands.cpp.
#pragma once

#include "app/app_state.h"
#include "app/resolution.h"
#include "content/loader.h"
#include "render/imgui_renderer.h"
#include "render/renderer.h"
#include "ui/input.h"
#include "ui/targets.h"

#include <SDL.h>
#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace skindepth::platform {

inline constexpr std::size_t kKeptFrameTimes = 4096;

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  render::Renderer renderer;
  render::ImGuiRenderer imgui_renderer;
  app::Theme theme;       // the theme the style and the font atlas were built for
  float font_em = 0.0f;   // the size the font atlas was built at (0: rebuild)
  bool font_uploaded = false;  // the atlas is the interface's texture (built before the context, uploaded after)
  bool touch_style = false;  // the style was set for a touch screen
  ui::NumberField number_field;  // the number box the page last heard of
  app::Rect scene_rect;          // the drawing's place the page last heard of (CSS px, the canvas's)
  bool context_lost = false;
  bool ready_sent = false;
  bool drawn_sent = false;        // the skin picture has been drawn once (the shaders are compiled)
  bool parallel_compile = false;  // KHR_parallel_shader_compile is on
  bool text_only = false;         // no WebGL2: nothing is drawn, the page's HTML controls serve
  double last_ms = 0.0;            // the last animation frame, drawn or not
  bool drew_last_callback = false;  // a frame was drawn in it
  bool last_frame_changed = false;  // ... for a change (not to refine a still picture)
  double frame_pace_ms = 16.7;      // from the last drawn frame's animation frame to the next one
  app::CanvasResolution resolution; // the canvas's pixel ratio on slow renderers
  float ratio_cap = 0.0f;           // the cap in force (0: the screen's own ratio)
  double idle_since_ms = 0.0;
  long frames_drawn = 0;
  double last_frame_cpu_ms = 0.0;
  // CPU time of the last drawn frames since the last stats reset (benchmarks), in hundredths of a ms.
  std::vector<double> frame_ms;
  std::string description;  // the last text sent to the page's live region
  ui::Input input;          // read from SDL's events since the last frame
  ui::Gestures gestures;
  ui::TouchScene touch_scene;  // the panels that can scroll, as last drawn (for the next events)
};

// The one widget of this module instance (each widget on a page has its own module).
extern app::AppState g_state;
extern Platform g_platform;

// --- bridge.cpp
void emit(const char* name, const nlohmann::json& detail);
void emit_outbox();  // the events actions raised (state.outbox)
void log_error(const std::string& message);
double now_ms();

// --- loop.cpp: the host's content files, given before the start (sd_load_content); the start's
// steps parse them. The host's content once it validated.
void load_host_content(content::FileMap files);
extern std::unique_ptr<core::Content> g_loaded;

// --- input.cpp: reads SDL's queue into g_platform.input and ImGui; true when anything arrived.
bool process_events();
// Replaces SDL's touch and wheel handlers with ours (after SDL_CreateWindow registered its own).
void take_touch_and_wheel();

}  // namespace skindepth::platform
