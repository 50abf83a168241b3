// Hit targets through Dear ImGui's item hooks (the IMGUI_ENABLE_TEST_ENGINE build option, which
// only calls these functions): every item with an id that ImGui adds is a control a pointer can hit,
// except a child window's own frame.
#include "ui/targets.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

namespace skindepth::ui {

namespace {
std::vector<HitTarget> g_collecting;  // the frame being drawn, then (between frames) the last one
NumberField g_number_field;
ImGuiID g_last_id = 0;
}  // namespace

void begin_hit_targets() {
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  if (!ctx) return;
  ctx->TestEngineHookItems = true;
  g_collecting.clear();
  g_last_id = 0;
  g_number_field = NumberField();
}

void set_number_field(const NumberField& field) { g_number_field = field; }
const NumberField& number_field() { return g_number_field; }

const std::vector<HitTarget>& hit_targets() { return g_collecting; }

void label_last_target(const std::string& label) {
  ImGuiContext* ctx = ImGui::GetCurrentContext();
  if (ctx && !g_collecting.empty() && g_last_id == ctx->LastItemData.ID) g_collecting.back().label = label;
}

}  // namespace skindepth::ui

using skindepth::ui::g_collecting;

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, const ImRect& bb, ImGuiID id) {
  ImGuiWindow* window = ctx->CurrentWindow;
  if (!window || id == 0 || window->IsFallbackWindow) return;  // ImGui's implicit "Debug" window is never shown
  for (ImGuiWindow* child : window->DC.ChildWindows)
    if (child->ChildId == id) return;  // the frame of a child window, not a control
  if (!bb.Overlaps(window->ClipRect)) return;  // scrolled away or clipped out
  char hex[16];
  std::snprintf(hex, sizeof hex, "#%08X", id);
  skindepth::ui::g_collecting.push_back({hex, bb.Min.x, bb.Min.y, bb.GetWidth(), bb.GetHeight()});
  skindepth::ui::g_last_id = id;
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
  if (id != skindepth::ui::g_last_id || g_collecting.empty() || !label) return;
  const char* end = ImGui::FindRenderedTextEnd(label);  // the shown part, before any "##id"
  if (end != label) g_collecting.back().label.assign(label, end);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
