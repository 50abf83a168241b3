// questionnaire.json: the shipped file is valid, complete and bilingual; broken questionnaires are
// rejected with the file, the JSON pointer and what was expected.
#include "content/loader.h"
#include "load_errors.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace skindepth::content {
namespace {

using test_support::dump_errors;

bool has_error(const LoadResult& r, const std::string& pointer, const std::string& fragment) {
  return test_support::has_error(r, "questionnaire.json", pointer, fragment);
}

// The shipped questionnaire with one edit applied to its JSON.
LoadResult load_edited(void (*edit)(nlohmann::json&)) {
  auto files = default_files();
  auto doc = nlohmann::json::parse(files.at("questionnaire.json"));
  edit(doc);
  files["questionnaire.json"] = doc.dump();
  return load(files);
}

void expect_bilingual(const core::Text& t, const std::string& where) {
  EXPECT_FALSE(t.by_language.count("en") == 0 || t.by_language.at("en").empty()) << where;
  EXPECT_FALSE(t.by_language.count("es") == 0 || t.by_language.at("es").empty()) << where;
}

TEST(QuestionnaireContent, ShippedFileIsValid) {
  const auto r = load(default_files());
  EXPECT_TRUE(r.ok()) << dump_errors(r);
  const auto& q = r.content.questionnaire;
  EXPECT_GE(q.steps.size(), 6u);
  EXPECT_EQ(q.recipes.size(), 12u) << "every concern but melasma, which is always referred";
  EXPECT_EQ(q.find_recipe(core::Concern::Melasma), nullptr);
}

TEST(QuestionnaireContent, EveryPatientTextIsInEnglishAndSpanish) {
  const auto& q = default_content().questionnaire;
  for (const auto& s : q.steps) {
    expect_bilingual(s.title, s.id);
    for (const auto& question : s.questions) {
      expect_bilingual(question.label, question.key);
      expect_bilingual(question.why, question.key + " why");
      for (const auto& o : question.options) {
        expect_bilingual(o.label, question.key + "/" + o.value);
        if (!o.description.empty()) expect_bilingual(o.description, question.key + "/" + o.value);
      }
    }
  }
  for (const auto& r : q.rules) {
    expect_bilingual(r.reason, r.id);
    if (r.outcome == core::Decision::Defer) expect_bilingual(r.wait, r.id + " wait");
  }
  for (const auto& r : q.recipes) expect_bilingual(r.why, std::string(core::concern_id(r.concern)));
  for (const auto* list : {&q.pre_care, &q.aftercare, &q.expected})
    for (const auto& item : *list) {
      expect_bilingual(item.text, item.text.en());
      if (item.window) expect_bilingual(item.window->label, item.text.en());
    }
  for (const auto& d : q.depth_cautions) expect_bilingual(d.text, d.text.en());
  expect_bilingual(q.proceed_reason.text, "proceed_reason");
  expect_bilingual(q.fallback_reason.text, "fallback_reason");
  expect_bilingual(q.disclaimer, "disclaimer");
}

TEST(QuestionnaireContent, FitzpatrickOffersSixTypesWithPlainDescriptions) {
  const auto* q = default_content().questionnaire.find_question("fitzpatrick");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->options.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(q->options[i].value, std::to_string(i + 1));
    EXPECT_FALSE(q->options[i].description.empty());
  }
  const auto* hair = default_content().questionnaire.find_question("hair_loss_diagnosed");
  ASSERT_NE(hair, nullptr);
  EXPECT_EQ(hair->show_if.kind, core::Condition::Kind::ConcernsAny) << "asked only about hair loss";
}

TEST(QuestionnaireContent, ClaimsThatMustNotReachPatientsAreAbsent) {
  // Every patient-facing string (the file without its reviewer comments), lower case.
  auto doc = nlohmann::json::parse(default_files().at("questionnaire.json"));
  doc.erase("_comment");
  std::string text = doc.dump();
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* claim : {"all skin types", "works well around the eyes", "bloodstream", "stop your blood thinner",
                            "avoid blood thinners", "keloid scars can", "todo tipo de piel"})
    EXPECT_EQ(text.find(claim), std::string::npos) << claim;
}

struct Broken {
  const char* name;
  void (*edit)(nlohmann::json&);
  const char* pointer;
  const char* fragment;
};

class QuestionnaireErrors : public ::testing::TestWithParam<Broken> {};

TEST_P(QuestionnaireErrors, NameThePointer) {
  const auto r = load_edited(GetParam().edit);
  EXPECT_TRUE(has_error(r, GetParam().pointer, GetParam().fragment)) << dump_errors(r);
}

