// The widget's platform layer: SDL2 window and WebGL2 context, Dear ImGui's SDL2 + OpenGL3
// backends, the Emscripten main loop, and the bridge to the host page (web/skindepth.js). The only
// place that knows about SDL, Emscripten and the page; one frame: input -> ui -> actions ->
// advance -> render, drawn only when something changed.
#include "app/app_state.h"
#include "app/commands.h"
#include "app/describe.h"
#include "app/layout.h"
#include "app/scene.h"
#include "content/embedded.h"
#include "content/loader.h"
#include "render/imgui_renderer.h"
#include "render/renderer.h"
#include "ui/ui.h"

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

using namespace skindepth;

// --- [SECTION] Host page bridge ----------------------------------------------------------------
// Each widget is its own module instance with its own canvas (Module.canvas); SDL and the HTML5
// API address "#canvas", which we point at that canvas so several widgets share one page.
extern "C" void sd_bind_canvas();  // src/platform/library_skindepth.js
EM_JS(void, sd_emit, (const char* name, const char* detail_json), {
  if (Module["onWidgetEvent"]) Module["onWidgetEvent"](UTF8ToString(name), UTF8ToString(detail_json));
});
EM_JS(double, sd_now_ms, (), { return performance.now(); });

namespace {

constexpr std::size_t kKeptFrameTimes = 4096;

struct Platform {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  render::Renderer renderer;
  render::ImGuiRenderer imgui_renderer;
  ui::Theme theme;
  float font_em = 0.0f;  // the size the font atlas was built at
  bool context_lost = false;
  bool ready_sent = false;
  bool drawn_sent = false;        // the skin picture has been drawn once (the shaders are compiled)
  bool parallel_compile = false;  // KHR_parallel_shader_compile is on
  double last_ms = 0.0;
  double last_draw_ms = 0.0;  // when the last frame was drawn
  bool drew_on = false;       // that frame asked for the next one (an animation, a picture being refined)
  double idle_since_ms = 0.0;
  long frames_drawn = 0;
  double last_frame_cpu_ms = 0.0;
  std::vector<double> frame_ms;  // CPU time of the last drawn frames since the last stats reset (benchmarks)
  std::string description;      // the last text sent to the page's live region
};

app::AppState g_state;
Platform g_platform;
std::unique_ptr<core::Content> g_loaded;  // the host's content, when it validated
std::string g_reply;                      // holds the last string returned to JS

void emit(const char* name, const nlohmann::json& detail) { sd_emit(name, detail.dump().c_str()); }

void emit_events(const nlohmann::json& events) {
  for (const auto& e : events) emit(e["name"].get<std::string>().c_str(), e["detail"]);
}

void log_error(const std::string& message) { std::fprintf(stderr, "SkinDepth: %s\n", message.c_str()); }

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
  const auto fonts = embedded::fonts();
  ImFont* font = nullptr;
  if (!fonts.empty()) {
    // Rasterise at framebuffer resolution, show at CSS size: crisp text on high-DPI screens.
    font = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(fonts[0].data.data()), static_cast<int>(fonts[0].data.size()),
                                          em * pixel_ratio, &cfg, kRanges);
  }
  if (!font) {
    log_error("the UI font could not be loaded; using ImGui's built-in font");
    ImFontConfig fallback;
    fallback.SizePixels = em * pixel_ratio;
    font = io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = 1.0f / pixel_ratio;
  g_platform.imgui_renderer.upload_fonts();
  g_platform.font_em = em;
  ui::apply_theme(g_platform.theme, em);
}

// --- [SECTION] Frame ----------------------------------------------------------------------------
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
    g_state.viewport = vp;
    g_state.needs_frame = true;
  }
}

// Touch, handled here rather than through SDL's touch-to-mouse synthesis, which needs a window
// focus that a phone page may never report: one finger is the mouse for ImGui, and a tap that goes
// down and up between two frames still counts as a press. Two fingers pinch: the change of their
// distance zooms the drawing (and ImGui sees no drag meanwhile).
struct Touch {
  bool down = false;
  bool tapped = false;  // went down since the last frame
  float x = 0, y = 0;   // CSS pixels
  bool active = false;  // the last pointer input was touch
  struct Finger {
    SDL_FingerID id = 0;
    float x = 0, y = 0;
  };
  std::vector<Finger> fingers;  // down now
  float pinch_distance = 0.0f;  // between the first two, at the last zoom step (0: no pinch)
} g_touch;

