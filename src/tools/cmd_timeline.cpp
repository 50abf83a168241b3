// `skindepth timeline --at DURATION`: the skin and the patient guidance at one moment after a session
// or during a course, as JSON (2-space indent). Checks the healing timeline end to end.
#include "core/timeline.h"
#include "tools/cli.h"
#include "tools/commands.h"

#include <algorithm>
#include <cmath>
#include <iostream>

namespace skindepth::tools {

namespace {

constexpr const char* kCommand = "timeline";

// Four decimals: enough to see a curve move, without 0.30000000000000004 noise.
double rounded(double v) { return std::round(v * 1e4) / 1e4; }

nlohmann::ordered_json items_json(const std::vector<core::GuidanceItem>& items, const std::string& language) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& item : items) out.push_back({{"text", item.text.get(language)}, {"sources", item.sources}});
  return out;
}

}  // namespace

int run_timeline(const std::vector<std::string>& argv) {
  const Args args = Args::parse(argv, {"at", "needle-mm", "sessions", "every-weeks", "content", "lang"});
  if (!args.error.empty()) return fail(kCommand, args.error);
  if (!args.positional.empty()) return fail(kCommand, "unexpected argument \"" + args.positional[0] + "\"");

  const auto at = args.get("at");
  if (!at) return fail(kCommand, "missing --at DURATION (e.g. 30m, 18h, 3d, 6w, 9mo)");
  const auto duration = core::parse_duration(*at);
  if (!duration.ok()) return fail(kCommand, "--at: " + duration.error);

  const auto content = content_for(kCommand, args);
  if (!content) return kExitUsage;
  const auto lang = language_for(kCommand, args, *content);
  if (!lang) return kExitUsage;
  const std::string& language = *lang;

  // The needle range of the content (devices.json) and the course limits of the core: the same
  // values the widget's sliders and host API accept.
  const auto& limits = core::kCourseLimits;
  core::Course course;
  if (auto mm = args.get("needle-mm")) {
    const auto v = needle_for(kCommand, *mm, content->skin.needles);
    if (!v) return kExitUsage;
    course.needle_mm = *v;
  }
  if (auto n = args.get("sessions")) {
    const auto v = parse_number(*n);
    if (!v || *v != std::floor(*v) || *v < limits.min_sessions || *v > limits.max_sessions)
      return fail(kCommand, "--sessions: expected a whole number from " + std::to_string(limits.min_sessions) + " to " +
                                std::to_string(limits.max_sessions) + ", got \"" + *n + "\"");
    course.sessions = static_cast<int>(*v);
  }
  if (auto w = args.get("every-weeks")) {
    const auto v = parse_number(*w);
    if (!v || *v < limits.min_every_weeks || *v > limits.max_every_weeks)
      return fail(kCommand, "--every-weeks: expected a number of weeks from " + content::format_number(limits.min_every_weeks) +
                                " to " + content::format_number(limits.max_every_weeks) + ", got \"" + *w + "\"");
    course.every_weeks = *v;
  } else if (course.sessions > 1) {
    return fail(kCommand, "--sessions " + std::to_string(course.sessions) + " needs --every-weeks W (e.g. 4)");
  }

  const auto& model = content->timeline;
  const auto s = core::sample(model, course, duration.hours);
  const auto guidance = core::guidance_at(model, s.hours_since_session);
  const auto* phase = model.find_phase(s.phase);

  nlohmann::ordered_json out;
  out["t_hours"] = rounded(duration.hours);
  if (s.t_hours != duration.hours) out["t_hours_clamped"] = rounded(s.t_hours);
  out["phase"] = std::string(core::phase_id(s.phase));
  out["phase_name"] = phase ? phase->name.get(language) : "";
  out["what_happens"] = phase ? phase->what_happens.get(language) : "";
  out["phase_sources"] = phase ? phase->sources : std::vector<std::string>{};
  out["session_index"] = s.session_index;
  out["sessions"] = course.sessions;
  out["hours_since_session"] = rounded(s.hours_since_session);
  out["needle_mm"] = course.needle_mm;
  out["downtime_days"] = rounded(core::downtime_days(model, course.needle_mm));
  out["downtime_note"] = {{"text", model.downtime_note.get(language)}, {"sources", model.downtime_sources}};
  for (const auto& [name, value] : s.parameters()) out[name] = rounded(value);
  out["guidance"] = {{"sees", items_json(guidance.sees, language)},
                     {"do", items_json(guidance.do_items, language)},
                     {"avoid", items_json(guidance.avoid, language)},
                     {"call_clinic", items_json(guidance.call_clinic, language)}};
  out["language"] = language;
  std::cout << out.dump(2) << "\n";
  return kExitOk;
}

}  // namespace skindepth::tools
