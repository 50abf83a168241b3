// The widget's loop (see platform.h): SDL2 window and WebGL2 context, Dear ImGui's SDL2 backend and
// our renderers, the font atlas and the theme, the Emscripten main loop and WebGL context loss. One
// frame: input -> ui -> actions -> advance -> render, drawn only when something changed.
#include "platform/platform.h"

#include "app/actions.h"
#include "app/commands.h"
#include "app/describe.h"
#include "app/layout.h"
#include "app/scene.h"
#include "content/embedded.h"
#include "content/loader.h"
#include "ui/targets.h"
#include "ui/ui.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <cmath>
#include <string>

// Points SDL's and the HTML5 API's "#canvas" at this module's own canvas (src/platform/library_skindepth.js).
extern "C" void sd_bind_canvas();
extern "C" void sd_set_ratio_cap(double cap);  // library_skindepth.js

// A touch screen (a phone, a tablet, a touch laptop): controls are made finger-sized. Asked when the
// size changes, not per frame; a change of layout between a finger's down and up would move the tap.
EM_JS(int, sd_touch_screen, (), {
  return (navigator.maxTouchPoints > 0 || (typeof matchMedia === 'function' && matchMedia('(any-pointer: coarse)').matches)) ? 1 : 0;
});

namespace skindepth::platform {

app::AppState g_state;
Platform g_platform;
std::unique_ptr<core::Content> g_loaded;

namespace {

// --- [SECTION] Fonts and theme ------------------------------------------------------------------
void build_font(float em, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  // Horizontal oversampling only helps text at one device pixel per CSS pixel; on high-DPI screens
  // it doubled the rasterising of the atlas (30-50 ms of the first frame here) for no visible gain.
  cfg.OversampleH = pixel_ratio >= 1.5f ? 1 : 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0x2190, 0x2193, 0x2212, 0x2265, 0x25A0, 0x25B6, 0x2713, 0x2713, 0};
  // The font is embedded by the build (cmake/Widget.cmake fails without it): there is no other one to
  // fall back to (ImGui's built-in font is left out of the link, see no_default_font.cpp).
  const auto fonts = embedded::fonts();
  // Rasterise at framebuffer resolution, show at CSS size: crisp text on high-DPI screens.
  io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(fonts[0].data.data()), static_cast<int>(fonts[0].data.size()),
                                 em * pixel_ratio, &cfg, kRanges);
  io.FontGlobalScale = 1.0f / pixel_ratio;
  io.Fonts->Build();
  g_platform.font_em = em;
  g_platform.font_uploaded = false;
}

// The atlas becomes the interface's texture once there is a context to hold it (the start builds the
// atlas before, while the page waits for its GPU side).
void upload_font() {
  if (g_platform.font_uploaded || !g_platform.gl || g_platform.context_lost) return;
  g_platform.imgui_renderer.upload_fonts();
  g_platform.font_uploaded = true;
}

// The font atlas and ImGui's style for `layout`: rebuilt when the text size, the host's brand or the
// kind of screen (touch) changed since they were made.
void update_style(const app::Layout& layout) {
  const bool new_font = std::abs(layout.em - g_platform.font_em) > 0.5f || g_platform.font_em == 0.0f;
  if (new_font) build_font(layout.em, g_state.viewport.pixel_ratio);
  upload_font();
  if (new_font || !(g_state.theme == g_platform.theme) || g_state.viewport.touch != g_platform.touch_style) {
    g_platform.theme = g_state.theme;
    g_platform.touch_style = g_state.viewport.touch;
    ui::apply_theme(g_state.theme, g_platform.font_em, g_state.viewport.touch);
  }
}

// --- [SECTION] The skin's shaders ----------------------------------------------------------------
// Whether a program has linked is asked in a task of its own, not in a frame: the question waits
// for the browser's GPU side, and the first frames are long enough already. Asked every
// kShaderPollMs while the browser compiles; a frame follows once the picture can be drawn, or the
// failure is said once. With KHR_parallel_shader_compile the browser says without waiting whether
// it is done. Without it (a software renderer, some browsers) the browser links in the background
// all the same, but passes the fence after the link request at once, and the question held the
// main thread until the link was done: 130-220 ms of the whole compile, here. So the page links the
// same programs in its GPU worker (event `linkprobe`, web/src/loader.js linkInWorker), which waits
// for the answer off the main thread, and says when it has it (sd_link_probe_done): the widget's
// own links, started just before, are done by then or nearly, and only then is it asked about.
constexpr int kShaderPollMs = 10;
bool g_shader_poll_due = false;
bool g_link_probe_due = false;  // the worker has not answered yet: do not ask about the link
// The skin's shaders: not handed to the browser yet, a task to hand them over is due, or handed over
// (after the first frame; see frame).
enum class SkinShaders { kNotStarted, kStartDue, kStarted };
SkinShaders g_skin_shaders = SkinShaders::kNotStarted;

