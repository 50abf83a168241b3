// Depth queries against an independent expectation: the test reads content/areas.json and
// content/structures.json itself (nlohmann, not the content parser), sums the layer thicknesses and
// decides the layer with its own rule, then compares with core::query_depth for every area at every
// layer boundary (just above, at, just below) and at every 0.25 mm needle step.
#include "content/loader.h"
#include "core/depth.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

namespace skindepth::core {
namespace {

const char* const kLayerNames[] = {"stratum_corneum", "epidermis", "papillary_dermis", "reticular_dermis", "subcutis"};
constexpr double kNear = 0.001;  // "just above" / "just below" a boundary, in mm

nlohmann::json read_content_json(const std::string& name) {
  std::ifstream in(std::string(SKINDEPTH_SOURCE_DIR) + "/content/" + name);
  return nlohmann::json::parse(in);
}

// The expectation side: each area's layer tops as the test computes them from the JSON.
struct ExpectedArea {
  std::string id;
  std::array<double, 6> tops{};  // tops[i] = depth of layer i's top; tops[5] = bottom of the fat band
  double usual_min = 0, usual_max = 0, ceiling = 0;
};

const std::vector<ExpectedArea>& expected_areas() {
  static const std::vector<ExpectedArea> kAreas = [] {
    std::vector<ExpectedArea> out;
    const auto doc = read_content_json("areas.json");
    for (const auto& a : doc["areas"]) {
      ExpectedArea e;
      e.id = a["id"];
      double depth = 0;
      for (int i = 0; i < 5; ++i) {
        e.tops[i] = depth;
        depth += a["thickness_mm"][kLayerNames[i]].get<double>();
      }
      e.tops[5] = depth;
      e.usual_min = a["usual_depth_mm"]["min"];
      e.usual_max = a["usual_depth_mm"]["max"];
      e.ceiling = a["ceiling_mm"];
      out.push_back(e);
    }
    return out;
  }();
  return kAreas;
}

// The test's own rule: the tip is in the deepest layer whose top it has reached (a tip exactly on a
// boundary is in the deeper layer), with a tolerance for decimal sums.
int expected_layer(const ExpectedArea& e, double depth) {
  int layer = 0;
  while (layer < 4 && depth >= e.tops[layer + 1] - 1e-9) ++layer;
  return layer;
}

const ExpectedArea& expected(const std::string& id) {
  for (const auto& e : expected_areas())
    if (e.id == id) return e;
  throw std::runtime_error("no area " + id);
}

const SkinModel& model() { return content::default_content().skin; }

// ---------------------------------------------------------------------------------------------
// Every area at every layer boundary.

struct BoundaryCase {
  std::string area;
  int boundary;  // 1..4: the top of layer `boundary`
  int offset;    // -1 just above (shallower), 0 at, +1 just below (deeper)
};

std::string boundary_name(const ::testing::TestParamInfo<BoundaryCase>& info) {
  const char* where[] = {"just_above", "at", "just_below"};
  return info.param.area + "_" + where[info.param.offset + 1] + "_top_of_" + kLayerNames[info.param.boundary];
}

std::vector<BoundaryCase> boundary_cases() {
  std::vector<BoundaryCase> out;
  for (const auto& e : expected_areas())
    for (int b = 1; b <= 4; ++b)
      for (int off = -1; off <= 1; ++off) out.push_back({e.id, b, off});
  return out;
}

class DepthAtBoundary : public ::testing::TestWithParam<BoundaryCase> {};

TEST_P(DepthAtBoundary, TipLayerFollowsTheThicknessTable) {
  const auto& c = GetParam();
  const auto& e = expected(c.area);
  const double depth = e.tops[c.boundary] + c.offset * kNear;
  const int want = expected_layer(e, depth);
  // The rule itself, stated plainly for this case: above a boundary is the upper layer.
  EXPECT_EQ(want, c.offset < 0 ? c.boundary - 1 : c.boundary);

  const auto* area = model().find_area(c.area);
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(static_cast<int>(layer_at(*area, depth)), want) << "depth " << depth;
  const auto r = query_depth(*area, model(), depth);
  EXPECT_EQ(layer_id(r.tip_layer), kLayerNames[want]);
  ASSERT_EQ(r.layers_crossed.size(), static_cast<std::size_t>(want + 1));
  for (int i = 0; i <= want; ++i) EXPECT_EQ(static_cast<int>(r.layers_crossed[i]), i);
  EXPECT_EQ(r.beyond_dermis, want == 4);
  EXPECT_EQ(r.reaches_capillaries, want >= 2);
}

INSTANTIATE_TEST_SUITE_P(EveryArea, DepthAtBoundary, ::testing::ValuesIn(boundary_cases()), boundary_name);

// ---------------------------------------------------------------------------------------------
// Every area at every 0.25 mm needle step.

struct StepCase {
  std::string area;
  int quarter;  // needle = quarter * 0.25 mm
};

std::vector<StepCase> step_cases() {
  std::vector<StepCase> out;
  for (const auto& e : expected_areas())
    for (int q = 1; q <= 10; ++q) out.push_back({e.id, q});
  return out;
}

std::string step_name(const ::testing::TestParamInfo<StepCase>& info) {
  return info.param.area + "_" + std::to_string(info.param.quarter * 25) + "_hundredths_mm";
}

// Structure tops from structures.json, computed by the test for one area.
std::vector<std::string> expected_structures(const ExpectedArea& e, double needle) {
  std::vector<std::string> out;
  auto layer_index = [](const std::string& id) {
    for (int i = 0; i < 5; ++i)
      if (id == kLayerNames[i]) return i;
    return -1;
  };
  static const auto kDoc = read_content_json("structures.json");
  for (const auto& s : kDoc["structures"]) {
    const auto& d = s["depth"];
    const int layer = layer_index(d.contains("layer") ? d["layer"] : d["from"]["layer"]);
    const double at = d.contains("layer") ? 0.0 : d["from"]["at"].get<double>();
    const double top = e.tops[layer] + at * (e.tops[layer + 1] - e.tops[layer]);
    if (top <= needle + 1e-9) out.push_back(s["id"]);
  }
  return out;
}

class DepthAtStep : public ::testing::TestWithParam<StepCase> {};

TEST_P(DepthAtStep, MatchesTheIndependentExpectation) {
  const auto& c = GetParam();
  const auto& e = expected(c.area);
  const double needle = c.quarter * 0.25;
  const int want = expected_layer(e, needle);
  const auto r = query_depth(*model().find_area(c.area), model(), needle);

  EXPECT_EQ(layer_id(r.tip_layer), kLayerNames[want]);
  EXPECT_EQ(r.layers_crossed.size(), static_cast<std::size_t>(want + 1));
  EXPECT_EQ(r.beyond_dermis, want == 4);
  EXPECT_EQ(r.reaches_capillaries, want >= 2);
  EXPECT_EQ(r.within_usual_range, needle >= e.usual_min && needle <= e.usual_max);
  EXPECT_EQ(r.above_usual_range, needle > e.usual_max);
  EXPECT_EQ(r.below_usual_range, needle < e.usual_min);
  EXPECT_EQ(r.above_ceiling, needle > e.ceiling);
  EXPECT_NEAR(r.skin_mm, e.tops[4], 1e-12);
  EXPECT_NEAR(r.tip_fraction_of_skin, needle / e.tops[4], 1e-12);

  std::vector<std::string> want_warnings;
  if (needle > e.usual_max) want_warnings.push_back("above_usual_range");
  if (needle > e.ceiling) want_warnings.push_back("above_ceiling");
  if (want == 4) want_warnings.push_back("into_fat");
  if (needle > 1.5) want_warnings.push_back("not_evaluated");
  std::vector<std::string> got_warnings;
  for (const auto& w : r.warnings) {
    got_warnings.push_back(w.id);
    EXPECT_FALSE(w.text.get("en").empty()) << w.id;
    EXPECT_FALSE(w.text.by_language.count("es") == 0) << w.id << " has no Spanish text";
    EXPECT_FALSE(w.sources.empty()) << w.id;
  }
  EXPECT_EQ(got_warnings, want_warnings);
  EXPECT_EQ(r.structures_passed, expected_structures(e, needle));
}

INSTANTIATE_TEST_SUITE_P(EveryArea, DepthAtStep, ::testing::ValuesIn(step_cases()), step_name);

// ---------------------------------------------------------------------------------------------
// The clinical shape of the model, as the issue states it.

TEST(DepthModel, ShortestNeedleStaysInEpidermisOrPapillaryDermisOnTheFace) {
  for (const char* id : {"forehead", "around_eyes", "cheeks", "nose", "upper_lip"}) {
    const auto r = query_depth(*model().find_area(id), model(), 0.25);
    EXPECT_TRUE(r.tip_layer == Layer::Epidermis || r.tip_layer == Layer::PapillaryDermis)
        << id << ": " << layer_id(r.tip_layer);
  }
}

TEST(DepthModel, WhereFatBeginsDependsOnTheArea) {
  EXPECT_TRUE(query_depth(*model().find_area("around_eyes"), model(), 2.5).beyond_dermis);
  EXPECT_TRUE(query_depth(*model().find_area("around_eyes"), model(), 0.75).beyond_dermis);
  EXPECT_TRUE(query_depth(*model().find_area("forehead"), model(), 1.25).beyond_dermis);
  EXPECT_FALSE(query_depth(*model().find_area("abdomen"), model(), 1.75).beyond_dermis);
}

TEST(DepthModel, AroundTheEyesTheCeilingStaysInTheDermis) {
  const auto* eyes = model().find_area("around_eyes");
  EXPECT_LE(eyes->ceiling_mm, 0.5);
  EXPECT_EQ(query_depth(*eyes, model(), eyes->ceiling_mm).tip_layer, Layer::ReticularDermis);
  EXPECT_FALSE(eyes->caution.empty());
}

TEST(DepthModel, EveryCeilingIsAtMostTheLongestNeedleAndHoldsTheUsualRange) {
  for (const auto& a : model().areas) {
    EXPECT_LE(a.ceiling_mm, kMaxNeedleMm) << a.id;
    EXPECT_LE(a.usual_depth_mm.max, a.ceiling_mm) << a.id;
    EXPECT_GT(a.usual_depth_mm.min, 0.0) << a.id;
  }
}

TEST(DepthModel, TheAreasAreTheAnswerVocabulary) {
  std::vector<std::string> ids;
  for (const auto& a : model().areas) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"forehead", "around_eyes", "cheeks", "nose", "upper_lip", "neck",
                                           "decolletage", "abdomen", "thighs", "scalp"}));
}

