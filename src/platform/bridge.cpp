// The host page bridge (see platform.h): the functions web/ calls (content, commands, size) and the
// events the widget sends back. Strings pass through: commands are read and answered in
// app/commands.cpp, content in content/loader.cpp.
#include "platform/platform.h"

#include "app/commands.h"
#include "content/embedded.h"
#include "content/loader.h"
#include "core/json_text.h"
#include "ui/targets.h"

#include <emscripten.h>
#include <emscripten/heap.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <malloc.h>

#include <cmath>
#include <cstdio>

// Each widget is its own module instance; the page's listener is Module.onWidgetEvent.
EM_JS(void, sd_emit, (const char* name, const char* detail_json), {
  if (Module["onWidgetEvent"]) Module["onWidgetEvent"](UTF8ToString(name), UTF8ToString(detail_json));
});
EM_JS(double, sd_now_ms, (), { return performance.now(); });

namespace skindepth::platform {

namespace {
// The controls of the last frame drawn, in CSS pixels (tests check their size on touch screens).
nlohmann::json targets_json() {
  auto list = nlohmann::json::array();
  for (const auto& t : ui::hit_targets())
    list.push_back({{"label", t.label}, {"x", std::round(t.x * 10) / 10}, {"y", std::round(t.y * 10) / 10},
                    {"w", std::round(t.w * 10) / 10}, {"h", std::round(t.h * 10) / 10}});
  return list;
}

std::string g_reply;                      // holds the last string returned to JS

// Frame times and memory for benchmarks and tests (getStats), and the short form in every reply.
const app::HostHooks kHooks{
    [](bool full) {
      if (!full) return nlohmann::json{{"frames_drawn", g_platform.frames_drawn}, {"last_frame_ms", g_platform.last_frame_cpu_ms}};
      return nlohmann::json{{"frames_drawn", g_platform.frames_drawn},
                            {"frame_ms", g_platform.frame_ms},
                            {"wasm_heap_bytes", emscripten_get_heap_size()},
                            {"wasm_malloc_bytes", mallinfo().uordblks},  // in use: a leak shows here first
                            {"context_lost", g_platform.context_lost},
                            {"touch_screen", g_state.viewport.touch},
                            {"pixel_ratio", g_state.viewport.pixel_ratio},
                            {"moving_scale", g_platform.renderer.moving_scale()},
                            {"picture_ratio", g_platform.renderer.picture_ratio()},
                            {"ratio_cap", g_platform.ratio_cap},  // 0: the screen's own (app/resolution.h)
                            {"frame_pace_ms", g_platform.frame_pace_ms},
                            {"pictures_full", g_platform.renderer.pictures_full()},
                            // drawn hovered in the last frame (a hover colour stuck after a tap)
                            {"item_hovered", ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->HoveredId != 0},
                            {"targets", targets_json()}};
    },
    [] { g_platform.frame_ms.clear(); }};
}  // namespace

void emit(const char* name, const nlohmann::json& detail) { sd_emit(name, detail.dump().c_str()); }

void emit_outbox() {
  for (const auto& e : g_state.outbox) emit(e["name"].get<std::string>().c_str(), e["detail"]);
  g_state.outbox.clear();
}

void log_error(const std::string& message) { std::fprintf(stderr, "SkinDepth: %s\n", message.c_str()); }

double now_ms() { return sd_now_ms(); }

}  // namespace skindepth::platform

using namespace skindepth;
using platform::g_state;

extern "C" {

// `files_json`: {"areas.json": "<text>", ...}, given before the start. The start's steps parse it
// (sd_start_step): valid content replaces the built-in content; invalid content is reported
// (console, event, and the first problems in the widget) and the built-in content stays.
// Returns {"ok"}: false when `files_json` is not an object of texts.
EMSCRIPTEN_KEEPALIVE const char* sd_load_content(const char* files_json) {
  nlohmann::json reply = {{"ok", false}};
  auto files_doc = core::parse_json_or_discarded(files_json ? files_json : "");
  content::FileMap files;
  if (files_doc.is_object()) {
    for (auto it = files_doc.begin(); it != files_doc.end(); ++it)
      if (it->is_string()) files[it.key()] = it->get<std::string>();
    reply["ok"] = true;
  }
  platform::load_host_content(std::move(files));
  platform::g_reply = reply.dump();
  return platform::g_reply.c_str();
}

// A part of the built-in content the widget started without (app::parts_needed), fetched by the
// page when a view or a command needed it: `text` is the file, or null with `problem` saying why it
// could not be fetched. The part is checked before it is used; a part that fails stays missing and
// its view says so (with a way to try again). Returns {"ok"} and, when false, "error".
EMSCRIPTEN_KEEPALIVE const char* sd_add_content(const char* file, const char* text, const char* problem) {
  const std::string name = file ? file : "";
  nlohmann::json reply = {{"ok", true}};
  std::string error = problem ? problem : "";
  if (error.empty() && !text) error = "no text";
  if (error.empty() && !g_state.content) error = "the widget has not read its content yet";
  if (error.empty() && g_state.content->has_part(name)) error = "not a part the widget is waiting for";
  if (error.empty()) {
    const auto errors = content::add_default_part(name, text);
    if (!errors.empty()) error = errors.front().to_string();
  }
  if (error.empty()) {
    g_state.part_problems.erase(name);
  } else {
    g_state.part_problems[name] = error;
    platform::log_error("content: " + name + ": " + error);
    reply = {{"ok", false}, {"error", name + ": " + error}};
  }
  g_state.needs_frame = true;
  platform::g_reply = reply.dump();
  return platform::g_reply.c_str();
}

// A host command as JSON text (see app/commands.h); returns the JSON reply.
EMSCRIPTEN_KEEPALIVE const char* sd_command(const char* command_json) {
  std::vector<nlohmann::json> events;
  platform::g_reply = app::run_command(g_state, command_json ? command_json : "", events, platform::kHooks);
  for (const auto& e : events) platform::emit(e["name"].get<std::string>().c_str(), e["detail"]);
  return platform::g_reply.c_str();
}

// The host tells the widget its CSS size (ResizeObserver, orientation change); SDL reads the
// device pixel ratio itself (SDL_WINDOW_ALLOW_HIGHDPI).
EMSCRIPTEN_KEEPALIVE void sd_resize(int css_width, int css_height, double /*pixel_ratio*/) {
  if (platform::g_platform.window && css_width > 0 && css_height > 0)
    SDL_SetWindowSize(platform::g_platform.window, css_width, css_height);
  g_state.needs_frame = true;
}

}  // extern "C"
