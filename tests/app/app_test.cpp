// The widget's state logic, natively: actions and their refusals, time clamping, the mm<->pixel
// mapping, the timeline scale, host commands, the questionnaire flow and its privacy, dates.
#include "app/app_state.h"
#include "app/calendar.h"
#include "app/commands.h"
#include "app/describe.h"
#include "app/layout.h"
#include "app/quiz.h"
#include "app/scene.h"
#include "content/loader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace skindepth::app {
namespace {

AppState make_state() {
  AppState s;
  s.content = &content::default_content();
  s.viewport = {1440, 900, 1};
  return s;
}

Action act(Action::Kind k, std::string text = {}, double n = 0, double n2 = 0) {
  Action a;
  a.kind = k;
  a.text = std::move(text);
  a.number = n;
  a.number2 = n2;
  return a;
}

TEST(AppState, UnknownAreaIsRefusedAndChangesNothing) {
  auto s = make_state();
  std::string error;
  EXPECT_FALSE(apply(s, act(Action::Kind::SetArea, "elbow"), &error));
  EXPECT_EQ(error, "unknown area \"elbow\"");
  EXPECT_EQ(s.cross.area_id, "cheeks");
  EXPECT_TRUE(apply(s, act(Action::Kind::SetArea, "scalp"), &error));
  EXPECT_EQ(s.cross.area_id, "scalp");
}

TEST(AppState, NeedleLengthsSnapToQuarterMillimetresAndRejectNonsense) {
  auto s = make_state();
  EXPECT_TRUE(apply(s, act(Action::Kind::SetNeedle, {}, 1.3)));
  EXPECT_DOUBLE_EQ(s.cross.needle_mm, 1.25);
  for (double bad : {0.0, 0.1, 2.6, -1.0, std::nan(""), std::numeric_limits<double>::infinity()}) {
    EXPECT_FALSE(apply(s, act(Action::Kind::SetNeedle, {}, bad))) << bad;
    EXPECT_DOUBLE_EQ(s.cross.needle_mm, 1.25);
  }
}

TEST(AppState, AdvanceClampsHugeGapsFromBackgroundTabs) {
  auto s = make_state();
  apply(s, act(Action::Kind::SetView, "timeline"));
  apply(s, act(Action::Kind::SetTime, {}, 1.0));
  apply(s, act(Action::Kind::Play));
  const double before = s.timeline.t_hours;
  advance(s, 600.0);  // ten minutes hidden
  const double after_one = s.timeline.t_hours;
  auto t = make_state();
  apply(t, act(Action::Kind::SetView, "timeline"));
  apply(t, act(Action::Kind::SetTime, {}, 1.0));
  apply(t, act(Action::Kind::Play));
  advance(t, kMaxFrameSeconds);
  EXPECT_DOUBLE_EQ(after_one, t.timeline.t_hours) << "a huge dt counts as one frame's worth";
  EXPECT_GT(after_one, before);
  advance(s, std::nan(""));
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, after_one);
}

TEST(AppState, PlaybackStopsAtTheEndAndReducedMotionSteps) {
  auto s = make_state();
  s.reduced_motion = true;
  apply(s, act(Action::Kind::SetTime, {}, 0.0));
  apply(s, act(Action::Kind::Play));
  advance(s, 0.05);
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, 0.0) << "no continuous motion";
  for (int i = 0; i < 16; ++i) advance(s, 0.1);  // one step lasts 1.5 s
  const auto& moments = s.content->timeline.key_moments;
  ASSERT_FALSE(moments.empty());
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, moments.front().hours) << "the first step lands on the first key moment";
  for (int i = 0; i < 100000 && s.timeline.playing; ++i) advance(s, 0.1);
  EXPECT_FALSE(s.timeline.playing);
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, timeline_end(s));
}

TEST(Scene, MappingRoundTripsAndKeepsTheLongestNeedleInView) {
  const auto s = make_state();
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const auto scene = build_scene(s, layout);
  ASSERT_EQ(scene.panes.size(), 1u);
  const auto& m = scene.panes[0].map;
  for (double d : {0.0, 0.5, 1.57, 2.5}) {
    EXPECT_NEAR(m.depth_mm(m.to_y(d)), d, 1e-3) << "pixels are floats";
    EXPECT_GE(m.to_y(d), m.rect.y);
    EXPECT_LE(m.to_y(d), m.rect.y + m.rect.h);
  }
  EXPECT_LT(m.to_y(0.0), m.to_y(1.0)) << "depth grows downwards";
}

