// The questionnaire, one topic per step with progress, back and forward; then the plan: the
// decision in plain words with its reasons and sources, the numbers of a course, session dates
// from a start date, pre-care and aftercare, what to expect, cautions, "show me" buttons that set
// the cross-section and the timeline, and the call to book or to see a clinician.
#include "ui/panels.h"
#include "ui/targets.h"
#include "ui/ui.h"

#include "app/calendar.h"
#include "app/plan_link.h"
#include "app/present.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace skindepth::ui {

namespace {

app::Action answer(const std::string& key, nlohmann::json value) { return app::act::Answer{key, std::move(value)}; }

void heading(const std::string& text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_SliderGrab]);
  text_wrapped(text);
  ImGui::PopStyleColor();
}

// A choice drawn as a full-width selectable row (finger-sized).
// A choice drawn as a full-width selectable row (finger-sized) with a real check box or radio
// button at its left, drawn in the accent colour when chosen.
bool choice_row(const std::string& label, bool selected, bool multi) {
  const float em = ImGui::GetFontSize();
  const float mark = em * 1.1f, gap = em * 0.6f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float height = std::max({em * 2.2f, min_target() - ImGui::GetStyle().ItemSpacing.y, ImGui::CalcTextSize(label.c_str(), nullptr, false,
                                                                 ImGui::GetContentRegionAvail().x - mark - gap).y + em});
  ImGui::PushID(label.c_str());
  const bool clicked = ImGui::Selectable("##row", selected, 0, ImVec2(0, height));
  label_last_target(label);
  ImGui::PopID();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text), accent = ImGui::GetColorU32(ImGuiCol_CheckMark);
  const ImVec2 c(at.x + mark / 2, at.y + height / 2);
  if (multi) {
    const ImVec2 lo(c.x - mark / 2, c.y - mark / 2), hi(c.x + mark / 2, c.y + mark / 2);
    if (selected) {
      dl->AddRectFilled(lo, hi, accent, em * 0.2f);
      const ImVec2 tick[] = {ImVec2(lo.x + mark * 0.22f, c.y), ImVec2(c.x - mark * 0.08f, hi.y - mark * 0.25f),
                             ImVec2(hi.x - mark * 0.2f, lo.y + mark * 0.25f)};
      dl->AddPolyline(tick, 3, IM_COL32(255, 255, 255, 255), 0, em * 0.14f);
    } else {
      dl->AddRect(lo, hi, ink, em * 0.2f, 0, em * 0.09f);
    }
  } else {
    dl->AddCircle(c, mark / 2, selected ? accent : ink, 0, em * 0.09f);
    if (selected) dl->AddCircleFilled(c, mark * 0.28f, accent);
  }
  const float wrap = ImGui::GetContentRegionAvail().x;
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap - mark - gap);
  dl->AddText(nullptr, 0.0f, ImVec2(at.x + mark + gap, c.y - text_size.y / 2), ink, label.c_str(), nullptr, wrap - mark - gap);
  return clicked;
}

// Draws one question; true when a single choice was picked (the step may then advance on its own).
bool draw_question(const app::AppState& state, const core::Question& q, Actions& out) {
  bool picked = false;
  const auto& lang = state.language;
  ImGui::PushID(q.key.c_str());
  text_wrapped(q.label.get(lang));
  const nlohmann::json value = core::answer_value(state.quiz.answers, q.key);
  const nlohmann::json* current = value.is_null() ? nullptr : &value;
  switch (q.kind) {
    case core::AnswerKind::MultiChoice: {
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
          out.push_back(next.empty() ? app::Action(app::act::ClearAnswer{q.key}) : answer(q.key, next));
        }
      }
      break;
    }
    case core::AnswerKind::SingleChoice: {
      for (const auto& o : q.options) {
        const nlohmann::json option = core::option_value(q, o);
        const bool on = current && *current == option;
        if (choice_row(o.label.get(lang), on, false)) {
          out.push_back(answer(q.key, option));
          picked = true;
        }
        if (!o.description.empty()) {
          ImGui::Indent();
          muted(o.description.get(lang));
          ImGui::Unindent();
        }
      }
      break;
    }
    case core::AnswerKind::Number: {
      // Three ways, none needing ImGui's own text entry (a phone shows no keyboard for a canvas): the
      // box, where the page puts a real field for the numeric keyboard (number_field); - and +, which
      // repeat when held; the slider under them.
      const int lo = static_cast<int>(q.min.value_or(0)), hi = static_cast<int>(q.max.value_or(120));
      const bool answered = current && current->is_number();
      const int value = answered ? current->get<int>() : lo;
      const float side = ImGui::GetFrameHeight() * 1.2f, em = ImGui::GetFontSize();
      const std::string unit = q.unit.empty() ? std::string() : " " + q.unit.get(lang);
      int next = value;
      bool changed = false;
      ImGui::PushButtonRepeat(true);
      if (ImGui::Button("\xE2\x88\x92", ImVec2(side, 0))) {  // a real minus sign
        next = answered ? value - 1 : lo;
        changed = true;
      }
      ImGui::PopButtonRepeat();
      ImGui::SameLine();
      const std::string shown = (answered ? std::to_string(value) : std::string("\xE2\x80\x94")) + unit + "##box";
      ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyle().Colors[ImGuiCol_FrameBg]);
      ImGui::Button(shown.c_str(), ImVec2(em * 7.0f, 0));
      ImGui::PopStyleColor(2);
      const ImVec2 box_min = ImGui::GetItemRectMin(), box_size = ImGui::GetItemRectSize();
      set_number_field({q.key, {"", box_min.x, box_min.y, box_size.x, box_size.y}, answered, value, lo, hi});
      ImGui::SameLine();
      ImGui::PushButtonRepeat(true);
      if (ImGui::Button("+", ImVec2(side, 0))) {
        next = answered ? value + 1 : lo;
        changed = true;
      }
      ImGui::PopButtonRepeat();
      changed = slider_int("##n", next, lo, hi, [&](int n) {
                  return answered ? std::to_string(n) + unit : std::string("\xE2\x80\x94");  // a dash until answered
                }) || changed;
      next = std::clamp(next, lo, hi);
      if (changed && (next != value || !answered)) out.push_back(answer(q.key, next));
      break;
    }
    case core::AnswerKind::YesNo: {
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
  return picked;
}

