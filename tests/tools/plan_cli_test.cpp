// `skindepth plan` end to end: answers from stdin or a file, the plan JSON on stdout, and one-line
// errors naming the key with exit status 2.
#include <gtest/gtest.h>

#include "tools/cli_helpers.h"

#include <filesystem>
#include <fstream>

using skindepth::testing::run_cli;

namespace {

TEST(PlanCli, ProceedFromStdin) {
  const auto r = run_cli("plan", R"({"concerns": ["acne_scars"], "scar_type": "atrophic", "area": "cheeks", "fitzpatrick": 2, "age": 30})");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["decision"], "proceed");
  EXPECT_EQ(j["depth_mm"]["max"], 1.0);
  EXPECT_FALSE(j["disclaimer"].get<std::string>().empty());
  EXPECT_NE(r.out.find("\n  \"decision\""), std::string::npos) << "2-space indent";
}

TEST(PlanCli, DashReadsStdinAndSpanishIsAvailable) {
  const auto r = run_cli("plan - --lang es", R"({"concerns": ["texture"], "area": "neck", "pregnant_or_breastfeeding": true})");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  EXPECT_EQ(j["decision"], "defer");
  EXPECT_NE(j["reasons"][0]["text"].get<std::string>().find("embarazada"), std::string::npos);
}

TEST(PlanCli, ReadsAFile) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "answers_refer.json";
  std::ofstream(path) << R"({"concerns": ["melasma"], "area": "cheeks"})";
  const auto r = run_cli("plan " + path.string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json()["decision"], "refer");
}

struct CliError {
  const char* args;
  const char* input;
  const char* fragment;
};

class PlanCliErrors : public ::testing::TestWithParam<CliError> {};

TEST_P(PlanCliErrors, OneLineExit2) {
  const auto r = run_cli(GetParam().args, GetParam().input);
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find(GetParam().fragment), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Table, PlanCliErrors,
    ::testing::Values(CliError{"plan", R"({"concerns": ["texture"], "area": "cheeks", "fitzpatrick": 9})", "fitzpatrick:"},
                      CliError{"plan", R"({"concerns": ["texture"], "area": "cheeks", "pregnant": true})", "pregnant: unknown answer key"},
                      CliError{"plan", R"({"area": "cheeks"})", "concerns: missing"},
                      CliError{"plan", R"({"concerns": ["texture"], "area": "elbow"})", "area: unknown area"},
                      CliError{"plan", "{not json", "not valid JSON"},
                      CliError{"plan /no/such/answers.json", "", "cannot read"},
                      CliError{"plan --lang fr", R"({"concerns": ["texture"], "area": "cheeks"})", "unknown language"},
                      CliError{"plan a.json b.json", "", "at most one argument"}));

TEST(PlanCli, CustomContentFolderIsUsed) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / "plan_content";
  std::filesystem::remove_all(dir);
  std::filesystem::copy(std::filesystem::path(SKINDEPTH_SOURCE_DIR) / "content", dir, std::filesystem::copy_options::recursive);
  const auto r = run_cli("plan --content " + dir.string(), R"({"concerns": ["texture"], "area": "cheeks"})");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.json()["decision"], "proceed");
}

}  // namespace
