// build_scene(): the mm <-> pixel mapping, comparison panes, bleeding, the roller; the timeline bar's
// scale.
#include "app/layout.h"
#include "app/scene.h"
#include "app/test_state.h"

#include <gtest/gtest.h>

#include <cmath>

namespace skindepth::app {
namespace {

TEST(Scene, MappingRoundTripsAndKeepsTheLongestNeedleInView) {
  const auto s = make_state();
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const auto scene = build_scene(s, layout);
  ASSERT_EQ(scene.panes.size(), 1u);
  const auto& m = scene.panes[0].map;
  for (double d : {0.0, 0.5, 1.57, 2.5}) {
    EXPECT_NEAR(m.depth_mm(m.to_y(d)), d, 1e-3) << "pixels are floats";
    EXPECT_GE(m.to_y(d), m.rect.y);
    EXPECT_LE(m.to_y(d), m.rect.y + m.rect.h);
  }
  EXPECT_LT(m.to_y(0.0), m.to_y(1.0)) << "depth grows downwards";
}

TEST(Scene, ComparingDrawsTwoPanesWithTheirOwnNeedles) {
  auto s = make_state();
  apply(s, act::SetNeedle{0.25, true});
  apply(s, act::SetNeedle{1.5});
  const auto scene = build_scene(s, compute_layout(s.viewport, s.mode, s.view));
  ASSERT_EQ(scene.panes.size(), 2u);
  EXPECT_DOUBLE_EQ(scene.panes[0].needle_mm, 1.5);
  EXPECT_DOUBLE_EQ(scene.panes[1].needle_mm, 0.25);
  EXPECT_LE(scene.panes[0].map.rect.x + scene.panes[0].map.rect.w, scene.panes[1].map.rect.x);
}

TEST(Scene, TheLoupeMagnifiesTheJunctionAroundANeedleInsideTheDrawing) {
  auto s = make_state();
  apply(s, act::SetArea{"cheeks"});
  apply(s, act::SetNeedle{1.5});
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  EXPECT_EQ(build_scene(s, layout).panes.size(), 1u) << "off until asked for";
  apply(s, act::SetLoupe{true});
  const auto scene = build_scene(s, layout);
  ASSERT_EQ(scene.panes.size(), 2u);
  const auto& main = scene.panes[0];
  const auto& loupe = scene.panes[1];
  EXPECT_FALSE(main.inset);
  ASSERT_TRUE(loupe.inset);
  // Inside the drawing, over its lower right corner.
  const auto &r = main.map.rect, &l = loupe.map.rect;
  EXPECT_GE(l.x, r.x + r.w / 3.0f);
  EXPECT_LE(l.x + l.w, r.x + r.w);
  EXPECT_GE(l.y, r.y + r.h / 3.0f);
  EXPECT_LE(l.y + l.h, r.y + r.h);
  // The surface, the epidermis and the papillae under it all in view, magnified.
  const double bottom = loupe.map.depth_mm(l.y + l.h);
  EXPECT_LT(loupe.map.depth0_mm, 0.0);
  EXPECT_GE(bottom, loupe.bounds_mm[2] + 0.05);
  EXPECT_LT(bottom, loupe.bounds_mm[3] + 0.3) << "it shows the top layers, not the whole skin";
  EXPECT_GE(loupe.magnification, kMinLoupeMagnification);
  EXPECT_NEAR(loupe.magnification, loupe.map.px_per_mm / main.map.px_per_mm, 1e-9);
  // A needle a third of the way across it: x of the loupe's third is one of the needles' x.
  const double third = loupe.map.x_mm(l.x + l.w / 3.0f);
  const double k = (third - main.needle_x0_mm) / main.needle_spacing_mm;
  EXPECT_NEAR(k, std::round(k), 1e-3);
  EXPECT_DOUBLE_EQ(loupe.needle_mm, 1.5);
}

TEST(Scene, TheLoupeShowsAShallowTipAndStaysOutOfComparisonsAndTheTimeline) {
  auto s = make_state();
  apply(s, act::SetArea{"cheeks"});
  apply(s, act::SetNeedle{0.25});
  apply(s, act::SetLoupe{true});
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const auto shallow = build_scene(s, layout);
  const auto& loupe = shallow.panes.back();
  ASSERT_TRUE(loupe.inset);
  EXPECT_GT(loupe.map.depth_mm(loupe.map.rect.y + loupe.map.rect.h), 0.25) << "the tip at 0.25 mm is in the loupe";
  apply(s, act::SetCompare{true});
  for (const auto& p : build_scene(s, layout).panes) EXPECT_FALSE(p.inset);
  apply(s, act::SetCompare{false});
  apply(s, act::SetView{View::Timeline});
  const auto timeline = build_scene(s, compute_layout(s.viewport, s.mode, s.view));
  EXPECT_EQ(timeline.panes.size(), 1u);
  // Zoomed in as far as it goes, the drawing needs no loupe.
  apply(s, act::SetView{View::CrossSection});
  apply(s, act::Zoom{kMaxZoom});
  for (const auto& p : build_scene(s, layout).panes) EXPECT_FALSE(p.inset);
}

TEST(Scene, BleedingOnlyWhenTheTipReachesTheCapillaries) {
  auto s = make_state();
  apply(s, act::SetArea{"forehead"});
  apply(s, act::SetNeedle{0.25});
  s.cross.stamps_done = 1;
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const double papillary_top = build_scene(s, layout).panes[0].bounds_mm[2];
  EXPECT_EQ(build_scene(s, layout).panes[0].bleeding, 0.25 >= papillary_top + 0.02);
  apply(s, act::SetNeedle{1.0});
  s.cross.stamps_done = 1;
  EXPECT_TRUE(build_scene(s, layout).panes[0].bleeding);
}

TEST(Scene, RollerNeedlesLeaveChannelsOnePitchApartAsTheDrumTurns) {
  auto s = make_state();
  apply(s, act::SetDevice{"roller"});
  apply(s, act::SetNeedle{1.5});
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  apply(s, act::Stamp{});
  advance(s, 0.0);
  auto p = build_scene(s, layout).panes[0];
  ASSERT_TRUE(p.roller);
  EXPECT_LT(p.roller_x_mm, p.map.x0_mm) << "the drum starts beyond the left edge";
  EXPECT_EQ(p.needle_count, 0) << "no channels before a needle has gone in";
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 0.0);
  for (int i = 0; i < 15; ++i) advance(s, 0.1);  // half way
  p = build_scene(s, layout).panes[0];
  ASSERT_GT(p.needle_count, 0);
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 1.5);
  // The last channel is where the drum has been; none lies ahead of it.
  const double last = p.needle_x0_mm + (p.needle_count - 1) * p.needle_spacing_mm;
  EXPECT_LE(last, p.roller_x_mm + 1e-9);
  EXPECT_GT(last, p.roller_x_mm - p.needle_spacing_mm);
  // Rolling without slipping: a further pitch of travel turns the drum by one needle.
  const auto q = p;
  s.cross.stamp_phase += q.needle_spacing_mm / (q.map.rect.w / q.map.px_per_mm + 2.0);
  p = build_scene(s, layout).panes[0];
  EXPECT_NEAR(p.roller_x_mm - q.roller_x_mm, q.needle_spacing_mm, 1e-9);
  EXPECT_NEAR(p.roller_angle - q.roller_angle, q.roller_pitch, 1e-9);
  EXPECT_EQ(p.needle_count, q.needle_count + 1);
  for (int i = 0; i < 20; ++i) advance(s, 0.1);  // done: channels across the whole view, drum at rest
  p = build_scene(s, layout).panes[0];
  EXPECT_TRUE(p.roller) << "the drum rests on the skin";
  EXPECT_NEAR(p.roller_x_mm, p.map.x0_mm + p.map.rect.w / p.map.px_per_mm / 2.0, 1e-9) << "in the middle of the view";
  EXPECT_DOUBLE_EQ(p.roller_angle, M_PI / 2.0) << "a needle straight down, at its full length";
  const double right = p.map.x0_mm + p.map.rect.w / p.map.px_per_mm;
  EXPECT_LT(p.needle_x0_mm, p.map.x0_mm);
  EXPECT_GT(p.needle_x0_mm + (p.needle_count - 1) * p.needle_spacing_mm, right - p.needle_spacing_mm);
}