// Hands the programs to the page's worker (see above); it answers through sd_link_probe_done.
void probe_link_in_worker() {
  g_link_probe_due = true;
  auto programs = nlohmann::json::array();
  for (const auto& p : render::Renderer::program_sources()) programs.push_back({p[0], p[1]});
  emit("linkprobe", {{"programs", programs}});
}

void poll_skin_shaders(void*);
void poll_skin_shaders_soon(int ms) {
  if (g_shader_poll_due) return;
  g_shader_poll_due = true;
  emscripten_async_call(poll_skin_shaders, nullptr, ms);
}

void poll_skin_shaders(void*) {
  g_shader_poll_due = false;
  if (g_platform.context_lost) return;  // asked again by the first frame after the restore
  if (g_link_probe_due) return poll_skin_shaders_soon(kShaderPollMs);
  std::string error;
  const render::LinkState state = g_platform.renderer.poll(error);
  if (state == render::LinkState::kPending) return poll_skin_shaders_soon(kShaderPollMs);
  if (!error.empty()) {  // said once: the poll that found the failure
    log_error(error);
    emit("error", {{"kind", "shader"}, {"message", error}});
    g_state.notices.push_back(g_state.ui("app.drawing_failed"));  // the interface still works
  }
  g_state.needs_frame = true;
}

// --- [SECTION] Frame ----------------------------------------------------------------------------
// The widget's layout as it is now, with ImGui's font and style made for it.
app::Layout styled_layout() {
  const app::Layout layout = app::compute_layout(g_state.viewport, g_state.mode, g_state.view, g_state.theme.font_scale);
  update_style(layout);
  return layout;
}

// One pass of the interface, from ImGui's new frame to the end of its windows (the caller renders
// it, or ends it undrawn): the input since the last pass goes in, the actions asked for come out.
std::vector<app::Action> interface_pass(const app::Layout& layout, const app::Scene& scene) {
  ImGui_ImplSDL2_NewFrame();
  ui::feed_touch_to_imgui(g_platform.input);
  ui::begin_hit_targets();
  ImGui::NewFrame();
  auto actions = ui::draw_ui(g_state, layout, scene, g_platform.input, g_platform.gestures);
  g_platform.input.keys.clear();
  return actions;
}

void update_viewport() {
  int w = 0, h = 0, fw = 0, fh = 0;
  SDL_GetWindowSize(g_platform.window, &w, &h);
  SDL_GL_GetDrawableSize(g_platform.window, &fw, &fh);
  app::Viewport vp;
  vp.css_width = static_cast<float>(w);
  vp.css_height = static_cast<float>(h);
  vp.pixel_ratio = w > 0 ? static_cast<float>(fw) / static_cast<float>(w) : 1.0f;
  if (vp.css_width != g_state.viewport.css_width || vp.css_height != g_state.viewport.css_height ||
      vp.pixel_ratio != g_state.viewport.pixel_ratio) {
    vp.touch = sd_touch_screen() != 0;
    g_state.viewport = vp;
    g_state.needs_frame = true;
  }
}

// The interface cannot be drawn: the page is told in plain words, the GL log goes to the console.
void graphics_failed(const std::string& gl_log) {
  log_error(gl_log);
  emit("error", {{"kind", "startup"}, {"message", "this device's graphics could not draw the widget (the browser console has the details)"}});
}

// The skin's shaders, handed to the browser once the interface's is linked (a question about the
// interface's asked after would wait for theirs): compiled in the background and polled in tasks.
void start_skin_shaders() {
  g_skin_shaders = SkinShaders::kStarted;
  std::string error;
  if (!g_platform.renderer.init(error, g_platform.parallel_compile)) {
    log_error(error);
    emit("error", {{"kind", "shader"}, {"message", error}});
    return;
  }
  if (!g_platform.parallel_compile) probe_link_in_worker();
}