TEST(Scene, ComparingDrawsTwoPanesWithTheirOwnNeedles) {
  auto s = make_state();
  apply(s, act(Action::Kind::SetCompareNeedle, {}, 0.25));
  apply(s, act(Action::Kind::SetNeedle, {}, 1.5));
  const auto scene = build_scene(s, compute_layout(s.viewport, s.mode, s.view));
  ASSERT_EQ(scene.panes.size(), 2u);
  EXPECT_DOUBLE_EQ(scene.panes[0].needle_mm, 1.5);
  EXPECT_DOUBLE_EQ(scene.panes[1].needle_mm, 0.25);
  EXPECT_LE(scene.panes[0].map.rect.x + scene.panes[0].map.rect.w, scene.panes[1].map.rect.x);
}

TEST(Scene, BleedingOnlyWhenTheTipReachesTheCapillaries) {
  auto s = make_state();
  apply(s, act(Action::Kind::SetArea, "forehead"));
  s.cross.stamps_done = 1;
  apply(s, act(Action::Kind::SetNeedle, {}, 0.25));
  s.cross.stamps_done = 1;
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  const double papillary_top = build_scene(s, layout).panes[0].bounds_mm[2];
  EXPECT_EQ(build_scene(s, layout).panes[0].bleeding, 0.25 >= papillary_top + 0.02);
  apply(s, act(Action::Kind::SetNeedle, {}, 1.0));
  s.cross.stamps_done = 1;
  EXPECT_TRUE(build_scene(s, layout).panes[0].bleeding);
}

TEST(AppState, DevicesComeFromTheContentAndARollerRolls) {
  auto s = make_state();
  std::string error;
  EXPECT_FALSE(apply(s, act(Action::Kind::SetDevice, "laser"), &error));
  EXPECT_EQ(error, "unknown device \"laser\"");
  EXPECT_EQ(s.cross.device_id, "pen");
  EXPECT_FALSE(rolling_device(s));
  s.cross.stamps_done = 2;
  ASSERT_TRUE(apply(s, act(Action::Kind::SetDevice, "roller"), &error)) << error;
  EXPECT_TRUE(rolling_device(s));
  EXPECT_EQ(s.cross.stamps_done, 0) << "channels of the old device are cleared";
  // A roll crosses the view more slowly than a stamp: after 1.5 s a stamp is over, a roll is not.
  apply(s, act(Action::Kind::Stamp));
  for (int i = 0; i < 15; ++i) advance(s, 0.1);
  EXPECT_TRUE(s.cross.stamping);
  for (int i = 0; i < 20; ++i) advance(s, 0.1);
  EXPECT_FALSE(s.cross.stamping);
  EXPECT_EQ(s.cross.stamps_done, 1);
}

TEST(Scene, RollerNeedlesLeaveChannelsOnePitchApartAsTheDrumTurns) {
  auto s = make_state();
  apply(s, act(Action::Kind::SetDevice, "roller"));
  apply(s, act(Action::Kind::SetNeedle, {}, 1.5));
  const auto layout = compute_layout(s.viewport, s.mode, s.view);
  apply(s, act(Action::Kind::Stamp));
  advance(s, 0.0);
  auto p = build_scene(s, layout).panes[0];
  ASSERT_TRUE(p.roller);
  EXPECT_LT(p.roller_x_mm, p.map.x0_mm) << "the drum starts beyond the left edge";
  EXPECT_EQ(p.needle_count, 0) << "no channels before a needle has gone in";
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 0.0);
  for (int i = 0; i < 15; ++i) advance(s, 0.1);  // half way
  p = build_scene(s, layout).panes[0];
  ASSERT_GT(p.needle_count, 0);
  EXPECT_DOUBLE_EQ(p.channel_depth_mm, 1.5);
  // The last channel is where the drum has been; none lies ahead of it.
  const double last = p.needle_x0_mm + (p.needle_count - 1) * p.needle_spacing_mm;
  EXPECT_LE(last, p.roller_x_mm + 1e-9);
  EXPECT_GT(last, p.roller_x_mm - p.needle_spacing_mm);
  // Rolling without slipping: a further pitch of travel turns the drum by one needle.
  const auto q = p;
  s.cross.stamp_phase += q.needle_spacing_mm / (q.map.rect.w / q.map.px_per_mm + 2.0);
  p = build_scene(s, layout).panes[0];
  EXPECT_NEAR(p.roller_x_mm - q.roller_x_mm, q.needle_spacing_mm, 1e-9);
  EXPECT_NEAR(p.roller_angle - q.roller_angle, q.roller_pitch, 1e-9);
  EXPECT_EQ(p.needle_count, q.needle_count + 1);
  for (int i = 0; i < 20; ++i) advance(s, 0.1);  // done: channels across the whole view, drum gone
  p = build_scene(s, layout).panes[0];
  EXPECT_FALSE(p.roller);
  const double right = p.map.x0_mm + p.map.rect.w / p.map.px_per_mm;
  EXPECT_LT(p.needle_x0_mm, p.map.x0_mm);
  EXPECT_GT(p.needle_x0_mm + (p.needle_count - 1) * p.needle_spacing_mm, right - p.needle_spacing_mm);
}

