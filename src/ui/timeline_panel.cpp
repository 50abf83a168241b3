// The healing timeline: a bar from minutes to a year on a log scale (drag to scrub, session marks
// for a course), play/pause, speed, jumps to key moments, the course and needle length, and the
// card for the moment shown: phase, what happens in the skin, what the patient sees, does, avoids,
// and when to call the clinic, each with its sources.
#include "ui/panels.h"
#include "ui/ui.h"

#include "app/present.h"
#include "core/timeline.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace skindepth::ui {

namespace {

// The scrub bar; returns true with `hours` set when the user moved it.
bool timeline_bar(const app::AppState& state, double end, double& hours) {
  const float em = ImGui::GetFontSize();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, std::max(em * 3.2f, min_target()));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##timebar", size);
  const bool active = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = em * 0.6f;
  const float x0 = p.x + pad, x1 = p.x + size.x - pad, y = p.y + em * 1.0f;
  auto to_x = [&](double h) { return x0 + static_cast<float>(app::timeline_position(h, end)) * (x1 - x0); };
  const ImU32 ink = IM_COL32(70, 55, 62, 255);
  const ImVec4 acc = ImGui::GetStyle().Colors[ImGuiCol_SliderGrab];
  const ImU32 accent = ImGui::ColorConvertFloat4ToU32(acc);
  dl->AddRectFilled(ImVec2(x0, y - em * 0.22f), ImVec2(x1, y + em * 0.22f), IM_COL32(236, 228, 232, 255), em * 0.22f);
  dl->AddRectFilled(ImVec2(x0, y - em * 0.22f), ImVec2(to_x(state.timeline.t_hours), y + em * 0.22f), accent, em * 0.22f);
  // Scale labels that fit.
  const double marks[] = {1, 24, 24 * 7, core::kHoursPerMonth, 6 * core::kHoursPerMonth, core::kHoursPerYear};
  const char* keys[] = {"1 h", "1 d", "1 w", "1 mo", "6 mo", "1 y"};
  float last_x = -1e9f;
  for (int i = 0; i < 6; ++i) {
    if (marks[i] > end) break;
    const float x = to_x(marks[i]);
    dl->AddLine(ImVec2(x, y + em * 0.3f), ImVec2(x, y + em * 0.7f), ink, 1.0f);
    const float w = ImGui::CalcTextSize(keys[i]).x;
    if (x - w / 2 > last_x + em * 0.3f && x + w / 2 < x1 + pad) {
      dl->AddText(ImVec2(x - w / 2, y + em * 0.8f), ink, keys[i]);
      last_x = x + w / 2;
    }
  }
  // Session marks of a course.
  for (int k = 1; k < state.timeline.sessions; ++k) {
    const float x = to_x(k * state.timeline.every_weeks * core::kHoursPerWeek);
    dl->AddTriangleFilled(ImVec2(x, y - em * 0.3f), ImVec2(x - em * 0.3f, y - em * 0.75f), ImVec2(x + em * 0.3f, y - em * 0.75f), ink);
  }
  dl->AddTriangleFilled(ImVec2(x0, y - em * 0.3f), ImVec2(x0 - em * 0.3f, y - em * 0.75f), ImVec2(x0 + em * 0.3f, y - em * 0.75f), ink);
  const float hx = to_x(state.timeline.t_hours);
  dl->AddCircleFilled(ImVec2(hx, y), em * 0.55f, accent);
  dl->AddCircle(ImVec2(hx, y), em * 0.55f, IM_COL32(255, 255, 255, 255), 0, 2.0f);
  if (active) {
    const float mx = ImGui::GetIO().MousePos.x;
    hours = app::timeline_hours((mx - x0) / (x1 - x0), end);
    return true;
  }
  return false;
}

void items(const app::AppState& state, const char* heading_key, const std::vector<core::GuidanceItem>& list) {
  if (list.empty()) return;
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_SliderGrab]);
  ImGui::TextUnformatted(state.ui(heading_key).c_str());
  ImGui::PopStyleColor();
  for (const auto& item : list) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(item.text.get(state.language));
    sources_line(state, item.sources);
  }
}

}  // namespace

