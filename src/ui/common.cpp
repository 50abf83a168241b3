// Helpers shared by the panels, and the header with the view tabs.
#include "ui/panels.h"

#include "app/present.h"

#include "ui/ui.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace skindepth::ui {

bool begin_panel(const char* id, const app::Rect& r, bool scroll) {
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  const ImGuiWindowFlags touch = min_target() > 0.0f ? ImGuiWindowFlags_NoScrollbar : 0;
  return ImGui::Begin(id, nullptr, scroll ? kFlags | touch : kFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
}

void end_panel() {
  const float max_y = ImGui::GetScrollMaxY();
  const bool scrolls = !(ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_NoScrollWithMouse);
  if (min_target() > 0.0f && scrolls && max_y > 0.5f) {  // where the panel is scrolled to: a mark, not a control
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float em = ImGui::GetFontSize(), track = size.y - em;
    const float bar = std::max(em * 2.0f, track * size.y / (size.y + max_y));
    const float top = pos.y + em * 0.5f + (track - bar) * ImGui::GetScrollY() / max_y;
    const float x = pos.x + size.x - em * 0.3f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    dl->AddLine(ImVec2(x, top), ImVec2(x, top + bar), ImGui::GetColorU32(ImGuiCol_ScrollbarGrab), em * 0.25f);
    dl->PopClipRect();
  }
  ImGui::End();
}

bool compact_button(const std::string& label) { return min_target() > 0.0f ? button(label) : ImGui::SmallButton(label.c_str()); }

bool button(const std::string& label, float w, float h) {
  const float side = min_target();
  if (side > 0.0f) {
    if (w >= 0.0f) w = w > 0.0f ? std::max(w, side) : button_width(label);
    h = std::max(h, side);
  }
  return ImGui::Button(label.c_str(), ImVec2(w, h));
}

int button_pair(const std::string& first, const std::string& second) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float half = (avail - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  const bool side_by_side = button_width(first) <= half && button_width(second) <= half;
  const float w = side_by_side ? half : avail;
  int pressed = button(first, w) ? 1 : 0;
  if (side_by_side) ImGui::SameLine();
  if (button(second, w)) pressed = 2;
  return pressed;
}

float slider_text_x(float left, float right, float text_w, float pad, float fraction) {
  const float mid = (left + right) / 2.0f;
  if (text_w + 2.0f * pad > mid - left) return (left + right - text_w) / 2.0f;
  return fraction <= 0.5f ? (mid + right - text_w) / 2.0f : (left + mid - text_w) / 2.0f;
}

bool slider_int(const char* id, int& value, int lo, int hi, const std::function<std::string(int)>& text) {
  ImGui::SetNextItemWidth(-1);
  // No typed input (Ctrl+click): the words are drawn here, not by ImGui's format.
  const bool moved = ImGui::SliderInt(id, &value, lo, hi, "", ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
  const std::string words = text(value);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax(), size = ImGui::CalcTextSize(words.c_str());
  const float fraction = hi > lo ? static_cast<float>(value - lo) / static_cast<float>(hi - lo) : 0.0f;
  const float x = slider_text_x(a.x, b.x, size.x, ImGui::GetStyle().FramePadding.x, fraction);
  ImGui::GetWindowDrawList()->AddText(ImVec2(x, (a.y + b.y - size.y) / 2.0f), ImGui::GetColorU32(ImGuiCol_Text), words.c_str());
  return moved;
}

float button_width(const std::string& label) {
  return std::max(ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2.0f, min_target());
}

void wrap_before(float w) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::SameLine();
  if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
}

bool tap_row(const char* label, bool selected, float height) {
  // ImGui adds half the item spacing above and below a selectable's own height.
  const float h = std::max(height, min_target() - ImGui::GetStyle().ItemSpacing.y);
  return ImGui::Selectable(label, selected, 0, ImVec2(0.0f, std::max(h, 0.0f)));
}

void text_wrapped(const std::string& text) { ImGui::TextWrapped("%s", text.c_str()); }

void concern_picker(const app::AppState& state, Actions& out) {
  if (!state.content || state.content->skin.concerns.empty()) return;
  const auto& skin = state.content->skin;
  const core::ConcernPicture* shown = skin.find_concern(state.cross.concern);
  ImGui::TextUnformatted(state.ui("concern.picker").c_str());
  ImGui::SetNextItemWidth(-1);
  const std::string none = state.ui("concern.none");
  if (ImGui::BeginCombo("##concern", shown ? shown->name.get(state.language).c_str() : none.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (tap_row(none.c_str(), !shown)) out.push_back(app::act::SetConcern{});
    for (const auto& c : skin.concerns)
      if (tap_row(c.name.get(state.language).c_str(), shown == &c)) out.push_back(app::act::SetConcern{c.id});
    ImGui::EndCombo();
  }
}

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
    const char* keys[] = {"view.cross_section", "view.timeline", "view.questionnaire"};
    const app::View views[] = {app::View::CrossSection, app::View::Timeline, app::View::Questionnaire};
    const bool staff = state.mode == app::Mode::Staff;
    // Labels too long for the row (staff mode's extra button on a phone, a long translation): their
    // text shrinks to fit, down to 70 %, rather than being cut.
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::SetWindowFontScale(1.0f);  // measured at full size (the scale stays with the window)
    float widest = 0.0f;
    for (const char* key : keys) widest = std::max(widest, ImGui::CalcTextSize(state.ui(key).c_str()).x);
    const float text = 3.0f * widest + (staff ? ImGui::CalcTextSize(state.ui("staff.next_patient").c_str()).x : 0.0f);
    const float fixed = (staff ? 4.0f : 3.0f) * style.FramePadding.x * 2 + (staff ? 3.0f : 2.0f) * style.ItemSpacing.x + style.WindowPadding.x * 2;
    if (text + fixed > layout.header.w) ImGui::SetWindowFontScale(std::clamp((layout.header.w - fixed) / text, 0.7f, 1.0f));
    const float em = ImGui::GetFontSize();
    const float reset_w = staff ? ImGui::CalcTextSize(state.ui("staff.next_patient").c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x : 0.0f;
    const float bw = (layout.header.w - reset_w - ImGui::GetStyle().WindowPadding.x * 2 - ImGui::GetStyle().ItemSpacing.x * 2) / 3.0f;
    for (int i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine();
      const bool active = state.view == views[i];
      if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_TabActive]);
      if (active) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
      if (ImGui::Button(state.ui(keys[i]).c_str(), ImVec2(bw, std::max(em * 1.9f, min_target()))) && !active)
        out.push_back(app::act::SetView{views[i]});
      if (active) ImGui::PopStyleColor(2);
    }
    if (staff) {
      ImGui::SameLine();
      if (ImGui::Button(state.ui("staff.next_patient").c_str(), ImVec2(0, std::max(em * 1.9f, min_target()))))
        out.push_back(app::act::ResetForNextPatient{});
    }
  }
  end_panel();
}

}  // namespace skindepth::ui
