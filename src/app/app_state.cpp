// apply() and advance(): the only writers of AppState (see app_state.h).
#include "app/app_state.h"

#include "app/actions.h"
#include "app/describe.h"
#include "app/present.h"
#include "app/scene.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace skindepth::app {

namespace {
constexpr std::string_view kViewIds[] = {"cross_section", "timeline", "questionnaire"};
constexpr double kStampSeconds = 1.2;
constexpr double kRollSeconds = 3.0;  // the drum crosses the whole view
constexpr double kPlaySeconds = 24.0;
constexpr double kReducedMotionStepSeconds = 1.5;
}  // namespace

std::string_view view_id(View view) { return kViewIds[static_cast<int>(view)]; }

bool view_from_id(std::string_view id, View& out) {
  for (int i = 0; i < 3; ++i)
    if (kViewIds[i] == id) {
      out = static_cast<View>(i);
      return true;
    }
  return false;
}

namespace {

// Carries out one intent; returns the refusal ("" when done). Each case checks what it is given.
struct Applier {
  AppState& s;

  std::string set_needle(double mm, bool second) {
    const core::NeedleCatalog* needles = s.needles();
    if (!needles) return "no content yet";
    if (!needles->accepts(mm)) return "needle length must be a number from " + mm_range(*needles) + " mm";
    (second ? s.cross.compare_mm : s.cross.needle_mm) = needles->snap(mm);
    if (second) s.cross.comparing = true;
    else s.cross.stamps_done = 0;
    return {};
  }
  static std::string mm_range(const core::NeedleCatalog& n) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g to %g", n.min_mm, n.max_mm);
    return buf;
  }
  // The plan page is reached: the host hears the decision kind and the area, never the answers.
  void step_to(int step) {
    const int pages = static_cast<int>(visible_steps(s).size());
    s.quiz.step = std::clamp(step, 0, pages);
    if (s.quiz.step != pages) return;
    if (const auto plan = current_plan(s)) {
      s.quiz.finished = true;
      s.outbox.push_back({{"name", "plancomplete"},
                          {"detail", {{"decision", core::decision_id(plan->decision)}, {"area", s.cross.area_id}}}});
    }
  }
  // The questionnaire's first concern with a picture is drawn in the skin, until the picker is used.
  void follow_concerns() {
    if (s.cross.concern_picked || !s.content) return;
    s.cross.concern.clear();
    for (core::Concern c : s.quiz.answers.values.concerns)
      if (const auto* picture = s.content->skin.concern_for_answer(core::concern_id(c))) {
        s.cross.concern = picture->id;
        return;
      }
  }

  // The drawing follows the area the patient picks.
  void follow_area() {
    if (s.quiz.answers.has_area && s.content) {
      const std::string id(core::area_id(s.quiz.answers.values.area));
      if (s.content->skin.find_area(id)) s.cross.area_id = id;
    }
  }