// ---------------------------------------------------------------------------------------------
// The pieces.

TEST(Boundaries, AreCumulativeAndEndAtTheFatBand) {
  const auto b = boundaries_mm(*model().find_area("abdomen"));
  const double want[] = {0.0, 0.02, 0.07, 0.27, 1.91, 3.41};
  for (int i = 0; i <= kLayerCount; ++i) EXPECT_NEAR(b[i], want[i], 1e-12) << i;
}

TEST(Boundaries, ADecimalSumOnAStepCountsAsTheBoundary) {
  // Décolletage: 0.02 + 0.03 + 0.2 = 0.25 in decimals; in binary the sum is not exactly 0.25.
  const auto* area = model().find_area("decolletage");
  EXPECT_EQ(query_depth(*area, model(), 0.25).tip_layer, Layer::ReticularDermis);
  EXPECT_EQ(query_depth(*area, model(), 1.5).tip_layer, Layer::Subcutis);
  EXPECT_EQ(query_depth(*area, model(), 1.4999).tip_layer, Layer::ReticularDermis);
}

TEST(Boundaries, SurfaceAndBelowTheBand) {
  const auto* area = model().find_area("forehead");
  EXPECT_EQ(layer_at(*area, 0.0), Layer::StratumCorneum);
  EXPECT_EQ(layer_at(*area, -1.0), Layer::StratumCorneum);
  EXPECT_EQ(layer_at(*area, 50.0), Layer::Subcutis);
}

