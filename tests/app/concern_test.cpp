// The patient's concern drawn in the skin: the content's pictures, the dip each shape makes, which
// picture the questionnaire or the picker chooses, the scene's fill over a course, and picking.
#include "app/actions.h"
#include "app/layout.h"
#include "app/picking.h"
#include "app/scene.h"
#include "core/answers.h"
#include "core/questionnaire.h"
#include "test_state.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace skindepth::app {
namespace {

using core::ConcernShape;

const core::SkinModel& skin() { return content::default_content().skin; }

SkinPane main_pane(const AppState& s) { return build_scene(s, compute_layout(s.viewport, s.mode, s.view)).panes.at(0); }

TEST(ConcernContent, EveryPictureShowsQuestionnaireConcernsAndEachScarTypeIsThere) {
  std::set<std::string> offered;
  for (const auto& step : content::default_content().questionnaire.steps)
    for (const auto& q : step.questions)
      if (q.key == "concerns")
        for (const auto& o : q.options) offered.insert(o.value);
  ASSERT_FALSE(offered.empty());
  std::set<ConcernShape> shapes;
  for (const auto& c : skin().concerns) {
    shapes.insert(c.shape);
    EXPECT_FALSE(c.concerns.empty()) << c.id;
    for (const auto& v : c.concerns) EXPECT_TRUE(offered.count(v)) << c.id << " shows \"" << v << "\", not a concern asked";
    EXPECT_FALSE(c.sources.empty()) << c.id;
    EXPECT_TRUE(c.fill_basis.clinic_setting || !c.fill_basis.sources.empty()) << c.id;
  }
  EXPECT_EQ(shapes.size(), 7u) << "rolling, boxcar, ice-pick, fold, stretch mark, pore and pigment are all drawn";
  // Acne scars open on the boxcar scar, whose sizes are the classification's (Jacob 2001).
  const auto* acne = skin().concern_for_answer("acne_scars");
  ASSERT_NE(acne, nullptr);
  EXPECT_EQ(acne->id, "boxcar_scar");
  EXPECT_GE(acne->width_mm, 1.5);
  EXPECT_LE(acne->width_mm, 4.0);
  EXPECT_FALSE(acne->size_basis.clinic_setting);
  EXPECT_EQ(skin().concern_for_answer("laxity"), nullptr);
  EXPECT_EQ(skin().find_concern("pigment_spot")->course_fill, 0.0) << "no source gives a figure for pigment fading";
}

TEST(ConcernShapeDip, ZeroOutsideDeepestInTheMiddleAndShapedByType) {
  for (int i = 0; i < 6; ++i) {
    const auto shape = static_cast<ConcernShape>(i);
    EXPECT_DOUBLE_EQ(core::concern_dip_mm(shape, 2.0, 0.4, 0.0), 0.4) << core::concern_shape_id(shape);
    EXPECT_EQ(core::concern_dip_mm(shape, 2.0, 0.4, 1.0), 0.0) << core::concern_shape_id(shape);
    EXPECT_EQ(core::concern_dip_mm(shape, 2.0, 0.4, -1.5), 0.0) << core::concern_shape_id(shape);
    if (shape != ConcernShape::Pore)  // a pore's mouth has a sharp rim; the others slope to the skin around
      EXPECT_LT(core::concern_dip_mm(shape, 2.0, 0.4, 0.99), 0.04) << core::concern_shape_id(shape) << ": no step at the rim";
    EXPECT_DOUBLE_EQ(core::concern_dip_mm(shape, 2.0, 0.4, 0.3), core::concern_dip_mm(shape, 2.0, 0.4, -0.3));
  }
  EXPECT_EQ(core::concern_dip_mm(ConcernShape::Pigment, 2.0, 0.0, 0.0), 0.0);
  // A boxcar keeps its floor flat almost to its walls; an ice-pick narrows to a point at once.
  EXPECT_DOUBLE_EQ(core::concern_dip_mm(ConcernShape::Boxcar, 2.0, 0.4, 0.7), 0.4);
  EXPECT_LT(core::concern_dip_mm(ConcernShape::IcePick, 2.0, 0.4, 0.3), 0.25);
  EXPECT_GT(core::concern_dip_mm(ConcernShape::Rolling, 2.0, 0.4, 0.3), core::concern_dip_mm(ConcernShape::IcePick, 2.0, 0.4, 0.3));
  EXPECT_EQ(core::concern_shape_from_id("ice_pick"), ConcernShape::IcePick);
  EXPECT_FALSE(core::concern_shape_from_id("crater").has_value());
}

TEST(ConcernChoice, TheQuestionnaireChoosesUntilThePickerIsUsed) {
  AppState s = make_state();
  EXPECT_EQ(s.cross.concern, "");
  ASSERT_TRUE(apply(s, act::Answer{"concerns", {"laxity", "fine_lines"}}));
  EXPECT_EQ(s.cross.concern, "wrinkle_fold") << "the first concern with a picture";
  ASSERT_TRUE(apply(s, act::Answer{"concerns", {"acne_scars"}}));
  EXPECT_EQ(s.cross.concern, "boxcar_scar");
  ASSERT_TRUE(apply(s, act::ClearAnswer{"concerns"}));
  EXPECT_EQ(s.cross.concern, "");
  ASSERT_TRUE(apply(s, act::SetAnswers{{{"concerns", {"stretch_marks"}}, {"area", "abdomen"}}}));
  EXPECT_EQ(s.cross.concern, "stretch_mark");
  ASSERT_TRUE(apply(s, act::SetConcern{"icepick_scar"}));
  ASSERT_TRUE(apply(s, act::Answer{"concerns", {"enlarged_pores"}}));
  EXPECT_EQ(s.cross.concern, "icepick_scar") << "the patient's own pick stays";
  std::string error;
  EXPECT_FALSE(apply(s, act::SetConcern{"crater"}, &error));
  EXPECT_EQ(error, "unknown concern picture \"crater\"");
  EXPECT_EQ(s.cross.concern, "icepick_scar");
  ASSERT_TRUE(apply(s, act::SetConcern{""}));
  EXPECT_EQ(s.cross.concern, "");
  ASSERT_TRUE(apply(s, act::SetConcern{"pigment_spot"}));
  ASSERT_TRUE(apply(s, act::ResetForNextPatient{}));
  EXPECT_EQ(s.cross.concern, "") << "the next patient starts on plain skin";
  EXPECT_FALSE(s.cross.concern_picked);
}

TEST(ConcernChoice, HostCommandSetsAndReportsIt) {
  AppState s = make_state();
  EXPECT_EQ(command(s, {{"cmd", "setConcern"}, {"concern", "rolling_scar"}})["state"]["concern"], "rolling_scar");
  EXPECT_EQ(command(s, {{"cmd", "setConcern"}, {"concern", "scar"}})["error"], "unknown concern picture \"scar\"");
  EXPECT_EQ(command(s, {{"cmd", "setConcern"}, {"concern", 3}})["error"], "command \"setConcern\" needs \"concern\": a string");
  EXPECT_EQ(command(s, {{"cmd", "getState"}})["state"]["concern"], "rolling_scar");
}

TEST(ConcernScene, DrawnToScaleInTheMiddleAndNeverThroughTheDermis) {
  AppState s = make_state();
  EXPECT_FALSE(main_pane(s).concern.drawn());
  ASSERT_TRUE(apply(s, act::SetConcern{"boxcar_scar"}));
  const SkinPane p = main_pane(s);
  ASSERT_TRUE(p.concern.drawn());
  EXPECT_EQ(p.concern.shape, static_cast<int>(ConcernShape::Boxcar));
  EXPECT_DOUBLE_EQ(p.concern.width_mm, 2.5);
  EXPECT_DOUBLE_EQ(p.concern.depth_mm, 0.4);
  EXPECT_EQ(p.concern.before_depth_mm, 0.0) << "the cross-section has no before outline";
  // An ice-pick scar on the thin skin around the eyes stops above the fat.
  ASSERT_TRUE(apply(s, act::SetArea{"around_eyes"}));
  ASSERT_TRUE(apply(s, act::SetConcern{"icepick_scar"}));
  const SkinPane eyes = main_pane(s);
  EXPECT_LT(eyes.concern.depth_mm, 0.9);
  EXPECT_NEAR(eyes.concern.depth_mm, 0.8 * (eyes.bounds_mm[4] - eyes.bounds_mm[2]), 1e-9);
}

TEST(ConcernScene, TheTimelineFillsTheDipAsNewCollagenBuildsAgainstTheBefore) {
  AppState s = make_state();
  ASSERT_TRUE(apply(s, act::SetConcern{"boxcar_scar"}));
  ASSERT_TRUE(apply(s, act::SetView{View::Timeline}));
  ASSERT_TRUE(apply(s, act::SetCourse{4, 4.0}));
  const auto at = [&](double hours) {
    EXPECT_TRUE(apply(s, act::SetTime{hours}));
    return main_pane(s).concern;
  };
  const double fill_share = skin().find_concern("boxcar_scar")->course_fill;
  const auto week0 = at(0.0), month3 = at(core::kHoursPerMonth * 3), month12 = at(core::kHoursPerYear);
  EXPECT_DOUBLE_EQ(week0.before_depth_mm, 0.4);
  EXPECT_NEAR(week0.depth_mm, 0.4, 1e-9) << "nothing filled at the first session";
  EXPECT_GT(month3.fill, 0.0);
  EXPECT_GE(month12.fill, month3.fill);
  EXPECT_LE(month12.fill, fill_share + 1e-12) << "never more than the content's share";
  EXPECT_NEAR(month12.depth_mm, 0.4 * (1.0 - month12.fill), 1e-12);
  EXPECT_DOUBLE_EQ(month12.before_depth_mm, 0.4);
  // Pigment: the content gives no figure, so nothing changes.
  ASSERT_TRUE(apply(s, act::SetConcern{"pigment_spot"}));
  EXPECT_EQ(at(core::kHoursPerYear).fill, 0.0);
}

TEST(Thickening, TheTimelineThickensEachLayerByTheContentsShare) {
  const auto& model = content::default_content().timeline;
  EXPECT_DOUBLE_EQ(model.epidermis_gain, 0.4);
  EXPECT_EQ(model.epidermis_gain_basis.sources, std::vector<std::string>{"aust2008"});
  EXPECT_TRUE(model.dermis_gain_basis.clinic_setting) << "no source measured the dermis' thickness";
  AppState s = make_state();
  const auto flat = main_pane(s).bounds_mm;
  ASSERT_TRUE(apply(s, act::SetView{View::Timeline}));
  ASSERT_TRUE(apply(s, act::SetCourse{4, 4.0}));
  ASSERT_TRUE(apply(s, act::SetTime{core::kHoursPerYear}));
  const auto year = main_pane(s).bounds_mm;
  const auto h = core::sample(model, course_of(s), s.timeline.t_hours);
  const double epidermis = flat[2] - flat[1], dermis = flat[4] - flat[3];
  EXPECT_NEAR((year[2] - year[1]) - epidermis, epidermis * 0.4 * h.epidermal_thickening, 1e-12);
  EXPECT_NEAR((year[4] - year[3]) - dermis, dermis * model.dermis_gain * h.collagen_new, 1e-12);
  EXPECT_GT(h.epidermal_thickening, 0.0);
}

TEST(ConcernPicking, TheDipNamesTheScarAndTheLayersUnderItFollowTheSunkenSurface) {
  AppState s = make_state();
  ASSERT_TRUE(apply(s, act::SetConcern{"boxcar_scar"}));
  const SkinPane p = main_pane(s);
  const auto& b = p.bounds_mm;
  EXPECT_EQ(structure_at(p, 0.0, 0.2), "boxcar_scar") << "in the dip";
  EXPECT_EQ(structure_at(p, 0.0, 0.4 + b[2] * 0.5), "boxcar_scar") << "the epidermis of its floor";
  EXPECT_NE(structure_at(p, 3.0, 0.2), "boxcar_scar") << "beside it";
  // The floor's surface is the skin's surface; the fat's top does not move; depth keeps its order.
  EXPECT_NEAR(layer_depth_mm(p, 0.0, 0.4), 0.0, 1e-12);
  EXPECT_NEAR(layer_depth_mm(p, 0.0, 0.4 + b[2]), b[2], 1e-12);
  EXPECT_NEAR(layer_depth_mm(p, 0.0, b[4]), b[4], 1e-12);
  EXPECT_DOUBLE_EQ(layer_depth_mm(p, 3.0, 0.7), 0.7);
  double last = -1.0;
  for (double d = 0.0; d < b[5]; d += 0.01) {
    const double l = layer_depth_mm(p, 0.0, d);
    EXPECT_GT(l, last);
    last = l;
  }
  EXPECT_EQ(structure_at(p, 0.05, b[4] + 0.3), "fat_lobules");
}

TEST(ConcernPicking, AnEnlargedPoreIsTheOpeningOfAFollicle) {
  AppState s = make_state();
  ASSERT_TRUE(apply(s, act::SetArea{"nose"}));
  ASSERT_TRUE(apply(s, act::SetConcern{"enlarged_pore"}));
  const SkinPane p = main_pane(s);
  ASSERT_GT(p.follicle_pitch_mm, 0.01f);
  EXPECT_EQ(structure_at(p, 0.0, 0.1), "enlarged_pore");
  // Straight under the pore, below the dip and its epidermis, the follicle stands.
  EXPECT_EQ(structure_at(p, 0.0, p.concern.depth_mm + p.bounds_mm[2] + 0.05), "hair_follicles");
  EXPECT_EQ(structure_at(p, 0.01, p.concern.depth_mm + p.bounds_mm[2] + 0.2), "hair_follicles");
}

}  // namespace
}  // namespace skindepth::app
