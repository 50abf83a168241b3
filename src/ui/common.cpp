// Helpers shared by the panels, and the header with the view tabs.
#include "ui/panels.h"

#include "app/present.h"

#include <imgui.h>

namespace skindepth::ui {

bool begin_panel(const char* id, const app::Rect& r, bool scroll) {
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  return ImGui::Begin(id, nullptr, scroll ? kFlags : kFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void end_panel() { ImGui::End(); }

void text_wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }

void disclaimer(const app::AppState& state) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text_wrapped(state.ui("app.disclaimer"));
  ImGui::PopStyleColor();
}

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

void small_note(const std::string& text) {
  if (text.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::SetWindowFontScale(0.85f);
  text_wrapped(text);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
}

void sources_line(const app::AppState& state, const std::vector<std::string>& ids) { small_note(app::sources_text(state, ids)); }

void draw_header(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##header", layout.header, false)) {
    const float em = ImGui::GetFontSize();
    const char* keys[] = {"view.cross_section", "view.timeline", "view.questionnaire"};
    const app::View views[] = {app::View::CrossSection, app::View::Timeline, app::View::Questionnaire};
    const bool staff = state.mode == app::Mode::Staff;
    const float reset_w = staff ? ImGui::CalcTextSize(state.ui("staff.next_patient").c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    const float bw = (layout.header.w - reset_w - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetStyle().ItemSpacing.x * 2) / 3.0f;
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine();
      const bool active = state.view == views[i];
      if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_TabActive]);
      if (active) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
      if (ImGui::Button(state.ui(keys[i]).c_str(), ImVec2(bw, em * 1.9f)) && !active)
        out.push_back(app::act::SetView{views[i]});
      if (active) ImGui::PopStyleColor(2);
    }
    if (staff) {
      ImGui::SameLine();
      if (ImGui::Button(state.ui("staff.next_patient").c_str(), ImVec2(0, em * 1.9f)))
        out.push_back(app::act::ResetForNextPatient{});
    }
  }
  end_panel();
}

}  // namespace skindepth::ui
