// The cross-section's controls and result: body area, needle length (0.25 mm steps), a second
// needle to compare, stamping; the layer reached, warnings, the structures the tip passes (each
// opens its card with sources) and the notes on real penetration and the clinician's choice.
#include "ui/panels.h"
#include "ui/ui.h"

#include "app/present.h"
#include "core/depth.h"

#include <imgui.h>

#include <cmath>

namespace skindepth::ui {

namespace {

// A slider over the lengths the content offers (devices.json), in millimetres; returns the new
// length when moved.
bool needle_slider(const char* id, double mm, const core::NeedleCatalog& needles, double& out) {
  const auto lengths = needles.lengths_mm();
  if (lengths.empty()) return false;
  int index = 0;
  for (int i = 0; i < static_cast<int>(lengths.size()); ++i)
    if (std::abs(lengths[i] - mm) < std::abs(lengths[index] - mm)) index = i;
  const bool moved = slider_int(id, index, 0, static_cast<int>(lengths.size()) - 1,
                                [&](int i) { return app::mm_text(lengths[i]); });
  if (moved) out = lengths[index];
  return moved;
}

void sourced(const app::AppState& state, const core::SourcedText* t) {
  if (!t) return;
  text_wrapped(t->text.get(state.language));
  sources_line(state, t->sources);
}

}  // namespace

void draw_cross_section_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##cross", layout.panel)) {
    const auto& lang = state.language;
    const core::SkinModel* skin = state.content ? &state.content->skin : nullptr;
    const core::BodyArea* area = skin ? skin->find_area(state.cross.area_id) : nullptr;
    if (!skin || !area) {
      text_wrapped(state.ui("app.loading"));
      end_panel();
      return;
    }
    // Area and needle.
    ImGui::TextUnformatted(state.ui("cross.area").c_str());
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##area", area->name.get(lang).c_str(), ImGuiComboFlags_HeightLarge)) {
      for (const auto& a : skin->areas)
        if (tap_row(a.name.get(lang).c_str(), a.id == area->id)) out.push_back(app::act::SetArea{a.id});
      ImGui::EndCombo();
    }
    // The device: a pen or a stamp stamps, a roller rolls.
    const core::Device* device = skin->needles.find_device(state.cross.device_id);
    if (!skin->needles.devices.empty()) {
      ImGui::TextUnformatted(state.ui("cross.device").c_str());
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##device", device ? device->name.get(lang).c_str() : state.cross.device_id.c_str())) {
        for (const auto& d : skin->needles.devices)
          if (tap_row(d.name.get(lang).c_str(), device && d.id == device->id))
            out.push_back(app::act::SetDevice{d.id});
        ImGui::EndCombo();
      }
    }
    ImGui::TextUnformatted(state.ui("cross.needle").c_str());
    double mm = 0.0;
    if (needle_slider("##needle", state.cross.needle_mm, skin->needles, mm)) out.push_back(app::act::SetNeedle{mm, false});
    bool comparing = state.cross.comparing;
    if (ImGui::Checkbox(state.ui("cross.compare").c_str(), &comparing))
      out.push_back(app::act::SetCompare{comparing});
    if (state.cross.comparing) {
      ImGui::TextUnformatted(state.ui("cross.compare_needle").c_str());
      if (needle_slider("##compare", state.cross.compare_mm, skin->needles, mm))
        out.push_back(app::act::SetNeedle{mm, true});
    } else {
      // The loupe: one pane only (two side by side leave no room for it).
      bool loupe = state.cross.loupe;
      if (ImGui::Checkbox(state.ui("cross.loupe").c_str(), &loupe)) out.push_back(app::act::SetLoupe{loupe});
    }
    concern_picker(state, out);
    const bool rolls = app::rolling_device(state);
    switch (button_pair(state.ui(rolls ? "cross.roll" : "cross.stamp"), state.ui("cross.reset_view"))) {
      case 1: out.push_back(app::act::Stamp{}); break;
      case 2: out.push_back(app::act::ResetView{}); break;
      default: break;
    }

    // The result for the first needle.
    const auto result = core::query_depth(*area, *skin, state.cross.needle_mm);
    ImGui::Separator();
    const std::string usual = state.ui("cross.usual_range") + ": " + app::span_text({area->usual_depth_mm.min, area->usual_depth_mm.max}, 2, " mm");
    ImGui::TextUnformatted(usual.c_str());
    if (result.within_usual_range) text_wrapped(state.ui("cross.within_range"));
    for (const auto& w : result.warnings) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(kWarningText.r, kWarningText.g, kWarningText.b, 1.0f));
      text_wrapped(w.text.get(lang));
      ImGui::PopStyleColor();
      sources_line(state, w.sources);
    }
    if (!area->caution.empty()) text_wrapped(area->caution.get(lang));
    sources_line(state, area->sources);

    // Structures on the way down, each with its card.
    ImGui::Separator();
    ImGui::TextUnformatted(state.ui("cross.structures").c_str());
    for (const auto& id : result.structures_passed) {
      const core::Structure* s = skin->find_structure(id);
      if (!s) continue;
      const bool open = state.cross.selected_structure == id;
      if (tap_row(s->name.get(lang).c_str(), open))
        out.push_back(app::act::SelectStructure{open ? std::string() : id});
      if (open) {
        ImGui::Indent();
        text_wrapped(s->card.get(lang));
        sources_line(state, s->sources);
        ImGui::Unindent();
      }
    }
    ImGui::Separator();
    if (device) {
      text_wrapped(device->description.get(lang));
      if (rolls) text_wrapped(state.ui("cross.roller_note"));
      sources_line(state, device->sources);
    }
    sourced(state, skin->needles.find_note("real_penetration"));
    sourced(state, skin->needles.find_note("clinician_sets_depth"));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped(state.ui("cross.zoom_hint"));
    if (state.mode == app::Mode::Staff) text_wrapped(state.ui("staff.keys"));
    ImGui::PopStyleColor();
    disclaimer(state);
  }
  end_panel();
}

}  // namespace skindepth::ui
