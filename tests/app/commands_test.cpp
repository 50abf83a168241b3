// The host command table: each command parsed once and answered once, refusals as clear errors and
// never a throw, questions that draw no frame, answers kept private, the mirror's and the plan
// card's questions.
#include "app/plan_link.h"
#include "app/scene.h"
#include "app/test_state.h"
#include "fixtures.h"

#include <gtest/gtest.h>

#include <set>

namespace skindepth::app {
namespace {

using nlohmann::json;
using testing::healthy_answers;

TEST(Commands, ReplyWithStateOrAClearError) {
  auto s = make_state();
  std::vector<json> events;
  auto r = command(s, {{"cmd", "setArea"}, {"area", "forehead"}});
  EXPECT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["state"]["area"], "forehead");
  EXPECT_TRUE(r["state"].contains("tip_layer"));
  r = command(s, {{"cmd", "fly"}});
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["error"], "unknown command \"fly\"");
  std::vector<json> none;
  EXPECT_EQ(json::parse(run_command(s, "{not json", none))["error"], "the command is not valid JSON");
  EXPECT_EQ(command(s, {{"cmd", "setDevice"}, {"device", "roller"}})["state"]["device"], "roller");
  EXPECT_EQ(command(s, {{"cmd", "setDevice"}, {"device", "wand"}})["error"], "unknown device \"wand\"");
  EXPECT_EQ(command(s, {{"cmd", "setNeedleLength"}})["error"], "command \"setNeedleLength\" needs \"mm\": a number");
  EXPECT_EQ(command(s, {{"cmd", "setLoupe"}, {"on", true}})["state"]["loupe"], true);
  EXPECT_EQ(command(s, {{"cmd", "setLoupe"}, {"on", "yes"}})["error"], "command \"setLoupe\" needs \"on\": true or false");
  EXPECT_EQ(command(s, {{"cmd", "getState"}})["state"]["loupe"], true) << "a refused command changes nothing";
  command(s, {{"cmd", "setView"}, {"view", "timeline"}}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["name"], "viewchange");
}

TEST(Commands, WrongTypesAreRefusedNeverThrown) {
  // The widget is built without exception catching: a throw would kill the page.
  auto s = make_state();
  for (const json& c : {json{{"cmd", "getState"}, {"includeAnswers", "yes"}}, json{{"cmd", "setArea"}, {"area", 3}},
                        json{{"cmd", "setNeedleLength"}, {"mm", "1"}},
                        json{{"cmd", "setAnswers"}, {"answers", {{"area", 7}, {"concerns", {"x"}}}}},
                        json{{"cmd", "answer"}, {"key", "age"}, {"value", {1, 2}}}, json{{"cmd", 5}}, json::array(),
                        json{{"cmd", "setCourse"}, {"sessions", 1e300}, {"everyWeeks", 4}},
                        json{{"cmd", "stepTo"}, {"step", -1e300}}, json{{"cmd", "setTheme"}, {"accent", "red"}},
                        json{{"cmd", "setTheme"}, {"fontScale", 9}}, json{{"cmd", "readPlanLink"}, {"url", 4}}}) {
    json r;
    EXPECT_NO_THROW(r = command(s, c)) << c.dump();
    EXPECT_FALSE(r.value("ok", true)) << c.dump();
    EXPECT_FALSE(r.value("error", std::string()).empty()) << c.dump();
  }
}

TEST(Commands, EveryCommandIsInTheTableOnceAndQuestionsChangeNothing) {
  const auto names = host_command_names();
  EXPECT_EQ(std::set<std::string_view>(names.begin(), names.end()).size(), names.size()) << "a name twice";
  auto s = make_state();
  for (auto name : names) {
    if (!host_command_is_question(name)) continue;
    s.needs_frame = false;
    const auto before = state_json(s, true);
    command(s, {{"cmd", std::string(name)}});
    EXPECT_FALSE(s.needs_frame) << name << " asked for a frame";
    EXPECT_EQ(state_json(s, true), before) << name << " changed the state";
  }
  EXPECT_FALSE(host_command_is_question("setArea"));
  EXPECT_TRUE(host_command_is_question("getState"));
}