// start_skin_shaders in a task of its own, soon (the first frame asks for it).
void start_skin_shaders_soon() {
  if (g_skin_shaders != SkinShaders::kNotStarted) return;
  g_skin_shaders = SkinShaders::kStartDue;
  emscripten_async_call([](void*) {
    if (g_skin_shaders == SkinShaders::kStarted) return;  // a restored context started them itself
    if (g_platform.context_lost) {  // the first frame after the restore asks again
      g_skin_shaders = SkinShaders::kNotStarted;
      return;
    }
    start_skin_shaders();
    // Asked about in tasks of their own; a frame follows once the picture can be drawn.
    if (g_platform.renderer.state() == render::LinkState::kPending) poll_skin_shaders_soon(kShaderPollMs);
  }, nullptr, 0);
}

// Hands the shaders to the browser after a lost context (the start does the same in steps). The
// interface's is waited for first (asked after the skin's, it would wait for their link too); false
// when it cannot be drawn. A skin shader is reported when polled.
bool start_drawing() {
  std::string error;
  if (!g_platform.imgui_renderer.init(error) || !g_platform.imgui_renderer.link(error)) {
    graphics_failed(error);
    return false;
  }
  start_skin_shaders();
  return true;
}

// The interface's program during the start: kPending while the browser still compiles it, then
// linked or failed (said as start_drawing says it).
render::LinkState interface_linked() {
  std::string error;
  const render::LinkState state = g_platform.imgui_renderer.poll(g_platform.parallel_compile, false, error);
  if (state == render::LinkState::kFailed) graphics_failed(error);
  return state;
}

// The canvas at the pixel ratio `cap` allows (0: the screen's own; app/resolution.h): SDL resizes
// the drawing buffer from the capped ratio, the CSS size stays. True when it changed.
bool apply_ratio_cap(float cap) {
  if (cap == g_platform.ratio_cap || !g_platform.window) return false;
  g_platform.ratio_cap = cap;
  sd_set_ratio_cap(cap);
  int w = 0, h = 0;
  SDL_GetWindowSize(g_platform.window, &w, &h);
  SDL_SetWindowSize(g_platform.window, w, h);  // same size: SDL asks the ratio again
  update_viewport();
  return true;
}

