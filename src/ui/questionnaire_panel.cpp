// The questionnaire, one topic per step with progress, back and forward; then the plan: the
// decision in plain words with its reasons and sources, the numbers of a course, session dates
// from a start date, pre-care and aftercare, what to expect, cautions, "show me" buttons that set
// the cross-section and the timeline, and the call to book or to see a clinician.
#include "ui/panels.h"
#include "ui/ui.h"

#include "app/calendar.h"
#include "app/plan_link.h"
#include "app/quiz.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace skindepth::ui {

namespace {

using K = app::Action::Kind;

app::Action answer(const std::string& key, nlohmann::json value) {
  app::Action a = action(K::Answer, key);
  a.value = std::move(value);
  return a;
}

void muted(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

void heading(const std::string& text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_SliderGrab]);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

// A choice drawn as a full-width selectable row (finger-sized).
bool choice_row(const std::string& label, bool selected, bool multi) {
  const std::string mark = multi ? (selected ? "[x]  " : "[  ]  ") : (selected ? "(o)  " : "(  )  ");
  return ImGui::Selectable((mark + label).c_str(), selected, 0, ImVec2(0, ImGui::GetFontSize() * 1.6f));
}

void draw_question(const app::AppState& state, const core::Question& q, Actions& out) {
  const auto& lang = state.language;
  ImGui::PushID(q.key.c_str());
  text_wrapped(q.label.get(lang));
  const nlohmann::json* current = state.quiz.answers.contains(q.key) ? &state.quiz.answers[q.key] : nullptr;
  switch (q.kind) {
    case core::QuestionKind::MultiChoice: {
      std::vector<std::string> chosen;
      if (current && current->is_array())
        for (const auto& v : *current)
          if (v.is_string()) chosen.push_back(v.get<std::string>());
      for (const auto& o : q.options) {
        const bool on = std::find(chosen.begin(), chosen.end(), o.value) != chosen.end();
        if (choice_row(o.label.get(lang), on, true)) {
          auto next = chosen;
          if (on) next.erase(std::remove(next.begin(), next.end(), o.value), next.end());
          else next.push_back(o.value);
          out.push_back(next.empty() ? action(K::ClearAnswer, q.key) : answer(q.key, next));
        }
      }
      break;
    }
    case core::QuestionKind::SingleChoice: {
      for (const auto& o : q.options) {
        const nlohmann::json value = app::option_value(q, o);
        const bool on = current && *current == value;
        if (choice_row(o.label.get(lang), on, false)) out.push_back(answer(q.key, value));
        if (!o.description.empty()) {
          ImGui::Indent();
          muted(o.description.get(lang));
          ImGui::Unindent();
        }
      }
      break;
    }
    case core::QuestionKind::Number: {
      int value = current && current->is_number() ? current->get<int>() : 0;
      const int lo = static_cast<int>(q.min.value_or(0)), hi = static_cast<int>(q.max.value_or(120));
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
      if (ImGui::InputInt("##n", &value, 1, 5)) out.push_back(answer(q.key, std::clamp(value, lo, hi)));
      if (!q.unit.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(q.unit.get(lang).c_str());
      }
      break;
    }
    case core::QuestionKind::YesNo: {
      const float w = ImGui::GetFontSize() * 5.0f;
      for (int yes = 1; yes >= 0; --yes) {
        const bool on = current && current->is_boolean() && current->get<bool>() == (yes == 1);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(state.ui(yes ? "quiz.yes" : "quiz.no").c_str(), ImVec2(w, 0))) out.push_back(answer(q.key, yes == 1));
        if (on) ImGui::PopStyleColor();
        if (yes) ImGui::SameLine();
      }
      break;
    }
  }
  if (!q.why.empty()) muted(q.why.get(lang));
  ImGui::Separator();
  ImGui::PopID();
}

void plan_lines(const app::AppState& state, const char* key, const std::vector<core::PlanLine>& lines) {
  if (lines.empty()) return;
  heading(state.ui(key));
  for (const auto& l : lines) {
    if (!l.text) continue;
    ImGui::Bullet();
    ImGui::SameLine();
    std::string text = l.text->get(state.language);
    if (l.window && !l.window->label.empty()) text = l.window->label.get(state.language) + ": " + text;
    text_wrapped(text);
    if (l.sources) sources_line(state, *l.sources);
  }
}

