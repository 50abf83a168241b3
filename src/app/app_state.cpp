// apply() and advance(): the only writers of AppState (see app_state.h).
#include "app/app_state.h"

#include "app/quiz.h"
#include "app/scene.h"

#include <algorithm>
#include <cmath>

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

double snap_needle(double mm) {
  if (!std::isfinite(mm)) return 1.0;
  const double clamped = std::clamp(mm, kMinNeedleMm, kMaxNeedleMm);
  return std::round(clamped / kNeedleStepMm) * kNeedleStepMm;
}

bool apply(AppState& s, const Action& a, std::string* error) {
  auto refuse = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  using K = Action::Kind;
  switch (a.kind) {
    case K::SetView: {
      View v;
      if (!view_from_id(a.text, v)) return refuse("unknown view \"" + a.text + "\"");
      s.view = v;
      break;
    }
    case K::SetLanguage: {
      const auto& langs = s.content ? s.content->languages : std::vector<std::string>{};
      if (std::find(langs.begin(), langs.end(), a.text) == langs.end())
        return refuse("unknown language \"" + a.text + "\"");
      s.language = a.text;
      break;
    }
    case K::SetMode:
      if (a.text == "staff") {
        s.mode = Mode::Staff;
        s.cross.comparing = true;  // staff explain clinic pen versus home roller side by side
      }
      else if (a.text == "patient") s.mode = Mode::Patient;
      else return refuse("unknown mode \"" + a.text + "\"; expected patient or staff");
      break;
    case K::SetArea:
      if (!s.content || !s.content->skin.find_area(a.text)) return refuse("unknown area \"" + a.text + "\"");
      s.cross.area_id = a.text;
      s.cross.stamps_done = 0;
      break;
    case K::SetDevice:
      if (!s.content || !s.content->skin.needles.find_device(a.text)) return refuse("unknown device \"" + a.text + "\"");
      s.cross.device_id = a.text;
      s.cross.stamps_done = 0;
      s.cross.stamping = false;
      s.cross.stamp_phase = 0.0;
      break;
    case K::SetNeedle:
      if (!std::isfinite(a.number) || a.number < kMinNeedleMm || a.number > kMaxNeedleMm)
        return refuse("needle length must be a number from 0.25 to 2.5 mm");
      s.cross.needle_mm = snap_needle(a.number);
      s.cross.stamps_done = 0;
      break;
    case K::SetCompare:
      s.cross.comparing = a.number != 0.0;
      break;
    case K::SetCompareNeedle:
      if (!std::isfinite(a.number) || a.number < kMinNeedleMm || a.number > kMaxNeedleMm)
        return refuse("needle length must be a number from 0.25 to 2.5 mm");
      s.cross.compare_mm = snap_needle(a.number);
      s.cross.comparing = true;
      break;
    case K::Stamp:
      s.cross.stamping = true;
      s.cross.stamp_phase = s.reduced_motion ? 1.0 : 0.0;
      break;
    case K::Zoom: {
      if (!std::isfinite(a.number) || a.number <= 0.0) return refuse("zoom must be a positive number");
      s.cross.zoom = std::clamp(s.cross.zoom * a.number, 1.0, 12.0);
      break;
    }
    case K::Pan:
      if (!std::isfinite(a.number) || !std::isfinite(a.number2)) return refuse("pan must be numbers");
      s.cross.pan_x_mm += a.number;
      s.cross.pan_depth_mm += a.number2;
      break;
    case K::ResetView:
      s.cross.zoom = 1.0;
      s.cross.pan_x_mm = 0.0;
      s.cross.pan_depth_mm = 0.0;
      break;
    case K::SelectStructure:
      s.cross.selected_structure = a.text;
      break;
    case K::SetTime:
      if (!std::isfinite(a.number) || a.number < 0.0) return refuse("time must be a number of hours, 0 or more");
      s.timeline.t_hours = std::min(a.number, timeline_end(s));
      break;
    case K::Play:
      s.timeline.playing = true;
      s.timeline.step_timer = 0.0;
      if (s.timeline.t_hours >= timeline_end(s) - 1e-9) s.timeline.t_hours = 0.0;
      break;
    case K::Pause:
      s.timeline.playing = false;
      break;
    case K::SetSpeed:
      if (!std::isfinite(a.number) || a.number <= 0.0 || a.number > 16.0) return refuse("speed must be above 0 and at most 16");
      s.timeline.speed = a.number;
      break;
    case K::SetCourse:
      if (!std::isfinite(a.number) || a.number < 1 || a.number > 12) return refuse("sessions must be 1 to 12");
      if (!std::isfinite(a.number2) || a.number2 < 1 || a.number2 > 26) return refuse("weeks between sessions must be 1 to 26");
      s.timeline.sessions = static_cast<int>(a.number);
      s.timeline.every_weeks = a.number2;
      s.timeline.t_hours = std::min(s.timeline.t_hours, timeline_end(s));
      break;
    case K::Answer:
      if (a.text.empty()) return refuse("an answer needs a key");
      s.quiz.answers[a.text] = a.value;
      s.quiz.finished = false;
      // The drawing follows the area the patient picks.
      if (a.text == "area" && a.value.is_string() && s.content && s.content->skin.find_area(a.value.get<std::string>()))
        s.cross.area_id = a.value.get<std::string>();
      break;
    case K::ClearAnswer:
      s.quiz.answers.erase(a.text);
      s.quiz.finished = false;
      break;
    case K::StepTo: {
      const int pages = static_cast<int>(visible_steps(s).size());
      s.quiz.step = std::clamp(static_cast<int>(a.number), 0, pages);
      if (s.quiz.step == pages) {
        if (const auto plan = current_plan(s)) {
          s.quiz.finished = true;
          // Only the decision kind and the area leave the widget unless the host opted in.
          s.outbox.push_back({{"name", "plancomplete"},
                              {"detail", {{"decision", core::decision_id(plan->decision)}, {"area", s.cross.area_id}}}});
        }
      }
      break;
    }
    case K::ShiftStart:
      if (!s.quiz.start.valid()) return refuse("no start date: the host did not give today's date");
      s.quiz.start = add_days(s.quiz.start, static_cast<int>(a.number));
      if (s.today.valid() && s.quiz.start.iso() < s.today.iso()) s.quiz.start = s.today;
      break;
    case K::ShowPlanDepth:
    case K::ShowPlanCourse: {
      const auto plan = current_plan(s);
      if (!plan || plan->decision != core::Decision::Proceed) return refuse("there is no plan to show yet");
      if (s.content->skin.find_area(s.cross.area_id) == nullptr) return refuse("the plan's area is not in the content");
      s.cross.needle_mm = snap_needle((plan->depth_mm.min + plan->depth_mm.max) / 2.0);
      if (a.kind == K::ShowPlanDepth) {
        s.view = View::CrossSection;
      } else {
        s.timeline.sessions = std::clamp(static_cast<int>(plan->sessions.max), 1, 12);
        s.timeline.every_weeks = std::clamp(plan->interval_weeks.min, 1.0, 26.0);
        s.timeline.t_hours = 0.0;
        s.timeline.playing = !s.reduced_motion;
        s.view = View::Timeline;
      }
      break;
    }
    case K::BookClick: {
      const auto plan = current_plan(s);
      const bool consult = !plan || plan->decision != core::Decision::Proceed;
      s.outbox.push_back({{"name", "bookclick"},
                          {"detail", {{"area", s.cross.area_id}, {"treatment", consult ? "consultation" : "microneedling"},
                                      {"decision", plan ? std::string(core::decision_id(plan->decision)) : "none"}}}});
      break;
    }
    case K::Export: {
      const auto plan = current_plan(s);
      if (!plan) return refuse("there is no plan to export yet");
      nlohmann::json detail = {{"kind", a.text}, {"text", plan_text(s, *plan)}};
      if (a.text == "ics") {
        if (plan->decision != core::Decision::Proceed || !s.quiz.start.valid()) return refuse("no session dates to export");
        const auto dates = session_dates(s.quiz.start, static_cast<int>(plan->sessions.max), static_cast<int>(plan->interval_weeks.min));
        detail["ics"] = sessions_ics(dates, s.ui("plan.ics_title"), s.ui("plan.stamp"), s.today.valid() ? s.today.iso().substr(0, 4) + s.today.iso().substr(5, 2) + s.today.iso().substr(8, 2) + "T000000Z" : "19700101T000000Z");
      } else if (a.text != "print" && a.text != "copy") {
        return refuse("unknown export \"" + a.text + "\"; expected print, copy or ics");
      }
      s.outbox.push_back({{"name", "export"}, {"detail", detail}});
      break;
    }
    case K::FinishQuiz:
      s.quiz.finished = true;
      break;
    case K::ResetForNextPatient:
      s.quiz = Questionnaire{};
      if (s.today.valid()) s.quiz.start = add_days(s.today, 7);
      s.cross = CrossSection{};
      s.cross.comparing = s.mode == Mode::Staff;
      s.timeline = TimelineView{};
      s.view = View::CrossSection;
      break;
    case K::DismissNotices:
      s.notices.clear();
      break;
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
