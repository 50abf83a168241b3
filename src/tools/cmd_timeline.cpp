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
constexpr double kMinNeedleMm = 0.1;
constexpr double kMaxNeedleMm = 3.0;
constexpr int kMaxSessions = 20;
constexpr double kMinEveryWeeks = 1.0;
constexpr double kMaxEveryWeeks = 52.0;

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

  core::Course course;
  if (auto mm = args.get("needle-mm")) {
    const auto v = parse_number(*mm);
    if (!v || *v < kMinNeedleMm || *v > kMaxNeedleMm)
      return fail(kCommand, "--needle-mm: expected a needle length in mm from 0.1 to 3, got \"" + *mm + "\"");
    course.needle_mm = *v;
  }
  if (auto n = args.get("sessions")) {
    const auto v = parse_number(*n);
    if (!v || *v != std::floor(*v) || *v < 1 || *v > kMaxSessions)
      return fail(kCommand, "--sessions: expected a whole number from 1 to " + std::to_string(kMaxSessions) + ", got \"" + *n + "\"");
    course.sessions = static_cast<int>(*v);
  }
  if (auto w = args.get("every-weeks")) {
    const auto v = parse_number(*w);
    if (!v || *v < kMinEveryWeeks || *v > kMaxEveryWeeks)
      return fail(kCommand, "--every-weeks: expected a number of weeks from 1 to 52, got \"" + *w + "\"");
    course.every_weeks = *v;
  } else if (course.sessions > 1) {
    return fail(kCommand, "--sessions " + std::to_string(course.sessions) + " needs --every-weeks W (e.g. 4)");
  }

  const auto content = content_for(kCommand, args);
  if (!content) return kExitUsage;
  const std::string language = args.get("lang").value_or(core::kDefaultLanguage);
  if (std::find(content->languages.begin(), content->languages.end(), language) == content->languages.end()) {
    std::string known;
    for (const auto& l : content->languages) known += (known.empty() ? "" : ", ") + l;
    return fail(kCommand, "--lang: unknown language \"" + language + "\"; expected one of " + known);
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
