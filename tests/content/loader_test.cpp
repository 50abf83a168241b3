// The content loader: the built-in content is valid, and broken content is rejected with the file,
// the JSON pointer and what was expected.
#include "content/loader.h"
#include "load_errors.h"

#include <gtest/gtest.h>

namespace skindepth::content {
namespace {

using test_support::dump_errors;
using test_support::has_error;

TEST(Loader, BuiltInContentIsValid) {
  const auto result = load(default_files());
  EXPECT_TRUE(result.ok()) << dump_errors(result);
  EXPECT_FALSE(result.content.sources.empty());
  EXPECT_EQ(result.content.languages.front(), "en");
}

TEST(Loader, BuiltInContentHasTheUiStringsTheWidgetShows) {
  const auto& c = default_content();
  EXPECT_EQ(c.ui("app.title", "en"), "Microneedling, layer by layer");
  EXPECT_EQ(c.ui("app.title", "es"), "Micropunción, capa a capa");
  EXPECT_EQ(c.ui("app.title", "fr"), "Microneedling, layer by layer") << "unknown language falls back to English";
  EXPECT_EQ(c.ui("no.such.key", "en"), "no.such.key");
}

TEST(Loader, EverySeedIsASource) {
  const auto& c = default_content();
  for (const char* seed : {"000_dfb7e02e80f0e64f.txt", "001_f06ad0138003f51b.txt", "002_cfee5aaddb3b3733.txt",
                           "003_3de7771e9af8d108.txt", "004_0d0cbba38258ce13.txt"}) {
    const auto* s = c.find_source(seed);
    ASSERT_NE(s, nullptr) << seed;
    EXPECT_EQ(s->kind, "seed");
  }
}

// The widget's start parses the content one file per task (Loading): the same content and the same
// errors as load(), in more than one step, and nothing more once done.
TEST(Loader, LoadingInStepsGivesWhatLoadGives) {
  Loading loading(default_files());
  std::size_t steps = 0;
  while (!loading.step()) ++steps;
  ++steps;
  EXPECT_EQ(steps, loading.steps());
  EXPECT_GT(steps, 5u) << "one step per file, then the cross-checks";
  EXPECT_TRUE(loading.done());
  EXPECT_TRUE(loading.step()) << "a step after the end does nothing";
  const auto stepped = loading.take();
  const auto whole = load(default_files());
  ASSERT_TRUE(stepped.ok()) << dump_errors(stepped);
  EXPECT_EQ(stepped.content.sources.size(), whole.content.sources.size());
  EXPECT_EQ(stepped.content.skin.areas.size(), whole.content.skin.areas.size());
  EXPECT_EQ(stepped.content.ui("app.title", "es"), whole.content.ui("app.title", "es"));
}

TEST(Loader, LoadingInStepsReportsTheErrorsLoadReports) {
  auto files = default_files();
  files["ui.json"] = "{\"languages\": [\"en\", ";
  files.erase("areas.json");
  Loading loading(files);
  EXPECT_FALSE(loading.step()) << "sources.json: more to do";
  while (!loading.step()) {
  }
  const auto r = loading.take();
  EXPECT_TRUE(has_error(r, "ui.json", "", "not valid JSON")) << dump_errors(r);
  EXPECT_TRUE(has_error(r, "areas.json", "", "file missing")) << dump_errors(r);
  EXPECT_EQ(r.errors.size(), load(files).errors.size());
}

TEST(Loader, MissingFileIsAnError) {
  auto files = default_files();
  files.erase("sources.json");
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "", "file missing")) << dump_errors(r);
}

TEST(Loader, BrokenJsonNamesTheFile) {
  auto files = default_files();
  files["ui.json"] = "{\"languages\": [\"en\", ";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "ui.json", "", "not valid JSON")) << dump_errors(r);
}

// A number too large for a double is nlohmann's out_of_range rather than a parse_error;
// it must be an error like any other, not an escaped exception (the crash answers_fuzz found in the answers parser).
TEST(Loader, NumberTooLargeForADoubleNamesTheFile) {
  auto files = default_files();
  files["ui.json"] = R"({"languages": ["en"], "strings": {}, "x": 1e400})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "ui.json", "", "number overflow")) << dump_errors(r);
}