TEST(Commands, PlatformFiguresComeThroughTheHooks) {
  auto s = make_state();
  int resets = 0;
  const HostHooks hooks{[](bool full) { return full ? json{{"frame_ms", {1.5}}} : json{{"frames_drawn", 3}}; },
                        [&resets] { ++resets; }};
  std::vector<json> events;
  auto r = json::parse(run_command(s, R"({"cmd":"getStats"})", events, hooks));
  EXPECT_EQ(r["frame_ms"], json::array({1.5}));
  r = json::parse(run_command(s, R"({"cmd":"setArea","area":"neck"})", events, hooks));
  EXPECT_EQ(r["stats"]["frames_drawn"], 3) << "the short figures with every reply";
  run_command(s, R"({"cmd":"resetStats"})", events, hooks);
  EXPECT_EQ(resets, 1);
}

TEST(Commands, ThemeIsCheckedHereAndKeptInTheState) {
  auto s = make_state();
  EXPECT_TRUE(command(s, {{"cmd", "setTheme"}, {"accent", "#1f7a74"}, {"radius", 0.5}, {"fontScale", 1.25}})["ok"].get<bool>());
  EXPECT_FLOAT_EQ(s.theme.accent[1], 0x7a / 255.0f);
  EXPECT_FLOAT_EQ(s.theme.corner_radius_em, 0.5f);
  EXPECT_FLOAT_EQ(s.theme.font_scale, 1.25f);
  EXPECT_EQ(command(s, {{"cmd", "setTheme"}, {"radius", 3}})["error"], "radius must be 0 to 2 (em)");
  EXPECT_FLOAT_EQ(s.theme.corner_radius_em, 0.5f) << "a refused theme changes nothing";
}

TEST(Commands, StateHidesAnswersUnlessAsked) {
  auto s = make_state();
  command(s, {{"cmd", "answer"}, {"key", "pregnant_or_breastfeeding"}, {"value", true}});
  EXPECT_FALSE(state_json(s, false).contains("answers"));
  EXPECT_EQ(state_json(s, true)["answers"]["pregnant_or_breastfeeding"], true);
}

TEST(Commands, AnAnswerIsCheckedOnItsOwnWithoutTheOthers) {
  auto s = make_state();
  EXPECT_TRUE(command(s, {{"cmd", "answer"}, {"key", "age"}, {"value", 40}})["ok"].get<bool>()) << "no concerns needed first";
  EXPECT_EQ(command(s, {{"cmd", "answer"}, {"key", "age"}, {"value", 140}})["error"],
            "age: expected a number of years from 0 to 120, found 140");
  EXPECT_TRUE(command(s, {{"cmd", "clearAnswer"}, {"key", "age"}})["ok"].get<bool>());
  EXPECT_FALSE(state_json(s, true)["answers"].contains("age"));
  EXPECT_FALSE(command(s, {{"cmd", "clearAnswer"}, {"key", "agee"}})["ok"].get<bool>());
}

TEST(Commands, PlanCompleteCarriesOnlyTheDecisionAndTheArea) {
  auto s = make_state();
  std::vector<json> events;
  auto answers = healthy_answers();
  answers["pregnant_or_breastfeeding"] = true;
  answers["area"] = "forehead";
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", answers}})["ok"].get<bool>());
  EXPECT_EQ(s.cross.area_id, "forehead") << "the drawing follows the answered area";
  ASSERT_TRUE(command(s, {{"cmd", "showPlan"}}, &events)["ok"].get<bool>());
  json complete;
  for (const auto& e : events)
    if (e["name"] == "plancomplete") complete = e["detail"];
  ASSERT_FALSE(complete.is_null());
  EXPECT_EQ(complete, (json{{"decision", "defer"}, {"area", "forehead"}}));
}