void frame() {
  const double now = now_ms();
  // How long the browser took to come back after a drawn frame: what that frame cost the whole
  // pipeline (a software rasteriser, a weak GPU, the page's compositing), which the frame's own CPU
  // time does not show. Longer than a second: a hidden tab, not a slow frame.
  // Until the skin picture has been drawn once, frames are slow because shaders compile: they say
  // nothing about the renderer (and a canvas resized then would hold up the page's start).
  if (g_platform.drew_last_callback && g_platform.last_ms > 0 && now - g_platform.last_ms < 1000.0) {
    g_platform.frame_pace_ms = now - g_platform.last_ms;
    if (g_platform.drawn_sent)
      g_platform.resolution.after_frame(g_platform.frame_pace_ms, g_platform.last_frame_changed,
                                        g_platform.renderer.at_lowest_moving_scale(), g_state.viewport.pixel_ratio);
  }
  g_platform.drew_last_callback = false;
  const double dt = g_platform.last_ms > 0 ? (now - g_platform.last_ms) / 1000.0 : 0.0;
  g_platform.last_ms = now;
  if (process_events()) {
    g_state.needs_frame = true;
    g_platform.idle_since_ms = now;
  }
  update_viewport();
  app::advance(g_state, dt);
  // ImGui settles hover and layout over a couple of frames after input: keep drawing briefly.
  const bool settling = now - g_platform.idle_since_ms < 250.0;
  const bool changed = g_state.needs_frame || settling || app::animating(g_state) || ui::gestures_animating(g_platform.gestures);
  // On a slow renderer a change is drawn at the lower ratio it needed, and the screen's own comes
  // back once everything has been still for a moment (a frame is drawn for it).
  bool resized = false;
  if (!g_platform.context_lost)
    resized = apply_ratio_cap(changed ? g_platform.resolution.on_change(now) : g_platform.resolution.idle(now));
  g_platform.renderer.set_refine_allowed(g_platform.ratio_cap == 0.0f);
  if (g_platform.context_lost || !(changed || resized || g_platform.renderer.refining())) return;

  const double start = now_ms();
  const app::Layout layout = styled_layout();
  const app::Scene scene = app::build_scene(g_state, layout);
  const auto actions = interface_pass(layout, scene);
  ImGui::Render();

  g_state.needs_frame = false;
  for (const auto& a : actions) {
    std::string error;
    if (!app::apply(g_state, a, &error)) log_error(error);
  }
  g_platform.touch_scene = ui::touch_scene(g_state, layout);  // for the events until the next frame
  // The page places its own controls over the drawing (staff mode's Full screen button): where it is.
  if (const app::Rect& r = layout.scene; !(r == g_platform.scene_rect)) {
    g_platform.scene_rect = r;
    emit("layout", {{"scene", {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}}}});
  }
  // The page keeps a real text field ready over a number question's box (numeric keyboard).
  if (const ui::NumberField& field = ui::number_field(); !(field == g_platform.number_field)) {
    g_platform.number_field = field;
    nlohmann::json box = {{"key", field.key}};
    if (!field.key.empty())
      box.update({{"x", field.box.x}, {"y", field.box.y}, {"w", field.box.w}, {"h", field.box.h},
                  {"value", field.answered ? nlohmann::json(field.value) : nlohmann::json()}, {"min", field.min}, {"max", field.max}});
    emit("numberfield", box);
  }
  emit_outbox();

  // The skin shaders are handed to the browser after the first frame, in a task of their own (before
  // it, their compile held up the first frame: 15-40 ms here on the main thread, more on the GPU
  // side's); they may then still be compiling in the background: the interface is drawn meanwhile,
  // and a task of its own asks about them (poll_skin_shaders) until the picture can be drawn.
  const render::LinkState shaders = g_platform.renderer.state();
  if (g_skin_shaders == SkinShaders::kNotStarted) start_skin_shaders_soon();
  else if (g_skin_shaders == SkinShaders::kStarted && shaders == render::LinkState::kPending) poll_skin_shaders_soon(0);
  // The pace of the last drawn frame lets the renderer trade the picture's resolution for speed; a
  // still picture being refined asks for the next frame itself (renderer.refining(), above).
  g_platform.renderer.set_frame_interval(g_platform.frame_pace_ms);
  g_platform.renderer.draw(scene, g_state.viewport.fb_width(), g_state.viewport.fb_height(), g_state.viewport.pixel_ratio);
  g_platform.drew_last_callback = true;
  g_platform.last_frame_changed = changed;
  g_platform.imgui_renderer.draw(ImGui::GetDrawData());
  ++g_platform.frames_drawn;
  g_platform.last_frame_cpu_ms = now_ms() - start;
  // The last 4,096 frame times at most (a benchmark reads 600): a page left animating for hours
  // must not grow. Hundredths of a millisecond: the getStats reply stays short.
  if (g_platform.frame_ms.size() >= kKeptFrameTimes) g_platform.frame_ms.erase(g_platform.frame_ms.begin(), g_platform.frame_ms.begin() + kKeptFrameTimes / 2);
  g_platform.frame_ms.push_back(std::round(g_platform.last_frame_cpu_ms * 100.0) / 100.0);

  if (std::string text = app::describe(g_state); text != g_platform.description) {
    g_platform.description = text;
    emit("describe", {{"text", text}});
  }
  if (!g_platform.ready_sent) {
    g_platform.ready_sent = true;
    emit("ready", {{"state", app::state_json(g_state, false)}});
  }
  if (!g_platform.drawn_sent && shaders == render::LinkState::kReady) {
    g_platform.drawn_sent = true;
    emit("drawn", nlohmann::json::object());
  }
}

// --- [SECTION] WebGL context loss -----------------------------------------------------------------
EM_BOOL on_context_lost(int, const void*, void*) {
  g_platform.context_lost = true;
  g_platform.renderer.drop();
  g_platform.imgui_renderer.drop();
  log_error("the WebGL context was lost; waiting for the browser to restore it");
  emit("error", {{"kind", "webgl_context_lost"}, {"message", "The drawing was interrupted by the browser; it will come back."}});
  return EM_TRUE;  // lets the browser restore the context
}

EM_BOOL on_context_restored(int, const void*, void*) {
  if (!start_drawing()) emscripten_cancel_main_loop();  // nothing more can be drawn
  g_platform.font_em = 0.0f;  // rebuild the font texture
  g_platform.context_lost = false;
  g_state.needs_frame = true;
  emit("contextrestored", nlohmann::json::object());
  return EM_TRUE;
}