TEST(Loader, WrongTypeNamesThePointerAndTheExpectation) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [{"id": "x", "kind": "seed", "citation": 3}]})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/0/citation", "expected a non-empty string, found number"))
      << dump_errors(r);
}

TEST(Loader, UnknownKeysAreRejected) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [{"id": "x", "kind": "seed", "citation": "c", "autor": "typo"}]})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/0/autor", "unknown key")) << dump_errors(r);
}

TEST(Loader, DuplicateSourceIdsAreRejected) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [{"id": "x", "kind": "seed", "citation": "a"},
                                          {"id": "x", "kind": "study", "citation": "b"}]})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/1/id", "duplicate source id")) << dump_errors(r);
}

TEST(Loader, ShortNamesAreTextsInEachLanguageOrThePlainAuthorYear) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [
      {"id": "a", "kind": "seed", "citation": "c", "short": {"en": "Spa article", "es": "Artículo de spa"}, "note": {"en": "n", "es": "n es"}},
      {"id": "b", "kind": "study", "citation": "c", "short": "Meng 2022"},
      {"id": "c", "kind": "study", "citation": "c"}]})";
  const auto r = load(files);
  const auto* a = r.content.find_source("a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->short_name.get("es"), "Artículo de spa");
  EXPECT_EQ(a->short_name.get("en"), "Spa article");
  EXPECT_EQ(a->note.get("es"), "n es");
  EXPECT_EQ(r.content.find_source("b")->short_name.get("es"), "Meng 2022") << "a plain string reads the same in every language";
  EXPECT_EQ(r.content.find_source("c")->short_name.get("en"), "c") << "the id when there is no short name";
}

TEST(Loader, ShortNameOfTheWrongShapeNamesItsPointer) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [{"id": "a", "kind": "seed", "citation": "c", "short": {"es": "solo"}},
                                          {"id": "b", "kind": "seed", "citation": "c", "short": 3}]})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/0/short", "\"en\"")) << dump_errors(r);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/1/short", "expected a text")) << dump_errors(r);
}

TEST(Loader, UnknownSourceKindIsRejected) {
  auto files = default_files();
  files["sources.json"] = R"({"sources": [{"id": "x", "kind": "blog", "citation": "a"}]})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "sources.json", "/sources/0/kind", "expected one of")) << dump_errors(r);
}

TEST(Loader, TextMustHaveEnglish) {
  auto files = default_files();
  files["ui.json"] = R"({"languages": ["en", "es"], "strings": {"a": {"es": "hola"}}})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "ui.json", "/strings/a", "\"en\"")) << dump_errors(r);
}

TEST(Loader, EnglishMustBeTheFirstLanguage) {
  auto files = default_files();
  files["ui.json"] = R"({"languages": ["es", "en"], "strings": {}})";
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "ui.json", "/languages/0", "English")) << dump_errors(r);
}

}  // namespace
}  // namespace skindepth::content

namespace skindepth::content {
namespace {

TEST(Loader, UntranslatedStringsAreReportedWithTheirPointer) {
  auto files = default_files();
  // A UI string with English only.
  auto ui = nlohmann::json::parse(files["ui.json"]);
  ui["strings"]["app.title"] = {{"en", "Only English"}};
  files["ui.json"] = ui.dump();
  // A content text written as a plain (English) string.
  auto areas = nlohmann::json::parse(files["areas.json"]);
  areas["areas"][0]["name"] = "Forehead";
  files["areas.json"] = areas.dump();
  const auto r = load(files);
  bool ui_found = false, area_found = false;
  for (const auto& e : r.errors) {
    ui_found = ui_found || (e.file == "ui.json" && e.pointer == "/strings/app.title" && e.message.find("untranslated") != std::string::npos);
    area_found = area_found || (e.file == "areas.json" && e.pointer == "/areas/0/name" && e.message.find("\"es\"") != std::string::npos);
  }
  EXPECT_TRUE(ui_found);
  EXPECT_TRUE(area_found);
}

}  // namespace
}  // namespace skindepth::content
