// The healing timeline (see timeline.h). The curves are shaped from the phase boundaries and the
// cited figures in content/timeline.json; the shapes in between are a drawing aid, not measurements.
#include "core/timeline.h"

#include "core/curves.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace skindepth::core {

// ---------------------------------------------------------------------------------------------
// [SECTION] Durations
// ---------------------------------------------------------------------------------------------

namespace {
constexpr const char* kDurationExamples = "like 30m, 18h, 1.5d, 6w, 9mo or 1y";
}

DurationResult parse_duration(std::string_view text) {
  DurationResult r;
  const std::string quoted = "\"" + std::string(text) + "\"";
  if (text.empty()) {
    r.error = std::string("empty duration: expected a number and a unit, ") + kDurationExamples;
    return r;
  }
  if (text.front() == '-') {
    r.error = "a duration cannot be negative: " + quoted;
    return r;
  }
  // Digits, then optionally '.' and more digits: no sign, exponent, spaces, "inf" or "nan".
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i - start;
  };
  const std::size_t int_digits = digits();
  std::size_t frac_digits = 0;
  const bool has_dot = i < text.size() && text[i] == '.';
  if (has_dot) {
    ++i;
    frac_digits = digits();
  }
  if (int_digits == 0 && frac_digits == 0) {
    r.error = "expected a duration " + std::string(kDurationExamples) + ", got " + quoted;
    return r;
  }
  if (has_dot && frac_digits == 0) {
    r.error = "expected digits after the decimal point in " + quoted + ", " + kDurationExamples;
    return r;
  }
  const std::string number(text.substr(0, i));
  const std::string_view unit = text.substr(i);
  double per_unit = 0.0;
  if (unit == "m") per_unit = 1.0 / 60.0;
  else if (unit == "h") per_unit = 1.0;
  else if (unit == "d") per_unit = kHoursPerDay;
  else if (unit == "w") per_unit = kHoursPerWeek;
  else if (unit == "mo") per_unit = kHoursPerMonth;
  else if (unit == "y") per_unit = kHoursPerYear;
  else {
    r.error = unit.empty() ? "missing unit in " + quoted + ": expected m, h, d, w, mo or y (" + kDurationExamples + ")"
                           : "unknown unit \"" + std::string(unit) + "\" in " + quoted +
                                 ": expected m, h, d, w, mo or y (" + kDurationExamples + ")";
    return r;
  }
  const double value = std::strtod(number.c_str(), nullptr) * per_unit;
  if (!std::isfinite(value)) {
    r.error = "duration too large: " + quoted;
    return r;
  }
  r.hours = value;
  return r;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Phases and the model
// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, kPhaseCount> kPhaseIds = {"bleeding", "inflammation", "proliferation",
                                                                 "remodelling", "settled"};
// Used only when a model lacks a phase (a hand-built model in a test): the documented boundaries.
constexpr std::array<double, kPhaseCount> kFallbackPhaseStarts = {0.0, 1.0, 5.0 * kHoursPerDay, 8.0 * kHoursPerWeek,
                                                                  kHoursPerYear};
constexpr double kFallbackDowntimeDays = 4.5;

}  // namespace

std::string_view phase_id(Phase phase) { return kPhaseIds[static_cast<int>(phase)]; }

std::optional<Phase> phase_from_id(std::string_view id) {
  for (int i = 0; i < kPhaseCount; ++i)
    if (kPhaseIds[i] == id) return static_cast<Phase>(i);
  return std::nullopt;
}

const PhaseInfo* HealingModel::find_phase(Phase phase) const {
  for (const auto& p : phases)
    if (p.phase == phase) return &p;
  return nullptr;
}

double HealingModel::phase_start(Phase phase) const {
  const PhaseInfo* p = find_phase(phase);
  return p ? p->starts_hours : kFallbackPhaseStarts[static_cast<int>(phase)];
}

std::array<std::pair<const char*, double>, HealingSample::kParameterCount> HealingSample::parameters() const {
  return {{{"channels_open", channels_open},
           {"bleeding", bleeding},
           {"redness", redness},
           {"swelling", swelling},
           {"platelets", platelets},
           {"immune_cells", immune_cells},
           {"fibroblast_activity", fibroblast_activity},
           {"collagen_iii", collagen_iii},
           {"collagen_i", collagen_i},
           {"elastin", elastin},
           {"collagen_new", collagen_new},
           {"new_capillaries", new_capillaries},
           {"epidermal_thickening", epidermal_thickening}}};
}

double downtime_days(const HealingModel& model, double needle_mm) {
  const auto& pts = model.downtime;
  if (pts.empty()) return kFallbackDowntimeDays;
  if (!(needle_mm > pts.front().needle_mm)) return pts.front().days;  // also catches NaN
  if (needle_mm >= pts.back().needle_mm) return pts.back().days;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    if (needle_mm <= pts[i].needle_mm) {
      const auto& a = pts[i - 1];
      const auto& b = pts[i];
      return a.days + (b.days - a.days) * (needle_mm - a.needle_mm) / (b.needle_mm - a.needle_mm);
    }
  }
  return pts.back().days;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Curves: every ramp is a smoothstep, so nothing jumps at a phase boundary
