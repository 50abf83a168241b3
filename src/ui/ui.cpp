// The widget's frame of interface: the tab bar, the panel of the current view, and the drawing's
// overlays (ruler, labels). Panels live in their own files; this file arranges them.
#include "ui/ui.h"

#include "ui/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace skindepth::ui {

double contrast_ratio(const Rgb& a, const Rgb& b) {
  auto lin = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  auto luminance = [&](const Rgb& c) { return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b); };
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb readable_accent(const Rgb& accent) {
  constexpr Rgb kWhite{1.0f, 1.0f, 1.0f};
  Rgb c = accent;
  for (int i = 0; i < 40 && contrast_ratio(c, kWhite) < 4.6; ++i) c = {c.r * 0.95f, c.g * 0.95f, c.b * 0.95f};
  return c;
}

namespace {
float g_min_target = 0.0f;
}  // namespace

float min_target() { return g_min_target; }

void apply_theme(const app::Theme& theme, float em, bool touch) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  // Tints keep the brand's own colour; solid fills and accent text use its readable shade.
  const ImVec4 brand(theme.accent[0], theme.accent[1], theme.accent[2], 1.0f);
  const Rgb readable = readable_accent({theme.accent[0], theme.accent[1], theme.accent[2]});
  const ImVec4 accent(readable.r, readable.g, readable.b, 1.0f);
  auto tint = [&](float a) { return ImVec4(brand.x, brand.y, brand.z, a); };
  s.Colors[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 0.97f);
  s.Colors[ImGuiCol_Text] = ImVec4(0.13f, 0.11f, 0.12f, 1.0f);
  s.Colors[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.35f, 0.37f, 1.0f);
  s.Colors[ImGuiCol_Button] = tint(0.14f);
  s.Colors[ImGuiCol_ButtonHovered] = tint(0.3f);
  s.Colors[ImGuiCol_ButtonActive] = tint(0.45f);
  s.Colors[ImGuiCol_Header] = tint(0.16f);
  s.Colors[ImGuiCol_HeaderHovered] = tint(0.28f);
  s.Colors[ImGuiCol_HeaderActive] = tint(0.4f);
  s.Colors[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.93f, 0.94f, 1.0f);
  s.Colors[ImGuiCol_FrameBgHovered] = tint(0.16f);
  s.Colors[ImGuiCol_FrameBgActive] = tint(0.24f);
  s.Colors[ImGuiCol_SliderGrab] = accent;
  s.Colors[ImGuiCol_SliderGrabActive] = accent;
  s.Colors[ImGuiCol_CheckMark] = accent;
  s.Colors[ImGuiCol_PlotHistogram] = accent;
  s.Colors[ImGuiCol_Tab] = tint(0.1f);
  s.Colors[ImGuiCol_TabHovered] = tint(0.35f);
  s.Colors[ImGuiCol_TabActive] = accent;  // white text on it: opaque, so it is measurable
  s.Colors[ImGuiCol_NavHighlight] = accent;
  s.Colors[ImGuiCol_Separator] = ImVec4(0.85f, 0.82f, 0.84f, 1.0f);
  const float r = theme.corner_radius_em * em;
  s.WindowRounding = 0.0f;
  s.FrameRounding = r;
  s.GrabRounding = r;
  s.TabRounding = r;
  s.ChildRounding = r;
  s.PopupRounding = r;
  s.WindowBorderSize = 0.0f;
  s.WindowPadding = ImVec2(em * 0.9f, em * 0.7f);
  s.FramePadding = ImVec2(em * 0.6f, em * 0.45f);  // finger-sized controls (~2.2 em tall)
  s.ItemSpacing = ImVec2(em * 0.5f, em * 0.5f);
  s.ItemInnerSpacing = ImVec2(em * 0.4f, em * 0.3f);
  s.GrabMinSize = em * 1.1f;
  s.ScrollbarSize = em * 0.8f;
  s.TouchExtraPadding = ImVec2(em * 0.2f, em * 0.2f);
  g_min_target = touch ? app::kTouchTargetPx : 0.0f;
  if (touch) {
    // Buttons, sliders, check boxes and tabs are one frame tall: a finger's height. Rows of text
    // that can be tapped are centred in theirs (see tap_row).
    // (The font drawn: em in the widget; the tests' harness draws ImGui's 13 px font.)
    const ImGuiIO& io = ImGui::GetIO();
    const ImFont* font = io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
    const float text = font ? (font->ConfigData ? font->ConfigData->SizePixels : font->FontSize) * io.FontGlobalScale : em;
    s.FramePadding.y = std::max(s.FramePadding.y, (app::kTouchTargetPx - text) / 2.0f + 0.01f);
    s.SelectableTextAlign = ImVec2(0.0f, 0.5f);
    s.GrabMinSize = std::max(s.GrabMinSize, em * 1.6f);
  }
}