  std::string operator()(const act::SetView& a) { s.view = a.view; return {}; }
  std::string operator()(const act::SetLanguage& a) {
    const auto& langs = s.content ? s.content->languages : std::vector<std::string>{};
    if (std::find(langs.begin(), langs.end(), a.language) == langs.end()) return "unknown language \"" + a.language + "\"";
    s.language = a.language;
    return {};
  }
  std::string operator()(const act::SetMode& a) {
    s.mode = a.mode;
    if (a.mode == Mode::Staff) s.cross.comparing = true;  // staff explain clinic pen versus home roller side by side
    return {};
  }
  std::string operator()(const act::SetTheme& a) { s.theme = a.theme; return {}; }
  std::string operator()(const act::SetReducedMotion& a) { s.reduced_motion = a.on; return {}; }
  std::string operator()(const act::SetToday& a) {
    if (!a.date.valid()) return "today must be a valid date";
    s.today = a.date;
    if (!s.quiz.start.valid()) s.quiz.start = add_days(a.date, 7);
    return {};
  }
  std::string operator()(const act::SetPageUrl& a) { s.page_url = a.url.substr(0, a.url.find('#')); return {}; }
  std::string operator()(const act::SetBookLabel& a) { s.book_label = a.label; return {}; }
  std::string operator()(const act::DismissNotices&) { s.notices.clear(); return {}; }
  std::string operator()(const act::LoadParts&) {
    const auto files = parts_needed(s, s.view);
    for (const auto& f : files) s.part_problems.erase(f);
    if (!files.empty()) s.outbox.push_back({{"name", "needcontent"}, {"detail", {{"files", files}}}});
    return {};
  }
  std::string operator()(const act::ResetForNextPatient&) {
    s.quiz = Questionnaire{};
    if (s.today.valid()) s.quiz.start = add_days(s.today, 7);
    s.cross = CrossSection{};
    s.cross.comparing = s.mode == Mode::Staff;
    s.timeline = TimelineView{};
    s.view = View::CrossSection;
    return {};
  }
  std::string operator()(const act::SetArea& a) {
    if (!s.content || !s.content->skin.find_area(a.area)) return "unknown area \"" + a.area + "\"";
    s.cross.area_id = a.area;
    s.cross.stamps_done = 0;
    return {};
  }
  std::string operator()(const act::SetDevice& a) {
    if (!s.content || !s.content->skin.needles.find_device(a.device)) return "unknown device \"" + a.device + "\"";
    s.cross.device_id = a.device;
    s.cross.stamps_done = 0;
    s.cross.stamping = false;
    s.cross.stamp_phase = 0.0;
    return {};
  }
  std::string operator()(const act::SetNeedle& a) { return set_needle(a.mm, a.second); }
  std::string operator()(const act::StepNeedle& a) {
    const core::NeedleCatalog* needles = s.needles();
    if (!needles) return "no content yet";
    const double now = a.second ? s.cross.compare_mm : s.cross.needle_mm;
    return set_needle(now + a.steps * needles->step_mm, a.second);  // refused past either end
  }
  std::string operator()(const act::SetCompare& a) { s.cross.comparing = a.on; return {}; }
  std::string operator()(const act::SetLoupe& a) { s.cross.loupe = a.on; return {}; }
  std::string operator()(const act::Stamp&) {
    s.cross.stamping = true;
    s.cross.stamp_phase = s.reduced_motion ? 1.0 : 0.0;
    return {};
  }
  std::string operator()(const act::Zoom& a) {
    if (!std::isfinite(a.factor) || a.factor <= 0.0) return "zoom must be a positive number";
    s.cross.zoom = std::clamp(s.cross.zoom * a.factor, kMinZoom, kMaxZoom);
    return {};
  }
  std::string operator()(const act::Pan& a) {
    if (!std::isfinite(a.dx_mm) || !std::isfinite(a.ddepth_mm)) return "pan must be numbers";
    // Sideways the skin goes on; in depth the skin stays in sight (scene.h).
    constexpr double kMaxPanXMm = 10.0;
    s.cross.pan_x_mm = std::clamp(s.cross.pan_x_mm + a.dx_mm, -kMaxPanXMm, kMaxPanXMm);
    const auto [lowest, highest] = pan_depth_range(s);
    s.cross.pan_depth_mm = std::clamp(s.cross.pan_depth_mm + a.ddepth_mm, lowest, highest);
    return {};
  }
  std::string operator()(const act::ResetView&) {
    s.cross.zoom = 1.0;
    s.cross.pan_x_mm = 0.0;
    s.cross.pan_depth_mm = 0.0;
    return {};
  }
  std::string operator()(const act::SelectStructure& a) { s.cross.selected_structure = a.id; return {}; }
  std::string operator()(const act::SetConcern& a) {
    if (!a.id.empty() && (!s.content || !s.content->skin.find_concern(a.id))) return "unknown concern picture \"" + a.id + "\"";
    s.cross.concern = a.id;
    s.cross.concern_picked = true;
    return {};
  }
  std::string operator()(const act::SetTime& a) {
    if (!std::isfinite(a.hours) || a.hours < 0.0) return "time must be a number of hours, 0 or more";
    s.timeline.t_hours = std::min(a.hours, timeline_end(s));
    return {};
  }
  std::string operator()(const act::NextKeyMoment&) {
    if (!s.content) return "no content yet";
    for (const auto& k : s.content->timeline.key_moments)
      if (k.hours > s.timeline.t_hours + 1e-6) {
        s.timeline.t_hours = std::min(k.hours, timeline_end(s));
        s.view = View::Timeline;
        return {};
      }
    return {};
  }
  std::string operator()(const act::Play&) {
    s.timeline.playing = true;
    s.timeline.step_timer = 0.0;
    if (s.timeline.t_hours >= timeline_end(s) - 1e-9) s.timeline.t_hours = 0.0;
    return {};
  }
  std::string operator()(const act::Pause&) { s.timeline.playing = false; return {}; }
  std::string operator()(const act::SetSpeed& a) {
    if (!std::isfinite(a.speed) || a.speed <= 0.0 || a.speed > 16.0) return "speed must be above 0 and at most 16";
    s.timeline.speed = a.speed;
    return {};
  }
  std::string operator()(const act::SetCourse& a) {
    const auto& l = core::kCourseLimits;
    if (!std::isfinite(a.every_weeks) || !l.accepts(a.sessions, a.every_weeks)) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "a course is %d to %d sessions, %g to %g weeks apart", l.min_sessions, l.max_sessions,
                    l.min_every_weeks, l.max_every_weeks);
      return buf;
    }
    s.timeline.sessions = a.sessions;
    s.timeline.every_weeks = a.every_weeks;
    s.timeline.t_hours = std::min(s.timeline.t_hours, timeline_end(s));
    return {};
  }
  std::string operator()(const act::Answer& a) {
    if (std::string error = core::set_answer(s.quiz.answers, a.key, a.value); !error.empty()) return error;
    s.quiz.finished = false;
    if (a.key == "area") follow_area();
    if (a.key == "concerns") follow_concerns();
    return {};
  }
  std::string operator()(const act::ClearAnswer& a) {
    if (!core::clear_answer(s.quiz.answers, a.key)) return a.key + ": unknown answer key";
    s.quiz.finished = false;
    if (a.key == "concerns") follow_concerns();
    return {};
  }
  std::string operator()(const act::SetAnswers& a) {
    if (!a.answers.is_object()) return "answers must be an object of answer keys";
    core::AnswerSheet sheet;
    for (auto it = a.answers.begin(); it != a.answers.end(); ++it)
      if (std::string error = core::set_answer(sheet, it.key(), it.value()); !error.empty()) return error;
    s.quiz.answers = std::move(sheet);
    s.quiz.finished = false;
    follow_area();
    follow_concerns();
    return {};
  }
  std::string operator()(const act::StepTo& a) { step_to(a.step); return {}; }
  std::string operator()(const act::ShowPlan&) {
    if (!current_plan(s)) return "the answers are not complete: every visible question needs an answer";
    step_to(static_cast<int>(visible_steps(s).size()));
    s.view = View::Questionnaire;
    return {};
  }
  std::string operator()(const act::ShiftStart& a) {
    if (!s.quiz.start.valid()) return "no start date: the host did not give today's date";
    s.quiz.start = add_days(s.quiz.start, a.days);
    if (s.today.valid() && s.quiz.start.iso() < s.today.iso()) s.quiz.start = s.today;
    return {};
  }
  std::string show_plan(bool course) {
    const auto plan = current_plan(s);
    if (!plan || plan->decision != core::Decision::Proceed) return "there is no plan to show yet";
    if (!s.needles()) return "no content yet";
    s.cross.needle_mm = plan_needle_mm(s, plan->depth_mm);
    if (!course) {
      s.view = View::CrossSection;
      return {};
    }
    const auto& l = core::kCourseLimits;
    s.timeline.sessions = std::clamp(static_cast<int>(plan->sessions.max), l.min_sessions, l.max_sessions);
    s.timeline.every_weeks = std::clamp(plan->interval_weeks.min, l.min_every_weeks, l.max_every_weeks);
    s.timeline.t_hours = 0.0;
    s.timeline.playing = !s.reduced_motion;
    s.view = View::Timeline;
    return {};
  }
  std::string operator()(const act::ShowPlanDepth&) { return show_plan(false); }
  std::string operator()(const act::ShowPlanCourse&) { return show_plan(true); }
  std::string operator()(const act::BookClick&) {
    const auto plan = current_plan(s);
    const bool consult = !plan || plan->decision != core::Decision::Proceed;
    s.outbox.push_back({{"name", "bookclick"},
                        {"detail", {{"area", s.cross.area_id}, {"treatment", consult ? "consultation" : "microneedling"},
                                    {"decision", plan ? std::string(core::decision_id(plan->decision)) : "none"}}}});
    return {};
  }
  std::string operator()(const act::Export& a) {
    const auto plan = current_plan(s);
    if (!plan) return "there is no plan to export yet";
    static const char* const kKinds[] = {"print", "copy", "ics"};
    nlohmann::json detail = {{"kind", kKinds[static_cast<int>(a.kind)]}, {"text", plan_text(s, *plan)}};
    if (a.kind == act::ExportKind::Print) {
      // The take-home sheet, laid out by the page, with the drawing of the plan's area at the plan's
      // depth: the needle is set to it, so the frame the page then copies shows it (and so does the view).
      if (plan->decision == core::Decision::Proceed && s.needles()) s.cross.needle_mm = plan_needle_mm(s, plan->depth_mm);
      nlohmann::json sheet = plan_sheet_json(*s.content, s.language, plan_view(s, *plan));
      sheet["review"] = review_text(s);
      sheet["picture_caption"] = describe_needle(s);
      sheet["accent"] = {s.theme.accent[0], s.theme.accent[1], s.theme.accent[2]};
      detail["sheet"] = std::move(sheet);
    }
    if (a.kind == act::ExportKind::Ics) {
      if (plan->decision != core::Decision::Proceed || !s.quiz.start.valid()) return "no session dates to export";
      const auto dates = session_dates(s.quiz.start, static_cast<int>(plan->sessions.max), static_cast<int>(plan->interval_weeks.min));
      const std::string stamp = s.today.valid() ? s.today.iso().substr(0, 4) + s.today.iso().substr(5, 2) + s.today.iso().substr(8, 2) + "T000000Z"
                                                : "19700101T000000Z";
      detail["ics"] = sessions_ics(dates, s.ui("plan.ics_title"), s.ui("plan.stamp"), stamp);
    }
    s.outbox.push_back({{"name", "export"}, {"detail", detail}});
    return {};
  }
};

}  // namespace

