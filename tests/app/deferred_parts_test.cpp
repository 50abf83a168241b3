// The widget started without the timeline's and the questionnaire's content (they come when a view
// needs them): the cross-section works at once; a command that needs a missing part is answered
// with the files it waits for, never run on half the content; a view opened early asks the page for
// them; no plan is ever made from a questionnaire that is not there.
#include "app/describe.h"
#include "app/layout.h"
#include "app/scene.h"
#include "app/test_state.h"
#include "fixtures.h"

#include <gtest/gtest.h>

namespace skindepth::app {
namespace {

using nlohmann::json;

struct Started {
  core::Content content;
  AppState state;
  Started() {
    auto files = content::default_files();
    for (const auto& f : content::deferrable_parts()) files.erase(f);
    content::Loading loading(files, true);
    while (!loading.step()) {
    }
    auto r = loading.take();
    EXPECT_TRUE(r.ok());
    content = std::move(r.content);
    state = make_state();
    state.content = &content;
  }
  void add(const std::string& file) {
    const auto errors = content::add_part(content, file, content::default_files().at(file));
    ASSERT_TRUE(errors.empty()) << errors.front().to_string();
  }
};

std::vector<json> named(const std::vector<json>& events, const std::string& name) {
  std::vector<json> out;
  for (const auto& e : events)
    if (e["name"] == name) out.push_back(e);
  return out;
}

TEST(DeferredParts, TheCrossSectionNeedsNothingMore) {
  Started w;
  EXPECT_TRUE(command(w.state, {{"cmd", "setArea"}, {"area", "forehead"}})["ok"].get<bool>());
  EXPECT_TRUE(command(w.state, {{"cmd", "setNeedleLength"}, {"mm", 1.5}})["ok"].get<bool>());
  EXPECT_TRUE(command(w.state, {{"cmd", "getState"}})["ok"].get<bool>());
  EXPECT_TRUE(parts_needed(w.state, View::CrossSection).empty());
}

TEST(DeferredParts, ACommandWaitsForItsPartByName) {
  Started w;
  auto r = command(w.state, {{"cmd", "setTime"}, {"hours", 48}});
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["pending"], json::array({"timeline.json"}));
  EXPECT_EQ(r["error"], "command \"setTime\" waits for timeline.json, which the page has not loaded yet");
  r = command(w.state, {{"cmd", "setView"}, {"view", "questionnaire"}});
  EXPECT_EQ(r["pending"], json::array({"timeline.json", "questionnaire.json"}));
  EXPECT_EQ(command(w.state, {{"cmd", "getState"}})["state"]["view"], "cross_section") << "nothing ran";
  r = command(w.state, {{"cmd", "answer"}, {"key", "area"}, {"value", "cheeks"}});
  EXPECT_TRUE(r.contains("pending"));
  EXPECT_TRUE(command(w.state, {{"cmd", "getPlan"}}).contains("pending"));
  // A view that does not exist is refused as before, not kept waiting.
  r = command(w.state, {{"cmd", "setView"}, {"view", "gallery"}});
  EXPECT_FALSE(r.contains("pending"));
  EXPECT_EQ(r["error"], "unknown view \"gallery\"");

  w.add("timeline.json");
  EXPECT_TRUE(command(w.state, {{"cmd", "setTime"}, {"hours", 48}})["ok"].get<bool>());
  EXPECT_EQ(command(w.state, {{"cmd", "setView"}, {"view", "questionnaire"}})["pending"], json::array({"questionnaire.json"}));
  w.add("questionnaire.json");
  EXPECT_TRUE(command(w.state, {{"cmd", "setView"}, {"view", "questionnaire"}})["ok"].get<bool>());
  EXPECT_TRUE(command(w.state, {{"cmd", "setAnswers"}, {"answers", testing::healthy_answers()}})["ok"].get<bool>());
  EXPECT_TRUE(command(w.state, {{"cmd", "getPlan"}})["ok"].get<bool>());
}

TEST(DeferredParts, APartThatFailedIsNamedWithItsReason) {
  Started w;
  w.state.part_problems["timeline.json"] = "HTTP 404";
  const auto r = command(w.state, {{"cmd", "play"}});
  EXPECT_EQ(r["error"], "command \"play\" waits for timeline.json, which could not be loaded: HTTP 404");
}

TEST(DeferredParts, AViewOpenedEarlyAsksThePageForItsParts) {
  Started w;
  ASSERT_TRUE(apply(w.state, Action{act::SetView{View::Timeline}}));
  auto asks = named(w.state.outbox, "needcontent");
  ASSERT_EQ(asks.size(), 1u);
  EXPECT_EQ(asks[0]["detail"]["files"], json::array({"timeline.json"}));
  EXPECT_EQ(w.state.view, View::Timeline) << "the view opens and shows that it is loading";

  // After a failure, "Try again" asks again and forgets the old problem.
  w.state.outbox.clear();
  w.state.part_problems["timeline.json"] = "offline";
  ASSERT_TRUE(apply(w.state, Action{act::LoadParts{}}));
  asks = named(w.state.outbox, "needcontent");
  ASSERT_EQ(asks.size(), 1u);
  EXPECT_TRUE(w.state.part_problems.empty());

  // Once the part is there, opening the view asks for nothing.
  w.add("timeline.json");
  w.state.outbox.clear();
  ASSERT_TRUE(apply(w.state, Action{act::SetView{View::CrossSection}}));
  ASSERT_TRUE(apply(w.state, Action{act::SetView{View::Timeline}}));
  EXPECT_TRUE(named(w.state.outbox, "needcontent").empty());
  ASSERT_TRUE(apply(w.state, Action{act::SetView{View::Questionnaire}}));
  asks = named(w.state.outbox, "needcontent");
  ASSERT_EQ(asks.size(), 1u);
  EXPECT_EQ(asks[0]["detail"]["files"], json::array({"questionnaire.json"}));
}

TEST(DeferredParts, NoPlanWithoutTheWholeQuestionnaire) {
  // Answers that would give a plan (e.g. restored from a plan link) give none while the screening
  // questions are not there: a plan is never made from part of the content.
  Started w;
  auto& sheet = w.state.quiz.answers;
  const auto answers = testing::healthy_answers();
  w.add("questionnaire.json");
  for (auto it = answers.begin(); it != answers.end(); ++it) core::set_answer(sheet, it.key(), it.value());
  ASSERT_TRUE(sheet.ready());
  EXPECT_FALSE(current_plan(w.state).has_value()) << "the timeline (aftercare) is still missing";
  EXPECT_TRUE(visible_steps(w.state).empty());
  w.add("timeline.json");
  EXPECT_TRUE(current_plan(w.state).has_value());
  EXPECT_FALSE(visible_steps(w.state).empty());
}

TEST(DeferredParts, EveryViewDrawsAndSpeaksWhileItsPartIsMissing) {
  // What the widget computes each frame for a view waiting for its content: no crash, no empty text
  // (the ASan build runs this too).
  Started w;
  for (View v : {View::Timeline, View::Questionnaire, View::CrossSection}) {
    ASSERT_TRUE(apply(w.state, Action{act::SetView{v}}));
    const auto scene = build_scene(w.state, compute_layout(w.state.viewport, w.state.mode, w.state.view));
    EXPECT_FALSE(scene.panes.empty());
    EXPECT_FALSE(describe(w.state).empty());
    EXPECT_TRUE(state_json(w.state, true).contains("view"));
  }
}

}  // namespace
}  // namespace skindepth::app
