// The questionnaire, one topic per step, and the plan it ends in.
#include "ui/panels.h"

#include <imgui.h>

namespace skindepth::ui {

void draw_questionnaire_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  (void)out;
  if (begin_panel("##quiz", layout.panel)) {
    ImGui::TextUnformatted(state.ui("view.questionnaire").c_str());
    ImGui::Separator();
    disclaimer(state);
  }
  end_panel();
}

}  // namespace skindepth::ui
