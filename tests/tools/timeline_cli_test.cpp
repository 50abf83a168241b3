// `skindepth timeline` end to end: the JSON at documented moments (30m, 18h, 3d, 6w, 9mo), Spanish
// texts, a course of sessions, and one-line errors with exit 2 for every bad option.
#include <gtest/gtest.h>

#include "tools/cli_helpers.h"

#include <algorithm>
#include <string>

using skindepth::testing::run_cli;

namespace {

const char* const kParameters[] = {"channels_open", "bleeding",   "redness",      "swelling",        "platelets",
                                   "immune_cells",  "fibroblast_activity", "collagen_iii", "collagen_i", "elastin",
                                   "collagen_new",  "new_capillaries",     "epidermal_thickening"};

bool mentions(const nlohmann::json& items, const std::string& words) {
  for (const auto& item : items)
    if (item["text"].get<std::string>().find(words) != std::string::npos) return true;
  return false;
}

struct MomentCase {
  const char* at;
  double t_hours;
  const char* phase;
};

class TimelineAt : public ::testing::TestWithParam<MomentCase> {};

TEST_P(TimelineAt, PrintsThePhaseEveryParameterAndTheGuidance) {
  const auto& c = GetParam();
  const auto r = run_cli(std::string("timeline --at ") + c.at);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_NE(r.out.find("\n  \"t_hours\""), std::string::npos) << "2-space indent";
  const auto j = r.json();
  EXPECT_DOUBLE_EQ(j["t_hours"].get<double>(), c.t_hours);
  EXPECT_EQ(j["phase"], c.phase);
  EXPECT_EQ(j["session_index"], 1);
  EXPECT_DOUBLE_EQ(j["hours_since_session"].get<double>(), c.t_hours);
  EXPECT_EQ(j["needle_mm"], 1.0);
  EXPECT_GT(j["downtime_days"].get<double>(), 4.0);
  EXPECT_LT(j["downtime_days"].get<double>(), 5.0);
  for (const char* p : kParameters) {
    ASSERT_TRUE(j.contains(p)) << p;
    EXPECT_GE(j[p].get<double>(), 0.0) << p;
    EXPECT_LE(j[p].get<double>(), 1.0) << p;
  }
  for (const char* category : {"sees", "do", "avoid", "call_clinic"}) {
    ASSERT_TRUE(j["guidance"][category].is_array()) << category;
    for (const auto& item : j["guidance"][category]) {
      EXPECT_FALSE(item["text"].get<std::string>().empty());
      EXPECT_FALSE(item["sources"].empty()) << item["text"];
    }
  }
  EXPECT_FALSE(j["guidance"]["sees"].empty());
  EXPECT_FALSE(j["phase_name"].get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(Moments, TimelineAt,
                         ::testing::Values(MomentCase{"30m", 0.5, "bleeding"}, MomentCase{"18h", 18.0, "inflammation"},
                                           MomentCase{"3d", 72.0, "inflammation"}, MomentCase{"6w", 1008.0, "proliferation"},
                                           MomentCase{"9mo", 6570.0, "remodelling"}, MomentCase{"1.5y", 13140.0, "settled"}));

TEST(TimelineCli, ThirtyMinutesChannelsOpenNoMakeup) {
  const auto j = run_cli("timeline --at 30m").json();
  EXPECT_GT(j["channels_open"].get<double>(), 0.9);
  EXPECT_GT(j["redness"].get<double>(), 0.5);
  EXPECT_EQ(j["collagen_new"], 0.0);
  EXPECT_TRUE(mentions(j["guidance"]["avoid"], "No makeup for 48 hours"));
  EXPECT_TRUE(mentions(j["guidance"]["avoid"], "No sun, no heat"));
}

TEST(TimelineCli, EighteenHoursChannelsClosed) {
  const auto j = run_cli("timeline --at 18h").json();
  EXPECT_LT(j["channels_open"].get<double>(), 0.001);
  EXPECT_FALSE(mentions(j["guidance"]["avoid"], "channels are still open"));
}

TEST(TimelineCli, ThreeDaysDependsOnTheNeedle) {
  const auto shallow = run_cli("timeline --at 3d --needle-mm 0.5").json();
  const auto deep = run_cli("timeline --at 3d --needle-mm 2.0").json();
  EXPECT_LT(shallow["redness"].get<double>(), 0.01);
  EXPECT_GT(deep["redness"].get<double>(), 0.3);
  EXPECT_EQ(shallow["downtime_days"], 3.0);
  EXPECT_EQ(deep["downtime_days"], 7.0);
  EXPECT_FALSE(mentions(shallow["guidance"]["avoid"], "No makeup"));
  EXPECT_NE(deep["downtime_note"]["text"].get<std::string>().find("device maker's chart"), std::string::npos);
}

TEST(TimelineCli, SixWeeksTypeThreeCollagenNineMonthsTypeOne) {
  const auto six_weeks = run_cli("timeline --at 6w").json();
  EXPECT_GT(six_weeks["collagen_iii"].get<double>(), 0.0);
  EXPECT_EQ(six_weeks["collagen_i"], 0.0);
  EXPECT_GT(six_weeks["fibroblast_activity"].get<double>(), 0.9);
  const auto nine_months = run_cli("timeline --at 9mo").json();
  EXPECT_GT(nine_months["collagen_i"].get<double>(), nine_months["collagen_iii"].get<double>());
  EXPECT_GT(nine_months["collagen_new"].get<double>(), six_weeks["collagen_new"].get<double>());
}

TEST(TimelineCli, SpanishTexts) {
  const auto j = run_cli("timeline --at 3d --lang es").json();
  EXPECT_EQ(j["phase"], "inflammation") << "ids stay English";
  EXPECT_EQ(j["phase_name"], "Inflamación");
  EXPECT_EQ(j["language"], "es");
  EXPECT_TRUE(mentions(j["guidance"]["do"], "protector solar"));
}

TEST(TimelineCli, CourseOfFourSessions) {
  const auto course = run_cli("timeline --at 16w --sessions 4 --every-weeks 4").json();
  const auto single = run_cli("timeline --at 16w").json();
  EXPECT_EQ(course["session_index"], 4);
  EXPECT_EQ(course["sessions"], 4);
  EXPECT_EQ(course["hours_since_session"], 672.0);
  EXPECT_EQ(course["phase"], "proliferation");
  EXPECT_GT(course["collagen_new"].get<double>(), single["collagen_new"].get<double>());
}

TEST(TimelineCli, HugeTimesAreClampedAndSaidSo) {
  const auto j = run_cli("timeline --at 50y").json();
  EXPECT_EQ(j["phase"], "settled");
  EXPECT_EQ(j["t_hours_clamped"], 2 * 8760.0);
  EXPECT_GE(j["collagen_new"].get<double>(), 0.0);
}

struct ErrorCase {
  const char* args;
  const char* message;
};

class TimelineCliError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(TimelineCliError, IsOneLineOnStderrAndExit2) {
  const auto r = run_cli(std::string("timeline ") + GetParam().args);
  EXPECT_EQ(r.status, 2) << GetParam().args;
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("skindepth timeline: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    BadInput, TimelineCliError,
    ::testing::Values(ErrorCase{"", "missing --at DURATION"}, ErrorCase{"--at", "needs a value"},
                      ErrorCase{"--at 3x", "unknown unit \"x\""}, ErrorCase{"--at -1d", "cannot be negative"},
                      ErrorCase{"--at ''", "empty duration"}, ErrorCase{"--at 3", "missing unit"},
                      ErrorCase{"--at soon", "expected a duration"},
                      ErrorCase{"--at 3d --needle-mm abc", "--needle-mm expects a length"},
                      ErrorCase{"--at 3d --needle-mm 9", "from 0.25 to 2.5"},
                      ErrorCase{"--at 3d --needle-mm 1.5mm", "--needle-mm"},
                      ErrorCase{"--at 3d --sessions 0 --every-weeks 4", "--sessions: expected a whole number"},
                      ErrorCase{"--at 3d --sessions 2.5 --every-weeks 4", "--sessions"},
                      ErrorCase{"--at 3d --sessions 4", "needs --every-weeks"},
                      ErrorCase{"--at 3d --sessions 4 --every-weeks 0", "--every-weeks: expected"},
                      ErrorCase{"--at 3d --lang fr", "unknown language \"fr\""},
                      ErrorCase{"--at 3d --bogus 1", "unknown option --bogus"},
                      ErrorCase{"--at 3d extra", "unexpected argument \"extra\""},
                      ErrorCase{"--at 3d --content /no/such/folder", "not a directory"}));

}  // namespace
