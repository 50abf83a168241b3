// apply() and advance(): actions and their refusals, the content's needle range, time clamping,
// playback, devices.
#include "app/scene.h"
#include "app/test_state.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace skindepth::app {
namespace {

TEST(AppState, UnknownAreaIsRefusedAndChangesNothing) {
  auto s = make_state();
  std::string error;
  EXPECT_FALSE(apply(s, act::SetArea{"elbow"}, &error));
  EXPECT_EQ(error, "unknown area \"elbow\"");
  EXPECT_EQ(s.cross.area_id, "cheeks");
  EXPECT_TRUE(apply(s, act::SetArea{"scalp"}, &error));
  EXPECT_EQ(s.cross.area_id, "scalp");
}

TEST(AppState, NeedleLengthsSnapToTheContentsStepsAndRejectNonsense) {
  auto s = make_state();
  EXPECT_TRUE(apply(s, act::SetNeedle{1.3}));
  EXPECT_DOUBLE_EQ(s.cross.needle_mm, 1.25);
  for (double bad : {0.0, 0.1, 2.6, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    std::string error;
    EXPECT_FALSE(apply(s, act::SetNeedle{bad}, &error)) << bad;
    EXPECT_EQ(error, "needle length must be a number from 0.25 to 2.5 mm");
    EXPECT_DOUBLE_EQ(s.cross.needle_mm, 1.25);
  }
}

TEST(AppState, StepNeedleMovesByTheStepAndStopsAtEitherEnd) {
  auto s = make_state();
  ASSERT_TRUE(apply(s, act::SetNeedle{2.25}));
  EXPECT_TRUE(apply(s, act::StepNeedle{1}));
  EXPECT_DOUBLE_EQ(s.cross.needle_mm, 2.5);
  EXPECT_FALSE(apply(s, act::StepNeedle{1})) << "refused past the longest";
  EXPECT_DOUBLE_EQ(s.cross.needle_mm, 2.5);
  ASSERT_TRUE(apply(s, act::SetNeedle{0.5, true}));
  EXPECT_TRUE(apply(s, act::StepNeedle{-1, true}));
  EXPECT_DOUBLE_EQ(s.cross.compare_mm, 0.25) << "the comparison needle cannot go below the shortest";
  EXPECT_FALSE(apply(s, act::StepNeedle{-1, true}));
  EXPECT_TRUE(s.cross.comparing);
}

TEST(AppState, ViewChangesRaiseOneEvent) {
  auto s = make_state();
  ASSERT_TRUE(apply(s, act::SetView{View::Timeline}));
  ASSERT_EQ(s.outbox.size(), 1u);
  EXPECT_EQ(s.outbox[0]["name"], "viewchange");
  EXPECT_EQ(s.outbox[0]["detail"]["view"], "timeline");
  s.outbox.clear();
  ASSERT_TRUE(apply(s, act::SetView{View::Timeline}));
  EXPECT_TRUE(s.outbox.empty()) << "no event when the view stays";
}

TEST(AppState, AdvanceClampsOnlyRealGaps) {
  auto play = [] {
    auto s = make_state();
    apply(s, act::SetTime{1.0});
    apply(s, act::Play{});
    return s;
  };
  // A slow device (3 frames a second) moves the timeline as far as a fast one in the same time.
  auto slow = play(), fast = play();
  for (int i = 0; i < 3; ++i) advance(slow, 1.0 / 3.0);
  for (int i = 0; i < 60; ++i) advance(fast, 1.0 / 60.0);
  EXPECT_NEAR(slow.timeline.t_hours, fast.timeline.t_hours, 1e-6 * fast.timeline.t_hours);
  // A hidden tab returns minutes at once: they count as one frame of the longest kind.
  auto hidden = play(), one = play();
  advance(hidden, 600.0);
  advance(one, kMaxFrameSeconds);
  EXPECT_DOUBLE_EQ(hidden.timeline.t_hours, one.timeline.t_hours);
  const double at = hidden.timeline.t_hours;
  advance(hidden, std::nan(""));
  EXPECT_DOUBLE_EQ(hidden.timeline.t_hours, at);
}

TEST(AppState, PlaybackStopsAtTheEndAndReducedMotionSteps) {
  auto s = make_state();
  s.reduced_motion = true;
  apply(s, act::SetTime{0.0});
  apply(s, act::Play{});
  advance(s, 0.05);
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, 0.0) << "no continuous motion";
  for (int i = 0; i < 16; ++i) advance(s, 0.1);  // one step lasts 1.5 s
  const auto& moments = s.content->timeline.key_moments;
  ASSERT_FALSE(moments.empty());
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, moments.front().hours) << "the first step lands on the first key moment";
  for (int i = 0; i < 100000 && s.timeline.playing; ++i) advance(s, 0.1);
  EXPECT_FALSE(s.timeline.playing);
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, timeline_end(s));
}