TEST(Commands, MirrorReadsTheQuestionnaireStepByStepThenThePlan) {
  auto s = make_state();
  auto q = command(s, {{"cmd", "getQuestionnaire"}})["questionnaire"];
  EXPECT_EQ(q["step"], 0);
  ASSERT_FALSE(q["questions"].empty());
  EXPECT_EQ(q["questions"][0]["key"], "concerns");
  EXPECT_EQ(q["questions"][0]["kind"], "multi");
  EXPECT_TRUE(q["questions"][0]["value"].is_null());
  EXPECT_FALSE(q["complete"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", healthy_answers()}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "showPlan"}})["ok"].get<bool>());
  q = command(s, {{"cmd", "getQuestionnaire"}})["questionnaire"];
  ASSERT_TRUE(q.contains("plan")) << q.dump();
  EXPECT_EQ(q["plan"]["stamp"], "Educational illustration, not a prediction or medical advice.");
  EXPECT_EQ(q["plan"]["decision"], s.ui("plan.proceed"));
  EXPECT_FALSE(q["plan"]["sections"].empty());
}

TEST(Commands, ChoicesNameAreasViewsAndTextsInTheLanguage) {
  auto s = make_state();
  command(s, {{"cmd", "setLanguage"}, {"language", "es"}});
  auto c = command(s, {{"cmd", "getChoices"}, {"texts", {"quiz.next", 5}}})["choices"];
  EXPECT_EQ(c["texts"]["quiz.next"], s.ui("quiz.next"));
  EXPECT_EQ(c["texts"].size(), 1u) << "a key that is not a string is skipped";
  auto en = command(s, {{"cmd", "getChoices"}, {"texts", {"card.title"}}, {"language", "en"}})["choices"];
  EXPECT_EQ(en["texts"]["card.title"], s.content->ui("card.title", "en")) << "a plan card in its link's language";
  EXPECT_FALSE(command(s, {{"cmd", "getChoices"}, {"language", 3}})["ok"].get<bool>());
  EXPECT_EQ(c["views"].size(), 3u);
  EXPECT_FALSE(c["areas"].empty());
  EXPECT_DOUBLE_EQ(c["needle"]["step"].get<double>(), s.content->skin.needles.step_mm);
  EXPECT_TRUE(command(s, {{"cmd", "setTimePosition"}, {"position", 1.0}})["ok"].get<bool>());
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, timeline_end(s));
  EXPECT_FALSE(command(s, {{"cmd", "setTimePosition"}, {"position", 2}})["ok"].get<bool>());
  EXPECT_EQ(state_json(s, false)["tip_layer_name"], s.ui("layer.reticular_dermis"));
}

TEST(Commands, APlanLinkIsReadIntoACardInItsLanguage) {
  auto s = make_state();
  PlanSummary summary;
  summary.language = "es";
  summary.decision = core::Decision::Proceed;
  summary.area = "cheeks";
  summary.sessions = {3, 6};
  summary.interval_weeks = {4, 6};
  summary.depth_mm = {1, 1.5};
  summary.maintenance_months = {6, 12};
  summary.session_minutes = {30, 45};
  summary.dates = {"2026-12-08", "2027-01-05"};
  const std::string url = plan_link("https://spa.example/page", summary);
  auto card = command(s, {{"cmd", "readPlanLink"}, {"url", url}})["card"];
  ASSERT_TRUE(card["valid"].get<bool>()) << card.dump();
  EXPECT_EQ(card["language"], "es");
  EXPECT_EQ(card["decision"], s.content->ui("plan.proceed", "es"));
  EXPECT_NE(card["area"].get<std::string>().find("Mejillas"), std::string::npos) << card["area"];
  EXPECT_EQ(card["sections"][0]["items"][2]["text"], "1.00\xE2\x80\x93" "1.50 mm");
  EXPECT_EQ(card["sections"][1]["items"].size(), 2u);
  // The drawing's caption, in the card's language, for the plan's area at the plan's needle; the
  // widget itself is not moved by reading the link.
  EXPECT_EQ(card["picture_caption"].get<std::string>().rfind("Mejillas. Aguja 1.25 mm", 0), 0u) << card["picture_caption"];
  EXPECT_EQ(s.language, "en");
  EXPECT_EQ(s.cross.needle_mm, 1.0);
  card = command(s, {{"cmd", "readPlanLink"}, {"url", url.substr(0, url.size() - 9) + "%zz"}})["card"];
  EXPECT_FALSE(card["valid"].get<bool>());
  EXPECT_EQ(card["notice"], s.ui("card.invalid"));
}

}  // namespace
}  // namespace skindepth::app
