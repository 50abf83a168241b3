// `skindepth depth` end to end: for every area at every 0.25 mm step the printed JSON agrees with the
// core query; unknown areas, missing options and bad lengths are one line on stderr with exit 2.
#include "content/loader.h"
#include "core/depth.h"

#include <gtest/gtest.h>

#include "tools/cli_helpers.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <unistd.h>

namespace fs = std::filesystem;
using skindepth::testing::run_cli;

namespace skindepth::core {
namespace {

// run_cli names its scratch files by a per-process counter; ctest runs these cases as parallel
// processes, so each process gets its own scratch folder.
class DepthCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* old = std::getenv("TEST_TMPDIR");
    saved_ = old ? std::optional<std::string>(old) : std::nullopt;
    dir_ = fs::temp_directory_path() / ("skindepth_depth_cli_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    setenv("TEST_TMPDIR", (dir_.string() + "/").c_str(), 1);
  }
  void TearDown() override {
    if (saved_) setenv("TEST_TMPDIR", saved_->c_str(), 1);
    else unsetenv("TEST_TMPDIR");
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
  std::optional<std::string> saved_;
};

std::string format_mm(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

struct StepCase {
  std::string area;
  int quarter;  // needle = quarter * 0.25 mm
};

std::vector<StepCase> step_cases() {
  std::vector<StepCase> out;
  for (const char* area : {"forehead", "around_eyes", "cheeks", "nose", "upper_lip", "neck", "decolletage", "abdomen",
                           "thighs", "scalp"})
    for (int q = 1; q <= 10; ++q) out.push_back({area, q});
  return out;
}

class DepthCliStep : public DepthCli, public ::testing::WithParamInterface<StepCase> {};

TEST_P(DepthCliStep, AgreesWithTheCore) {
  const auto& c = GetParam();
  const double needle = c.quarter * 0.25;
  const auto r = run_cli("depth --area " + c.area + " --needle-mm " + format_mm(needle));
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto j = r.json();

  const auto& skin = content::default_content().skin;
  const auto* area = skin.find_area(c.area);
  ASSERT_NE(area, nullptr);
  const auto want = query_depth(*area, skin, needle);

  EXPECT_EQ(j["area"], c.area);
  EXPECT_DOUBLE_EQ(j["needle_mm"].get<double>(), needle);
  EXPECT_EQ(j["tip_layer"], layer_id(want.tip_layer));
  std::vector<std::string> crossed;
  for (auto l : want.layers_crossed) crossed.emplace_back(layer_id(l));
  EXPECT_EQ(j["layers_crossed"].get<std::vector<std::string>>(), crossed);
  EXPECT_EQ(j["within_usual_range"].get<bool>(), want.within_usual_range);
  EXPECT_EQ(j["above_usual_range"].get<bool>(), want.above_usual_range);
  EXPECT_EQ(j["above_ceiling"].get<bool>(), want.above_ceiling);
  EXPECT_EQ(j["beyond_dermis"].get<bool>(), want.beyond_dermis);
  EXPECT_EQ(j["reaches_capillaries"].get<bool>(), want.reaches_capillaries);
  EXPECT_EQ(j["structures_passed"].get<std::vector<std::string>>(), want.structures_passed);
  EXPECT_NEAR(j["skin_mm"].get<double>(), want.skin_mm, 1e-4);
  EXPECT_NEAR(j["tip_fraction_of_skin"].get<double>(), want.tip_fraction_of_skin, 1e-4);
  EXPECT_DOUBLE_EQ(j["usual_range_mm"]["min"].get<double>(), area->usual_depth_mm.min);
  EXPECT_DOUBLE_EQ(j["usual_range_mm"]["max"].get<double>(), area->usual_depth_mm.max);
  EXPECT_DOUBLE_EQ(j["ceiling_mm"].get<double>(), area->ceiling_mm);
  ASSERT_EQ(j["warnings"].size(), want.warnings.size());
  for (std::size_t i = 0; i < want.warnings.size(); ++i) {
    EXPECT_EQ(j["warnings"][i]["id"], want.warnings[i].id);
    EXPECT_EQ(j["warnings"][i]["text"], want.warnings[i].text.en());
  }
  EXPECT_EQ(j["sources"].get<std::vector<std::string>>(), area->sources);
}

INSTANTIATE_TEST_SUITE_P(EveryAreaEveryStep, DepthCliStep, ::testing::ValuesIn(step_cases()),
                         [](const auto& info) {
                           return info.param.area + "_" + std::to_string(info.param.quarter * 25) + "_hundredths_mm";
                         });

TEST_F(DepthCli, ForeheadHalfMillimetreIsInTheDermisWithinTheUsualRange) {
  const auto j = run_cli("depth --area forehead --needle-mm 0.5").json();
  EXPECT_EQ(j["tip_layer"], "reticular_dermis");
  EXPECT_TRUE(j["within_usual_range"].get<bool>());
  EXPECT_FALSE(j["beyond_dermis"].get<bool>());
  EXPECT_TRUE(j["warnings"].empty());
}

TEST_F(DepthCli, AbdomenLongestNeedleWarnsInOrder) {
  const auto j = run_cli("depth --area abdomen --needle-mm 2.5").json();
  EXPECT_EQ(j["tip_layer"], "subcutis");
  std::vector<std::string> ids;
  for (const auto& w : j["warnings"]) ids.push_back(w["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"above_usual_range", "above_ceiling", "into_fat", "not_evaluated"}));
}

TEST_F(DepthCli, LengthsBetweenStepsAreAccepted) {
  const auto r = run_cli("depth --area cheeks --needle-mm=0.3");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json()["tip_layer"], "reticular_dermis");
}

TEST_F(DepthCli, SpanishTexts) {
  const auto j = run_cli("depth --area around_eyes --needle-mm 1 --lang es").json();
  EXPECT_EQ(j["area_name"], "Contorno de ojos");
  ASSERT_FALSE(j["warnings"].empty());
  EXPECT_EQ(j["warnings"][0]["text"], "Esta longitud es mayor de lo habitual para esta zona.");
}

TEST_F(DepthCli, ContentFolderIsHonoured) {
  const fs::path content = dir_ / "content";
  fs::copy(fs::path(SKINDEPTH_SOURCE_DIR) / "content", content, fs::copy_options::recursive);
  auto doc = nlohmann::json::parse(std::ifstream(content / "areas.json"));
  doc["areas"][0]["thickness_mm"]["epidermis"] = 0.15;  // forehead: reticular dermis now starts at 0.617 mm
  doc["areas"][0]["thickness_mm"]["papillary_dermis"] = 0.45;
  std::ofstream(content / "areas.json") << doc.dump();
  const auto r = run_cli("depth --area forehead --needle-mm 0.5 --content " + content.string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json()["tip_layer"], "papillary_dermis");
}

struct BadCall {
  const char* name;
  const char* args;
  const char* fragment;
};

class DepthCliBad : public DepthCli, public ::testing::WithParamInterface<BadCall> {};

TEST_P(DepthCliBad, IsAOneLineErrorWithExit2) {
  const auto r = run_cli(std::string("depth ") + GetParam().args);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("skindepth depth: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(GetParam().fragment), std::string::npos) << r.err;
}

const BadCall kBadCalls[] = {
    {"UnknownArea", "--area elbow --needle-mm 1", "unknown area \"elbow\"; expected one of: forehead"},
    {"AreaIdIsCaseSensitive", "--area Forehead --needle-mm 1", "unknown area \"Forehead\""},
    {"MissingArea", "--needle-mm 1", "missing --area"},
    {"MissingNeedle", "--area cheeks", "missing --needle-mm"},
    {"NeedleNotANumber", "--area cheeks --needle-mm abc", "found \"abc\""},
    {"NeedleWithUnit", "--area cheeks --needle-mm 1.5mm", "found \"1.5mm\""},
    {"NeedleEmpty", "--area cheeks --needle-mm ''", "--needle-mm expects a length from 0.25 to 2.5 mm"},
    {"NeedleZero", "--area cheeks --needle-mm 0", "found \"0\""},
    {"NeedleNegative", "--area cheeks --needle-mm -0.5", "found \"-0.5\""},
    {"NeedleTooLong", "--area cheeks --needle-mm 2.75", "to 2.5 mm, found \"2.75\""},
    {"NeedleNaN", "--area cheeks --needle-mm nan", "found \"nan\""},
    {"NeedleInfinite", "--area cheeks --needle-mm inf", "found \"inf\""},
    {"UnknownOption", "--area cheeks --needle-mm 1 --depth 2", "unknown option --depth"},
    {"OptionWithoutValue", "--area cheeks --needle-mm", "option --needle-mm needs a value"},
    {"StrayArgument", "cheeks --needle-mm 1", "unexpected argument \"cheeks\""},
    {"MissingContentFolder", "--area cheeks --needle-mm 1 --content /no/such/folder", "not a directory"},
};

INSTANTIATE_TEST_SUITE_P(Depth, DepthCliBad, ::testing::ValuesIn(kBadCalls),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace skindepth::core