TEST(Scene, AtRestTheNeedlesStandWithTheirTipsAtTheChosenDepth) {
  auto s = make_state();
  apply(s, act::SetNeedle{1.5});
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  auto p = build_scene(s, layout).panes[0];
  EXPECT_TRUE(p.device);
  EXPECT_DOUBLE_EQ(p.insertion, 1.0) << "fully in: the tip at 1.5 mm";
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 0.0) << "no channels before a stamp";
  apply(s, act::Stamp{});
  for (int i = 0; i < 100 && s.cross.stamp_phase < 0.5; ++i) advance(s, 0.02);
  p = build_scene(s, layout).panes[0];
  EXPECT_LT(p.insertion, 0.1) << "a stamp lifts them out first";
  for (int i = 0; i < 200 && s.cross.stamping; ++i) advance(s, 0.02);
  p = build_scene(s, layout).panes[0];
  EXPECT_DOUBLE_EQ(p.insertion, 1.0) << "and drives them back in";
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 1.5) << "leaving channels to the tip's depth";
  apply(s, act::SetView{View::Timeline});
  p = build_scene(s, layout).panes[0];
  EXPECT_FALSE(p.device) << "the timeline shows the skin, not the device";
}

TEST(Scene, PanningCannotLoseTheSkin) {
  auto s = make_state();
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const double shown = shown_depth_mm(s);
  apply(s, act::Pan{0.0, 100.0});  // a long drag down into the fat
  auto m = build_scene(s, layout).panes[0].map;
  const double centre = m.depth0_mm + m.rect.h / m.px_per_mm / 2.0;
  EXPECT_NEAR(centre, shown, 1e-9) << "the centre stops at the bottom of the shown depth";
  apply(s, act::Pan{0.0, -300.0});  // and far up into the air
  m = build_scene(s, layout).panes[0].map;
  EXPECT_NEAR(m.depth0_mm + m.rect.h / m.px_per_mm / 2.0, 0.0, 1e-9) << "... at the surface";
  apply(s, act::Pan{0.2, 0.0});
  EXPECT_DOUBLE_EQ(s.cross.pan_x_mm, 0.2) << "small pans are kept as they are";
  apply(s, act::Pan{100.0, 0.0});
  EXPECT_DOUBLE_EQ(s.cross.pan_x_mm, 10.0);
}

TEST(TimelineScale, IsMonotonicAndInvertible) {
  const double end = 24.0 * 365 * 2;
  double last = -1;
  for (double h : {0.0, 0.1, 1.0, 24.0, 168.0, 720.0, 4380.0, end}) {
    const double p = timeline_position(h, end);
    EXPECT_GT(p, last);
    last = p;
    EXPECT_NEAR(timeline_hours(p, end), h, 1e-6 * std::max(1.0, h));
  }
  EXPECT_DOUBLE_EQ(timeline_position(end * 3, end), 1.0);
  EXPECT_GT(timeline_position(1.0, end), 0.2) << "the first hour gets room on the bar";
}

}  // namespace
}  // namespace skindepth::app
