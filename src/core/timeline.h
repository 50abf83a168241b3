// The healing timeline: what the skin does, and what the patient should do, from the end of a session
// to a year later, for one session or a course. `sample()` is a pure function of time so the view can
// scrub, play at any speed or step, and the command line and the tests see exactly what the view draws.
#pragma once

#include "core/skin.h"
#include "core/text.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skindepth::core {

// ---------------------------------------------------------------------------------------------
// [SECTION] Durations ("30m", "18h", "3d", "6w", "9mo", "1y")
// ---------------------------------------------------------------------------------------------

inline constexpr double kHoursPerDay = 24.0;
inline constexpr double kHoursPerWeek = 7.0 * kHoursPerDay;
inline constexpr double kHoursPerYear = 365.0 * kHoursPerDay;
inline constexpr double kHoursPerMonth = kHoursPerYear / 12.0;  // so that 12mo == 1y exactly

struct DurationResult {
  double hours = 0.0;
  std::string error;  // empty when parsed; otherwise one line saying what was expected
  bool ok() const { return error.empty(); }
};

// A non-negative number (decimals allowed, no sign, no exponent) followed by one unit:
// m (minutes), h, d, w, mo (months of 1/12 year), y. Anything else is rejected with a message.
DurationResult parse_duration(std::string_view text);

// ---------------------------------------------------------------------------------------------
// [SECTION] The model, as loaded from content/timeline.json
// ---------------------------------------------------------------------------------------------

enum class Phase { Bleeding = 0, Inflammation, Proliferation, Remodelling, Settled };
inline constexpr int kPhaseCount = 5;

// "bleeding", "inflammation", "proliferation", "remodelling", "settled".
std::string_view phase_id(Phase phase);
std::optional<Phase> phase_from_id(std::string_view id);

struct PhaseInfo {
  Phase phase = Phase::Bleeding;
  double starts_hours = 0.0;  // hours after a session; a phase lasts until the next one starts
  Text name;
  Text what_happens;  // what the skin does in this phase, for the side card
  std::vector<std::string> sources;
};

// One point of the device maker's downtime chart: how long visible redness and swelling last.
struct DowntimePoint {
  double needle_mm = 0.0;
  double days = 0.0;
};

struct GuidanceItem {
  Text text;
  std::vector<std::string> sources;
};

// What to expect and do during [from_hours, to_hours) after a session. Windows may overlap: the
// guidance at a moment is every item of every window open then, in file order.
struct GuidanceWindow {
  double from_hours = 0.0;
  double to_hours = 0.0;  // +infinity when open-ended
  std::vector<GuidanceItem> sees;
  std::vector<GuidanceItem> do_items;
  std::vector<GuidanceItem> avoid;
  std::vector<GuidanceItem> call_clinic;
};

struct Guidance {
  std::vector<GuidanceItem> sees;
  std::vector<GuidanceItem> do_items;
  std::vector<GuidanceItem> avoid;
  std::vector<GuidanceItem> call_clinic;
};

// A moment the view offers as a jump (1 hour, day 1, ... month 12).
struct KeyMoment {
  std::string id;
  double hours = 0.0;
  Text label;
};

struct HealingModel {
  std::vector<PhaseInfo> phases;  // all five, in order; phases[0] starts at 0

  // Microchannels: the barrier recovers in hours, the channels close in about 12-18 h (Kalluri 2011).
  double barrier_recovers_hours = 4.5;
  double channels_close_from_hours = 12.0;
  double channels_closed_by_hours = 18.0;
  std::vector<std::string> channel_sources;

  // Visible redness stays strong for about the first day (24-48 h on the label), then fades by the
  // end of the depth-dependent downtime.
  double redness_full_until_hours = 24.0;
  std::vector<std::string> redness_sources;

  std::vector<DowntimePoint> downtime;  // needle_mm strictly increasing
  Text downtime_note;                   // says the chart is a device maker's, low authority
  std::vector<std::string> downtime_sources;

