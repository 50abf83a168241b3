// The one presentation of times, spans and plans: what the screen, the screen reader, the mirror and
// the printout say agree.
#include "app/describe.h"
#include "app/present.h"
#include "app/scene.h"
#include "app/test_state.h"
#include "core/timeline.h"
#include "fixtures.h"

#include <gtest/gtest.h>

#include <set>

namespace skindepth::app {
namespace {

TEST(Present, TimesRoundToTheNearestUnitSoTicksAndTextAgree) {
  const auto s = make_state();
  EXPECT_EQ(time_text(s, 0.75), "45 min");
  EXPECT_EQ(time_text(s, 6.0), "6 h");
  EXPECT_EQ(time_text(s, 60.0), "Day 3");
  EXPECT_EQ(time_text(s, 5 * core::kHoursPerWeek), "Week 5");
  EXPECT_EQ(time_text(s, 6 * core::kHoursPerMonth), "Month 6") << "under the 6 mo tick";
  EXPECT_EQ(time_text(s, 6 * core::kHoursPerMonth - 0.01), "Month 6") << "a hair before the tick too";
}

TEST(Present, TheScreenReaderSaysTheTimeTheScreenShows) {
  auto s = make_state();
  for (double hours : {0.5, 10.0, 60.0, 24.0 * 20, 5 * core::kHoursPerWeek, 6 * core::kHoursPerMonth - 0.01}) {
    ASSERT_TRUE(apply(s, act::SetTime{hours}));
    const auto sample = core::sample(s.content->timeline, course_of(s), s.timeline.t_hours);
    const std::string shown = time_text(s, sample.hours_since_session);
    EXPECT_EQ(describe_time(s).rfind(shown + " ", 0), 0u) << describe_time(s) << " vs " << shown;
    EXPECT_EQ(state_json(s, false)["time_text"], describe_time(s));
  }
}

TEST(Present, SpansAndDepths) {
  EXPECT_EQ(span_text({3, 6}), "3\xE2\x80\x93" "6");
  EXPECT_EQ(span_text({4, 4}), "4");
  EXPECT_EQ(span_text({1, 1.5}, 2, " mm"), "1.00\xE2\x80\x93" "1.50 mm");
  EXPECT_EQ(mm_text(0.25), "0.25 mm");
}

TEST(Present, ThePlanPrintedIsThePlanShownWithItsSources) {
  auto s = make_state();
  ASSERT_TRUE(command(s, {{"cmd", "setToday"}, {"date", "2026-12-01"}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", testing::healthy_answers()}})["ok"].get<bool>());
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->decision, core::Decision::Proceed);
  const PlanView view = plan_view(s, *plan);
  const std::string text = plan_text(s, *plan);
  EXPECT_NE(text.find("not a prediction or medical advice"), std::string::npos);
  EXPECT_NE(text.find(view.decision_text), std::string::npos);
  int bullets = 0;
  for (const auto& sec : view.sections)
    for (const auto& item : sec.items) {
      EXPECT_NE(text.find(item_text(item)), std::string::npos) << item_text(item);
      if (sec.style == PlanSection::Style::Bullets) {
        ++bullets;
        EXPECT_FALSE(item.sources.empty()) << "every statement with its source: " << item.text;
      }
    }
  EXPECT_GT(bullets, 5);
  // The mirror shows the same lines.
  ASSERT_TRUE(command(s, {{"cmd", "showPlan"}})["ok"].get<bool>());
  const auto mirror = command(s, {{"cmd", "getQuestionnaire"}})["questionnaire"]["plan"];
  ASSERT_EQ(mirror["sections"].size(), view.sections.size());
  for (std::size_t i = 0; i < view.sections.size(); ++i)
    EXPECT_EQ(mirror["sections"][i]["items"][0], item_text(view.sections[i].items[0]));
}

// The take-home sheet: every statement of the plan with numbers into one list of full references,
// each source listed once; the drawing set to the plan's depth for its picture.
TEST(Present, TheSheetNumbersEachSourceOnceWithItsFullReference) {
  auto s = make_state();
  ASSERT_TRUE(command(s, {{"cmd", "setToday"}, {"date", "2026-12-01"}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", testing::healthy_answers()}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setNeedleLength"}, {"mm", 2.5}})["ok"].get<bool>());
  std::vector<nlohmann::json> events;
  ASSERT_TRUE(command(s, {{"cmd", "export"}, {"kind", "print"}}, &events)["ok"].get<bool>());
  ASSERT_EQ(events.size(), 1u);
  const auto& sheet = events[0]["detail"]["sheet"];
  const auto plan = current_plan(s);
  const PlanView view = plan_view(s, *plan);
  EXPECT_EQ(sheet["decision"], view.decision_text);
  EXPECT_EQ(sheet["decision_id"], "proceed");
  ASSERT_EQ(sheet["sections"].size(), view.sections.size());
  const auto& sources = sheet["sources"];
  ASSERT_GT(sources.size(), 3u);
  std::set<std::string> names;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    EXPECT_EQ(sources[i]["n"], i + 1);
    EXPECT_TRUE(names.insert(sources[i]["name"].get<std::string>()).second) << "listed once: " << sources[i]["name"];
    EXPECT_GT(sources[i]["citation"].get<std::string>().size(), sources[i]["name"].get<std::string>().size())
        << "the full reference, not the short name: " << sources[i]["name"];
  }
  for (std::size_t i = 0; i < view.sections.size(); ++i)
    for (std::size_t j = 0; j < view.sections[i].items.size(); ++j) {
      const auto& item = view.sections[i].items[j];
      const auto& refs = sheet["sections"][i]["items"][j]["refs"];
      ASSERT_EQ(refs.size(), item.sources.size()) << item.text;
      for (std::size_t k = 0; k < refs.size(); ++k)
        EXPECT_EQ(sources[refs[k].get<int>() - 1]["name"], item.sources[k]) << item.text;
    }
  EXPECT_EQ(sheet["sections"][0]["key"], view.sections[0].key);
  EXPECT_EQ(sheet["review"], review_text(s));
  // The picture is of the plan's depth: the needle moved from 2.5 mm into the plan's range.
  EXPECT_GE(s.cross.needle_mm, plan->depth_mm.min - 1e-9);
  EXPECT_LE(s.cross.needle_mm, plan->depth_mm.max + 1e-9);
  EXPECT_NE(sheet["picture_caption"].get<std::string>().find(mm_text(s.cross.needle_mm)), std::string::npos) << sheet["picture_caption"];
}

// A plan that says to wait: the sheet says so, carries no course, and the drawing is left where the
// patient put it (no depth is suggested to someone who should not be treated now).
TEST(Present, TheSheetOfAWaitSuggestsNoDepth) {
  auto s = make_state();
  auto answers = testing::healthy_answers();
  answers["pregnant_or_breastfeeding"] = true;
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", answers}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setNeedleLength"}, {"mm", 2.5}})["ok"].get<bool>());
  std::vector<nlohmann::json> events;
  ASSERT_TRUE(command(s, {{"cmd", "export"}, {"kind", "print"}}, &events)["ok"].get<bool>());
  const auto& sheet = events.at(0)["detail"]["sheet"];
  EXPECT_NE(sheet["decision_id"], "proceed");
  for (const auto& sec : sheet["sections"]) {
    EXPECT_NE(sec["key"], "plan.numbers") << "no course";
    EXPECT_NE(sec["key"], "plan.aftercare");
  }
  EXPECT_DOUBLE_EQ(s.cross.needle_mm, 2.5);
  EXPECT_FALSE(sheet["disclaimer"].get<std::string>().empty());
}