TEST(Structures, SpanScalesWithTheArea) {
  const auto* capillaries = model().find_structure("capillaries");
  ASSERT_NE(capillaries, nullptr);
  const auto span = structure_span_mm(*model().find_area("abdomen"), *capillaries);
  EXPECT_NEAR(span.min, 0.07, 1e-12);
  EXPECT_NEAR(span.max, 0.27, 1e-12);
  EXPECT_EQ(structure_layers(*capillaries), std::vector<Layer>{Layer::PapillaryDermis});
}

TEST(Structures, LayersOfASpanningStructure) {
  Structure s;
  s.from = {Layer::Epidermis, 0.7};
  s.to = {Layer::PapillaryDermis, 0.5};
  EXPECT_EQ(structure_layers(s), (std::vector<Layer>{Layer::Epidermis, Layer::PapillaryDermis}));
  s.to = {Layer::PapillaryDermis, 0.0};  // ends where the papillary dermis begins
  EXPECT_EQ(structure_layers(s), std::vector<Layer>{Layer::Epidermis});
}

TEST(Structures, ShortNeedlePassesEpidermalCellsButNotFat) {
  const auto r = query_depth(*model().find_area("cheeks"), model(), 0.25);
  auto has = [&](const char* id) {
    return std::find(r.structures_passed.begin(), r.structures_passed.end(), id) != r.structures_passed.end();
  };
  EXPECT_TRUE(has("keratinocytes"));
  EXPECT_TRUE(has("melanocytes"));
  EXPECT_TRUE(has("capillaries"));
  EXPECT_FALSE(has("fat_lobules"));
  EXPECT_FALSE(has("larger_vessels"));
}

