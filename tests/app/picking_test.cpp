// structure_at(): what the hover names and a tap opens is what the drawing shows at that point.
#include "app/app_state.h"
#include "app/layout.h"
#include "app/picking.h"
#include "app/scene.h"
#include "content/loader.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace skindepth::app {
namespace {

SkinPane pane_for(const std::string& area) {
  AppState s;
  s.content = &content::default_content();
  s.viewport = {1440, 900, 1};
  s.cross.area_id = area;
  return build_scene(s, compute_layout(s.viewport, s.mode, s.view)).panes.at(0);
}

// How often each id is picked along a line across 10 mm of skin at one depth, 0.005 mm apart.
std::map<std::string, int> scan(const SkinPane& p, double depth) {
  std::map<std::string, int> seen;
  for (double x = -5.0; x <= 5.0; x += 0.005) ++seen[structure_at(p, x, depth)];
  return seen;
}

class EveryArea : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryArea, AboveTheSkinNothingIsPicked) {
  const auto p = pane_for(GetParam());
  EXPECT_EQ(structure_at(p, 0.0, -0.01), "");
  EXPECT_EQ(structure_at(p, 1.3, -0.5, 0.5), "");
}

TEST_P(EveryArea, EachLayerNamesItsOwnTissueAwayFromTheLocalisedStructures) {
  const auto p = pane_for(GetParam());
  const auto& b = p.bounds_mm;
  const auto epidermis = scan(p, (b[1] + b[2]) / 2);
  EXPECT_GT(epidermis.count("keratinocytes") ? epidermis.at("keratinocytes") : 0, 1600) << GetParam();
  const auto dermis = scan(p, b[3] + (b[4] - b[3]) * 0.35);
  EXPECT_GT(dermis.count("collagen_fibres") ? dermis.at("collagen_fibres") : 0, 1000) << GetParam();
  const auto fat = scan(p, b[4] + 0.3);  // below the sweat coils
  EXPECT_EQ(fat.size(), 1u) << GetParam();
  EXPECT_EQ(fat.begin()->first, "fat_lobules") << GetParam();
}

TEST_P(EveryArea, FolliclesAreFoundWhereTheAreaHasThemAndOnlyThere) {
  const auto p = pane_for(GetParam());
  const auto& b = p.bounds_mm;
  const auto dermis = scan(p, b[3] + (b[4] - b[3]) * 0.35);
  const int follicle_points = dermis.count("hair_follicles") ? dermis.at("hair_follicles") : 0;
  if (p.follicle_pitch_mm <= 0.01f) {
    EXPECT_EQ(follicle_points, 0) << GetParam();
    return;
  }
  // 10 mm holds 10 / pitch follicles (one either way at the ends), each 0.05 to 0.1 mm across.
  const double count = 10.0 / p.follicle_pitch_mm;
  EXPECT_GE(follicle_points * 0.005, (count - 1) * 0.04) << GetParam();
  EXPECT_LE(follicle_points * 0.005, (count + 1) * 0.12) << GetParam();
}

TEST_P(EveryArea, SweatCoilsSitAtTheBottomOfTheDermis) {
  const auto p = pane_for(GetParam());
  if (p.sweat_pitch_mm <= 0.01f) GTEST_SKIP() << "no sweat glands drawn here";
  const auto coils = scan(p, p.bounds_mm[4] - 0.06);
  const int points = coils.count("sweat_glands") ? coils.at("sweat_glands") : 0;
  const double count = 10.0 / p.sweat_pitch_mm;  // each coil is 0.26 mm wide at its centre line
  EXPECT_GE(points * 0.005, (count - 1) * 0.2) << GetParam();
  EXPECT_LE(points * 0.005, (count + 1) * 0.3) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Areas, EveryArea,
                         ::testing::Values("forehead", "around_eyes", "cheeks", "nose", "upper_lip", "neck",
                                           "decolletage", "abdomen", "thighs", "scalp"));

TEST(Picking, ASlopReachesAStructureJustOutsideThePoint) {
  const auto p = pane_for("cheeks");
  const double depth = p.bounds_mm[3] + (p.bounds_mm[4] - p.bounds_mm[3]) * 0.3;
  // The right edge of a follicle: the first point right of a follicle point that is not one.
  double edge = 0.0;
  bool in = false;
  for (double x = -5.0; x <= 5.0; x += 0.001) {
    const bool here = structure_at(p, x, depth) == "hair_follicles";
    if (in && !here) {
      edge = x;
      break;
    }
    in = here;
  }
  ASSERT_NE(edge, 0.0) << "no follicle edge found";
  const double outside = edge + 0.01;
  EXPECT_NE(structure_at(p, outside, depth), "hair_follicles");
  EXPECT_EQ(structure_at(p, outside, depth, 0.02), "hair_follicles");
}

TEST(Picking, TheBasementMembraneIsTheJunctionItself) {
  const auto p = pane_for("forehead");
  const double dej = p.bounds_mm[2];
  double x = 0.0;  // a point clear of follicles and glands at the junction
  while (x < 5.0 && structure_at(p, x, dej) != "basement_membrane") x += 0.05;
  ASSERT_LT(x, 5.0);
  EXPECT_EQ(structure_at(p, x, dej - 0.02), "keratinocytes");
}

}  // namespace
}  // namespace skindepth::app
