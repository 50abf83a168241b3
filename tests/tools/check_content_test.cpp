// `skindepth check-content DIR` end to end: the shipped content passes; a broken copy is reported
// with file and pointer and exits 2.
#include <gtest/gtest.h>

#include "tools/cli_helpers.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using skindepth::testing::run_cli;

namespace {

fs::path copy_content(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::copy(fs::path(SKINDEPTH_SOURCE_DIR) / "content", dir, fs::copy_options::recursive);
  return dir;
}

TEST(CheckContent, ShippedContentIsValid) {
  const auto r = run_cli(std::string("check-content ") + SKINDEPTH_SOURCE_DIR + "/content");
  EXPECT_EQ(r.status, 0) << r.err;
  const auto j = r.json();
  EXPECT_TRUE(j["ok"].get<bool>());
  EXPECT_TRUE(j["errors"].empty());
  EXPECT_GE(j["files"].get<int>(), 2);
}

TEST(CheckContent, BrokenContentIsReportedWithPointerAndExit2) {
  const auto dir = copy_content("broken_content");
  std::ofstream(dir / "sources.json") << R"({"sources": [{"id": "a", "kind": "seed"}]})";
  const auto r = run_cli("check-content " + dir.string());
  EXPECT_EQ(r.status, 2);
  const auto j = r.json();
  EXPECT_FALSE(j["ok"].get<bool>());
  bool found = false;
  for (const auto& e : j["errors"])
    found = found || (e["file"] == "sources.json" && e["pointer"] == "/sources/0/citation");
  EXPECT_TRUE(found) << r.out;
  EXPECT_NE(r.err.find("sources.json /sources/0/citation"), std::string::npos) << r.err;
}

TEST(CheckContent, MissingFolderIsAOneLineError) {
  const auto r = run_cli("check-content /no/such/folder");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("not a directory"), std::string::npos);
}

TEST(Cli, UnknownCommandExits2) {
  const auto r = run_cli("frobnicate");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown command"), std::string::npos);
}

}  // namespace
