// parse_answers: the answer vocabulary of issue 5 is read exactly; every mistake is an error that
// names the key, and nothing unknown is silently ignored.
#include "core/answers.h"

#include <gtest/gtest.h>

namespace skindepth::core {
namespace {

TEST(Answers, ParsesEveryKey) {
  const auto r = parse_answers(R"({"concerns": ["acne_scars", "texture"], "area": "cheeks", "severity": "severe",
      "fitzpatrick": 5, "age": 34.5, "pregnant_or_breastfeeding": false, "hair_loss_diagnosed": true})");
  ASSERT_TRUE(r.ok()) << r.error;
  const Answers& a = *r.answers;
  EXPECT_EQ(a.concerns, (std::vector<Concern>{Concern::AcneScars, Concern::Texture}));
  EXPECT_EQ(a.area, Area::Cheeks);
  EXPECT_EQ(a.severity, Severity::Severe);
  EXPECT_EQ(a.fitzpatrick, 5);
  EXPECT_EQ(a.age, 34.5);
  EXPECT_EQ(a.flag(Flag::PregnantOrBreastfeeding), false);
  EXPECT_EQ(a.flag(Flag::HairLossDiagnosed), true);
  EXPECT_FALSE(a.flag(Flag::Diabetes).has_value()) << "unanswered stays unanswered, not \"no\"";
}

TEST(Answers, EveryVocabularyIdRoundTrips) {
  for (int i = 0; i < kConcernCount; ++i) EXPECT_EQ(concern_from_id(concern_id(static_cast<Concern>(i))), static_cast<Concern>(i));
  for (int i = 0; i < kAreaCount; ++i) EXPECT_EQ(area_from_id(area_id(static_cast<Area>(i))), static_cast<Area>(i));
  for (int i = 0; i < kFlagCount; ++i) EXPECT_EQ(flag_from_id(flag_id(static_cast<Flag>(i))), static_cast<Flag>(i));
  for (int i = 0; i < kAnswerKeyCount; ++i) EXPECT_EQ(answer_key_from_id(answer_key_id(i)), i);
  EXPECT_EQ(answer_key_id(flag_key_index(Flag::HairLossDiagnosed)), "hair_loss_diagnosed");
}

TEST(Answers, ToJsonIsTheInverseOfParse) {
  const std::string text =
      R"({"concerns":["hair_loss"],"area":"scalp","severity":"mild","fitzpatrick":3,"age":40.0,"diabetes":false,"hair_loss_diagnosed":true})";
  const auto r = parse_answers(text);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(answers_to_json(*r.answers), text);
}

struct BadAnswers {
  const char* name;
  const char* json;
  const char* key;       // the key the error must name
  const char* fragment;  // part of the message
};

class AnswersErrors : public ::testing::TestWithParam<BadAnswers> {};

TEST_P(AnswersErrors, NameTheKey) {
  const auto& c = GetParam();
  const auto r = parse_answers(c.json);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.key, c.key);
  EXPECT_EQ(r.error.rfind(std::string(c.key) + ":", 0), 0u) << r.error;
  EXPECT_NE(r.error.find(c.fragment), std::string::npos) << r.error;
  EXPECT_EQ(r.error.find('\n'), std::string::npos) << "one line";
}

INSTANTIATE_TEST_SUITE_P(
    Table, AnswersErrors,
    ::testing::Values(
        BadAnswers{"MissingConcerns", R"({"area": "cheeks"})", "concerns", "missing"},
        BadAnswers{"MissingArea", R"({"concerns": ["texture"]})", "area", "missing"},
        BadAnswers{"EmptyConcerns", R"({"concerns": [], "area": "cheeks"})", "concerns", "at least one"},
        BadAnswers{"ConcernsNotAList", R"({"concerns": "texture", "area": "cheeks"})", "concerns", "expected a list"},
        BadAnswers{"UnknownConcern", R"({"concerns": ["tattoo"], "area": "cheeks"})", "concerns", "unknown concern \"tattoo\""},
        BadAnswers{"DuplicateConcern", R"({"concerns": ["texture", "texture"], "area": "cheeks"})", "concerns", "twice"},
        BadAnswers{"UnknownArea", R"({"concerns": ["texture"], "area": "elbow"})", "area", "unknown area"},
        BadAnswers{"AreaNotAString", R"({"concerns": ["texture"], "area": 3})", "area", "unknown area 3"},
        BadAnswers{"UnknownSeverity", R"({"concerns": ["texture"], "area": "cheeks", "severity": "extreme"})", "severity", "mild"},
        BadAnswers{"FitzpatrickTooHigh", R"({"concerns": ["texture"], "area": "cheeks", "fitzpatrick": 7})", "fitzpatrick", "1 to 6"},
        BadAnswers{"FitzpatrickZero", R"({"concerns": ["texture"], "area": "cheeks", "fitzpatrick": 0})", "fitzpatrick", "1 to 6"},
        BadAnswers{"FitzpatrickFraction", R"({"concerns": ["texture"], "area": "cheeks", "fitzpatrick": 2.5})", "fitzpatrick", "integer"},
        BadAnswers{"FitzpatrickAsText", R"({"concerns": ["texture"], "area": "cheeks", "fitzpatrick": "IV"})", "fitzpatrick", "integer"},
        BadAnswers{"AgeNegative", R"({"concerns": ["texture"], "area": "cheeks", "age": -1})", "age", "0 to 120"},
        BadAnswers{"AgeTooHigh", R"({"concerns": ["texture"], "area": "cheeks", "age": 121})", "age", "0 to 120"},
        BadAnswers{"AgeAsText", R"({"concerns": ["texture"], "area": "cheeks", "age": "30"})", "age", "0 to 120"},
        BadAnswers{"FlagAsString", R"({"concerns": ["texture"], "area": "cheeks", "diabetes": "no"})", "diabetes", "true or false"},
        BadAnswers{"FlagAsNumber", R"({"concerns": ["texture"], "area": "cheeks", "open_wounds": 0})", "open_wounds", "true or false"},
        BadAnswers{"TypoInAKey", R"({"concerns": ["texture"], "area": "cheeks", "pregnant": true})", "pregnant", "unknown answer key"},
        BadAnswers{"UnknownKey", R"({"concerns": ["texture"], "area": "cheeks", "smoker": false})", "smoker", "unknown answer key"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Answers, NotJsonOrNotAnObjectIsAOneLineError) {
  // 1e400 overflows a double: nlohmann reports out_of_range, not parse_error; once an abort (found by answers_fuzz).
  for (const char* text : {"", "{\"concerns\": [", "[1, 2]", "42", R"({"concerns": ["texture"], "area": "cheeks", "age": 1e400})"}) {
    const auto r = parse_answers(text);
    EXPECT_FALSE(r.ok()) << text;
    EXPECT_FALSE(r.error.empty());
    EXPECT_EQ(r.error.find('\n'), std::string::npos) << r.error;
  }
}

}  // namespace
}  // namespace skindepth::core