std::vector<std::string> parts_needed(const AppState& s, View view) {
  std::vector<std::string> out;
  if (!s.content || view == View::CrossSection) return out;
  for (const char* file : {"timeline.json", "questionnaire.json"}) {
    if (view == View::Timeline && std::string_view(file) == "questionnaire.json") continue;
    if (!s.content->has_part(file)) out.emplace_back(file);
  }
  return out;
}

namespace {
// A plan is only ever made from the whole questionnaire (its screening questions above all).
bool plan_parts_here(const AppState& s) { return s.content && parts_needed(s, View::Questionnaire).empty(); }
}  // namespace

double plan_needle_mm(const AppState& s, const core::Span& depth) {
  const double middle = (depth.min + depth.max) / 2.0;
  return s.needles() ? s.needles()->snap(middle) : middle;
}

std::vector<int> visible_steps(const AppState& s) {
  return plan_parts_here(s) ? core::visible_steps(s.content->questionnaire, s.quiz.answers) : std::vector<int>{};
}

std::optional<core::Plan> current_plan(const AppState& s) {
  return plan_parts_here(s) ? core::current_plan(*s.content, s.quiz.answers, s.language) : std::nullopt;
}

bool apply(AppState& s, const Action& action, std::string* error) {
  const View before = s.view;
  std::string refusal = std::visit(Applier{s}, action.what);
  if (!refusal.empty()) {
    if (error) *error = std::move(refusal);
    return false;
  }
  if (s.view != before) {
    s.outbox.push_back({{"name", "viewchange"}, {"detail", {{"view", view_id(s.view)}}}});
    // A view opened (a tab, a key) before its content came: the page is asked to fetch it.
    const auto files = parts_needed(s, s.view);
    if (!files.empty()) s.outbox.push_back({{"name", "needcontent"}, {"detail", {{"files", files}}}});
  }
  s.needs_frame = true;
  return true;
}