// A section of the plan: bullets with their sources, rows of numbers, or numbered dates.
void plan_section(const app::AppState& state, const app::PlanSection& sec) {
  if (!sec.heading.empty()) heading(sec.heading);
  // Numbered dates: as many columns as the longest date fits (a phone: two; "Wed 9 Dec 2026" is long).
  float column = 0.0f;
  std::size_t columns = 1;
  if (sec.style == app::PlanSection::Style::Numbered) {
    for (const auto& item : sec.items) column = std::max(column, ImGui::CalcTextSize(("00.  " + item.text).c_str()).x);
    column += ImGui::GetFontSize() * 1.5f;
    columns = std::clamp<std::size_t>(static_cast<std::size_t>(ImGui::GetContentRegionAvail().x / column), 1, 3);
  }
  for (std::size_t i = 0; i < sec.items.size(); ++i) {
    const auto& item = sec.items[i];
    switch (sec.style) {
      case app::PlanSection::Style::Rows:
        ImGui::TextUnformatted(item.label.c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.62f);
        ImGui::TextUnformatted(item.text.c_str());
        break;
      case app::PlanSection::Style::Numbered:
        ImGui::Text("%zu.  %s", i + 1, item.text.c_str());
        if (i + 1 < sec.items.size() && i % columns != columns - 1) ImGui::SameLine(column * static_cast<float>((i % columns) + 1) + ImGui::GetStyle().WindowPadding.x);
        break;
      case app::PlanSection::Style::Bullets: {
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(item.label.empty() ? item.text : item.label + ": " + item.text);
        small_note(app::names_text(state, item.sources));
        break;
      }
    }
  }
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
  const app::PlanView view = app::plan_view(state, plan);
  const bool proceed = plan.decision == core::Decision::Proceed;
  const Rgb c = proceed ? kProceedText : plan.decision == core::Decision::Defer ? kDeferText : kReferText;
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(c.r, c.g, c.b, 1.0f));
  ImGui::SetWindowFontScale(1.25f);
  text_wrapped(view.decision_text);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
  draw_plan_handoff(state);
  for (const auto& sec : view.sections) {
    if (sec.style == app::PlanSection::Style::Rows) ImGui::Separator();
    plan_section(state, sec);
    if (sec.style == app::PlanSection::Style::Numbered) {
      if (compact_button(state.ui("plan.start_earlier"))) out.push_back(app::act::ShiftStart{-7});
      ImGui::SameLine();
      if (compact_button(state.ui("plan.start_later"))) out.push_back(app::act::ShiftStart{7});
    }
  }
  if (proceed) {
    ImGui::Separator();
    switch (button_pair(state.ui("plan.show_depth"), state.ui("plan.show_healing"))) {
      case 1: out.push_back(app::act::ShowPlanDepth{}); break;
      case 2: out.push_back(app::act::ShowPlanCourse{}); break;
      default: break;
    }
  }
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_TabActive]);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const std::string book = state.book_label.empty() ? state.ui(proceed ? "plan.book" : "plan.consult") : state.book_label;
  if (ImGui::Button(book.c_str(), ImVec2(-1, std::max(em * 2.4f, min_target())))) out.push_back(app::act::BookClick{});
  ImGui::PopStyleColor(2);
  // Exports: print and copy always; the calendar only when there are session dates.
  switch (button_pair(state.ui("plan.print"), state.ui("plan.copy"))) {
    case 1: out.push_back(app::act::Export{app::act::ExportKind::Print}); break;
    case 2: out.push_back(app::act::Export{app::act::ExportKind::Copy}); break;
    default: break;
  }
  if (proceed && state.quiz.start.valid() && ImGui::Button(state.ui("plan.ics").c_str(), ImVec2(-1, 0)))
    out.push_back(app::act::Export{app::act::ExportKind::Ics});
  switch (button_pair(state.ui("plan.edit"), state.ui("plan.restart"))) {
    case 1: out.push_back(app::act::StepTo{0}); break;
    case 2: out.push_back(app::act::ResetForNextPatient{}); break;
    default: break;
  }
  muted(view.stamp);
  muted(view.disclaimer);
}

}  // namespace