struct NeedleValidity {
  double mm;
  bool valid;
};
class OfferedNeedle : public ::testing::TestWithParam<NeedleValidity> {};
TEST_P(OfferedNeedle, AcceptsOnlyFiniteLengthsInTheContentsRange) {
  EXPECT_EQ(model().needles.accepts(GetParam().mm), GetParam().valid) << GetParam().mm;
}
INSTANTIATE_TEST_SUITE_P(Lengths, OfferedNeedle,
                         ::testing::Values(NeedleValidity{0.25, true}, NeedleValidity{2.5, true},
                                           NeedleValidity{0.3, true}, NeedleValidity{0.0, false},
                                           NeedleValidity{0.2, false}, NeedleValidity{-0.25, false},
                                           NeedleValidity{2.5001, false}, NeedleValidity{NAN, false},
                                           NeedleValidity{INFINITY, false}));

TEST(Needles, SnapGoesToTheNearestOfferedLength) {
  const auto& n = model().needles;
  EXPECT_DOUBLE_EQ(n.snap(1.3), 1.25);
  EXPECT_DOUBLE_EQ(n.snap(1.38), 1.5);
  EXPECT_DOUBLE_EQ(n.snap(9.0), 2.5);
  EXPECT_DOUBLE_EQ(n.snap(-1.0), 0.25);
  EXPECT_DOUBLE_EQ(n.snap(NAN), 0.25);
  NeedleCatalog odd;
  odd.min_mm = 0.5;
  odd.max_mm = 2.0;
  odd.step_mm = 0.5;
  EXPECT_DOUBLE_EQ(odd.snap(0.8), 1.0);
  EXPECT_DOUBLE_EQ(odd.snap(0.1), 0.5);
  EXPECT_FALSE(odd.accepts(0.25));
}

TEST(Needles, TheOfferedLengthsAreTheQuarterMillimetreSteps) {
  const auto lengths = model().needles.lengths_mm();
  ASSERT_EQ(lengths.size(), 10u);
  for (std::size_t i = 0; i < lengths.size(); ++i) EXPECT_DOUBLE_EQ(lengths[i], 0.25 * (i + 1));
  EXPECT_DOUBLE_EQ(model().needles.not_evaluated_above_mm, 1.5);
}

TEST(Needles, DevicesAndNotesAreThere) {
  for (const char* id : {"pen", "roller", "stamp"}) EXPECT_NE(model().needles.find_device(id), nullptr) << id;
  EXPECT_EQ(model().needles.find_device("roller")->motion, DeviceMotion::Roll);
  for (const char* id : {"clinician_sets_depth", "real_penetration", "home_rollers", "not_evaluated_above_1_5"})
    EXPECT_NE(model().needles.find_note(id), nullptr) << id;
  const auto* penetration = model().needles.find_note("real_penetration");
  EXPECT_EQ(penetration->sources, std::vector<std::string>{"kalluri2011"});
}

TEST(Needles, HomeRollerNoteDoesNotRepeatTheEpidermisOnlyClaim) {
  const auto& text = model().needles.find_note("home_rollers")->text.get("en");
  EXPECT_EQ(text.find("only reach"), std::string::npos) << text;
  EXPECT_NE(text.find("needle length"), std::string::npos) << text;
}

}  // namespace
}  // namespace skindepth::core
