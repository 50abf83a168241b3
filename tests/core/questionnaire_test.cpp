// The questionnaire's flow over a partial answer sheet (core/questionnaire.h) and set_answer(), the
// one validator every way of answering goes through.
#include "content/loader.h"
#include "core/plan.h"
#include "core/questionnaire.h"
#include "fixtures.h"

#include <gtest/gtest.h>

namespace skindepth::core {
namespace {

const Questionnaire& questionnaire() { return content::default_content().questionnaire; }

AnswerSheet sheet_of(const nlohmann::json& answers) {
  AnswerSheet sheet;
  for (auto it = answers.begin(); it != answers.end(); ++it) EXPECT_EQ(set_answer(sheet, it.key(), it.value()), "") << it.key();
  return sheet;
}

TEST(AnswerSheet, SetAnswerChecksOneKeyAndKeepsTheSheetOnARefusal) {
  AnswerSheet sheet;
  EXPECT_EQ(set_answer(sheet, "age", 34), "");
  EXPECT_EQ(sheet.values.age, 34.0);
  EXPECT_EQ(set_answer(sheet, "age", "old"), "age: expected a number of years from 0 to 120, found \"old\"");
  EXPECT_EQ(sheet.values.age, 34.0);
  EXPECT_EQ(set_answer(sheet, "concerns", nlohmann::json::array()), "concerns: expected at least one concern");
  EXPECT_EQ(set_answer(sheet, "concerns", nlohmann::json::array({"acne_scars", "acne_scars"})), "concerns: concern \"acne_scars\" is listed twice");
  EXPECT_TRUE(sheet.values.concerns.empty());
  EXPECT_FALSE(sheet.has_area);
  EXPECT_EQ(set_answer(sheet, "area", "scalp"), "");
  EXPECT_TRUE(sheet.has_area);
  EXPECT_FALSE(sheet.ready()) << "no concerns yet";
  EXPECT_NE(set_answer(sheet, "diabetes", 1), "");
  EXPECT_EQ(set_answer(sheet, "diabetes", false), "");
  EXPECT_EQ(answer_value(sheet, "diabetes"), false);
  EXPECT_TRUE(answer_value(sheet, "keloid_history").is_null());
  EXPECT_TRUE(clear_answer(sheet, "area"));
  EXPECT_FALSE(sheet.has_area);
  EXPECT_FALSE(clear_answer(sheet, "colour"));
}

TEST(AnswerSheet, ToJsonIsTheInverseOfSettingEachKey) {
  const auto answers = testing::healthy_answers();
  const AnswerSheet sheet = sheet_of(answers);
  EXPECT_EQ(sheet_to_json(sheet), answers);
  EXPECT_EQ(sheet_of(sheet_to_json(sheet)), sheet);
}

TEST(Flow, StepsDoNotCompleteUntilEveryVisibleQuestionIsAnswered) {
  AnswerSheet sheet;
  const auto steps = visible_steps(questionnaire(), sheet);
  ASSERT_FALSE(steps.empty());
  EXPECT_FALSE(step_complete(questionnaire(), steps[0], sheet));
  EXPECT_FALSE(questionnaire_complete(questionnaire(), sheet));
  EXPECT_FALSE(current_plan(content::default_content(), sheet, "en").has_value());
  sheet = sheet_of(testing::healthy_answers());
  for (int i : visible_steps(questionnaire(), sheet)) EXPECT_TRUE(step_complete(questionnaire(), i, sheet)) << i;
  const auto plan = current_plan(content::default_content(), sheet, "en");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(plan->decision, Decision::Proceed);
  // One visible question left out: no plan.
  clear_answer(sheet, "diabetes");
  EXPECT_FALSE(questionnaire_complete(questionnaire(), sheet));
}

TEST(Flow, ConditionalQuestionsWaitForConcernsAndArea) {
  const Question* hair = questionnaire().find_question("hair_loss_diagnosed");
  ASSERT_NE(hair, nullptr);
  AnswerSheet sheet;
  set_answer(sheet, "concerns", {"hair_loss"});
  EXPECT_FALSE(question_visible(*hair, sheet)) << "no area yet";
  set_answer(sheet, "area", "scalp");
  EXPECT_TRUE(question_visible(*hair, sheet));
  auto healthy = sheet_of(testing::healthy_answers());
  set_answer(healthy, "concerns", {"fine_lines"});
  const auto without = visible_steps(questionnaire(), healthy).size();
  set_answer(healthy, "concerns", {"hair_loss"});
  set_answer(healthy, "area", "scalp");
  EXPECT_EQ(visible_steps(questionnaire(), healthy).size(), without + 1) << "the hair-loss step shows only for hair loss";
}

TEST(Flow, OptionValuesAreTheVocabularysOwnTypes) {
  const Question* type = questionnaire().find_question("fitzpatrick");
  const Question* area = questionnaire().find_question("area");
  ASSERT_NE(type, nullptr);
  ASSERT_NE(area, nullptr);
  AnswerSheet sheet;
  for (const auto& o : type->options) EXPECT_EQ(set_answer(sheet, "fitzpatrick", option_value(*type, o)), "") << o.value;
  for (const auto& o : area->options) EXPECT_EQ(set_answer(sheet, "area", option_value(*area, o)), "") << o.value;
  EXPECT_TRUE(option_value(*type, type->options.front()).is_number());
}

}  // namespace
}  // namespace skindepth::core