// ---------------------------------------------------------------------------------------------

namespace {

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

// 0 before a, 1 after b, smooth in between (a step at b when the two meet).
double ramp(double a, double b, double t) {
  if (!(b > a)) return t >= b ? 1.0 : 0.0;
  return smoothstep(a, b, t);
}

// As ramp() on a logarithmic time axis: healing moves fast in the first weeks and slowly later.
double log_ramp(double a, double b, double t) {
  if (!(a > 0.0) || !(b > a)) return ramp(a, b, t);
  if (t <= a) return 0.0;
  return smoothstep(0.0, 1.0, std::log(t / a) / std::log(b / a));
}

// 1 before a, 0 after b; falls fast at first and eases out (redness: most of it goes early).
double fade_early(double a, double b, double t) {
  if (!(b > a)) return t >= b ? 0.0 : 1.0;
  const double x = clamp01((t - a) / (b - a));
  const double w = 1.0 - (1.0 - x) * (1.0 - x);
  return 1.0 - smoothstep(0.0, 1.0, w);
}

// The short-lived effects of one session, `s` hours after it.
struct Transient {
  double channels_open = 0.0, bleeding = 0.0, redness = 0.0, swelling = 0.0, platelets = 0.0, immune_cells = 0.0,
         fibroblast_activity = 0.0, new_capillaries = 0.0;

  Transient scaled(double k) const {
    return {channels_open * k, bleeding * k, redness * k, swelling * k, platelets * k, immune_cells * k,
            fibroblast_activity * k, new_capillaries * k};
  }
};

struct Boundaries {
  double inflammation, proliferation, remodelling, settled;
};

Boundaries boundaries(const HealingModel& m) {
  return {m.phase_start(Phase::Inflammation), m.phase_start(Phase::Proliferation), m.phase_start(Phase::Remodelling),
          m.phase_start(Phase::Settled)};
}

Transient transient(const HealingModel& m, const Boundaries& b, double downtime_hours, double s) {
  const double day = kHoursPerDay;
  Transient tr;
  // Half of the openness goes as the barrier recovers, the rest as the channels close.
  tr.channels_open = 1.0 - 0.5 * ramp(0.0, m.barrier_recovers_hours, s) -
                     0.5 * ramp(m.channels_close_from_hours, m.channels_closed_by_hours, s);
  tr.bleeding = fade_early(0.0, b.inflammation, s);
  // Platelets gather within minutes and their clot is cleared over the next two days.
  tr.platelets = ramp(0.0, b.inflammation / 4.0, s) * (1.0 - ramp(b.inflammation, 2.0 * day, s));
  // Immune cells peak around day 1-2 and leave as proliferation takes over.
  tr.immune_cells = ramp(b.inflammation / 2.0, day, s) * (1.0 - ramp(2.0 * day, b.proliferation + 2.0 * day, s));
  // The visible signs last the depth-dependent downtime.
  const double red_end = std::max(downtime_hours, m.redness_full_until_hours + 1.0);
  // Most of the redness goes early (red to pink in a day or two); a pink tail lasts to the end of the
  // downtime, so the picture at 2 mm is still pink on day 6 as the chart's "about a week" says.
  const double a = m.redness_full_until_hours;
  const double tail = std::sqrt(1.0 - clamp01((s - a) / (red_end - a)));
  tr.redness = (0.75 + 0.25 * ramp(0.0, b.inflammation, s)) * (0.65 * fade_early(a, red_end, s) + 0.35 * (s < a ? 1.0 : tail));
  const double swell_end = std::max(downtime_hours, m.channels_close_from_hours + 1.0);
  tr.swelling = ramp(0.0, 2.0 * b.inflammation, s) * fade_early(m.channels_close_from_hours, swell_end, s);
  // Fibroblasts wake during inflammation, work through proliferation and slow down over remodelling.
  tr.fibroblast_activity = ramp(2.0 * day, b.proliferation + 7.0 * day, s) * (1.0 - log_ramp(b.remodelling, b.settled, s));
  // New capillaries sprout in early proliferation and are pruned as the tissue matures.
  tr.new_capillaries = ramp(b.proliferation / 2.0, 2.0 * b.proliferation, s) *
                       (1.0 - ramp(4.0 * b.proliferation, 1.5 * b.remodelling, s));
  return tr;
}

// Combines the same effect from several sessions: overlapping effects add up without passing 1.
double combine(double a, double b) { return 1.0 - (1.0 - a) * (1.0 - b); }

struct CourseTimes {
  int sessions = 1;
  double every_hours = 4.0 * kHoursPerWeek;
  double at(int k) const { return k * every_hours; }
  double last() const { return at(sessions - 1); }
};

CourseTimes course_times(const Course& c) {
  CourseTimes t;
  t.sessions = std::clamp(c.sessions, 1, 100);
  const double weeks = std::isfinite(c.every_weeks) ? c.every_weeks : 4.0;
  t.every_hours = std::max(weeks * kHoursPerWeek, kHoursPerDay);
  return t;
}

}  // namespace