// --- [SECTION] The start, in steps ---------------------------------------------------------------
// main() makes the window; the rest of the start is done by sd_start_step, which the page calls once
// per task until it answers "done" (web/src/loader.js): the content is parsed one file per step and
// ImGui's font atlas is built (while the page waits for its GPU side to be free: neither needs the
// GPU), the WebGL2 context is made, the interface's shader is handed to the browser and the font
// becomes a texture, that shader is waited for without blocking (the skin's follow the first frame),
// the host's options are given, and the interface is laid out once before the first frame. No step
// holds a phone's main thread for long, and the page stays answerable in between (issue 18). The
// options come after the context: each one changes the page a little, which the GPU side then
// draws, and a context made meanwhile waits for it.
struct Start {
  enum class Stage { kContent, kFont, kContext, kShaders, kInterface, kOptions, kDone, kFailed };
  Stage stage = Stage::kContent;
  std::unique_ptr<content::Loading> loading;
  bool host_content = false;  // loading the host's files (sd_load_content), not the built-in ones
};
Start g_start;

// Takes what the content steps produced: the host's content when it validated, else the built-in
// content with the problems said (console, event, notice), as sd_load_content used to at once.
void finish_content() {
  content::LoadResult result = g_start.loading->take();
  g_start.loading.reset();
  if (!g_start.host_content) {
    content::adopt_default_content(std::move(result.content));
    g_state.content = &content::default_content();
    return;
  }
  if (result.ok()) {
    g_loaded = std::make_unique<core::Content>(std::move(result.content));
    g_state.content = g_loaded.get();
    return;
  }
  auto errors = nlohmann::json::array();
  for (const auto& e : result.errors) {
    errors.push_back({{"file", e.file}, {"pointer", e.pointer}, {"message", e.message}});
    log_error("content: " + e.to_string());
  }
  g_state.content = &content::default_content();
  g_state.notices = content::fallback_notices(result.errors, g_state.language);
  emit("error", {{"kind", "content_invalid"}, {"errors", errors}});
}

// The WebGL2 context, in a step of its own (making it waits on the browser's GPU side).
void make_context() {
  g_platform.gl = g_platform.window ? SDL_GL_CreateContext(g_platform.window) : nullptr;
  if (!g_platform.gl) {
    // Without WebGL2 the widget still works, as text: the start parses the content and the page
    // shows its HTML controls (web/src/mirror.js) for the questionnaire, the plan and the rest,
    // through the same commands. Nothing is drawn.
    log_error(std::string("WebGL2 is not available: ") + SDL_GetError());
    g_platform.text_only = true;
    emit("error", {{"kind", "webgl_unavailable"}, {"message", "This browser could not start WebGL2."}});
    return;
  }
  g_platform.parallel_compile =
      emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "KHR_parallel_shader_compile");
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
}

// The interface laid out once at the end of the start, not drawn: the browser compiles each function
// of the wasm on its first call (see cmake/Widget.cmake), and the interface's code is then compiled in
// this task instead of in the first frame's, which has the drawing to do. Its actions are dropped (no
// input has come: the first frame asks for the same ones again). ImGui measures its windows here too,
// which it otherwise does in the first frame and shows a frame later.
void lay_out_interface() {
  update_viewport();
  const app::Layout layout = styled_layout();
  (void)interface_pass(layout, app::build_scene(g_state, layout));
  ImGui::EndFrame();
}

