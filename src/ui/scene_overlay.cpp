// Drawn over the skin, under the panels: the millimetre ruler, the layer names, the needle's depth
// line with its label (layer reached, depth of total skin) and warnings; and the drawing's own
// input (wheel and pinch zoom, drag to pan) when ImGui does not want the mouse.
#include "ui/panels.h"

#include "app/present.h"

#include "app/picking.h"
#include "core/depth.h"
#include "core/timeline.h"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>

namespace skindepth::ui {

namespace {

constexpr ImU32 kInk = IM_COL32(52, 38, 44, 235);

void draw_ruler(ImDrawList* dl, const app::SkinPane& pane, float em) {
  const auto& m = pane.map;
  const float x = m.rect.x + em * 0.3f;
  const double top_mm = std::max(0.0, m.depth0_mm);
  const double bottom_mm = m.depth_mm(m.rect.y + m.rect.h);
  // Ticks every 0.1 mm, labels every 0.5 mm (every 0.1 mm once zoomed in far enough); in the loupe,
  // ticks every 0.01 mm and labels every 0.05 mm.
  const bool hundredths = m.px_per_mm * 0.01 > em * 0.45;
  const int per_mm = hundredths ? 100 : 10;
  const bool fine_labels = !hundredths && m.px_per_mm * 0.1 > em * 1.6;
  dl->AddRectFilled(ImVec2(x - em * 0.3f, m.to_y(top_mm)), ImVec2(x + em * (hundredths ? 2.8f : 2.3f), m.to_y(bottom_mm)), IM_COL32(255, 255, 255, 120));
  dl->AddLine(ImVec2(x, m.to_y(top_mm)), ImVec2(x, m.to_y(bottom_mm)), kInk, 1.5f);
  for (int i = static_cast<int>(std::ceil(top_mm * per_mm)); i <= static_cast<int>(bottom_mm * per_mm); ++i) {
    const float y = m.to_y(static_cast<double>(i) / per_mm);
    const bool major = i % 5 == 0;
    dl->AddLine(ImVec2(x, y), ImVec2(x + (major ? em * 0.6f : em * 0.3f), y), kInk, major ? 1.5f : 1.0f);
    if (major || fine_labels) {
      char buf[16];
      std::snprintf(buf, sizeof buf, i == 0 ? "0 mm" : (hundredths ? "%.2f" : "%.1f"), static_cast<double>(i) / per_mm);
      dl->AddText(ImVec2(x + em * 0.7f, y - em * 0.5f), kInk, buf);
    }
  }
}

// The loupe's frame, and its name with its magnification just above its top right corner.
void draw_loupe_frame(ImDrawList* dl, const app::AppState& state, const app::SkinPane& pane, float em) {
  const auto& r = pane.map.rect;
  dl->AddRect(ImVec2(r.x - 1.0f, r.y - 1.0f), ImVec2(r.x + r.w + 1.0f, r.y + r.h + 1.0f), kInk, em * 0.2f, 0, 2.5f);
  char label[96];
  std::snprintf(label, sizeof label, "%s \xC3\x97%.0f", state.ui("cross.loupe_label").c_str(), pane.magnification);
  const ImVec2 size = ImGui::CalcTextSize(label);
  const ImVec2 p(r.x + r.w - size.x - em * 0.35f, r.y - size.y - em * 0.4f);
  dl->AddRectFilled(ImVec2(p.x - em * 0.35f, p.y - em * 0.15f), ImVec2(p.x + size.x + em * 0.35f, p.y + size.y + em * 0.15f), kInk, em * 0.3f);
  dl->AddText(p, IM_COL32(255, 255, 255, 255), label);
}

// Layer names at the right edge, where a band is tall enough to hold one.
void draw_layer_names(ImDrawList* dl, const app::AppState& state, const app::SkinPane& pane, float em) {
  const auto& m = pane.map;
  const float right = m.rect.x + m.rect.w - em * 0.5f;
  for (int i = 0; i < core::kLayerCount; ++i) {
    const float top = std::max(m.to_y(pane.bounds_mm[i]), m.rect.y);
    const float bottom = std::min(m.to_y(pane.bounds_mm[i + 1]), m.rect.y + m.rect.h);
    if (bottom - top < em * 1.3f && i > 0) continue;
    const std::string name = state.ui("layer." + std::string(core::layer_id(static_cast<core::Layer>(i))));
    const ImVec2 size = ImGui::CalcTextSize(name.c_str());
    float y = (top + bottom) / 2.0f - size.y / 2.0f;
    if (i == 0) y = m.to_y(0.0) - size.y - em * 0.2f;  // the thin top layer: named just above the surface
    const ImVec2 p(right - size.x, y);
    dl->AddRectFilled(ImVec2(p.x - em * 0.3f, p.y - em * 0.1f), ImVec2(right + em * 0.3f, p.y + size.y + em * 0.1f),
                      IM_COL32(255, 255, 255, 200), em * 0.3f);
    dl->AddText(p, kInk, name.c_str());
  }
}

// The needle's depth: a dashed line across the pane and the label at its tip.
void draw_depth_label(ImDrawList* dl, const app::AppState& state, const app::SkinPane& pane, float em) {
  const core::BodyArea* area = state.content ? state.content->skin.find_area(state.cross.area_id) : nullptr;
  if (!area || pane.needle_mm <= 0.0) return;
  const auto result = core::query_depth(*area, state.content->skin, pane.needle_mm);
  const auto& m = pane.map;
  const float y = m.to_y(pane.needle_mm);
  const bool warn = result.above_usual_range || result.above_ceiling || result.beyond_dermis;
  const ImU32 colour = warn ? IM_COL32(178, 34, 52, 255) : IM_COL32(40, 92, 160, 255);
  for (float x = m.rect.x + em * 2.6f; x < m.rect.x + m.rect.w; x += em * 0.9f)
    dl->AddLine(ImVec2(x, y), ImVec2(std::min(x + em * 0.5f, m.rect.x + m.rect.w), y), colour, 2.0f);
  char label[192];
  const std::string layer = state.ui("layer." + std::string(core::layer_id(result.tip_layer)));
  std::snprintf(label, sizeof label, "%s \xE2\x80\x94 %.2f mm %s %.2f mm", layer.c_str(), pane.needle_mm,
                state.ui("cross.tip_of").c_str(), result.skin_mm);
  float lx = m.rect.x + em * 3.0f;
  // A narrow pane (two side by side on a phone) takes the label on two lines: layer, then depth.
  if (ImGui::CalcTextSize(label).x > m.rect.x + m.rect.w - lx - em * 0.6f)
    std::snprintf(label, sizeof label, "%s\n%.2f mm %s %.2f mm", layer.c_str(), pane.needle_mm,
                  state.ui("cross.tip_of").c_str(), result.skin_mm);
  const ImVec2 size = ImGui::CalcTextSize(label);
  float ly = y + em * 0.35f;
  if (ly + size.y > m.rect.y + m.rect.h - em * 0.3f) ly = y - size.y - em * 0.45f;
  dl->AddRectFilled(ImVec2(lx - em * 0.4f, ly - em * 0.2f), ImVec2(lx + size.x + em * 0.4f, ly + size.y + em * 0.2f),
                    colour, em * 0.35f);
  dl->AddText(ImVec2(lx, ly), IM_COL32(255, 255, 255, 255), label);
}

// The structure at a depth in the chosen area: the one with the narrowest span there (for content
// that lacks the structure the drawing shows at the point).
std::string pick_by_depth(const app::AppState& state, double depth) {
  const core::BodyArea* area = state.content ? state.content->skin.find_area(state.cross.area_id) : nullptr;
  if (!area || depth < 0.0) return {};
  std::string best;
  double best_span = 1e9;
  for (const auto& s : state.content->skin.structures) {
    const auto span = core::structure_span_mm(*area, s);
    if (depth >= span.min && depth <= span.max && span.max - span.min < best_span) {
      best_span = span.max - span.min;
      best = s.id;
    }
  }
  return best;
}

// What a card shows: a structure's, or a concern picture's, name, text and sources.
struct Card {
  std::string id;
  const core::Text* name = nullptr;
  const core::Text* text = nullptr;
  const std::vector<std::string>* sources = nullptr;
};

std::optional<Card> card_of(const app::AppState& state, const std::string& id) {
  if (!state.content || id.empty()) return std::nullopt;
  if (const core::Structure* s = state.content->skin.find_structure(id)) return Card{s->id, &s->name, &s->card, &s->sources};
  if (const core::ConcernPicture* c = state.content->skin.find_concern(id)) return Card{c->id, &c->name, &c->card, &c->sources};
  return std::nullopt;
}

// The structure drawn under a point of the scene (CSS pixels), within `slop_px` of its outline.
std::optional<Card> pick_structure(const app::AppState& state, const app::Scene& scene, ImVec2 at, float slop_px) {
  if (!state.content) return std::nullopt;
  for (auto it = scene.panes.rbegin(); it != scene.panes.rend(); ++it) {  // the loupe, on top, first
    const auto& pane = *it;
    const auto& m = pane.map;
    if (!m.rect.contains(at.x, at.y)) continue;
    const double depth = m.depth_mm(at.y);
    const std::string id = app::structure_at(pane, m.x_mm(at.x), depth, slop_px / m.px_per_mm);
    if (auto card = card_of(state, id)) return card;
    return card_of(state, pick_by_depth(state, app::layer_depth_mm(pane, m.x_mm(at.x), depth)));
  }
  return std::nullopt;
}

// The concern drawn in the skin: its name over its middle, marked as an illustration.
void draw_concern_label(ImDrawList* dl, const app::AppState& state, const app::SkinPane& pane, float em) {
  const auto card = card_of(state, pane.concern.id);
  if (!pane.concern.drawn() || !card) return;
  const auto& m = pane.map;
  std::string label = card->name->get(state.language) + " \xC2\xB7 " + state.ui("concern.illustration");
  if (state.view == app::View::Timeline && pane.concern.before_depth_mm > 0.0) label += "\n" + state.ui("concern.before_outline");
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  // At the pane's foot beside the ruler: the device stands above the skin, the loupe at the right.
  const ImVec2 p(m.rect.x + em * 3.2f, m.rect.y + m.rect.h - size.y - em * 0.7f);
  dl->AddRectFilled(ImVec2(p.x - em * 0.4f, p.y - em * 0.2f), ImVec2(p.x + size.x + em * 0.4f, p.y + size.y + em * 0.2f),
                    IM_COL32(255, 255, 255, 225), em * 0.35f);
  dl->AddText(p, IM_COL32(40, 60, 120, 255), label.c_str());
}

// The picked structure's card, over the drawing's top-left corner, with its sources.
void draw_structure_card(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (state.view != app::View::CrossSection || state.cross.selected_structure.empty() || !state.content) return;
  const auto card = card_of(state, state.cross.selected_structure);
  if (!card) return;
  const float em = ImGui::GetFontSize();
  const float w = std::min(layout.scene.w - em * 4.0f, em * 20.0f);
  ImGui::SetNextWindowPos(ImVec2(layout.scene.x + em * 3.2f, layout.scene.y + em * 0.6f));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::SetNextWindowBgAlpha(0.96f);
  if (ImGui::Begin("##structure_card", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(card->name->get(state.language).c_str());
    ImGui::Separator();
    text_wrapped(card->text->get(state.language));
    sources_line(state, *card->sources);
    if (compact_button(state.ui("common.close"))) out.push_back(app::act::SelectStructure{});
  }
  ImGui::End();
}

}  // namespace

void draw_scene_overlay(const app::AppState& state, const app::Layout& layout, const app::Scene& scene, bool touch, Actions& out) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float em = ImGui::GetFontSize();
  const app::SkinPane* loupe = !scene.panes.empty() && scene.panes.back().inset ? &scene.panes.back() : nullptr;
  for (const auto& pane : scene.panes) {
    const auto& r = pane.map.rect;
    // A pane under the loupe is drawn in two parts around it: above it, and beside it.
    std::vector<ImVec4> clips{{r.x, r.y, r.x + r.w, r.y + r.h}};
    if (loupe && !pane.inset) {
      const auto& l = loupe->map.rect;
      clips = {{r.x, r.y, r.x + r.w, l.y - 1.0f}, {r.x, l.y - 1.0f, l.x - 1.0f, r.y + r.h}};
    }
    for (const ImVec4& c : clips) {
      dl->PushClipRect(ImVec2(c.x, c.y), ImVec2(c.z, c.w), true);
      draw_ruler(dl, pane, em);
      draw_layer_names(dl, state, pane, em);
      if (state.view == app::View::CrossSection && !pane.inset) draw_depth_label(dl, state, pane, em);
      if (!pane.inset) draw_concern_label(dl, state, pane, em);
      dl->PopClipRect();
    }
    if (pane.inset) draw_loupe_frame(dl, state, pane, em);
  }
  if (state.view == app::View::Timeline && state.content && !scene.panes.empty()) {
    // The moment shown, large, at the top of the drawing.
    const auto sample = core::sample(state.content->timeline, app::course_of(state), state.timeline.t_hours);
    const core::PhaseInfo* phase = state.content->timeline.find_phase(sample.phase);
    const std::string label = app::time_text(state, sample.hours_since_session) + " \xE2\x80\x94 " + (phase ? phase->name.get(state.language) : "");
    const auto& r = scene.panes.front().map.rect;
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    const ImVec2 p(r.x + (r.w - size.x) / 2, r.y + em * 0.5f);
    dl->AddRectFilled(ImVec2(p.x - em * 0.6f, p.y - em * 0.25f), ImVec2(p.x + size.x + em * 0.6f, p.y + size.y + em * 0.25f),
                      IM_COL32(255, 255, 255, 230), em * 0.5f);
    dl->AddText(p, kInk, label.c_str());
  }
  // Input on the drawing: a mouse drag pans (fingers: two, see input.h; the wheel zooms there too), a
  // tap or click picks the structure under it (only when no panel wants the mouse).
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantCaptureMouse && layout.scene.contains(io.MousePos.x, io.MousePos.y) && !scene.panes.empty()) {
    const auto& m = scene.panes.front().map;
    if (!touch && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f))
      out.push_back(app::act::Pan{-io.MouseDelta.x / m.px_per_mm, -io.MouseDelta.y / m.px_per_mm});
    // Hover: the structure under the pointer, named beside it (a tap or click opens its card).
    if (!touch && state.view == app::View::CrossSection && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      const auto hovered = pick_structure(state, scene, io.MousePos, em * 0.15f);
      if (hovered) ImGui::SetTooltip("%s\n%s", hovered->name->get(state.language).c_str(), state.ui("cross.hover_hint").c_str());
    }
    const float drag = std::sqrt(io.MouseDragMaxDistanceSqr[0]);
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && drag < em * 0.5f && state.view == app::View::CrossSection) {
      // A fingertip covers more than a pointer: thin vessels and glands are found within 0.4 em.
      if (const auto picked = pick_structure(state, scene, io.MousePos, em * 0.4f))
        out.push_back(app::act::SelectStructure{picked->id});
    }
  }
  draw_structure_card(state, layout, out);
}

}  // namespace skindepth::ui