void draw_timeline_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##timeline", layout.panel)) {
    const core::HealingModel* model = state.content ? &state.content->timeline : nullptr;
    if (!model || model->phases.empty()) {
      text_wrapped(state.ui("app.loading"));
      end_panel();
      return;
    }
    const auto& lang = state.language;
    const double end = app::timeline_end(state);
    const auto sample = core::sample(*model, app::course_of(state), state.timeline.t_hours);
    double hours = 0.0;
    if (timeline_bar(state, end, hours)) out.push_back(app::act::SetTime{hours});

    // Play / Pause as wide as the longer of the two (the row does not jump), then the speeds, wrapping
    // onto a second row where the panel is too narrow for all of them.
    const bool playing = state.timeline.playing;
    const float play_w = std::max(button_width(state.ui("timeline.play")), button_width(state.ui("timeline.pause")));
    if (button(state.ui(playing ? "timeline.pause" : "timeline.play"), play_w))
      out.push_back(playing ? app::Action(app::act::Pause{}) : app::Action(app::act::Play{}));
    const double speeds[] = {0.5, 1.0, 2.0, 4.0};
    const char* speed_labels[] = {"0.5x", "1x", "2x", "4x"};
    for (int i = 0; i < 4; ++i) {
      wrap_before(button_width(speed_labels[i]));
      const bool on = std::abs(state.timeline.speed - speeds[i]) < 1e-9;
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
      if (button(speed_labels[i])) out.push_back(app::act::SetSpeed{speeds[i]});
      if (on) ImGui::PopStyleColor();
    }
    // Jumps to key moments, wrapping onto as many rows as the panel needs.
    for (std::size_t i = 0; i < model->key_moments.size(); ++i) {
      const auto& k = model->key_moments[i];
      const std::string label = k.label.get(lang);
      if (i > 0) wrap_before(button_width(label));
      ImGui::PushID(static_cast<int>(i));
      if (compact_button(label)) out.push_back(app::act::SetTime{k.hours});
      ImGui::PopID();
    }

    // The moment's card.
    ImGui::Separator();
    const core::PhaseInfo* phase = model->find_phase(sample.phase);
    char head[160];
    std::snprintf(head, sizeof head, "%s: %s", app::time_text(state, sample.hours_since_session).c_str(),
                  phase ? phase->name.get(lang).c_str() : "");
    ImGui::TextUnformatted(head);
    if (state.timeline.sessions > 1) {
      std::snprintf(head, sizeof head, "%s %d / %d", state.ui("timeline.session_n").c_str(), sample.session_index, state.timeline.sessions);
      ImGui::TextDisabled("%s", head);
    }
    if (phase) {
      items(state, "timeline.what_happens", {core::GuidanceItem{phase->what_happens, phase->sources}});
    }
    const auto guidance = core::guidance_at(*model, sample.hours_since_session);
    items(state, "timeline.sees", guidance.sees);
    items(state, "timeline.do", guidance.do_items);
    items(state, "timeline.avoid", guidance.avoid);
    items(state, "timeline.call", guidance.call_clinic);

    // The course and the needle.
    ImGui::Separator();
    ImGui::TextUnformatted(state.ui("timeline.course").c_str());
    const auto& limits = core::kCourseLimits;
    int sessions = state.timeline.sessions;
    if (slider_int("##sessions", sessions, limits.min_sessions, limits.max_sessions,
                   [&](int n) { return state.ui("timeline.sessions") + ": " + std::to_string(n); }))
      out.push_back(app::act::SetCourse{sessions, state.timeline.every_weeks});
    int weeks = static_cast<int>(state.timeline.every_weeks);
    if (slider_int("##weeks", weeks, static_cast<int>(limits.min_every_weeks), static_cast<int>(limits.max_every_weeks),
                   [&](int n) { return state.ui("timeline.every_weeks") + ": " + std::to_string(n); }))
      out.push_back(app::act::SetCourse{state.timeline.sessions, static_cast<double>(weeks)});
    const std::string needle = state.ui("timeline.needle") + ": " + app::mm_text(state.cross.needle_mm);
    ImGui::TextUnformatted(needle.c_str());
    concern_picker(state, out);
    if (const core::ConcernPicture* c = state.content->skin.find_concern(state.cross.concern); c && c->course_fill > 0.0)
      muted(state.ui("concern.course_note"));
    text_wrapped(model->downtime_note.get(lang));
    sources_line(state, model->downtime_sources);
    disclaimer(state);
  }
  end_panel();
}

}  // namespace skindepth::ui