void pinch(const SDL_Event& e) {
  auto& f = g_touch.fingers;
  const float w = g_state.viewport.css_width, h = g_state.viewport.css_height;
  auto it = std::find_if(f.begin(), f.end(), [&](const Touch::Finger& x) { return x.id == e.tfinger.fingerId; });
  if (e.type == SDL_FINGERUP) {
    if (it != f.end()) f.erase(it);
  } else if (it == f.end()) {
    f.push_back({e.tfinger.fingerId, e.tfinger.x * w, e.tfinger.y * h});
  } else {
    it->x = e.tfinger.x * w;
    it->y = e.tfinger.y * h;
  }
  if (f.size() < 2) {
    g_touch.pinch_distance = 0.0f;
    return;
  }
  const float distance = std::hypot(f[0].x - f[1].x, f[0].y - f[1].y);
  if (g_touch.pinch_distance <= 1.0f || distance <= 1.0f) {  // the pinch (re)starts
    g_touch.pinch_distance = distance;
    return;
  }
  const float ratio = distance / g_touch.pinch_distance;
  if (std::abs(ratio - 1.0f) <= 0.01f) return;  // wait for a step of more than 1%
  app::Action zoom;
  zoom.kind = app::Action::Kind::Zoom;
  zoom.number = ratio;
  app::apply(g_state, zoom);
  g_touch.pinch_distance = distance;
}

void touch_event(const SDL_Event& e) {
  pinch(e);
  const float w = g_state.viewport.css_width, h = g_state.viewport.css_height;
  if (g_touch.fingers.size() >= 2) {  // pinching: the first finger is lifted for ImGui
    g_touch.down = false;
    return;
  }
  g_touch.x = e.tfinger.x * w;
  g_touch.y = e.tfinger.y * h;
  g_touch.active = true;
  if (e.type == SDL_FINGERDOWN) {
    g_touch.down = true;
    g_touch.tapped = true;
  } else if (e.type == SDL_FINGERUP) {
    g_touch.down = false;
  }
}

// After the SDL backend's NewFrame, which reads the mouse, put the finger in its place.
void apply_touch_to_imgui() {
  if (!g_touch.active) return;
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = ImVec2(g_touch.x, g_touch.y);
  io.MouseDown[0] = g_touch.down || g_touch.tapped;
  g_touch.tapped = false;
}

bool process_events() {
  bool any = false;
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    any = true;
    if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP) {
      touch_event(event);
      continue;
    }
    if (event.type == SDL_MOUSEMOTION || event.type == SDL_MOUSEBUTTONDOWN) g_touch.active = false;
    // Staff mode: arrow keys step the needle length.
    if (event.type == SDL_KEYDOWN && g_state.mode == app::Mode::Staff && !ImGui::GetIO().WantTextInput) {
      const SDL_Keycode k = event.key.keysym.sym;
      const double step = (k == SDLK_RIGHT || k == SDLK_UP) ? app::kNeedleStepMm : (k == SDLK_LEFT || k == SDLK_DOWN) ? -app::kNeedleStepMm : 0.0;
      if (step != 0.0) {
        app::Action a;
        a.kind = app::Action::Kind::SetNeedle;
        a.number = g_state.cross.needle_mm + step;
        app::apply(g_state, a);  // refused past either end: nothing changes
        continue;
      }
    }
    ImGui_ImplSDL2_ProcessEvent(&event);
  }
  return any;
}

// Hands the shaders to the browser, at start and after a lost context. The interface's is waited for
// first (asked after the skin's, it would wait for their link too); false when it cannot be drawn: the
// page is told in plain words, the GL log goes to the console. A skin shader is reported when polled.
bool start_drawing() {
  std::string error;
  if (!g_platform.imgui_renderer.init(error) || !g_platform.imgui_renderer.link(error)) {
    log_error(error);
    emit("error", {{"kind", "startup"}, {"message", "this device's graphics could not draw the widget (the browser console has the details)"}});
    return false;
  }
  if (!g_platform.renderer.init(error, g_platform.parallel_compile)) {
    log_error(error);
    emit("error", {{"kind", "shader"}, {"message", error}});
  }
  return true;
}