TEST(Timeline, ScaleIsMonotonicAndInvertible) {
  const double end = 24.0 * 365 * 2;
  double last = -1;
  for (double h : {0.0, 0.1, 1.0, 24.0, 168.0, 720.0, 4380.0, end}) {
    const double p = timeline_position(h, end);
    EXPECT_GT(p, last);
    last = p;
    EXPECT_NEAR(timeline_hours(p, end), h, 1e-6 * std::max(1.0, h));
  }
  EXPECT_DOUBLE_EQ(timeline_position(end * 3, end), 1.0);
  EXPECT_GT(timeline_position(1.0, end), 0.2) << "the first hour gets room on the bar";
}

TEST(Layout, PhonesStackThePanelBelowAndTextStaysReadable) {
  const auto phone = compute_layout({390, 700, 3}, Mode::Patient, View::CrossSection);
  EXPECT_TRUE(phone.panel_below);
  EXPECT_GE(phone.em, 15.0f);
  EXPECT_FLOAT_EQ(phone.panel.y, phone.scene.y + phone.scene.h);
  const auto desk = compute_layout({1440, 900, 1}, Mode::Patient, View::CrossSection);
  EXPECT_FALSE(desk.panel_below);
  const auto staff = compute_layout({1440, 900, 1}, Mode::Staff, View::CrossSection);
  EXPECT_GT(staff.em, desk.em) << "staff mode uses larger type";
}

TEST(Commands, ReplyWithStateOrAClearError) {
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  auto r = run_command(s, {{"cmd", "setArea"}, {"area", "forehead"}}, events);
  EXPECT_TRUE(r["ok"].get<bool>());
  EXPECT_EQ(r["state"]["area"], "forehead");
  EXPECT_TRUE(r["state"].contains("tip_layer"));
  r = run_command(s, {{"cmd", "fly"}}, events);
  EXPECT_FALSE(r["ok"].get<bool>());
  EXPECT_EQ(r["error"], "unknown command \"fly\"");
  EXPECT_FALSE(run_command_text(s, "{not json", events).empty());
  r = run_command(s, {{"cmd", "setDevice"}, {"device", "roller"}}, events);
  EXPECT_EQ(r["state"]["device"], "roller");
  EXPECT_EQ(run_command(s, {{"cmd", "setDevice"}, {"device", "wand"}}, events)["error"], "unknown device \"wand\"");
  r = run_command(s, {{"cmd", "setView"}, {"view", "timeline"}}, events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0]["name"], "viewchange");
}

TEST(Commands, WrongTypesAreRefusedNeverThrown) {
  // The widget is built without exception catching: a throw would kill the page.
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  for (const nlohmann::json& c : {nlohmann::json{{"cmd", "getState"}, {"includeAnswers", "yes"}},
                                  nlohmann::json{{"cmd", "setArea"}, {"area", 3}},
                                  nlohmann::json{{"cmd", "setNeedleLength"}, {"mm", "1"}},
                                  nlohmann::json{{"cmd", "setAnswers"}, {"answers", {{"area", 7}, {"concerns", {"x"}}}}},
                                  nlohmann::json{{"cmd", "answer"}, {"key", "age"}, {"value", {1, 2}}},
                                  nlohmann::json{{"cmd", 5}}, nlohmann::json::array()}) {
    nlohmann::json r;
    EXPECT_NO_THROW(r = run_command(s, c, events)) << c.dump();
    EXPECT_FALSE(r.value("ok", true)) << c.dump();
    EXPECT_FALSE(r.value("error", std::string()).empty()) << c.dump();
  }
}

