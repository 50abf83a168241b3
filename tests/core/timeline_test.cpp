// The healing timeline: phases at and around every documented boundary, continuity over the whole
// timeline, collagen build-up and fading, depth-dependent redness, courses of sessions, the guidance
// at each moment and the duration parser the command line uses.
#include "core/timeline.h"

#include "content/loader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace skindepth::core {
namespace {

const HealingModel& model() { return content::default_content().timeline; }

Course single(double needle_mm = 1.0) { return Course{needle_mm, 1, 4.0}; }

constexpr double kHour = 1.0;
constexpr double kDay = kHoursPerDay;
constexpr double kWeek = kHoursPerWeek;
constexpr double kMonth = kHoursPerMonth;
constexpr double kYear = kHoursPerYear;

// ---------------------------------------------------------------------------------------------
// Phases
// ---------------------------------------------------------------------------------------------

TEST(TimelineContent, PhasesStartAtTheDocumentedTimes) {
  EXPECT_EQ(model().phase_start(Phase::Bleeding), 0.0);
  EXPECT_EQ(model().phase_start(Phase::Inflammation), 1.0 * kHour);
  EXPECT_EQ(model().phase_start(Phase::Proliferation), 5.0 * kDay);
  EXPECT_EQ(model().phase_start(Phase::Remodelling), 8.0 * kWeek);
  EXPECT_EQ(model().phase_start(Phase::Settled), 1.0 * kYear);
  EXPECT_EQ(model().channels_closed_by_hours, 18.0);
}

TEST(TimelineContent, KeyMomentsAreTheDocumentedJumps) {
  const std::vector<std::pair<std::string, double>> expected = {
      {"1h", 1.0}, {"day1", kDay}, {"day3", 3 * kDay}, {"week1", kWeek}, {"week4", 4 * kWeek},
      {"week8", 8 * kWeek}, {"month6", 6 * kMonth}, {"month12", kYear}};
  ASSERT_EQ(model().key_moments.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(model().key_moments[i].id, expected[i].first);
    EXPECT_DOUBLE_EQ(model().key_moments[i].hours, expected[i].second);
    EXPECT_FALSE(model().key_moments[i].label.get("es").empty());
    EXPECT_NE(model().key_moments[i].label.get("es"), model().key_moments[i].label.en()) << expected[i].first;
  }
}

struct PhaseCase {
  double hours;
  Phase phase;
};

class PhaseAt : public ::testing::TestWithParam<PhaseCase> {};

TEST_P(PhaseAt, SingleSession) {
  const auto s = sample(model(), single(), GetParam().hours);
  EXPECT_EQ(phase_id(s.phase), phase_id(GetParam().phase)) << "at " << GetParam().hours << " h";
  EXPECT_EQ(s.session_index, 1);
}

constexpr double kJustBefore = 1e-6;
INSTANTIATE_TEST_SUITE_P(
    Boundaries, PhaseAt,
    ::testing::Values(PhaseCase{0.0, Phase::Bleeding}, PhaseCase{0.5, Phase::Bleeding},
                      PhaseCase{1.0 - kJustBefore, Phase::Bleeding}, PhaseCase{1.0, Phase::Inflammation},
                      PhaseCase{18.0, Phase::Inflammation}, PhaseCase{3 * kDay, Phase::Inflammation},
                      PhaseCase{5 * kDay - kJustBefore, Phase::Inflammation}, PhaseCase{5 * kDay, Phase::Proliferation},
                      PhaseCase{3 * kWeek, Phase::Proliferation},
                      PhaseCase{8 * kWeek - kJustBefore, Phase::Proliferation},
                      PhaseCase{8 * kWeek, Phase::Remodelling}, PhaseCase{6 * kMonth, Phase::Remodelling},
                      PhaseCase{kYear - 1e-4, Phase::Remodelling}, PhaseCase{kYear, Phase::Settled},
                      PhaseCase{1.5 * kYear, Phase::Settled}, PhaseCase{1e12, Phase::Settled}));

TEST(PhaseIds, RoundTrip) {
  for (int i = 0; i < kPhaseCount; ++i) {
    const auto p = static_cast<Phase>(i);
    EXPECT_EQ(phase_from_id(phase_id(p)), p);
  }
  EXPECT_EQ(phase_id(Phase::Remodelling), "remodelling");
  EXPECT_FALSE(phase_from_id("remodeling").has_value());
}

// ---------------------------------------------------------------------------------------------
// Continuity and ranges over the whole timeline
// ---------------------------------------------------------------------------------------------

struct CourseCase {
  const char* name;
  Course course;
};

class OverTheWholeTimeline : public ::testing::TestWithParam<CourseCase> {};

// |a - b| for every visual parameter, the largest.
double largest_change(const HealingSample& a, const HealingSample& b) {
  double worst = 0.0;
  const auto pa = a.parameters();
  const auto pb = b.parameters();
  for (int i = 0; i < HealingSample::kParameterCount; ++i) worst = std::max(worst, std::abs(pa[i].second - pb[i].second));
  return worst;
}

TEST_P(OverTheWholeTimeline, IsContinuous) {
  const Course& c = GetParam().course;
  const double end = timeline_end_hours(model(), c);
  constexpr double kEpsilon = 1e-3;  // hours
  constexpr double kBound = 0.01;    // the steepest ramp (bleeding, over an hour) moves < 0.005 in kEpsilon
  int checked = 0;
  for (double t = 0.0; t <= end; t += (t < 3 * kDay ? 0.01 : 0.25)) {
    const double change = largest_change(sample(model(), c, t), sample(model(), c, t + kEpsilon));
    ASSERT_LT(change, kBound) << "jump near t = " << t << " h";
    ++checked;
  }
  EXPECT_GT(checked, 40000);
}

TEST_P(OverTheWholeTimeline, IsContinuousAcrossEveryPhaseBoundaryAndSessionStart) {
  const Course& c = GetParam().course;
  std::vector<double> moments;
  for (int k = 0; k < c.sessions; ++k) {
    const double start = k * c.every_weeks * kWeek;
    moments.push_back(start);
    for (const auto& p : model().phases) moments.push_back(start + p.starts_hours);
    moments.push_back(start + model().channels_close_from_hours);
    moments.push_back(start + model().channels_closed_by_hours);
    moments.push_back(start + model().redness_full_until_hours);
    moments.push_back(start + downtime_days(model(), c.needle_mm) * kDay);
  }
  constexpr double kDelta = 1e-5;
  for (double m : moments) {
    const auto before = sample(model(), c, m - kDelta);
    const auto after = sample(model(), c, m + kDelta);
    EXPECT_LT(largest_change(before, after), 1e-3) << "at " << m << " h";
  }
}

TEST_P(OverTheWholeTimeline, EveryParameterStaysBetween0And1) {
  const Course& c = GetParam().course;
  const double end = timeline_end_hours(model(), c);
  for (double t = 0.0; t <= end; t += 0.5) {
    const auto s = sample(model(), c, t);
    for (const auto& [name, v] : s.parameters()) {
      ASSERT_GE(v, 0.0) << name << " at " << t;
      ASSERT_LE(v, 1.0) << name << " at " << t;
    }
    ASSERT_NEAR(s.collagen_iii + s.collagen_i, s.collagen_new, 1e-12) << t;
  }
}

TEST_P(OverTheWholeTimeline, IsDeterministic) {
  const Course& c = GetParam().course;
  for (double t : {0.0, 0.5, 17.0, 100.0, 1000.0, 5000.0, 20000.0}) {
    const auto a = sample(model(), c, t);
    sample(model(), c, t * 3.0 + 1.0);  // an unrelated call in between changes nothing
    const auto b = sample(model(), c, t);
    EXPECT_EQ(a.phase, b.phase);
    EXPECT_EQ(a.session_index, b.session_index);
    EXPECT_EQ(a.hours_since_session, b.hours_since_session);
    const auto pa = a.parameters();
    const auto pb = b.parameters();
    for (int i = 0; i < HealingSample::kParameterCount; ++i) EXPECT_EQ(pa[i].second, pb[i].second) << pa[i].first;
  }
}

INSTANTIATE_TEST_SUITE_P(Courses, OverTheWholeTimeline,
                         ::testing::Values(CourseCase{"shallow", Course{0.25, 1, 4}}, CourseCase{"usual", Course{1.0, 1, 4}},
                                           CourseCase{"deep", Course{2.5, 1, 4}},
                                           CourseCase{"four_monthly", Course{1.5, 4, 4}},
                                           CourseCase{"weekly", Course{0.5, 3, 1}}),
                         [](const auto& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------------------------------------
// One session
// ---------------------------------------------------------------------------------------------

TEST(Sample, ClampsNegativeAndHugeTimes) {
  const Course c = single();
  const auto at_zero = sample(model(), c, 0.0);
  const auto negative = sample(model(), c, -50.0);
  EXPECT_EQ(negative.t_hours, 0.0);
  EXPECT_EQ(largest_change(at_zero, negative), 0.0);
  EXPECT_EQ(sample(model(), c, std::nan("")).t_hours, 0.0);

  const double end = timeline_end_hours(model(), c);
  EXPECT_DOUBLE_EQ(end, 2 * kYear) << "a year of healing, then a year of fading";
  const auto huge = sample(model(), c, 1e15);
  EXPECT_EQ(huge.t_hours, end);
  EXPECT_EQ(largest_change(huge, sample(model(), c, end)), 0.0);
  EXPECT_EQ(huge.phase, Phase::Settled);
  EXPECT_GE(huge.collagen_new, 0.0);
}

TEST(Sample, RightAfterTheSessionChannelsAreOpenAndBleeding) {
  const auto s = sample(model(), single(), 0.0);
  EXPECT_EQ(s.channels_open, 1.0);
  EXPECT_EQ(s.bleeding, 1.0);
  EXPECT_GT(s.redness, 0.5);
  EXPECT_EQ(s.collagen_new, 0.0);
  EXPECT_EQ(s.fibroblast_activity, 0.0);
}

class ChannelsAt : public ::testing::TestWithParam<std::pair<double, double>> {};  // hours, needle

TEST_P(ChannelsAt, AreClosedFrom18Hours) {
  const auto [hours, needle] = GetParam();
  EXPECT_LT(sample(model(), single(needle), hours).channels_open, 1e-9) << hours << " h";
  EXPECT_GT(sample(model(), single(needle), 12.0).channels_open, 0.3) << "still partly open at 12 h";
}

INSTANTIATE_TEST_SUITE_P(Hours, ChannelsAt,
                         ::testing::Values(std::pair{18.0, 1.0}, std::pair{18.0, 2.5}, std::pair{24.0, 0.25},
                                           std::pair{5 * kDay, 1.0}, std::pair{kYear, 1.0}));

TEST(Sample, ChannelsCloseSteadilyOverTheFirst18Hours) {
  double previous = 2.0;
  for (double t = 0.0; t <= 18.0; t += 0.25) {
    const double open = sample(model(), single(), t).channels_open;
    EXPECT_LE(open, previous) << t;
    previous = open;
  }
  EXPECT_NEAR(sample(model(), single(), 4.5).channels_open, 0.5, 1e-9) << "the barrier has recovered";
}

struct RednessCase {
  double needle_mm;
  double hours;
  double min;
  double max;
};

class RednessByDepth : public ::testing::TestWithParam<RednessCase> {};

TEST_P(RednessByDepth, FollowsTheDowntimeChart) {
  const auto& p = GetParam();
  const double redness = sample(model(), single(p.needle_mm), p.hours).redness;
  EXPECT_GE(redness, p.min) << p.needle_mm << " mm at " << p.hours << " h";
  EXPECT_LE(redness, p.max) << p.needle_mm << " mm at " << p.hours << " h";
}

INSTANTIATE_TEST_SUITE_P(
    Chart, RednessByDepth,
    ::testing::Values(RednessCase{0.5, 1.0, 0.9, 1.0},        // red right after any treatment
                      RednessCase{1.0, 24.0, 0.9, 1.0},       // visible redness for the first day
                      RednessCase{0.25, 2 * kDay, 0.0, 0.01},  // 0.25 mm: settled in 2 days
                      RednessCase{0.5, 3 * kDay, 0.0, 0.01},   // 0.5 mm: settled by day 3
                      RednessCase{0.5, 2 * kDay, 0.05, 0.4},   // ...fading at day 2
                      RednessCase{2.0, 3 * kDay, 0.3, 1.0},    // 2 mm: still clearly red at day 3
                      RednessCase{1.0, 3 * kDay, 0.02, 0.3},   // 1 mm: faint at day 3
                      RednessCase{1.0, 5 * kDay, 0.0, 0.01},   // 1 mm: settled in 4-5 days
                      RednessCase{2.0, 6 * kDay, 0.1, 0.3},    // 2 mm: still pink at day 6 ("about a week")
                      RednessCase{2.0, kWeek, 0.0, 0.01}));    // 2 mm: settled in a week

TEST(Sample, SwellingFollowsTheSameDepthDependentDowntime) {
  EXPECT_GT(sample(model(), single(2.0), 3 * kDay).swelling, sample(model(), single(0.5), 3 * kDay).swelling);
  EXPECT_LT(sample(model(), single(0.5), 3 * kDay).swelling, 0.01);
  EXPECT_GT(sample(model(), single(1.0), 6.0).swelling, 0.9);
}

struct DowntimeCase {
  double needle_mm;
  double days;
};

class Downtime : public ::testing::TestWithParam<DowntimeCase> {};

TEST_P(Downtime, InterpolatesTheChart) {
  EXPECT_NEAR(downtime_days(model(), GetParam().needle_mm), GetParam().days, 1e-9) << GetParam().needle_mm;
}

INSTANTIATE_TEST_SUITE_P(Chart, Downtime,
                         ::testing::Values(DowntimeCase{0.1, 2.0}, DowntimeCase{0.25, 2.0}, DowntimeCase{0.375, 2.5},
                                           DowntimeCase{0.5, 3.0}, DowntimeCase{0.8, 4.0}, DowntimeCase{1.0, 4.0 + 0.2 / 0.7},
                                           DowntimeCase{1.5, 5.0}, DowntimeCase{1.75, 6.0}, DowntimeCase{2.0, 7.0},
                                           DowntimeCase{3.0, 7.0}));

TEST(Downtime, GrowsContinuouslyWithDepth) {
  double previous = downtime_days(model(), 0.1);
  for (double mm = 0.1; mm <= 3.0; mm += 0.01) {
    const double d = downtime_days(model(), mm);
    EXPECT_GE(d, previous) << mm;
    EXPECT_LT(d - previous, 0.1) << "no jump at " << mm;
    previous = d;
  }
}

TEST(Sample, CollagenBuildsWithoutEverDroppingFromProliferationToTheEndOfRemodelling) {
  const Course c = single();
  const double from = model().phase_start(Phase::Proliferation);
  const double to = model().phase_start(Phase::Settled);
  double previous = sample(model(), c, from).collagen_new;
  EXPECT_EQ(previous, 0.0) << "nothing new before proliferation";
  for (double t = from; t <= to; t += 1.0) {
    const double now = sample(model(), c, t).collagen_new;
    ASSERT_GE(now, previous) << "collagen dropped at " << t << " h";
    previous = now;
  }
  const double at_year = sample(model(), c, to).collagen_new;
  EXPECT_NEAR(at_year, model().single_session_share, 1e-9);
  // Measurable from 1-3 months (El-Domyati 2015), more still at 6 months (Aust 2008).
  EXPECT_GT(sample(model(), c, 1 * kMonth).collagen_new, 0.1 * at_year);
  EXPECT_LT(sample(model(), c, 1 * kMonth).collagen_new, 0.6 * at_year);
  EXPECT_GT(sample(model(), c, 6 * kMonth).collagen_new, 0.85 * at_year);
}

TEST(Sample, TypeThreeCollagenComesFirstAndTypeOneReplacesIt) {
  const Course c = single();
  const auto proliferating = sample(model(), c, 4 * kWeek);
  EXPECT_GT(proliferating.collagen_iii, 0.0);
  EXPECT_EQ(proliferating.collagen_i, 0.0);
  const auto remodelled = sample(model(), c, 11 * kMonth);
  EXPECT_GT(remodelled.collagen_i, 5 * remodelled.collagen_iii);
}

TEST(Sample, CellsComeAndGoInOrder) {
  const Course c = single();
  EXPECT_GT(sample(model(), c, 0.5).platelets, 0.9);
  EXPECT_LT(sample(model(), c, 0.5).immune_cells, 0.05);
  EXPECT_GT(sample(model(), c, 36.0).immune_cells, 0.9);
  EXPECT_LT(sample(model(), c, 36.0).fibroblast_activity, 0.1);
  EXPECT_GT(sample(model(), c, 3 * kWeek).fibroblast_activity, 0.9);
  EXPECT_LT(sample(model(), c, 3 * kWeek).immune_cells, 0.01);
  EXPECT_GT(sample(model(), c, 2 * kWeek).new_capillaries, 0.5);
  EXPECT_LT(sample(model(), c, 6 * kMonth).new_capillaries, 0.01);
  EXPECT_LT(sample(model(), c, kYear).fibroblast_activity, 0.01);
  EXPECT_GT(sample(model(), c, kYear).epidermal_thickening, sample(model(), c, 3 * kMonth).epidermal_thickening);
}

// ---------------------------------------------------------------------------------------------
// A course of sessions
// ---------------------------------------------------------------------------------------------

const Course kFourMonthly{1.0, 4, 4.0};

TEST(Course, BuildsMoreCollagenThanOneSession) {
  const auto course = sample(model(), kFourMonthly, 16 * kWeek);
  const auto one = sample(model(), single(), 16 * kWeek);
  EXPECT_GT(course.collagen_new, one.collagen_new + 0.1);
  EXPECT_GT(course.elastin, one.elastin);
  EXPECT_EQ(course.session_index, 4);
  EXPECT_DOUBLE_EQ(course.hours_since_session, 4 * kWeek);
  EXPECT_EQ(course.phase, Phase::Proliferation) << "relative to the most recent session";
}

TEST(Course, EachSessionAddsCollagenButNeverPastTheTop) {
  double previous = 0.0;
  for (int n = 1; n <= 10; ++n) {
    const Course c{1.0, n, 4.0};
    const double at_peak = sample(model(), c, (n - 1) * 4 * kWeek + kYear).collagen_new;
    EXPECT_GT(at_peak, previous) << n << " sessions";
    EXPECT_LE(at_peak, 1.0);
    previous = at_peak;
  }
}

TEST(Course, FadesSlowlyAfterTheLastSession) {
  const double last = 3 * 4 * kWeek;
  const auto at = [&](double after_last) { return sample(model(), kFourMonthly, last + after_last); };
  EXPECT_EQ(at(kYear).phase, Phase::Settled);
  EXPECT_GT(at(kYear).collagen_new, at(kYear + 6 * kMonth).collagen_new);
  EXPECT_GT(at(kYear + 6 * kMonth).collagen_new, at(2 * kYear).collagen_new);
  EXPECT_GE(at(2 * kYear).collagen_new, 0.0);
  EXPECT_LT(at(2 * kYear).collagen_new, 0.01);
  // Slowly: a month into the fade most of it is still there.
  EXPECT_GT(at(kYear + kMonth).collagen_new, 0.9 * at(kYear).collagen_new);
}

TEST(Course, ANewSessionOpensChannelsAgainWithoutAJump) {
  const double second = 4 * kWeek;
  EXPECT_LT(sample(model(), kFourMonthly, second - 1.0).channels_open, 1e-9);
  EXPECT_GT(sample(model(), kFourMonthly, second - 0.25).channels_open, 0.2) << "opening during the session";
  const auto s = sample(model(), kFourMonthly, second);
  EXPECT_EQ(s.channels_open, 1.0);
  EXPECT_EQ(s.session_index, 2);
  EXPECT_EQ(s.hours_since_session, 0.0);
  EXPECT_EQ(s.phase, Phase::Bleeding);
  const auto before = sample(model(), kFourMonthly, second - 1e-9);
  EXPECT_EQ(before.session_index, 1);
  EXPECT_EQ(before.phase, Phase::Proliferation);
}

TEST(Course, AFirstSessionAloneIsTheSameAsASingleSession) {
  for (double t : {0.5, 30.0, 2 * kWeek, 4 * kWeek - 1.0}) {
    EXPECT_EQ(largest_change(sample(model(), kFourMonthly, t), sample(model(), single(), t)), 0.0) << t;
  }
}

TEST(Course, OutOfRangeCoursesAreClampedNotTrusted) {
  const auto zero_sessions = sample(model(), Course{1.0, 0, 4.0}, 100.0);
  EXPECT_EQ(largest_change(zero_sessions, sample(model(), single(), 100.0)), 0.0);
  const auto no_spacing = sample(model(), Course{1.0, 3, 0.0}, 2 * kDay + 1.0);
  EXPECT_EQ(no_spacing.session_index, 3) << "sessions at least a day apart";
  EXPECT_EQ(no_spacing.hours_since_session, 1.0);
  const auto nan_needle = sample(model(), Course{std::nan(""), 1, 4.0}, 3 * kDay);
  EXPECT_EQ(nan_needle.redness, sample(model(), single(1.0), 3 * kDay).redness);
}

// ---------------------------------------------------------------------------------------------
// Guidance
// ---------------------------------------------------------------------------------------------

bool any_mentions(const std::vector<GuidanceItem>& items, const std::string& words) {
  for (const auto& i : items)
    if (i.text.en().find(words) != std::string::npos) return true;
  return false;
}

enum class Category { Sees, Do, Avoid, CallClinic };

const std::vector<GuidanceItem>& items_of(const Guidance& g, Category c) {
  switch (c) {
    case Category::Sees: return g.sees;
    case Category::Do: return g.do_items;
    case Category::Avoid: return g.avoid;
    case Category::CallClinic: return g.call_clinic;
  }
  return g.sees;
}

struct GuidanceCase {
  double hours;
  Category category;
  const char* words;
  bool present;
};

class GuidanceAt : public ::testing::TestWithParam<GuidanceCase> {};

TEST_P(GuidanceAt, SaysTheRightThingAtTheRightTime) {
  const auto& p = GetParam();
  const auto g = guidance_at(model(), p.hours);
  EXPECT_EQ(any_mentions(items_of(g, p.category), p.words), p.present)
      << "\"" << p.words << "\" at " << p.hours << " h";
}

INSTANTIATE_TEST_SUITE_P(
    Moments, GuidanceAt,
    ::testing::Values(
        GuidanceCase{0.5, Category::Sees, "spots of blood", true},
        GuidanceCase{3 * kDay, Category::Sees, "spots of blood", false},
        GuidanceCase{1.0, Category::Avoid, "but what your clinic gave you or approved", true},  // channels open
        GuidanceCase{18.0, Category::Avoid, "but what your clinic gave you or approved", false},
        GuidanceCase{1.0, Category::Do, "only the moisturizer your clinic gave or approved", true},  // one rule at 1 h
        GuidanceCase{12.0, Category::Avoid, "No sun, no heat", true},
        GuidanceCase{24.0, Category::Avoid, "No sun, no heat", false},
        GuidanceCase{47.0, Category::Avoid, "No makeup for 48 hours", true},  // the cautious value
        GuidanceCase{48.0, Category::Avoid, "No makeup", false},
        GuidanceCase{48.0, Category::Do, "wear makeup again", true},
        GuidanceCase{6 * kDay, Category::Avoid, "retinol creams", true},
        GuidanceCase{kWeek, Category::Avoid, "retinol creams", false},
        GuidanceCase{6 * kDay, Category::Avoid, "ask the prescriber", true},  // never "stop" a prescribed retinoid
        GuidanceCase{0.0, Category::Do, "fragrance-free", true},
        GuidanceCase{1.0, Category::Do, "sunscreen", false},  // only clinic products on the first day
        GuidanceCase{24.0, Category::Do, "sunscreen", true},
        GuidanceCase{9 * kMonth, Category::Do, "sunscreen", true},
        GuidanceCase{3 * kDay, Category::Sees, "device maker's chart", true},  // low authority, said so
        GuidanceCase{3 * kDay, Category::CallClinic, "signs of infection", true},
        GuidanceCase{kWeek, Category::CallClinic, "after more than a week", false},  // 2 mm: about a week is normal
        GuidanceCase{8 * kDay, Category::CallClinic, "still there after more than a week", true},
        GuidanceCase{3 * kWeek, Category::CallClinic, "lumps", true},
        GuidanceCase{6 * kWeek, Category::Do, "next session", true},
        GuidanceCase{9 * kMonth, Category::Do, "6 to 12 months", true}));

TEST(Guidance, EveryMomentHasSomethingToSeeAndEveryItemCitesSources) {
  for (double t = 0.0; t <= 2 * kYear; t += 1.0) {
    const auto g = guidance_at(model(), t);
    ASSERT_FALSE(g.sees.empty()) << t;
    for (const auto* list : {&g.sees, &g.do_items, &g.avoid, &g.call_clinic})
      for (const auto& item : *list) {
        ASSERT_FALSE(item.sources.empty()) << item.text.en();
        ASSERT_NE(item.text.get("es"), item.text.en()) << "Spanish text missing: " << item.text.en();
      }
  }
}

TEST(Guidance, NegativeTimeIsTheStart) {
  EXPECT_EQ(guidance_at(model(), -5.0).avoid.size(), guidance_at(model(), 0.0).avoid.size());
}

TEST(Guidance, DowntimeNoteSaysTheChartIsLowAuthority) {
  EXPECT_NE(model().downtime_note.en().find("device maker's chart"), std::string::npos);
  ASSERT_EQ(model().downtime_sources, std::vector<std::string>{"device-downtime-chart"});
  const auto* source = content::default_content().find_source("device-downtime-chart");
  ASSERT_NE(source, nullptr);
  EXPECT_NE(source->note.en().find("Low authority"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

class DurationParses : public ::testing::TestWithParam<std::pair<const char*, double>> {};

TEST_P(DurationParses, ToHours) {
  const auto r = parse_duration(GetParam().first);
  ASSERT_TRUE(r.ok()) << GetParam().first << ": " << r.error;
  EXPECT_DOUBLE_EQ(r.hours, GetParam().second) << GetParam().first;
}

INSTANTIATE_TEST_SUITE_P(Valid, DurationParses,
                         ::testing::Values(std::pair{"30m", 0.5}, std::pair{"18h", 18.0}, std::pair{"1.5h", 1.5},
                                           std::pair{"3d", 72.0}, std::pair{"6w", 1008.0}, std::pair{"9mo", 6570.0},
                                           std::pair{"12mo", kYear}, std::pair{"1y", kYear}, std::pair{"0h", 0.0},
                                           std::pair{".5d", 12.0}, std::pair{"2.25y", 2.25 * kYear},
                                           std::pair{"007d", 168.0}));

class DurationRejects : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(DurationRejects, WithAClearMessage) {
  const auto r = parse_duration(GetParam().first);
  EXPECT_FALSE(r.ok()) << "\"" << GetParam().first << "\" parsed as " << r.hours;
  EXPECT_NE(r.error.find(GetParam().second), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Invalid, DurationRejects,
    ::testing::Values(std::pair{"", "empty duration"}, std::pair{"-3d", "cannot be negative"},
                      std::pair{"-0.5h", "cannot be negative"}, std::pair{"3", "missing unit"},
                      std::pair{"3x", "unknown unit \"x\""}, std::pair{"3days", "unknown unit \"days\""},
                      std::pair{"3 d", "unknown unit \" d\""}, std::pair{" 3d", "expected a duration"},
                      std::pair{"h", "expected a duration"}, std::pair{"abc", "expected a duration"},
                      std::pair{"+3d", "expected a duration"}, std::pair{"1e3h", "unknown unit \"e3h\""},
                      std::pair{"3.h", "digits after the decimal point"}, std::pair{"1..5h", "digits after the decimal point"},
                      std::pair{"1.5.2h", "unknown unit \".2h\""}, std::pair{"inf", "expected a duration"},
                      std::pair{"nanh", "expected a duration"}, std::pair{"3M", "unknown unit \"M\""},
                      std::pair{"3mos", "unknown unit \"mos\""}));

TEST(DurationRejects, AbsurdlyLongNumbers) {
  const auto r = parse_duration(std::string(400, '9') + "y");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error.find("too large"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace skindepth::core