  // A later session of a course opens its channels over the session itself, not in an instant.
  double session_hours = 0.5;
  // Visual scale: the share of the drawable maximum one session's new collagen reaches. Sessions
  // saturate towards 1 (each adds this share of what is still missing).
  double single_session_share = 0.4;
  // After the last session's remodelling ends, the new collagen fades back over this long.
  double fade_hours = kHoursPerYear;
  std::vector<std::string> course_sources;

  // How much thicker the drawing makes each layer at the most new skin the view shows, as shares of
  // its thickness (timeline.json "thickening"; without it nothing thickens): the epidermis after
  // Aust 2008 (about 40% at a year), the dermis the clinic's setting unless a source is given.
  double epidermis_gain = 0.0;
  LimitBasis epidermis_gain_basis;
  double dermis_gain = 0.0;
  LimitBasis dermis_gain_basis;

  std::vector<KeyMoment> key_moments;
  std::vector<GuidanceWindow> guidance;

  // When `phase` starts, in hours after a session (0 when the model is empty).
  double phase_start(Phase phase) const;
  const PhaseInfo* find_phase(Phase phase) const;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Sampling
// ---------------------------------------------------------------------------------------------

// One session is `sessions = 1`. Session k (0-based) happens at k * every_weeks weeks; t = 0 is the
// end of the first session.
struct Course {
  double needle_mm = 1.0;
  int sessions = 1;
  double every_weeks = 4.0;
};

// The courses the timeline draws, stated once: the timeline panel's sliders, the host API, a plan's
// "show healing" and the command line all keep within these.
struct CourseLimits {
  int min_sessions = 1;
  int max_sessions = 12;
  double min_every_weeks = 1.0;
  double max_every_weeks = 26.0;
  bool accepts(int sessions, double every_weeks) const {
    return sessions >= min_sessions && sessions <= max_sessions && every_weeks >= min_every_weeks &&
           every_weeks <= max_every_weeks;
  }
};
inline constexpr CourseLimits kCourseLimits{};

// Every visual parameter is a number from 0 (none) to 1 (the most the view draws).
struct HealingSample {
  double t_hours = 0.0;  // the time sampled, after clamping to [0, end of the timeline]
  Phase phase = Phase::Bleeding;  // relative to the most recent session
  int session_index = 1;          // the most recent session, 1 = the first
  double hours_since_session = 0.0;

  double channels_open = 0.0;
  double bleeding = 0.0;
  double redness = 0.0;
  double swelling = 0.0;
  double platelets = 0.0;
  double immune_cells = 0.0;
  double fibroblast_activity = 0.0;
  double collagen_iii = 0.0;
  double collagen_i = 0.0;
  double elastin = 0.0;
  double collagen_new = 0.0;  // total new collagen: collagen_iii + collagen_i
  double new_capillaries = 0.0;
  double epidermal_thickening = 0.0;

  static constexpr int kParameterCount = 13;
  // The visual parameters by name, in the order above (for printing and for checks over all of them).
  std::array<std::pair<const char*, double>, kParameterCount> parameters() const;
};

// How long visible redness and swelling last after one session with this needle length, in days:
// the downtime chart interpolated linearly, held flat beyond its first and last points.
double downtime_days(const HealingModel& model, double needle_mm);

// When the timeline ends: a year after the last session plus the fade; later times are clamped.
double timeline_end_hours(const HealingModel& model, const Course& course);

// The skin at t hours after the end of the first session. Pure and deterministic; continuous in t
// (a later session's channels open over the session rather than in a jump). Out-of-range courses are
// clamped: at least one session, at least a day apart.
HealingSample sample(const HealingModel& model, const Course& course, double t_hours);

// What the patient sees, should do and avoid, and when to call the clinic, `hours_since_session`
// after a session.
Guidance guidance_at(const HealingModel& model, double hours_since_session);

}  // namespace skindepth::core
