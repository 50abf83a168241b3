// Content started without its deferrable parts (the widget's start: the timeline's and the
// questionnaire's files come from the server when a view needs them): the rest loads and checks on its
// own, the parts are noted as pending, and a part added later is used only once it validates.
#include "content/loader.h"
#include "load_errors.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace skindepth::content {
namespace {

using test_support::dump_errors;

FileMap without_parts(FileMap files) {
  for (const auto& f : deferrable_parts()) files.erase(f);
  return files;
}

LoadResult load_deferred(const FileMap& files) {
  Loading loading(without_parts(files), true);
  while (!loading.step()) {
  }
  return loading.take();
}

TEST(DeferredParts, TheRestLoadsAndThePartsArePending) {
  const auto r = load_deferred(default_files());
  ASSERT_TRUE(r.ok()) << dump_errors(r);
  EXPECT_EQ(r.content.pending, (std::vector<std::string>{"timeline.json", "questionnaire.json"}));
  EXPECT_FALSE(r.content.has_part("timeline.json"));
  EXPECT_FALSE(r.content.has_part("questionnaire.json"));
  EXPECT_TRUE(r.content.has_part("areas.json"));
  EXPECT_FALSE(r.content.skin.areas.empty()) << "the cross-section's content is all there";
  EXPECT_TRUE(r.content.questionnaire.steps.empty());
}

TEST(DeferredParts, WithoutDeferringAMissingPartIsAnError) {
  const auto r = load(without_parts(default_files()));
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.content.pending.empty());
}

TEST(DeferredParts, OnlyTheDeferrablePartsMayBeMissing) {
  auto files = without_parts(default_files());
  files.erase("areas.json");
  Loading loading(files, true);
  while (!loading.step()) {
  }
  const auto r = loading.take();
  EXPECT_FALSE(r.ok()) << "areas.json is needed at the start";
}

TEST(DeferredParts, AnAddedPartIsTheSameAsOneLoadedWhole) {
  const auto files = default_files();
  auto r = load_deferred(files);
  ASSERT_TRUE(r.ok()) << dump_errors(r);
  auto errors = add_part(r.content, "timeline.json", files.at("timeline.json"));
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  EXPECT_EQ(r.content.pending, std::vector<std::string>{"questionnaire.json"});
  errors = add_part(r.content, "questionnaire.json", files.at("questionnaire.json"));
  EXPECT_TRUE(errors.empty()) << errors.front().to_string();
  EXPECT_TRUE(r.content.pending.empty());
  const auto whole = load(files);
  EXPECT_EQ(r.content.questionnaire.steps.size(), whole.content.questionnaire.steps.size());
  EXPECT_EQ(r.content.questionnaire.rules.size(), whole.content.questionnaire.rules.size());
  EXPECT_EQ(r.content.timeline.phases.size(), whole.content.timeline.phases.size());
}

TEST(DeferredParts, ABrokenPartChangesNothing) {
  const auto files = default_files();
  auto r = load_deferred(files);
  const auto before_areas = r.content.skin.areas.size();
  auto errors = add_part(r.content, "questionnaire.json", "{\"steps\": [");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.front().file, "questionnaire.json");
  EXPECT_TRUE(r.content.questionnaire.steps.empty());
  EXPECT_FALSE(r.content.has_part("questionnaire.json")) << "still waiting for it";
  EXPECT_EQ(r.content.skin.areas.size(), before_areas);

  // Valid JSON that is not a questionnaire: refused with the place and the reason.
  errors = add_part(r.content, "questionnaire.json", "{\"steps\": 3}");
  ASSERT_FALSE(errors.empty());
  EXPECT_FALSE(r.content.has_part("questionnaire.json"));

  // A good part afterwards is taken.
  errors = add_part(r.content, "questionnaire.json", files.at("questionnaire.json"));
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(r.content.has_part("questionnaire.json"));
}

TEST(DeferredParts, APartIsCheckedAgainstTheRest) {
  // Content whose areas lack the scalp: the questionnaire, which names it, is refused when added.
  const auto files = test_support::without_area(default_files(), "scalp");
  auto r = load_deferred(files);
  ASSERT_TRUE(r.ok()) << "without the questionnaire nothing names the scalp: " << dump_errors(r);
  const auto errors = add_part(r.content, "questionnaire.json", files.at("questionnaire.json"));
  bool found = false;
  for (const auto& e : errors) found = found || e.message.find("\"scalp\" is not in areas.json") != std::string::npos;
  EXPECT_TRUE(found);
  EXPECT_FALSE(r.content.has_part("questionnaire.json"));
  EXPECT_TRUE(r.content.questionnaire.steps.empty());
}

TEST(DeferredParts, OnlyAPendingPartCanBeAdded) {
  const auto files = default_files();
  auto whole = load(files);
  ASSERT_TRUE(whole.ok());
  auto errors = add_part(whole.content, "timeline.json", files.at("timeline.json"));
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.front().message.find("not a part this content is waiting for"), std::string::npos);
  auto r = load_deferred(files);
  errors = add_part(r.content, "areas.json", files.at("areas.json"));
  EXPECT_FALSE(errors.empty()) << "areas.json is not pending";
}

}  // namespace
}  // namespace skindepth::content