// A source's short name follows the plan's language: a Spanish plan says "artículo de spa", and an
// author-year name, written once, reads the same in both.
TEST(Present, SourceNamesAreInThePlansLanguage) {
  auto s = make_state();
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", testing::healthy_answers()}})["ok"].get<bool>());
  ASSERT_TRUE(command(s, {{"cmd", "setLanguage"}, {"language", "es"}})["ok"].get<bool>());
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan.has_value());
  const std::string es = plan_text(s, *plan);
  EXPECT_NE(es.find("Belle Santé (artículo de spa)"), std::string::npos) << es;
  EXPECT_EQ(es.find("(spa article)"), std::string::npos) << es;
  EXPECT_NE(es.find("Harris 2015"), std::string::npos) << es;
  EXPECT_EQ(sources_text(s, {"device-depth-chart"}), "Fuentes: Tabla de profundidades de un fabricante (poco fiable)");
  ASSERT_TRUE(command(s, {{"cmd", "setLanguage"}, {"language", "en"}})["ok"].get<bool>());
  EXPECT_EQ(sources_text(s, {"device-depth-chart"}), "Sources: Device depth chart (low authority)");
}

// The content's sign-off (review.json): on the printed plan under the stamp, in plain words when
// nobody has signed, and with a name that is text, never a format ("%d" stays "%d").
TEST(Present, ThePrintedPlanSaysWhoReviewedTheContent) {
  auto s = make_state();
  ASSERT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", testing::healthy_answers()}})["ok"].get<bool>());
  EXPECT_EQ(review_text(s), "Not yet reviewed by your clinic's medical director");
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan.has_value());
  const PlanView view = plan_view(s, *plan);
  EXPECT_EQ(plan_text(s, *plan).rfind(view.title + "\n" + view.stamp + "\n" + review_text(s) + "\n\n", 0), 0u)
      << plan_text(s, *plan);

  core::Content signed_content = *s.content;
  signed_content.review.reviewer = "Dr Ana Ruiz %d";
  signed_content.review.role = "Medical director";
  signed_content.review.date = "2026-12-03";
  s.content = &signed_content;
  EXPECT_EQ(review_text(s), "Content reviewed by Dr Ana Ruiz %d (Medical director) on 2026-12-03");
  EXPECT_NE(plan_text(s, *current_plan(s)).find(review_text(s)), std::string::npos);
  ASSERT_TRUE(command(s, {{"cmd", "setLanguage"}, {"language", "es"}})["ok"].get<bool>());
  EXPECT_EQ(review_text(s), "Contenido revisado por Dr Ana Ruiz %d (Medical director) el 2026-12-03");
  signed_content.review.role.clear();
  EXPECT_EQ(review_text(s), "Aún sin revisar por la dirección médica de su clínica") << "a half-filled sign-off is not one";
}

}  // namespace
}  // namespace skindepth::app