void frame() {
  const double now = sd_now_ms();
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
  if (g_platform.context_lost || !(g_state.needs_frame || settling || app::animating(g_state))) return;

  const double start = sd_now_ms();
  const app::Layout layout = app::compute_layout(g_state.viewport, g_state.mode, g_state.view, g_platform.theme.font_scale);
  if (std::abs(layout.em - g_platform.font_em) > 0.5f || g_platform.font_em == 0.0f) build_font(layout.em, g_state.viewport.pixel_ratio);
  const app::Scene scene = app::build_scene(g_state, layout);

  ImGui_ImplSDL2_NewFrame();
  apply_touch_to_imgui();
  ImGui::NewFrame();
  const auto actions = ui::draw_ui(g_state, layout, scene);
  ImGui::Render();

  g_state.needs_frame = false;
  const app::View before = g_state.view;
  for (const auto& a : actions) {
    std::string error;
    if (!app::apply(g_state, a, &error)) log_error(error);
  }
  if (g_state.view != before) emit("viewchange", {{"view", app::view_id(g_state.view)}});
  for (const auto& e : g_state.outbox) emit(e["name"].get<std::string>().c_str(), e["detail"]);
  g_state.outbox.clear();
  if (!actions.empty()) g_state.needs_frame = true;

  // The skin shaders may still be compiling in the background: the interface is drawn meanwhile,
  // and frames keep coming until the picture can be drawn.
  std::string shader_error;
  const render::LinkState shaders = g_platform.renderer.poll(shader_error);
  if (shaders == render::LinkState::kPending) g_state.needs_frame = true;
  if (!shader_error.empty()) {  // said once: the poll that found the failure
    log_error(shader_error);
    emit("error", {{"kind", "shader"}, {"message", shader_error}});
    g_state.notices.push_back(g_state.ui("app.drawing_failed"));  // the interface still works
    g_state.needs_frame = true;
  }
  // The pace of frames drawn back to back lets the renderer trade resolution for speed; after a
  // pause (nothing asked for this frame) it is unknown. A slow machine's frames can be seconds apart:
  // they count too when the previous frame asked for this one.
  const double interval = g_platform.drew_on ? start - g_platform.last_draw_ms : 25.0;
  g_platform.last_draw_ms = start;
  g_platform.renderer.set_frame_interval(interval);
  g_platform.renderer.draw(scene, g_state.viewport.fb_width(), g_state.viewport.fb_height(), g_state.viewport.pixel_ratio);
  if (g_platform.renderer.refining()) g_state.needs_frame = true;  // the still picture is not complete yet
  g_platform.drew_on = g_state.needs_frame || app::animating(g_state);
  g_platform.imgui_renderer.draw(ImGui::GetDrawData());
  ++g_platform.frames_drawn;
  g_platform.last_frame_cpu_ms = sd_now_ms() - start;
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

}  // namespace