TEST(Commands, StateHidesAnswersUnlessAsked) {
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  run_command(s, {{"cmd", "answer"}, {"key", "pregnant_or_breastfeeding"}, {"value", true}}, events);
  EXPECT_FALSE(state_json(s, false).contains("answers"));
  EXPECT_EQ(state_json(s, true)["answers"]["pregnant_or_breastfeeding"], true);
}

nlohmann::json all_no() {
  return {{"concerns", {"fine_lines"}}, {"area", "forehead"}, {"severity", "mild"}, {"fitzpatrick", 3}, {"age", 40},
          {"active_infection", false}, {"open_wounds", false}, {"active_acne_on_area", false},
          {"eczema_or_psoriasis_on_area", false}, {"rosacea_flare", false}, {"sunburn_or_tan_last_7_days", false},
          {"retinoid_last_7_days", false}, {"isotretinoin_last_6_months", false},
          {"blood_thinners_or_bleeding_disorder", false}, {"pregnant_or_breastfeeding", false},
          {"cancer_treatment_now", false}, {"diabetes", false}, {"keloid_history", false}};
}

TEST(Quiz, PlanCompleteCarriesOnlyTheDecisionAndTheArea) {
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  auto answers = all_no();
  answers["pregnant_or_breastfeeding"] = true;
  ASSERT_TRUE(run_command(s, {{"cmd", "setAnswers"}, {"answers", answers}}, events)["ok"].get<bool>());
  EXPECT_EQ(s.cross.area_id, "forehead") << "the drawing follows the answered area";
  ASSERT_TRUE(run_command(s, {{"cmd", "showPlan"}}, events)["ok"].get<bool>());
  nlohmann::json complete;
  for (const auto& e : events)
    if (e["name"] == "plancomplete") complete = e["detail"];
  ASSERT_FALSE(complete.is_null()) << events.dump();
  EXPECT_EQ(complete, (nlohmann::json{{"decision", "defer"}, {"area", "forehead"}}));
}

TEST(Quiz, StepsDoNotCompleteUntilEveryVisibleQuestionIsAnswered) {
  auto s = make_state();
  EXPECT_FALSE(current_plan(s).has_value());
  const auto steps = visible_steps(s);
  ASSERT_FALSE(steps.empty());
  EXPECT_FALSE(step_complete(s, steps[0]));
  s.quiz.answers = all_no();
  for (int i : visible_steps(s)) EXPECT_TRUE(step_complete(s, i)) << i;
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->decision, core::Decision::Proceed);
  const std::string text = plan_text(s, *plan);
  EXPECT_NE(text.find("not a prediction or medical advice"), std::string::npos);
}

TEST(Quiz, HairLossStepShowsOnlyForHairLoss) {
  auto s = make_state();
  s.quiz.answers = all_no();
  const auto without = visible_steps(s).size();
  s.quiz.answers["concerns"] = {"hair_loss"};
  s.quiz.answers["area"] = "scalp";
  EXPECT_EQ(visible_steps(s).size(), without + 1);
}

TEST(Calendar, SessionDatesCrossMonthsAndLeapDays) {
  Date start;
  ASSERT_TRUE(parse_date("2028-02-20", start));
  const auto d = session_dates(start, 3, 1);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1].iso(), "2028-02-27");
  EXPECT_EQ(d[2].iso(), "2028-03-05");
  EXPECT_EQ(add_days(start, 9).iso(), "2028-02-29");
  Date bad;
  EXPECT_FALSE(parse_date("2027-02-29", bad));
  EXPECT_FALSE(parse_date("2027-13-01", bad));
  EXPECT_FALSE(parse_date("yesterday", bad));
  EXPECT_FALSE(Date{}.valid());
}