double timeline_end_hours(const HealingModel& model, const Course& course) {
  return course_times(course).last() + model.phase_start(Phase::Settled) + std::max(model.fade_hours, 0.0);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Sampling
// ---------------------------------------------------------------------------------------------

HealingSample sample(const HealingModel& model, const Course& course, double t_hours) {
  const CourseTimes times = course_times(course);
  const Boundaries b = boundaries(model);
  const double needle = std::isfinite(course.needle_mm) ? course.needle_mm : Course{}.needle_mm;
  const double downtime_hours = downtime_days(model, needle) * kHoursPerDay;
  const double end = timeline_end_hours(model, course);
  const double t = std::isnan(t_hours) ? 0.0 : std::clamp(t_hours, 0.0, end);

  HealingSample out;
  out.t_hours = t;

  Transient tr;
  double build = 0.0, build_mature = 0.0, elastin_build = 0.0, epidermis_build = 0.0;
  for (int k = 0; k < times.sessions; ++k) {
    const double s = t - times.at(k);
    if (s >= 0.0) {
      out.session_index = k + 1;
      out.hours_since_session = s;
    } else if (s < -model.session_hours) {
      break;  // sessions are in time order: the rest are later still
    }
    // A later session's effects build up while it is being done, so t never jumps.
    const Transient one = s >= 0.0 ? transient(model, b, downtime_hours, s)
                                   : transient(model, b, downtime_hours, 0.0).scaled(ramp(-model.session_hours, 0.0, s));
    tr.channels_open = combine(tr.channels_open, one.channels_open);
    tr.bleeding = combine(tr.bleeding, one.bleeding);
    tr.redness = combine(tr.redness, one.redness);
    tr.swelling = combine(tr.swelling, one.swelling);
    tr.platelets = combine(tr.platelets, one.platelets);
    tr.immune_cells = combine(tr.immune_cells, one.immune_cells);
    tr.fibroblast_activity = combine(tr.fibroblast_activity, one.fibroblast_activity);
    tr.new_capillaries = combine(tr.new_capillaries, one.new_capillaries);
    if (s > 0.0) {
      // Type III collagen is laid down from proliferation on; remodelling turns it into type I.
      const double g = log_ramp(b.proliferation, b.settled, s);
      build += g;
      build_mature += g * log_ramp(b.remodelling, b.settled, s);
      elastin_build += log_ramp(b.proliferation + kHoursPerWeek, b.settled, s);
      epidermis_build += ramp(b.proliferation, b.settled, s);  // slow: measured thicker at a year
    }
  }

  out.channels_open = tr.channels_open;
  out.bleeding = tr.bleeding;
  out.redness = tr.redness;
  out.swelling = tr.swelling;
  out.platelets = tr.platelets;
  out.immune_cells = tr.immune_cells;
  out.fibroblast_activity = tr.fibroblast_activity;
  out.new_capillaries = tr.new_capillaries;

  // Each session adds a share of what is still missing, so a course builds up but never passes 1;
  // after the last session's remodelling the new collagen fades back (results last months, not forever).
  const double share = std::clamp(model.single_session_share, 0.0, 1.0);
  const auto saturate = [&](double sessions_worth) { return 1.0 - std::pow(1.0 - share, sessions_worth); };
  const double fade_from = times.last() + b.settled;
  const double kept = 1.0 - ramp(fade_from, fade_from + model.fade_hours, t);
  out.collagen_new = clamp01(saturate(build) * kept);
  out.collagen_iii = build > 0.0 ? clamp01(out.collagen_new * (build - build_mature) / build) : 0.0;
  out.collagen_i = clamp01(out.collagen_new - out.collagen_iii);
  out.elastin = clamp01(saturate(elastin_build) * kept);
  out.epidermal_thickening = clamp01(saturate(epidermis_build) * kept);

  out.phase = Phase::Bleeding;
  for (int p = 0; p < kPhaseCount; ++p)
    if (out.hours_since_session >= model.phase_start(static_cast<Phase>(p))) out.phase = static_cast<Phase>(p);
  return out;
}

Guidance guidance_at(const HealingModel& model, double hours_since_session) {
  const double s = std::isnan(hours_since_session) ? 0.0 : std::max(hours_since_session, 0.0);
  Guidance g;
  const auto append = [](std::vector<GuidanceItem>& to, const std::vector<GuidanceItem>& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  for (const auto& w : model.guidance) {
    if (s < w.from_hours || s >= w.to_hours) continue;
    append(g.sees, w.sees);
    append(g.do_items, w.do_items);
    append(g.avoid, w.avoid);
    append(g.call_clinic, w.call_clinic);
  }
  return g;
}

}  // namespace skindepth::core