namespace {

// Staff mode's hot keys, for a clinician driving the widget on a big screen: 1/2/3 views, C compare,
// S stamp, space play/pause, J next key moment, N next patient. (The arrow keys step the needles:
// see read_keys in input.cpp.)
void staff_keys(const app::AppState& state, std::vector<app::Action>& out) {
  const ImGuiIO& io = ImGui::GetIO();
  if (state.mode != app::Mode::Staff || io.WantTextInput) return;
  namespace act = app::act;
  for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
    const ImWchar c = io.InputQueueCharacters[i];
    if (c == '1') out.push_back(act::SetView{app::View::CrossSection});
    else if (c == '2') out.push_back(act::SetView{app::View::Timeline});
    else if (c == '3') out.push_back(act::SetView{app::View::Questionnaire});
    else if (c == 'c' || c == 'C') out.push_back(act::SetCompare{!state.cross.comparing});
    else if (c == 's' || c == 'S') out.push_back(act::Stamp{});
    else if (c == ' ') out.push_back(state.timeline.playing ? app::Action(act::Pause{}) : app::Action(act::Play{}));
    else if (c == 'n' || c == 'N') out.push_back(act::ResetForNextPatient{});
    else if (c == 'j' || c == 'J') out.push_back(act::NextKeyMoment{});
  }
}

// Problems the widget must tell the user about (e.g. the clinic's content did not validate and the
// built-in content is shown), in a banner at the bottom of the drawing until dismissed.
void draw_notices(const app::AppState& state, const app::Layout& layout, std::vector<app::Action>& out) {
  if (state.notices.empty()) return;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(layout.scene.x + em * 0.5f, layout.scene.y + layout.scene.h - em * 0.5f), 0, ImVec2(0, 1));
  ImGui::SetNextWindowSize(ImVec2(layout.scene.w - em, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(kNoticeBackground.r, kNoticeBackground.g, kNoticeBackground.b, 0.97f));
  if (ImGui::Begin("##notices", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    for (std::size_t i = 0; i < state.notices.size(); ++i) {
      if (i > 0) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      ImGui::TextWrapped("%s", state.notices[i].c_str());
      if (i > 0) ImGui::PopStyleColor();
    }
    if (compact_button(state.ui("common.close"))) out.push_back(app::act::DismissNotices{});
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

// Shown the first time one finger drags on the drawing (the page scrolls instead): how to move it.
void draw_two_finger_hint(const app::AppState& state, const app::Layout& layout) {
  if (layout.scene.w <= 0 || layout.scene.h <= 0) return;
  const std::string text = state.ui("touch.two_fingers");
  const float em = ImGui::GetFontSize();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, layout.scene.w - 3 * em);
  const ImVec2 p(layout.scene.x + (layout.scene.w - size.x) / 2, layout.scene.y + (layout.scene.h - size.y) / 2);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(p.x - em, p.y - em * 0.6f), ImVec2(p.x + size.x + em, p.y + size.y + em * 0.6f), IM_COL32(34, 28, 31, 225), em * 0.6f);
  dl->AddText(nullptr, 0.0f, p, IM_COL32(255, 255, 255, 255), text.c_str(), nullptr, layout.scene.w - 3 * em);
}

// A view whose content has not come yet (the widget starts without the timeline's and the
// questionnaire's files, app::parts_needed): "Loading…", or why it failed and a way to try again.
void draw_waiting_panel(const app::AppState& state, const app::Layout& layout, const std::vector<std::string>& files,
                        Actions& out) {
  if (begin_panel("##waiting", layout.panel)) {
    std::string problems;
    for (const auto& f : files)
      if (auto it = state.part_problems.find(f); it != state.part_problems.end()) problems += f + ": " + it->second + "\n";
    if (problems.empty()) {
      text_wrapped(state.ui("app.loading"));
    } else {
      text_wrapped(state.ui("app.part_failed"));
      small_note(problems);
      if (button(state.ui("app.try_again"))) out.push_back(app::act::LoadParts{});
    }
    disclaimer(state);
  }
  end_panel();
}

}  // namespace

std::vector<app::Action> draw_ui(const app::AppState& state, const app::Layout& layout, const app::Scene& scene,
                                 Input& input, Gestures& gestures) {
  std::vector<app::Action> actions;
  for (auto& a : read_gestures(state, scene, input, gestures, ImGui::GetIO().DeltaTime)) actions.push_back(std::move(a));
  for (auto& a : read_keys(state, input, ImGui::GetIO().WantTextInput)) actions.push_back(std::move(a));
  staff_keys(state, actions);
  draw_header(state, layout, actions);
  draw_scene_overlay(state, layout, scene, input.touch_active, actions);
  if (gestures.hint_seconds > 0.0f) draw_two_finger_hint(state, layout);
  draw_notices(state, layout, actions);
  if (const auto files = app::parts_needed(state, state.view); !files.empty()) {
    draw_waiting_panel(state, layout, files, actions);
    return actions;
  }
  switch (state.view) {
    case app::View::CrossSection: draw_cross_section_panel(state, layout, actions); break;
    case app::View::Timeline: draw_timeline_panel(state, layout, actions); break;
    case app::View::Questionnaire: draw_questionnaire_panel(state, layout, actions); break;
  }
  return actions;
}

}  // namespace skindepth::ui