// --- [SECTION] Exports for web/skindepth.js ----------------------------------------------------------
extern "C" {

// `files_json`: {"areas.json": "<text>", ...}. Valid content replaces the built-in content; invalid
// content is reported and the built-in content stays. Returns {"ok", "errors": [...]}.
EMSCRIPTEN_KEEPALIVE const char* sd_load_content(const char* files_json) {
  nlohmann::json reply = {{"ok", false}, {"errors", nlohmann::json::array()}};
  auto files_doc = nlohmann::json::parse(files_json ? files_json : "", nullptr, false);
  content::FileMap files;
  if (files_doc.is_object()) {
    for (auto it = files_doc.begin(); it != files_doc.end(); ++it)
      if (it->is_string()) files[it.key()] = it->get<std::string>();
  }
  auto result = content::load(files);
  if (result.ok()) {
    g_loaded = std::make_unique<core::Content>(std::move(result.content));
    g_state.content = g_loaded.get();
    reply["ok"] = true;
  } else {
    for (const auto& e : result.errors) {
      reply["errors"].push_back({{"file", e.file}, {"pointer", e.pointer}, {"message", e.message}});
      log_error("content: " + e.to_string());
    }
    g_state.content = &content::default_content();
    g_state.notices.push_back(g_state.ui("app.content_fallback"));
    // The first problems, as a spa's editor needs them (all of them are in the console).
    for (std::size_t i = 0; i < result.errors.size() && i < 3; ++i) g_state.notices.push_back(result.errors[i].to_string());
    if (result.errors.size() > 3)
      g_state.notices.push_back("+" + std::to_string(result.errors.size() - 3) + " more (see the browser console)");
    emit("error", {{"kind", "content_invalid"}, {"errors", reply["errors"]}});
  }
  g_state.needs_frame = true;
  g_reply = reply.dump();
  return g_reply.c_str();
}

// A host command as JSON text (see app/commands.h); returns the JSON reply.
EMSCRIPTEN_KEEPALIVE const char* sd_command(const char* command_json) {
  // Statistics for benchmarks and tests are the platform's, not the app's.
  const auto parsed = nlohmann::json::parse(command_json ? command_json : "", nullptr, false);
  const std::string cmd = parsed.is_object() && parsed.contains("cmd") && parsed["cmd"].is_string() ? parsed["cmd"].get<std::string>() : "";
  if (cmd == "setTheme") {
    // Branding: accent colour "#rrggbb", corner radius in em, font scale. Checked, then applied on
    // the next frame (style and, when the scale changes, the font atlas).
    ui::Theme theme = g_platform.theme;
    std::string error;
    if (parsed.contains("accent")) {
      const auto& v = parsed["accent"];
      unsigned r = 0, g = 0, b = 0;
      if (!v.is_string() || v.get<std::string>().size() != 7 || std::sscanf(v.get<std::string>().c_str(), "#%2x%2x%2x", &r, &g, &b) != 3)
        error = "accent must be a colour like \"#8c4a5c\"";
      theme.accent[0] = r / 255.0f;
      theme.accent[1] = g / 255.0f;
      theme.accent[2] = b / 255.0f;
    }
    if (parsed.contains("radius")) {
      if (!parsed["radius"].is_number() || parsed["radius"].get<double>() < 0 || parsed["radius"].get<double>() > 2) error = "radius must be 0 to 2 (em)";
      else theme.corner_radius_em = parsed["radius"].get<float>();
    }
    if (parsed.contains("fontScale")) {
      if (!parsed["fontScale"].is_number() || parsed["fontScale"].get<double>() < 0.75 || parsed["fontScale"].get<double>() > 2) error = "fontScale must be 0.75 to 2";
      else theme.font_scale = parsed["fontScale"].get<float>();
    }
    if (!error.empty()) {
      log_error(error);
      g_reply = nlohmann::json({{"ok", false}, {"error", error}}).dump();
      return g_reply.c_str();
    }
    g_platform.theme = theme;
    g_platform.font_em = 0.0f;  // rebuild style (and font) on the next frame
    g_state.needs_frame = true;
    g_reply = nlohmann::json({{"ok", true}}).dump();
    return g_reply.c_str();
  }
  if (cmd == "getStats" || cmd == "resetStats") {
    nlohmann::json stats = {{"ok", true},
                            {"frames_drawn", g_platform.frames_drawn},
                            {"frame_ms", g_platform.frame_ms},
                            {"wasm_heap_bytes", emscripten_get_heap_size()},
                            {"wasm_malloc_bytes", mallinfo().uordblks},  // in use: a leak shows here first
                            {"context_lost", g_platform.context_lost}};
    if (cmd == "resetStats") g_platform.frame_ms.clear();
    g_reply = stats.dump();
    return g_reply.c_str();
  }
  nlohmann::json events = nlohmann::json::array();
  g_reply = app::run_command_text(g_state, command_json ? command_json : "", events);
  if (g_reply.find("\"ok\":true") != std::string::npos) {
    nlohmann::json stats = {{"frames_drawn", g_platform.frames_drawn}, {"last_frame_ms", g_platform.last_frame_cpu_ms}};
    auto reply = nlohmann::json::parse(g_reply);
    reply["stats"] = stats;
    g_reply = reply.dump();
  }
  emit_events(events);
  // A question (getState, getChoices, getQuestionnaire, getPlan) changes nothing on screen: no frame.
  // The page's accessible mirror asks them after each change; each asked for a frame before.
  if (cmd.rfind("get", 0) != 0) g_state.needs_frame = true;
  return g_reply.c_str();
}

// The host tells the widget its CSS size and pixel ratio (ResizeObserver, orientation change).
EMSCRIPTEN_KEEPALIVE void sd_resize(int css_width, int css_height, double pixel_ratio) {
  (void)pixel_ratio;  // SDL reads devicePixelRatio itself with SDL_WINDOW_ALLOW_HIGHDPI
  if (g_platform.window && css_width > 0 && css_height > 0) SDL_SetWindowSize(g_platform.window, css_width, css_height);
  g_state.needs_frame = true;
}

}  // extern "C"

int main() {
  sd_bind_canvas();
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touch is handled in process_events
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
  g_platform.window = SDL_CreateWindow("SkinDepth", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                       css_w > 1 ? static_cast<int>(css_w) : 800, css_h > 1 ? static_cast<int>(css_h) : 600,
                                       SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  g_platform.gl = g_platform.window ? SDL_GL_CreateContext(g_platform.window) : nullptr;
  if (!g_platform.gl) {
    log_error(std::string("WebGL2 is not available: ") + SDL_GetError());
    emit("error", {{"kind", "webgl_unavailable"}, {"message", "This browser could not start WebGL2."}});
    return 1;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(g_platform.window, g_platform.gl);
  g_platform.parallel_compile =
      emscripten_webgl_enable_extension(emscripten_webgl_get_current_context(), "KHR_parallel_shader_compile");
  if (!start_drawing()) return 1;  // never "ready": the page shows the failure
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, on_context_restored);
  if (!g_state.content) g_state.content = &content::default_content();  // the host may have loaded its own
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