#define EDIT(...) [](nlohmann::json& d) { __VA_ARGS__; }

INSTANTIATE_TEST_SUITE_P(
    Table, QuestionnaireErrors,
    ::testing::Values(
        Broken{"UnknownTopLevelKey", EDIT(d["rulez"] = 1), "/rulez", "unknown key"},
        Broken{"UnknownConditionKey", EDIT(d["rules"][0]["when"] = {{"smoker", true}}), "/rules/0/when/smoker", "unknown condition"},
        Broken{"FlagConditionNotBoolean", EDIT(d["rules"][0]["when"] = {{"diabetes", "yes"}}), "/rules/0/when/diabetes", "true or false"},
        Broken{"UnknownConcernInCondition", EDIT(d["rules"][0]["when"] = {{"concerns", {{"includes", "tattoo"}}}}),
               "/rules/0/when/concerns/includes", "unknown concern"},
        Broken{"UnknownAreaInCondition", EDIT(d["rules"][0]["when"] = {{"area", {{"in", {"elbow"}}}}}),
               "/rules/0/when/area/in/0", "unknown area"},
        Broken{"FitzpatrickRangeOutOfBounds", EDIT(d["rules"][0]["when"] = {{"fitzpatrick", {{"min", 0}}}}),
               "/rules/0/when/fitzpatrick/min", "from 1 to 6"},
        Broken{"EmptyAll", EDIT(d["rules"][0]["when"] = {{"all", nlohmann::json::array()}}), "/rules/0/when/all", "at least one"},
        Broken{"UnknownOutcome", EDIT(d["rules"][0]["outcome"] = "maybe"), "/rules/0/outcome", "proceed, defer, refer"},
        Broken{"UnknownSource", EDIT(d["rules"][0]["sources"] = {"nobody2020"}), "/rules/0/sources/0", "unknown source"},
        Broken{"NoSources", EDIT(d["rules"][0]["sources"] = nlohmann::json::array()), "/rules/0/sources", "at least one"},
        Broken{"DuplicateRuleId", EDIT(d["rules"][1]["id"] = d["rules"][0]["id"]), "/rules/1/id", "duplicate"},
        Broken{"WaitOnARefer", EDIT(d["rules"][0]["wait"] = {{"text", "x"}}), "/rules/0/wait", "only defer"},
        Broken{"ModificationsOnARefer", EDIT(d["rules"][0]["modifications"] = {{"extra_sessions", 1}}),
               "/rules/0/modifications", "only proceed"},
        Broken{"UnknownAnswerKeyInAQuestion", EDIT(d["steps"][0]["questions"][0]["key"] = "smoker"),
               "/steps/0/questions/0/key", "unknown answer key"},
        Broken{"KindDoesNotMatchKey", EDIT(d["steps"][0]["questions"][0]["kind"] = "single_choice"),
               "/steps/0/questions/0/kind", "does not match"},
        Broken{"OptionOutsideTheVocabulary", EDIT(d["steps"][0]["questions"][0]["options"][0]["value"] = "tattoo"),
               "/steps/0/questions/0/options/0/value", "vocabulary"},
        Broken{"QuestionMissing", EDIT(d["steps"].erase(d["steps"].size() - 1)), "/steps", "no question asks \"hair_loss_diagnosed\""},
        Broken{"RecipeMinAboveMax", EDIT(d["recipes"][0]["sessions"] = {{"min", 6}, {"max", 4}}), "/recipes/0/sessions", "min <= max"},
        Broken{"RecipeTooDeep", EDIT(d["recipes"][0]["depth_mm"]["max"] = 3.5), "/recipes/0/depth_mm/max", "0.1 to 2.5"},
        Broken{"DuplicateRecipe", EDIT(d["recipes"][1]["concern"] = d["recipes"][0]["concern"]), "/recipes/1/concern", "second recipe"},
        Broken{"WindowBackwards", EDIT(d["pre_care"][0]["window"] = {{"from_hours", 0}, {"to_hours", -5}, {"label", "x"}}),
               "/pre_care/0/window", "from_hours <= to_hours"},
        Broken{"NoDisclaimer", EDIT(d.erase("disclaimer")), "/disclaimer", "missing"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(QuestionnaireContent, AreasMustExistInAreasJson) {
  const auto r = load(test_support::without_area(default_files(), "scalp"));
  bool found = false;
  for (const auto& e : r.errors)
    found = found || (e.file == "questionnaire.json" && e.message.find("\"scalp\" is not in areas.json") != std::string::npos);
  EXPECT_TRUE(found) << dump_errors(r);
}

}  // namespace
}  // namespace skindepth::content