TEST(AppState, CourseLimitsAreTheCoresAndRefusalsSayThem) {
  auto s = make_state();
  const auto& l = core::kCourseLimits;
  EXPECT_TRUE(apply(s, act::SetCourse{l.max_sessions, l.max_every_weeks}));
  EXPECT_EQ(s.timeline.sessions, l.max_sessions);
  std::string error;
  EXPECT_FALSE(apply(s, act::SetCourse{l.max_sessions + 1, 4}, &error));
  EXPECT_EQ(error, "a course is 1 to 12 sessions, 1 to 26 weeks apart");
  EXPECT_FALSE(apply(s, act::SetCourse{3, l.min_every_weeks - 0.5}));
  EXPECT_FALSE(apply(s, act::SetCourse{3, std::nan("")}));
}

TEST(AppState, NextKeyMomentJumpsForwardIntoTheTimeline) {
  auto s = make_state();
  ASSERT_TRUE(apply(s, act::SetTime{0.0}));
  ASSERT_TRUE(apply(s, act::NextKeyMoment{}));
  EXPECT_EQ(s.view, View::Timeline);
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, s.content->timeline.key_moments.front().hours);
}

TEST(AppState, DevicesComeFromTheContentAndARollerRolls) {
  auto s = make_state();
  std::string error;
  EXPECT_FALSE(apply(s, act::SetDevice{"laser"}, &error));
  EXPECT_EQ(error, "unknown device \"laser\"");
  EXPECT_EQ(s.cross.device_id, "pen");
  EXPECT_FALSE(rolling_device(s));
  s.cross.stamps_done = 2;
  ASSERT_TRUE(apply(s, act::SetDevice{"roller"}, &error)) << error;
  EXPECT_TRUE(rolling_device(s));
  EXPECT_EQ(s.cross.stamps_done, 0) << "channels of the old device are cleared";
  // A roll crosses the view more slowly than a stamp: after 1.5 s a stamp is over, a roll is not.
  apply(s, act::Stamp{});
  for (int i = 0; i < 15; ++i) advance(s, 0.1);
  EXPECT_TRUE(s.cross.stamping);
  for (int i = 0; i < 20; ++i) advance(s, 0.1);
  EXPECT_FALSE(s.cross.stamping);
  EXPECT_EQ(s.cross.stamps_done, 1);
}

TEST(AppState, AnswersGoThroughTheCoresValidatorWhoeverGivesThem) {
  auto s = make_state();
  std::string error;
  EXPECT_FALSE(apply(s, act::Answer{"fitzpatrick", 7}, &error));
  EXPECT_EQ(error, "fitzpatrick: expected an integer from 1 to 6, found 7");
  EXPECT_TRUE(s.quiz.answers.empty()) << "nothing half-kept";
  EXPECT_FALSE(apply(s, act::Answer{"pregnant", true}, &error));
  EXPECT_EQ(error.rfind("pregnant: unknown answer key", 0), 0u) << error;
  ASSERT_TRUE(apply(s, act::Answer{"area", "scalp"}));
  EXPECT_EQ(s.cross.area_id, "scalp") << "the drawing follows the area the patient picks";
  // Replacing every answer keeps the old ones when one of the new is wrong.
  EXPECT_FALSE(apply(s, act::SetAnswers{{{"area", "neck"}, {"age", -1}}}, &error));
  EXPECT_EQ(nlohmann::json(core::answer_value(s.quiz.answers, "area")), "scalp");
}

}  // namespace
}  // namespace skindepth::app