void span_row(const app::AppState& state, const char* key, const core::Span& s, const char* fmt) {
  char buf[64];
  if (s.min == s.max) std::snprintf(buf, sizeof buf, fmt, s.min);
  else {
    char a[24], b[24];
    std::snprintf(a, sizeof a, fmt, s.min);
    std::snprintf(b, sizeof b, fmt, s.max);
    std::snprintf(buf, sizeof buf, "%s \xE2\x80\x93 %s", a, b);
  }
  ImGui::TextUnformatted(state.ui(key).c_str());
  ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.62f);
  ImGui::TextUnformatted(buf);
}

// A QR code, dark on white with its quiet zone, `side` CSS pixels at most; modules snapped to whole
// framebuffer pixels so a phone's camera sees sharp edges on the screen.
void draw_qr(const app::QrMatrix& qr, float side, float pixel_ratio) {
  const int n = qr.size + 2 * app::kQrQuietModules;
  const float module = std::max(1.0f, std::floor(side * pixel_ratio / static_cast<float>(n))) / pixel_ratio;
  const float full = module * static_cast<float>(n);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + full, p.y + full), IM_COL32(255, 255, 255, 255));
  const ImU32 dark = IM_COL32(0, 0, 0, 255);
  const float origin = module * static_cast<float>(app::kQrQuietModules);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size;) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int run = x;  // one rectangle per horizontal run of dark modules
      while (run < qr.size && qr.at(run, y)) ++run;
      dl->AddRectFilled(ImVec2(p.x + origin + module * x, p.y + origin + module * y),
                        ImVec2(p.x + origin + module * run, p.y + origin + module * (y + 1)), dark);
      x = run;
    }
  ImGui::Dummy(ImVec2(full, full));
}

// Staff mode: the plan (never the answers) for the patient's phone, in a QR code's URL fragment.
void draw_plan_handoff(const app::AppState& state) {
  const std::string link = app::staff_plan_link(state);
  if (link.empty()) return;
  const app::QrMatrix qr = app::make_qr(link);
  if (qr.version == 0) return;
  heading(state.ui("staff.qr_title"));
  const float side = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 12.0f);  // fits the plan page at 720 px
  draw_qr(qr, side, state.viewport.pixel_ratio);
  muted(state.ui("staff.qr_note"));
  ImGui::Separator();
}

void draw_plan(const app::AppState& state, const core::Plan& plan, Actions& out) {
  const float em = ImGui::GetFontSize();
  const char* title = plan.decision == core::Decision::Proceed ? "plan.proceed"
                      : plan.decision == core::Decision::Defer ? "plan.defer" : "plan.refer";
  const Rgb c = plan.decision == core::Decision::Proceed ? kProceedText : plan.decision == core::Decision::Defer ? kDeferText : kReferText;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c.r, c.g, c.b, 1.0f));
  ImGui::SetWindowFontScale(1.25f);
  text_wrapped(state.ui(title));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
  draw_plan_handoff(state);
  plan_lines(state, "plan.reasons", plan.reasons);
  plan_lines(state, "plan.wait", plan.wait);
  if (plan.decision == core::Decision::Proceed) {
    ImGui::Separator();
    span_row(state, "plan.sessions", plan.sessions, "%.0f");
    span_row(state, "plan.interval", plan.interval_weeks, "%.0f");
    span_row(state, "plan.depth", plan.depth_mm, "%.2f mm");
    span_row(state, "plan.maintenance", plan.maintenance_months, "%.0f");
    span_row(state, "plan.minutes", plan.session_minutes, "%.0f");
    if (state.quiz.start.valid()) {
      heading(state.ui("plan.calendar"));
      const auto dates = app::session_dates(state.quiz.start, static_cast<int>(plan.sessions.max), static_cast<int>(plan.interval_weeks.min));
      for (std::size_t i = 0; i < dates.size(); ++i) {
        ImGui::Text("%zu.  %s", i + 1, dates[i].iso().c_str());
        if (i + 1 < dates.size() && i % 3 != 2) ImGui::SameLine(ImGui::GetContentRegionAvail().x * (static_cast<float>((i % 3) + 1) / 3.0f));
      }
      if (ImGui::SmallButton(state.ui("plan.start_earlier").c_str())) out.push_back(action(K::ShiftStart, {}, -7));
      ImGui::SameLine();
      if (ImGui::SmallButton(state.ui("plan.start_later").c_str())) out.push_back(action(K::ShiftStart, {}, 7));
    }
    plan_lines(state, "plan.pre_care", plan.pre_care);
    plan_lines(state, "plan.aftercare", plan.aftercare);
    plan_lines(state, "plan.expected", plan.expected);
    plan_lines(state, "plan.cautions", plan.cautions);
    ImGui::Separator();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
    if (ImGui::Button(state.ui("plan.show_depth").c_str(), ImVec2(half, 0))) out.push_back(action(K::ShowPlanDepth));
    ImGui::SameLine();
    if (ImGui::Button(state.ui("plan.show_healing").c_str(), ImVec2(half, 0))) out.push_back(action(K::ShowPlanCourse));
  } else {
    plan_lines(state, "plan.cautions", plan.cautions);
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_TabActive]);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const std::string book = state.book_label.empty()
                               ? state.ui(plan.decision == core::Decision::Proceed ? "plan.book" : "plan.consult")
                               : state.book_label;
  if (ImGui::Button(book.c_str(), ImVec2(-1, em * 2.4f))) out.push_back(action(K::BookClick));
  ImGui::PopStyleColor(2);
  // Exports: print and copy always; the calendar only when there are session dates.
  const float half_w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  if (ImGui::Button(state.ui("plan.print").c_str(), ImVec2(half_w, 0))) out.push_back(action(K::Export, "print"));
  ImGui::SameLine();
  if (ImGui::Button(state.ui("plan.copy").c_str(), ImVec2(half_w, 0))) out.push_back(action(K::Export, "copy"));
  if (plan.decision == core::Decision::Proceed && state.quiz.start.valid() &&
      ImGui::Button(state.ui("plan.ics").c_str(), ImVec2(-1, 0)))
    out.push_back(action(K::Export, "ics"));
  const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
  if (ImGui::Button(state.ui("plan.edit").c_str(), ImVec2(half, 0))) out.push_back(action(K::StepTo, {}, 0));
  ImGui::SameLine();
  if (ImGui::Button(state.ui("plan.restart").c_str(), ImVec2(half, 0))) out.push_back(action(K::ResetForNextPatient));
  muted(state.ui("plan.stamp"));
  if (plan.disclaimer) muted(plan.disclaimer->get(state.language));
}

}  // namespace