void draw_questionnaire_panel(const app::AppState& state, const app::Layout& layout, Actions& out) {
  const auto steps = app::visible_steps(state);
  const int count = static_cast<int>(steps.size());
  const int at = std::clamp(state.quiz.step, 0, count);  // `count` is the plan page
  // A window per page: each step opens at its top, and the plan at its verdict.
  const std::string window = at < count ? "##quiz" + std::to_string(at) : std::string("##plan");
  if (begin_panel(window.c_str(), layout.panel)) {
    if (!state.content || state.content->questionnaire.steps.empty()) {
      text_wrapped(state.ui("app.loading"));
      end_panel();
      return;
    }
    const auto& questionnaire = state.content->questionnaire;
    if (at < count) {
      const auto& step = questionnaire.steps[steps[at]];
      char progress[64];
      std::snprintf(progress, sizeof progress, state.ui("quiz.step_of").c_str(), at + 1, count);
      ImGui::ProgressBar(static_cast<float>(at + 1) / static_cast<float>(count), ImVec2(-1, ImGui::GetFontSize() * 0.5f), "");
      muted(progress);
      ImGui::SetWindowFontScale(1.15f);
      text_wrapped(step.title.get(state.language));
      ImGui::SetWindowFontScale(1.0f);
      ImGui::Separator();
      int visible = 0;
      bool picked = false, all_yes_no = true;
      std::vector<std::string> unanswered;
      for (const auto& q : step.questions)
        if (core::question_visible(q, state.quiz.answers)) {
          ++visible;
          all_yes_no = all_yes_no && q.kind == core::AnswerKind::YesNo;
          if (core::answer_value(state.quiz.answers, q.key).is_null()) unanswered.push_back(q.key);
          picked = draw_question(state, q, out) || picked;
        }
      // A step that is one single-choice question moves on by itself once it is answered: one tap.
      if (picked && visible == 1) out.push_back(app::act::StepTo{at + 1});
      // A list of yes/no health questions: after reading it, one tap says "no" to every one not
      // answered yet (a "yes" already given stays) and moves on.
      if (visible > 1 && all_yes_no && !unanswered.empty()) {
        const bool none_yet = static_cast<int>(unanswered.size()) == visible;
        if (button(state.ui(none_yet ? "quiz.none_apply" : "quiz.no_to_rest"), -1.0f)) {
          for (const auto& key : unanswered) out.push_back(answer(key, false));
          out.push_back(app::act::StepTo{at + 1});
        }
      }
      const bool complete = core::step_complete(questionnaire, steps[at], state.quiz.answers);
      const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f;
      if (at > 0) {
        if (ImGui::Button(state.ui("quiz.back").c_str(), ImVec2(half, 0))) out.push_back(app::act::StepTo{at - 1});
        ImGui::SameLine();
      } else {
        ImGui::Dummy(ImVec2(half, 0));
        ImGui::SameLine();
      }
      ImGui::BeginDisabled(!complete);
      const char* next = at + 1 == count ? "quiz.see_plan" : "quiz.next";
      if (ImGui::Button(state.ui(next).c_str(), ImVec2(half, 0))) out.push_back(app::act::StepTo{at + 1});
      ImGui::EndDisabled();
      if (!complete) muted(state.ui("quiz.answer_all"));
      muted(state.ui("quiz.private"));
      disclaimer(state);
    } else if (const auto plan = app::current_plan(state)) {
      draw_plan(state, *plan, out);
    } else {
      muted(state.ui("quiz.answer_all"));
      if (ImGui::Button(state.ui("quiz.back").c_str())) out.push_back(app::act::StepTo{0});
    }
    if (state.mode == app::Mode::Staff) muted(app::review_text(state));  // the content's sign-off
  }
  end_panel();
}

}  // namespace skindepth::ui