namespace skindepth::app {
namespace {

std::vector<std::string> items_of(const PlanView& v, const std::string& key) {
  std::vector<std::string> out;
  for (const auto& sec : v.sections)
    if (sec.key == key)
      for (const auto& i : sec.items) out.push_back(i.label.empty() ? i.text : i.label + ": " + i.text);
  return out;
}

AppState planned(const nlohmann::json& changes) {
  auto s = make_state();
  auto answers = testing::healthy_answers();
  answers.update(changes);
  EXPECT_TRUE(command(s, {{"cmd", "setToday"}, {"date", "2026-12-01"}})["ok"].get<bool>());
  EXPECT_TRUE(command(s, {{"cmd", "setAnswers"}, {"answers", answers}})["ok"].get<bool>());
  return s;
}

// Issue 15, item 16: what is printed, copied or handed over carries the warning signs.
TEST(PresentClinical, EveryProceedPlanAndItsCardCarryTheWarningSigns) {
  const auto s = planned(nlohmann::json::object());
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan && plan->decision == core::Decision::Proceed);
  const PlanView v = plan_view(s, *plan);
  const auto signs = items_of(v, "plan.warning_signs");
  ASSERT_GE(signs.size(), 3u);
  const std::string text = plan_text(v);
  for (const char* words : {"infection", "urgent medical help", "New lumps"})
    EXPECT_NE(text.find(words), std::string::npos) << words;
  const PlanView card = plan_view(*s.content, summarize(s, *plan));
  EXPECT_EQ(items_of(card, "plan.warning_signs"), signs) << "the QR card too";
  EXPECT_EQ(s.content->ui("card.title", "en").find("from the clinic"), std::string::npos) << "a self-assessment, not the clinic's plan";
}

// Item 11: the plan says how long redness lasts at its own depth, from the timeline's chart.
TEST(PresentClinical, DowntimeFollowsThePlansDepth) {
  const auto s = planned({{"concerns", {"stretch_marks"}}, {"area", "abdomen"}});
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan && plan->decision == core::Decision::Proceed);
  const auto aftercare = items_of(plan_view(s, *plan), "plan.aftercare");
  ASSERT_FALSE(aftercare.empty());
  const int days = static_cast<int>(std::lround(core::downtime_days(s.content->timeline, plan->depth_mm.max)));
  EXPECT_GE(days, 5);
  EXPECT_NE(aftercare.front().find("about " + std::to_string(days) + " days"), std::string::npos) << aftercare.front();
  for (const auto& line : aftercare) EXPECT_EQ(line.find("1 to 2 days"), std::string::npos) << line;
}

// Item 6: one rule for the first hours: only what the clinic gave or approved, no sunscreen yet.
TEST(PresentClinical, TheFirstHoursHaveOneConsistentRule) {
  const auto s = planned(nlohmann::json::object());
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan);
  for (const auto& l : plan->aftercare) {
    const bool open_at_1h = (!l.window->from_hours || *l.window->from_hours <= 1.0) && (!l.window->to_hours || *l.window->to_hours > 1.0);
    if (!open_at_1h) continue;
    const std::string& t = l.text->en();
    EXPECT_EQ(t.find("sunscreen"), std::string::npos) << t;
    EXPECT_EQ(t.find("moisturiser the clinic recommends"), std::string::npos) << t;
  }
}

// Item 4: a hair-loss plan keeps the prescribed treatment and lets only approved products on.
TEST(PresentClinical, HairLossPlansKeepThePrescribedTreatment) {
  const auto s = planned({{"concerns", {"hair_loss"}}, {"area", "scalp"}, {"hair_loss_diagnosed", true}, {"hair_loss_type", "pattern"}});
  const auto plan = current_plan(s);
  ASSERT_TRUE(plan && plan->decision == core::Decision::Proceed);
  const std::string text = plan_text(s, *plan);
  EXPECT_NE(text.find("minoxidil"), std::string::npos);
  EXPECT_NE(text.find("as prescribed"), std::string::npos);
  EXPECT_NE(text.find("only what your clinician approves"), std::string::npos);
}

}  // namespace
}  // namespace skindepth::app

namespace skindepth::app {
namespace {

// Issue 16: dates in the page's language, not ISO.
TEST(Present, DatesInTheLanguage) {
  const auto& c = content::default_content();
  Date d;
  ASSERT_TRUE(parse_date("2026-12-08", d));
  EXPECT_EQ(d.weekday(), 2);
  EXPECT_EQ(date_text(c, "en", d), "Tue 8 Dec 2026");
  EXPECT_EQ(date_text(c, "es", d), "mar 8 dic 2026");
  ASSERT_TRUE(parse_date("2028-02-29", d));
  EXPECT_EQ(date_text(c, "en", d), "Tue 29 Feb 2028");
}

}  // namespace
}  // namespace skindepth::app
