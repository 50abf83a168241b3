// Drawn over the skin, under the panels: the millimetre ruler and the layer names; and the
// drawing's own input (wheel and pinch zoom, drag to pan) when ImGui does not want the mouse.
#include "ui/panels.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace skindepth::ui {

namespace {

void draw_ruler(ImDrawList* dl, const app::SkinPane& pane, float em) {
  const auto& m = pane.map;
  const float x = m.rect.x + em * 0.4f;
  const ImU32 ink = IM_COL32(60, 45, 50, 230);
  const double top_mm = std::max(0.0, m.depth0_mm);
  const double bottom_mm = m.depth_mm(m.rect.y + m.rect.h);
  // A tick each 0.1 mm, labels each 0.5 mm (each 0.1 mm once zoomed in far enough).
  const bool fine = m.px_per_mm > em * 8.0;
  dl->AddRectFilled(ImVec2(x - em * 0.2f, m.to_y(top_mm)), ImVec2(x + em * 2.6f, m.to_y(bottom_mm)), IM_COL32(255, 255, 255, 150), em * 0.2f);
  dl->AddLine(ImVec2(x, m.to_y(top_mm)), ImVec2(x, m.to_y(bottom_mm)), ink, 1.5f);
  for (int i = static_cast<int>(std::ceil(top_mm * 10)); i <= static_cast<int>(bottom_mm * 10); ++i) {
    const float y = m.to_y(i / 10.0);
    const bool major = i % 5 == 0;
    const bool label = major || (fine && m.px_per_mm > em * 14.0);
    dl->AddLine(ImVec2(x, y), ImVec2(x + (major ? em * 0.7f : em * 0.35f), y), ink, major ? 1.5f : 1.0f);
    if (label && (major || fine)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, i == 0 ? "0 mm" : "%.1f", i / 10.0);
      dl->AddText(ImVec2(x + em * 0.8f, y - em * 0.5f), ink, buf);
    }
  }
}

}  // namespace

void draw_scene_overlay(const app::AppState& state, const app::Layout& layout, const app::Scene& scene, Actions& out) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float em = ImGui::GetFontSize();
  for (const auto& pane : scene.panes) {
    dl->PushClipRect(ImVec2(pane.map.rect.x, pane.map.rect.y),
                     ImVec2(pane.map.rect.x + pane.map.rect.w, pane.map.rect.y + pane.map.rect.h), true);
    draw_ruler(dl, pane, em);
    dl->PopClipRect();
  }
  // Input on the drawing: wheel zooms, drag pans (only when no panel wants the mouse).
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantCaptureMouse && layout.scene.contains(io.MousePos.x, io.MousePos.y) && !scene.panes.empty()) {
    const auto& m = scene.panes.front().map;
    if (io.MouseWheel != 0.0f) out.push_back(action(app::Action::Kind::Zoom, {}, std::pow(1.15, io.MouseWheel)));
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
      out.push_back(action(app::Action::Kind::Pan, {}, -io.MouseDelta.x / m.px_per_mm, -io.MouseDelta.y / m.px_per_mm));
  }
}

}  // namespace skindepth::ui
