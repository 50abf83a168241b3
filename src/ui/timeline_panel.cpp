// The healing timeline's controls and its card for the moment shown.
#include "ui/panels.h"

#include <imgui.h>

namespace skindepth::ui {

void draw_timeline_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##timeline", layout.panel)) {
    ImGui::TextUnformatted(state.ui("view.timeline").c_str());
    ImGui::Separator();
    if (ImGui::Button(state.timeline.playing ? "Pause" : "Play"))
      out.push_back(action(state.timeline.playing ? app::Action::Kind::Pause : app::Action::Kind::Play));
    disclaimer(state);
  }
  end_panel();
}

}  // namespace skindepth::ui