void draw_questionnaire_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  if (begin_panel("##quiz", layout.panel)) {
    if (!state.content || state.content->questionnaire.steps.empty()) {
      text_wrapped(state.ui("app.loading"));
      end_panel();
      return;
    }
    const auto steps = app::visible_steps(state);
    const int count = static_cast<int>(steps.size());
    const int at = std::clamp(state.quiz.step, 0, count);  // `count` is the plan page
    if (at < count) {
      const auto& step = state.content->questionnaire.steps[steps[at]];
      char progress[64];
      std::snprintf(progress, sizeof progress, state.ui("quiz.step_of").c_str(), at + 1, count);
      ImGui::ProgressBar(static_cast<float>(at + 1) / static_cast<float>(count), ImVec2(-1, ImGui::GetFontSize() * 0.5f), "");
      muted(progress);
      ImGui::SetWindowFontScale(1.15f);
      text_wrapped(step.title.get(state.language));
      ImGui::SetWindowFontScale(1.0f);
      ImGui::Separator();
      for (const auto& q : step.questions)
        if (app::question_visible(state, q)) draw_question(state, q, out);
      const bool complete = app::step_complete(state, steps[at]);
      const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
      if (at > 0) {
        if (ImGui::Button(state.ui("quiz.back").c_str(), ImVec2(half, 0))) out.push_back(action(K::StepTo, {}, at - 1));
        ImGui::SameLine();
      } else {
        ImGui::Dummy(ImVec2(half, 0));
        ImGui::SameLine();
      }
      ImGui::BeginDisabled(!complete);
      const char* next = at + 1 == count ? "quiz.see_plan" : "quiz.next";
      if (ImGui::Button(state.ui(next).c_str(), ImVec2(half, 0))) out.push_back(action(K::StepTo, {}, at + 1));
      ImGui::EndDisabled();
      if (!complete) muted(state.ui("quiz.answer_all"));
      muted(state.ui("quiz.private"));
      disclaimer(state);
    } else if (const auto plan = app::current_plan(state)) {
      draw_plan(state, *plan, out);
    } else {
      muted(state.ui("quiz.answer_all"));
      if (ImGui::Button(state.ui("quiz.back").c_str())) out.push_back(action(K::StepTo, {}, 0));
    }
  }
  end_panel();
}

}  // namespace skindepth::ui