// One step of the start; see Start.
int start_step() {
  using Stage = Start::Stage;
  switch (g_start.stage) {
    case Stage::kContent:  // first: it needs no GPU, and runs while the page waits for it (loader.js)
      if (!g_start.loading) g_start.loading = std::make_unique<content::Loading>(content::default_files(), true);  // parts by view
      if (g_start.loading->step()) {
        finish_content();
        g_start.stage = Stage::kFont;
      }
      break;
    case Stage::kFont: {  // ImGui and its font atlas: no GPU needed either (the texture comes later)
      IMGUI_CHECKVERSION();
      ImGui::CreateContext();
      ImGuiIO& io = ImGui::GetIO();
      io.IniFilename = nullptr;  // nothing is stored
      io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
      update_viewport();
      styled_layout();
      g_start.stage = Stage::kContext;
      break;
    }
    case Stage::kContext:
      make_context();
      g_start.stage = g_platform.text_only ? Stage::kOptions : Stage::kShaders;  // without drawing, the content only
      break;
    case Stage::kShaders: {
      ImGui_ImplSDL2_InitForOpenGL(g_platform.window, g_platform.gl);
      // The interface's shader: the browser compiles it while the font's texture is uploaded.
      std::string error;
      if (!g_platform.imgui_renderer.init(error)) {
        graphics_failed(error);
        g_start.stage = Stage::kFailed;
        break;
      }
      upload_font();
      g_start.stage = Stage::kInterface;
      break;
    }
    case Stage::kInterface: {
      const render::LinkState state = interface_linked();
      if (state == render::LinkState::kFailed) g_start.stage = Stage::kFailed;
      if (state == render::LinkState::kReady) g_start.stage = Stage::kOptions;  // the skin's after the first frame
      break;
    }
    case Stage::kOptions:  // the page has given the host's options (language, area, view...)
      g_start.stage = Stage::kDone;
      if (g_platform.text_only) {  // no frames: ready now, for the page's HTML controls
        g_platform.ready_sent = true;
        emit("ready", {{"state", app::state_json(g_state, false)}});
        break;
      }
      lay_out_interface();
      g_state.needs_frame = true;
      emscripten_set_main_loop(frame, 0, false);
      break;
    case Stage::kDone:
    case Stage::kFailed:
      break;
  }
  switch (g_start.stage) {
    case Stage::kFailed: return -1;
    case Stage::kDone: return 1;
    case Stage::kInterface: return 2;  // waiting for the browser's compiler
    case Stage::kOptions: return 3;    // waiting for the host's options
    case Stage::kContext: return 4;    // the WebGL2 context next: best made while the GPU side is free
    default: return 0;
  }
}

}  // namespace

// A frame drawn now, outside the browser's animation frame: the page copies the canvas in the same
// task, while the drawing buffer still holds it (the print sheet's picture). Nothing before the start.
bool draw_now() {
  if (g_start.stage != Start::Stage::kDone || g_platform.context_lost) return false;
  g_state.needs_frame = true;
  frame();
  return g_platform.drew_last_callback;
}

void link_probe_done() { g_link_probe_due = false; }

// The host's content, given before the start (sd_load_content): parsed by the start's steps.
void load_host_content(content::FileMap files) {
  g_start.loading = std::make_unique<content::Loading>(std::move(files));
  g_start.host_content = true;
}

}  // namespace skindepth::platform

extern "C" {
// The page calls this once per task after the module has started, until it answers 1 (the widget
// draws from the next animation frame on, or is ready as text) or -1 (it cannot start: an error
// event said why); 0 asks for the next step at once, 2 a little later (the browser is compiling the
// interface's shader), 3 for the host's options (commands) and then one more call, 4 for the next
// step once the browser's GPU side is free (it makes the WebGL2 context).
EMSCRIPTEN_KEEPALIVE int sd_start_step() { return skindepth::platform::start_step(); }
// 1 when a frame was drawn (see draw_now), 0 when none could be (not started, context lost).
EMSCRIPTEN_KEEPALIVE int sd_draw_now() { return skindepth::platform::draw_now() ? 1 : 0; }
// The page's GPU worker has linked the skin's programs (event `linkprobe`): the widget may ask about its own.
EMSCRIPTEN_KEEPALIVE void sd_link_probe_done() { skindepth::platform::link_probe_done(); }
}

using namespace skindepth;
using platform::g_platform;
using platform::g_state;
using platform::emit;
using platform::log_error;

int main() {
  sd_bind_canvas();
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touch is handled in input.cpp
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    log_error(std::string("SDL could not start: ") + SDL_GetError());
    emit("error", {{"kind", "startup"}, {"message", SDL_GetError()}});
    return 1;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  // No title: SDL would write it into the host page's document.title (and a title change made the
  // browser redraw the page in the middle of the start, which the GPU worker then waited for).
  g_platform.window = SDL_CreateWindow(nullptr, SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                       css_w > 1 ? static_cast<int>(css_w) : 800, css_h > 1 ? static_cast<int>(css_h) : 600,
                                       SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  platform::take_touch_and_wheel();
  return 0;  // the rest of the start, the WebGL2 context first: sd_start_step
}
