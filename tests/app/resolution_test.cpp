// CanvasResolution: the canvas's pixel ratio while things change on a slow renderer.
#include "app/resolution.h"

#include <gtest/gtest.h>

namespace skindepth::app {
namespace {

// `n` changing frames at `pace_ms`, drawn at the cap in force (or `screen` without one).
void changing_frames(CanvasResolution& r, int n, double pace_ms, float screen, double& now, bool lowest = true) {
  for (int i = 0; i < n; ++i) {
    const float cap = r.on_change(now);
    r.after_frame(pace_ms, true, lowest, cap > 0 ? cap : screen);
    now += pace_ms;
  }
}

// The cap after `n` changing frames at `pace_ms` on a screen of pixel ratio `screen`.
float cap_after(int n, double pace_ms, float screen) {
  CanvasResolution r;
  double now = 0;
  changing_frames(r, n, pace_ms, screen, now);
  return r.cap();
}

TEST(CanvasResolution, AQuickRendererKeepsTheScreensRatio) {
  EXPECT_EQ(cap_after(200, 16.7, 3.0f), 0.0f);
}

TEST(CanvasResolution, SlowChangingFramesStepDownUntilQuickEnough) {
  CanvasResolution r;
  double now = 0;
  changing_frames(r, 2, 120.0, 3.0f, now);
  EXPECT_EQ(r.cap(), 0.0f) << "one or two slow frames are a hiccup, not a slow renderer";
  changing_frames(r, 1, 120.0, 3.0f, now);
  EXPECT_EQ(r.cap(), 2.0f);
  changing_frames(r, 3, 60.0, 3.0f, now);
  EXPECT_EQ(r.cap(), 1.5f);
  changing_frames(r, 20, 28.0, 3.0f, now);  // neither slow nor quick: it stays
  EXPECT_EQ(r.cap(), 1.5f);
}

TEST(CanvasResolution, TheSkinPictureShrinksFirst) {
  CanvasResolution r;
  double now = 0;
  changing_frames(r, 10, 120.0, 3.0f, now, /*lowest=*/false);
  EXPECT_EQ(r.cap(), 0.0f) << "the renderer still had a smaller moving picture to try";
}

TEST(CanvasResolution, NeverBelowOneOrAboveTheScreen) {
  EXPECT_EQ(cap_after(30, 200.0, 3.0f), 1.0f);
  EXPECT_EQ(cap_after(30, 200.0, 1.0f), 0.0f) << "a 1x screen has nothing lower to give";
  EXPECT_EQ(cap_after(3, 200.0, 2.0f), 1.5f) << "a 2x screen steps to the next ratio below its own";
}

TEST(CanvasResolution, StillForAMomentGivesTheScreensRatioBackAndTheNextChangeStartsLow) {
  CanvasResolution r;
  double now = 0;
  changing_frames(r, 6, 100.0, 3.0f, now);
  ASSERT_EQ(r.cap(), 1.5f);
  const double last_change = now - 100.0;
  EXPECT_EQ(r.idle(last_change + CanvasResolution::kStillMs - 50), 1.5f) << "a pause between two moves";
  EXPECT_EQ(r.idle(last_change + CanvasResolution::kStillMs + 1), 0.0f) << "still: sharp again";
  EXPECT_EQ(r.on_change(last_change + 1000), 1.5f) << "the next change starts at what the last one needed";
}

TEST(CanvasResolution, RefiningAStillPictureDoesNotCount) {
  CanvasResolution r;
  for (int i = 0; i < 10; ++i) r.after_frame(300.0, false, true, 3.0f);
  EXPECT_EQ(r.learned(), 0.0f);
}

TEST(CanvasResolution, QuickFramesGiveResolutionBackAStepAtATime) {
  CanvasResolution r;
  double now = 0;
  changing_frames(r, 6, 100.0, 3.0f, now);
  ASSERT_EQ(r.learned(), 1.5f);
  changing_frames(r, CanvasResolution::kQuickFrames, 15.0, 3.0f, now);
  EXPECT_EQ(r.learned(), 2.0f);
  changing_frames(r, CanvasResolution::kQuickFrames, 15.0, 3.0f, now);
  EXPECT_EQ(r.learned(), 0.0f) << "no cap: the screen's own ratio";
  changing_frames(r, CanvasResolution::kQuickFrames - 1, 15.0, 3.0f, now);
  changing_frames(r, 1, 25.0, 3.0f, now);
  EXPECT_EQ(r.learned(), 0.0f);
}

}  // namespace
}  // namespace skindepth::app