TEST(Calendar, IcsHasOneEventPerSessionAndTheStamp) {
  Date start;
  ASSERT_TRUE(parse_date("2026-12-01", start));
  const std::string ics = sessions_ics(session_dates(start, 4, 4), "Session", "Educational illustration, not advice", "20261121T000000Z");
  std::size_t events = 0;
  for (std::size_t p = 0; (p = ics.find("BEGIN:VEVENT", p)) != std::string::npos; ++p) ++events;
  EXPECT_EQ(events, 4u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20261229"), std::string::npos);
  EXPECT_NE(ics.find("Educational illustration\\, not advice"), std::string::npos) << "commas escaped";
}

TEST(Describe, SaysTheLayerAndWarnings) {
  auto s = make_state();
  apply(s, act(Action::Kind::SetArea, "abdomen"));
  apply(s, act(Action::Kind::SetNeedle, {}, 2.5));
  const std::string text = describe(s);
  EXPECT_NE(text.find("Abdomen"), std::string::npos) << text;
  EXPECT_NE(text.find("Fat (subcutis)"), std::string::npos) << text;
  apply(s, act(Action::Kind::SetLanguage, "es"));
  EXPECT_NE(describe(s).find("Grasa"), std::string::npos) << describe(s);
}

}  // namespace
}  // namespace skindepth::app

namespace skindepth::app {
namespace {

TEST(Commands, MirrorReadsTheQuestionnaireStepByStepThenThePlan) {
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  auto q = run_command(s, {{"cmd", "getQuestionnaire"}}, events)["questionnaire"];
  EXPECT_EQ(q["step"], 0);
  ASSERT_FALSE(q["questions"].empty());
  EXPECT_EQ(q["questions"][0]["key"], "concerns");
  EXPECT_EQ(q["questions"][0]["kind"], "multi");
  EXPECT_TRUE(q["questions"][0]["value"].is_null());
  EXPECT_FALSE(q["complete"].get<bool>());
  ASSERT_TRUE(run_command(s, {{"cmd", "setAnswers"}, {"answers", all_no()}}, events)["ok"].get<bool>());
  ASSERT_TRUE(run_command(s, {{"cmd", "showPlan"}}, events)["ok"].get<bool>());
  q = run_command(s, {{"cmd", "getQuestionnaire"}}, events)["questionnaire"];
  ASSERT_TRUE(q.contains("plan")) << q.dump();
  EXPECT_EQ(q["plan"]["stamp"], "Educational illustration, not a prediction or medical advice.");
  EXPECT_EQ(q["plan"]["decision"], s.ui("plan.proceed"));
  EXPECT_FALSE(q["plan"]["sections"].empty());
}

TEST(Commands, ChoicesNameAreasViewsAndTextsInTheLanguage) {
  auto s = make_state();
  nlohmann::json events = nlohmann::json::array();
  run_command(s, {{"cmd", "setLanguage"}, {"language", "es"}}, events);
  auto c = run_command(s, {{"cmd", "getChoices"}, {"texts", {"quiz.next", 5}}}, events)["choices"];
  EXPECT_EQ(c["texts"]["quiz.next"], s.ui("quiz.next"));
  EXPECT_EQ(c["texts"].size(), 1u) << "a key that is not a string is skipped";
  auto en = run_command(s, {{"cmd", "getChoices"}, {"texts", {"card.title"}}, {"language", "en"}}, events)["choices"];
  EXPECT_EQ(en["texts"]["card.title"], "Your plan from the clinic") << "a plan card in its link's language";
  EXPECT_FALSE(run_command(s, {{"cmd", "getChoices"}, {"language", 3}}, events)["ok"].get<bool>());
  EXPECT_EQ(c["views"].size(), 3u);
  EXPECT_FALSE(c["areas"].empty());
  EXPECT_DOUBLE_EQ(c["needle"]["step"].get<double>(), kNeedleStepMm);
  EXPECT_TRUE(run_command(s, {{"cmd", "setTimePosition"}, {"position", 1.0}}, events)["ok"].get<bool>());
  EXPECT_DOUBLE_EQ(s.timeline.t_hours, timeline_end(s));
  EXPECT_FALSE(run_command(s, {{"cmd", "setTimePosition"}, {"position", 2}}, events)["ok"].get<bool>());
  EXPECT_EQ(state_json(s, false)["tip_layer_name"], s.ui("layer.reticular_dermis"));
}

}  // namespace
}  // namespace skindepth::app
