// The cross-section's controls: body area, needle length, compare, stamp; and the result.
#include "ui/panels.h"

#include <imgui.h>

#include <cstdio>

namespace skindepth::ui {

void draw_cross_section_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##cross", layout.panel)) {
    const auto& lang = state.language;
    ImGui::TextUnformatted(state.ui("app.title").c_str());
    ImGui::Separator();
    const core::BodyArea* area = state.content ? state.content->skin.find_area(state.cross.area_id) : nullptr;
    if (state.content && !state.content->skin.areas.empty()) {
      const std::string current = area ? area->name.get(lang) : state.cross.area_id;
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##area", current.c_str())) {
        for (const auto& a : state.content->skin.areas)
          if (ImGui::Selectable(a.name.get(lang).c_str(), a.id == state.cross.area_id))
            out.push_back(action(app::Action::Kind::SetArea, a.id));
        ImGui::EndCombo();
      }
    }
    float mm = static_cast<float>(state.cross.needle_mm);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##needle", &mm, 0.25f, 2.5f, "%.2f mm"))
      out.push_back(action(app::Action::Kind::SetNeedle, {}, app::snap_needle(mm)));
    if (ImGui::Button(state.ui("cross.stamp").c_str())) out.push_back(action(app::Action::Kind::Stamp));
    disclaimer(state);
  }
  end_panel();
}

}  // namespace skindepth::ui