void advance(AppState& s, double dt) {
  if (!std::isfinite(dt) || dt < 0.0) dt = 0.0;
  dt = std::min(dt, kMaxFrameSeconds);
  s.seconds += dt;
  if (s.cross.stamping) {
    s.cross.stamp_phase = std::min(1.0, s.cross.stamp_phase + dt / (rolling_device(s) ? kRollSeconds : kStampSeconds));
    if (s.cross.stamp_phase >= 1.0) {
      s.cross.stamping = false;
      s.cross.stamps_done = std::min(s.cross.stamps_done + 1, 6);
    }
    s.needs_frame = true;
  }
  if (s.timeline.playing) {
    // Playback moves along the bar's log scale: at speed 1 the whole timeline takes kPlaySeconds.
    // Under reduced motion it steps from key moment to key moment instead.
    const double end = timeline_end(s);
    if (s.reduced_motion) {
      s.timeline.step_timer += dt * s.timeline.speed;
      if (s.timeline.step_timer >= kReducedMotionStepSeconds) {
        s.timeline.step_timer = 0.0;
        double next = end;
        if (s.content)
          for (const auto& k : s.content->timeline.key_moments)
            if (k.hours > s.timeline.t_hours + 1e-6) {
              next = std::min(next, k.hours);
            }
        s.timeline.t_hours = next;
      }
    } else {
      const double u = timeline_position(s.timeline.t_hours, end) + dt * s.timeline.speed / kPlaySeconds;
      s.timeline.t_hours = timeline_hours(u, end);
    }
    if (s.timeline.t_hours >= end - 1e-9) s.timeline.playing = false;
    s.needs_frame = true;
  }
}

bool animating(const AppState& s) { return s.cross.stamping || s.timeline.playing; }

bool rolling_device(const AppState& s) {
  const core::Device* d = s.content ? s.content->skin.needles.find_device(s.cross.device_id) : nullptr;
  return d && d->motion == core::DeviceMotion::Roll;
}

}  // namespace skindepth::app
