// make_plan and plan_to_json: one table-driven case per rule of the shipped questionnaire, the way
// several concerns combine, the depth clamp, and the public JSON shape. Engine details (by-area depth,
// the fallback, caution order) use a small literal questionnaire.
#include "content/loader.h"
#include "core/depth.h"
#include "core/plan.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace skindepth::core {
namespace {

// A patient with nothing against treatment: every health question answered "no".
Answers healthy(std::vector<Concern> concerns = {Concern::FineLines}, Area area = Area::Cheeks) {
  Answers a;
  a.concerns = std::move(concerns);
  a.area = area;
  a.fitzpatrick = 2;
  a.age = 35;
  a.severity = Severity::Moderate;
  for (auto& f : a.flags) f = false;
  a.set(ScarType::Atrophic);        // asked only for scar concerns: these plans may proceed
  a.set(HairLossType::Pattern);     // asked only for hair loss
  return a;
}

bool applied(const Plan& p, const std::string& id) {
  return std::any_of(p.rules_applied.begin(), p.rules_applied.end(), [&](const Rule* r) { return r->id == id; });
}

nlohmann::json json_of(const Plan& p, const std::string& language = "en") {
  return nlohmann::json::parse(plan_to_json(p, language));
}

// [SECTION] One case per rule ----------------------------------------------------------------------

struct RuleCase {
  const char* rule;
  void (*change)(Answers&);
  Decision decision;
};

class PlanRules : public ::testing::TestWithParam<RuleCase> {};

TEST_P(PlanRules, FiresAndDecides) {
  const auto& c = GetParam();
  Answers a = healthy();
  c.change(a);
  const Plan p = make_plan(content::default_content(), a, "en");
  EXPECT_TRUE(applied(p, c.rule)) << answers_to_json(a);
  EXPECT_EQ(p.decision, c.decision) << answers_to_json(a);
  // Its reason is shown: as a reason when it decides, as a caution when the plan proceeds.
  const Rule* rule = nullptr;
  for (const Rule* r : p.rules_applied)
    if (r->id == c.rule) rule = r;
  ASSERT_NE(rule, nullptr);
  const auto& lines = rule->outcome == Decision::Proceed ? p.cautions : p.reasons;
  EXPECT_TRUE(std::any_of(lines.begin(), lines.end(), [&](const PlanLine& l) { return l.text == &rule->reason; }));
}

TEST_P(PlanRules, DoesNotFireForTheHealthyBaseline) {
  const Plan p = make_plan(content::default_content(), healthy(), "en");
  EXPECT_FALSE(applied(p, GetParam().rule));
}

#define SET(...) [](Answers& a) { __VA_ARGS__; }

INSTANTIATE_TEST_SUITE_P(
    Shipped, PlanRules,
    ::testing::Values(
        RuleCase{"blood_thinners_or_bleeding", SET(a.set(Flag::BloodThinnersOrBleedingDisorder, true)), Decision::Refer},
        RuleCase{"cancer_treatment_now", SET(a.set(Flag::CancerTreatmentNow, true)), Decision::Refer},
        RuleCase{"keloid_history", SET(a.set(Flag::KeloidHistory, true)), Decision::Refer},
        RuleCase{"isotretinoin_last_6_months", SET(a.set(Flag::IsotretinoinLast6Months, true)), Decision::Refer},
        RuleCase{"hair_loss_not_diagnosed", SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp), Decision::Refer},
        RuleCase{"hair_loss_off_scalp",
                 SET(a.concerns = {Concern::HairLoss}; a.set(Flag::HairLossDiagnosed, true)), Decision::Refer},
        RuleCase{"hair_loss_not_pattern",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.set(Flag::HairLossDiagnosed, true);
                     a.set(HairLossType::AlopeciaAreata)),
                 Decision::Refer},
        RuleCase{"scar_not_sunken", SET(a.concerns = {Concern::AcneScars}; a.set(ScarType::Raised)), Decision::Refer},
        RuleCase{"cold_sores_history", SET(a.set(Flag::ColdSoresHistory, true)), Decision::Refer},
        RuleCase{"immunosuppressed", SET(a.set(Flag::Immunosuppressed, true)), Decision::Refer},
        RuleCase{"autoimmune_or_connective_tissue_disease", SET(a.set(Flag::AutoimmuneOrConnectiveTissueDisease, true)),
                 Decision::Refer},
        RuleCase{"skin_cancer_or_changing_mole_on_area", SET(a.set(Flag::SkinCancerOrChangingMoleOnArea, true)),
                 Decision::Refer},
        RuleCase{"metal_or_numbing_cream_allergy", SET(a.set(Flag::MetalOrNumbingCreamAllergy, true)), Decision::Refer},
        RuleCase{"koebner_condition", SET(a.set(Flag::KoebnerCondition, true)), Decision::Refer},
        RuleCase{"hypertrophic_scar_history", SET(a.set(Flag::HypertrophicScarHistory, true)), Decision::Refer},
        RuleCase{"prescribed_retinoid", SET(a.set(Flag::PrescribedRetinoid, true)), Decision::Refer},
        RuleCase{"injectables_last_2_weeks", SET(a.set(Flag::InjectablesLast2Weeks, true)), Decision::Defer},
        RuleCase{"laser_or_peel_last_4_weeks", SET(a.set(Flag::LaserOrPeelLast4Weeks, true)), Decision::Defer},
        RuleCase{"tattoo_or_permanent_makeup_on_area", SET(a.set(Flag::TattooOrPermanentMakeupOnArea, true)),
                 Decision::Proceed},
        RuleCase{"melasma", SET(a.concerns = {Concern::Melasma}), Decision::Refer},
        RuleCase{"pigmentation_darker_skin", SET(a.concerns = {Concern::Pigmentation}; a.fitzpatrick = 4), Decision::Refer},
        RuleCase{"under_18", SET(a.age = 17.5), Decision::Refer},
        RuleCase{"diabetes", SET(a.set(Flag::Diabetes, true)), Decision::Refer},
        RuleCase{"pregnant_or_breastfeeding", SET(a.set(Flag::PregnantOrBreastfeeding, true)), Decision::Defer},
        RuleCase{"active_infection", SET(a.set(Flag::ActiveInfection, true)), Decision::Defer},
        RuleCase{"open_wounds", SET(a.set(Flag::OpenWounds, true)), Decision::Defer},
        RuleCase{"active_acne_on_area", SET(a.set(Flag::ActiveAcneOnArea, true)), Decision::Defer},
        RuleCase{"eczema_or_psoriasis_on_area", SET(a.set(Flag::EczemaOrPsoriasisOnArea, true)), Decision::Defer},
        RuleCase{"rosacea_flare", SET(a.set(Flag::RosaceaFlare, true)), Decision::Defer},
        RuleCase{"retinoid_last_7_days", SET(a.set(Flag::RetinoidLast7Days, true)), Decision::Defer},
        RuleCase{"sunburn_or_tan_last_7_days", SET(a.set(Flag::SunburnOrTanLast7Days, true)), Decision::Defer},
        RuleCase{"darker_skin_type", SET(a.fitzpatrick = 6), Decision::Proceed},
        RuleCase{"skin_type_unknown", SET(a.fitzpatrick.reset()), Decision::Proceed},
        RuleCase{"around_eyes", SET(a.area = Area::AroundEyes), Decision::Proceed},
        RuleCase{"pigmentation_sun_protection", SET(a.concerns = {Concern::Pigmentation}), Decision::Proceed},
        RuleCase{"severe_scars_or_stretch_marks", SET(a.concerns = {Concern::AcneScars}; a.severity = Severity::Severe),
                 Decision::Proceed},
        RuleCase{"acne_scars_under_22", SET(a.concerns = {Concern::AcneScars}; a.age = 21), Decision::Proceed},
        RuleCase{"neck_wrinkles_skin_type", SET(a.concerns = {Concern::Wrinkles}; a.area = Area::Neck; a.fitzpatrick = 1),
                 Decision::Proceed},
        RuleCase{"hair_loss_with_treatment",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.set(Flag::HairLossDiagnosed, true)),
                 Decision::Proceed},
        RuleCase{"health_questions_unanswered", SET(a.flags[static_cast<int>(Flag::Diabetes)].reset()), Decision::Proceed}),
    [](const auto& info) { return std::string(info.param.rule); });

TEST(PlanRules, EveryShippedRuleHasATableCase) {
  // Keeps the table above in step with questionnaire.json.
  EXPECT_EQ(content::default_content().questionnaire.rules.size(), 40u);
}

// [SECTION] Boundaries ------------------------------------------------------------------------------

struct Boundary {
  const char* name;
  void (*change)(Answers&);
  Decision decision;
};

class PlanBoundaries : public ::testing::TestWithParam<Boundary> {};

TEST_P(PlanBoundaries, Decide) {
  Answers a = healthy();
  GetParam().change(a);
  EXPECT_EQ(make_plan(content::default_content(), a, "en").decision, GetParam().decision) << answers_to_json(a);
}

INSTANTIATE_TEST_SUITE_P(
    Shipped, PlanBoundaries,
    ::testing::Values(
        Boundary{"Age18Proceeds", SET(a.age = 18), Decision::Proceed},
        Boundary{"Age17Refers", SET(a.age = 17), Decision::Refer},
        Boundary{"Age17AndAlmost18Refers", SET(a.age = 17.995), Decision::Refer},  // "max 17.99" let it through
        Boundary{"AcneScarsAt21AndAlmost22GetTheCaution", SET(a.concerns = {Concern::AcneScars}; a.age = 21.995), Decision::Proceed},
        Boundary{"RaisedScarsRefer", SET(a.concerns = {Concern::AcneScars}; a.set(ScarType::Raised)), Decision::Refer},
        Boundary{"ScarKindNotSureRefers", SET(a.concerns = {Concern::SurgicalScars}; a.set(ScarType::NotSure)), Decision::Refer},
        Boundary{"ScarKindUnansweredRefers",
                 SET(a.concerns = {Concern::AcneScars}; a.choices[static_cast<int>(Choice::ScarType)].reset()), Decision::Refer},
        Boundary{"StretchMarksNeedNoScarKind",
                 SET(a.concerns = {Concern::StretchMarks}; a.area = Area::Thighs; a.choices = {}), Decision::Proceed},
        Boundary{"AlopeciaAreataRefers",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.set(Flag::HairLossDiagnosed, true);
                     a.set(HairLossType::AlopeciaAreata)),
                 Decision::Refer},
        Boundary{"HairLossOfUnknownKindRefers",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.set(Flag::HairLossDiagnosed, true);
                     a.set(HairLossType::NotSure)),
                 Decision::Refer},
        Boundary{"ProductAbsorptionAloneIsNoCourse", SET(a.concerns = {Concern::ProductAbsorption}), Decision::Refer},
        Boundary{"PigmentationType3Proceeds", SET(a.concerns = {Concern::Pigmentation}; a.fitzpatrick = 3), Decision::Proceed},
        Boundary{"PigmentationType4Refers", SET(a.concerns = {Concern::Pigmentation}; a.fitzpatrick = 4), Decision::Refer},
        Boundary{"HairLossDiagnosedOnScalpProceeds",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.set(Flag::HairLossDiagnosed, true)),
                 Decision::Proceed},
        Boundary{"HairLossUnansweredDiagnosisRefers",
                 SET(a.concerns = {Concern::HairLoss}; a.area = Area::Scalp; a.flags[static_cast<int>(Flag::HairLossDiagnosed)].reset()),
                 Decision::Refer},
        Boundary{"MelasmaWithOtherConcernsStillRefers", SET(a.concerns = {Concern::Texture, Concern::Melasma}), Decision::Refer},
        Boundary{"ReferBeatsDefer", SET(a.set(Flag::Diabetes, true); a.set(Flag::SunburnOrTanLast7Days, true)), Decision::Refer},
        Boundary{"DeferBeatsProceed", SET(a.set(Flag::RosaceaFlare, true); a.fitzpatrick = 5), Decision::Defer}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Plan, AllReasonsThatApplyAreListedReferFirst) {
  Answers a = healthy();
  a.set(Flag::Diabetes, true);
  a.set(Flag::KeloidHistory, true);
  a.set(Flag::SunburnOrTanLast7Days, true);
  const Plan p = make_plan(content::default_content(), a, "en");
  const auto j = json_of(p);
  EXPECT_EQ(j["decision"], "refer");
  ASSERT_EQ(j["reasons"].size(), 3u);
  EXPECT_NE(j["reasons"][0]["text"].get<std::string>().find("keloid"), std::string::npos);
  EXPECT_NE(j["reasons"][1]["text"].get<std::string>().find("diabetes"), std::string::npos);
  EXPECT_NE(j["reasons"][2]["text"].get<std::string>().find("sunburn"), std::string::npos);
  EXPECT_EQ(j["wait"][0]["days"], 7) << "the wait is shown with a referral too";
  EXPECT_FALSE(j.contains("sessions")) << "no schedule unless proceed";
}

TEST(Plan, DeferGivesAWaitHint) {
  Answers a = healthy();
  a.set(Flag::RetinoidLast7Days, true);
  a.set(Flag::PregnantOrBreastfeeding, true);
  const auto j = json_of(make_plan(content::default_content(), a, "en"));
  EXPECT_EQ(j["decision"], "defer");
  ASSERT_EQ(j["wait"].size(), 2u);
  EXPECT_FALSE(j["wait"][0].contains("days")) << "pregnancy has no fixed number of days";
  EXPECT_EQ(j["wait"][1]["days"], 7);
  for (const auto& w : j["wait"]) EXPECT_FALSE(w["sources"].empty());
}

// [SECTION] Recipes, combination and depth -----------------------------------------------------------

TEST(Plan, AcneScarsOnCheeksFollowTheLiteratureWithinTheSkin) {
  const Plan p = make_plan(content::default_content(), healthy({Concern::AcneScars}), "en");
  ASSERT_EQ(p.decision, Decision::Proceed);
  EXPECT_EQ(p.sessions.min, 3);  // harris2015, lotfi2013
  EXPECT_EQ(p.sessions.max, 5);
  // The studies' median is 1.5 mm, but the cheek drawn from ultrasound (meng2022) is 1.07 mm of skin:
  // the plan stops at the clinic's ceiling inside it.
  EXPECT_EQ(p.depth_mm.max, 1.0);
  EXPECT_FALSE(p.maintenance_months.has_value()) << "no maintenance for scars on a spa article's word";
  EXPECT_EQ(p.session_minutes.min, 30);
  EXPECT_EQ(p.session_minutes.max, 60);
}

TEST(Plan, SevereScarsGetMoreSessions) {
  Answers a = healthy({Concern::AcneScars});
  a.severity = Severity::Severe;
  const Plan p = make_plan(content::default_content(), a, "en");
  EXPECT_EQ(p.sessions.min, 5);
  EXPECT_EQ(p.sessions.max, 7);
}

TEST(Plan, SeveralConcernsCombineConservatively) {
  // fine lines 4-6 sessions at 0.5-1.0 mm; stretch marks 5-6 sessions 4-5 weeks apart at 1.0-2.0 mm.
  const Plan p = make_plan(content::default_content(), healthy({Concern::FineLines, Concern::StretchMarks}, Area::Thighs), "en");
  ASSERT_EQ(p.decision, Decision::Proceed);
  EXPECT_EQ(p.sessions.min, 5);
  EXPECT_EQ(p.sessions.max, 6);
  EXPECT_EQ(p.interval_weeks.min, 4);
  EXPECT_EQ(p.interval_weeks.max, 5) << "the overlap of 4-6 and 4-5";
  EXPECT_EQ(p.depth_mm.min, 1.0) << "the overlap of 0.5-1.0 and 1.0-2.0";
  EXPECT_EQ(p.depth_mm.max, 1.0);
}

TEST(Plan, ConcernsThatNeedDifferentDepthsAreReferredNotMerged) {
  // acne scars 1.0-1.5 mm and fine lines on the forehead 0.25-0.75 mm do not overlap: no silent
  // shallowest depth, a clinician plans them by zone.
  const Content& c = content::default_content();
  const Plan p = make_plan(c, healthy({Concern::AcneScars, Concern::FineLines}, Area::Forehead), "en");
  EXPECT_EQ(p.decision, Decision::Refer);
  ASSERT_FALSE(p.reasons.empty());
  EXPECT_EQ(p.reasons[0].text, &c.questionnaire.conflict_reason.text);
  // Hair loss is weekly, texture monthly: different spacing, the same answer.
  Answers a = healthy({Concern::HairLoss, Concern::Texture}, Area::Scalp);
  a.set(Flag::HairLossDiagnosed, true);
  const Plan q = make_plan(c, a, "en");
  EXPECT_EQ(q.decision, Decision::Refer);
  EXPECT_EQ(q.reasons[0].text, &c.questionnaire.conflict_reason.text);
}

TEST(Plan, ProductAbsorptionIsExplainedWithTheWarningNeverACourse) {
  const Content& c = content::default_content();
  const Plan alone = make_plan(c, healthy({Concern::ProductAbsorption}), "en");
  EXPECT_EQ(alone.decision, Decision::Refer);
  ASSERT_EQ(alone.reasons.size(), 1u);
  const auto* why = alone.reasons[0].text;
  EXPECT_NE(why->en().find("not cleared"), std::string::npos) << why->en();
  EXPECT_NE(std::find(alone.reasons[0].sources->begin(), alone.reasons[0].sources->end(), "fda-microneedling-guidance-2020"),
            alone.reasons[0].sources->end());
  EXPECT_NE(std::find(alone.reasons[0].sources->begin(), alone.reasons[0].sources->end(), "soltani-arabshahi2014"),
            alone.reasons[0].sources->end());
  // With acne scars: the scars' course, at the scars' depth, and the explanation as a caution.
  const Plan both = make_plan(c, healthy({Concern::AcneScars, Concern::ProductAbsorption}), "en");
  ASSERT_EQ(both.decision, Decision::Proceed);
  const Plan scars = make_plan(c, healthy({Concern::AcneScars}), "en");
  EXPECT_EQ(both.depth_mm, scars.depth_mm) << "not the 0.25-0.5 mm of an absorption recipe";
  EXPECT_EQ(both.sessions, scars.sessions);
  EXPECT_TRUE(std::any_of(both.cautions.begin(), both.cautions.end(), [&](const PlanLine& l) { return l.text == why; }));
}

TEST(Plan, DepthIsClampedToTheArea) {
  const Content& c = content::default_content();
  for (Area area : {Area::AroundEyes, Area::Forehead, Area::Cheeks, Area::Abdomen}) {
    const Plan p = make_plan(c, healthy({Concern::AcneScars}, area), "en");
    const BodyArea* b = c.skin.find_area(area_id(area));
    ASSERT_NE(b, nullptr);
    EXPECT_LE(p.depth_mm.max, std::min(b->usual_depth_mm.max, b->ceiling_mm)) << area_id(area);
    EXPECT_LE(p.depth_mm.min, p.depth_mm.max);
  }
  const Plan eyes = make_plan(c, healthy({Concern::FineLines}, Area::AroundEyes), "en");
  EXPECT_EQ(eyes.depth_mm.min, 0.25) << "fine lines around the eyes use the chart's 0.25-0.5";
  EXPECT_EQ(eyes.depth_mm.max, 0.5);
}

TEST(Plan, DarkerSkinIsGentlerOnTheFaceToo) {
  // Acne scars on the cheeks: type V against type II (the 1.5 mm cap did nothing on the face before).
  const Plan light = make_plan(content::default_content(), healthy({Concern::AcneScars}), "en");
  Answers a = healthy({Concern::AcneScars});
  a.fitzpatrick = 5;
  const Plan dark = make_plan(content::default_content(), a, "en");
  EXPECT_TRUE(applied(dark, "darker_skin_type"));
  EXPECT_LT(dark.depth_mm.max + dark.depth_mm.min, light.depth_mm.max + light.depth_mm.min + 1e-9);
  EXPECT_GT(dark.interval_weeks.min, light.interval_weeks.min) << "more time between sessions";
  EXPECT_TRUE(std::any_of(dark.pre_care.begin(), dark.pre_care.end(),
                          [](const PlanLine& l) { return l.text->en().find("test spot") != std::string::npos; }));
  Answers stretch = healthy({Concern::StretchMarks}, Area::Abdomen);
  stretch.fitzpatrick = 5;
  EXPECT_LE(make_plan(content::default_content(), stretch, "en").depth_mm.max, 1.0);
}

TEST(Plan, DepthsOver15mmCarryTheFdaCaution) {
  const Plan p = make_plan(content::default_content(), healthy({Concern::StretchMarks}, Area::Abdomen), "en");
  const auto j = json_of(p);
  bool found = false;
  for (const auto& c : j["cautions"])
    found = found || std::find(c["sources"].begin(), c["sources"].end(), "fda-den160029") != c["sources"].end();
  EXPECT_TRUE(found) << j.dump(2);
}

TEST(Plan, PatternHairLossIsWeeklyForTwelveWeeksInsideTheScalp) {
  Answers a = healthy({Concern::HairLoss}, Area::Scalp);
  a.set(Flag::HairLossDiagnosed, true);
  const Plan p = make_plan(content::default_content(), a, "en");
  ASSERT_EQ(p.decision, Decision::Proceed);
  EXPECT_EQ(p.sessions.max, 12);
  EXPECT_EQ(p.interval_weeks.max, 1);
  // Dhurat 2013 used 1.5 mm, which is in the fat of the scalp as drawn (1.37 mm of skin).
  EXPECT_EQ(p.depth_mm.max, 1.25);
  const Content& c = content::default_content();
  EXPECT_NE(query_depth(*c.skin.find_area("scalp"), c.skin, p.depth_mm.max).tip_layer, Layer::Subcutis);
  EXPECT_TRUE(std::any_of(p.cautions.begin(), p.cautions.end(),
                          [&](const PlanLine& l) { return l.text == &c.questionnaire.clamped_reason.text; }))
      << "the plan says why it is shallower than the study";
  const auto& all = content::default_content().questionnaire.expected;
  EXPECT_EQ(p.expected.size(), all.size() - 1) << "the hair-loss expectation is added, the maintenance one left out";
  EXPECT_TRUE(std::any_of(p.expected.begin(), p.expected.end(),
                          [](const PlanLine& l) { return l.text->en().find("12 weekly sessions") != std::string::npos; }));
}

// [SECTION] JSON ------------------------------------------------------------------------------------

TEST(PlanJson, ProceedHasEveryKeyOfTheInterface) {
  const auto j = json_of(make_plan(content::default_content(), healthy({Concern::Wrinkles}, Area::Forehead), "en"));
  for (const char* key : {"decision", "area", "concerns", "reasons", "disclaimer", "sessions", "interval_weeks", "depth_mm",
                          "maintenance_months", "session_minutes", "pre_care", "aftercare", "expected", "cautions"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["area"], "forehead");
  EXPECT_EQ(j["concerns"], nlohmann::json::array({"wrinkles"}));
  for (const char* range : {"sessions", "interval_weeks", "depth_mm", "maintenance_months", "session_minutes"})
    EXPECT_LE(j[range]["min"].get<double>(), j[range]["max"].get<double>()) << range;
  for (const char* list : {"pre_care", "aftercare"})
    for (const auto& item : j[list]) {
      EXPECT_TRUE(item.contains("text") && item.contains("window") && item.contains("sources")) << item.dump();
      EXPECT_TRUE(item["window"].contains("label"));
    }
  EXPECT_EQ(j["pre_care"][0]["window"]["from_hours"], -168) << "a week before, as whole hours";
}

TEST(PlanJson, SpanishTexts) {
  Answers a = healthy();
  a.set(Flag::OpenWounds, true);
  const Plan p = make_plan(content::default_content(), a, "es");
  const auto es = nlohmann::json::parse(plan_to_json(p));
  EXPECT_EQ(es["decision"], "defer") << "ids stay in English";
  EXPECT_NE(es["reasons"][0]["text"].get<std::string>().find("heridas"), std::string::npos);
  EXPECT_NE(es["disclaimer"].get<std::string>().find("no es consejo médico"), std::string::npos);
  EXPECT_NE(json_of(p, "fr")["disclaimer"].get<std::string>().find("not medical advice"), std::string::npos)
      << "unknown languages fall back to English";
}

// [SECTION] Engine details with a literal questionnaire -------------------------------------------

const char* kLiteral = R"({
  "steps": [{"id": "all", "title": "All", "questions": [
    {"key": "concerns", "kind": "multi_choice", "label": "c", "why": "w",
     "options": [{"value": "texture", "label": "Texture"}, {"value": "laxity", "label": "Laxity"}]},
    {"key": "area", "kind": "single_choice", "label": "a", "why": "w", "options": [{"value": "cheeks", "label": "Cheeks"}]},
    {"key": "severity", "kind": "single_choice", "label": "s", "why": "w", "options": [{"value": "mild", "label": "Mild"}]},
    {"key": "fitzpatrick", "kind": "single_choice", "label": "f", "why": "w", "options": [{"value": 1, "label": "I"}]},
    {"key": "age", "kind": "number", "min": 0, "max": 120, "label": "a", "why": "w"},
    {"key": "pregnant_or_breastfeeding", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "active_infection", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "open_wounds", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "active_acne_on_area", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "eczema_or_psoriasis_on_area", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "rosacea_flare", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "keloid_history", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "blood_thinners_or_bleeding_disorder", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "cancer_treatment_now", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "diabetes", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "isotretinoin_last_6_months", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "retinoid_last_7_days", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "sunburn_or_tan_last_7_days", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "cold_sores_history", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "immunosuppressed", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "autoimmune_or_connective_tissue_disease", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "skin_cancer_or_changing_mole_on_area", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "metal_or_numbing_cream_allergy", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "koebner_condition", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "hypertrophic_scar_history", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "prescribed_retinoid", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "injectables_last_2_weeks", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "laser_or_peel_last_4_weeks", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "tattoo_or_permanent_makeup_on_area", "kind": "yes_no", "label": "q", "why": "w"},
    {"key": "scar_type", "kind": "single_choice", "label": "s", "why": "w", "options": [{"value": "atrophic", "label": "Sunken"}]},
    {"key": "hair_loss_type", "kind": "single_choice", "label": "h", "why": "w", "options": [{"value": "pattern", "label": "Pattern"}]},
    {"key": "hair_loss_diagnosed", "kind": "yes_no", "label": "q", "why": "w"}]}],
  "rules": [
    {"id": "cap", "when": {"any": [{"severity": {"in": ["severe"]}}, {"not": {"age": {"min": 30}}}]}, "outcome": "proceed",
     "reason": "capped", "sources": ["meng2022"], "modifications": {"depth_max_mm": 0.6, "interval_min_weeks": 8}},
    {"id": "diabetes", "when": {"diabetes": true}, "outcome": "refer", "reason": "r", "sources": ["meng2022"]}
  ],
  "recipes": [
    {"concern": "texture", "sessions": {"min": 2, "max": 3}, "interval_weeks": {"min": 4, "max": 6},
     "depth_mm": {"min": 0.5, "max": 1.0}, "maintenance_months": {"min": 3, "max": 6},
     "session_minutes": {"min": 30, "max": 45}, "why": "t", "sources": ["meng2022"],
     "by_area": [{"areas": ["cheeks"], "depth_mm": {"min": 0.75, "max": 0.9}, "sources": ["meng2022"]}]}
  ],
  "pre_care": [{"text": "p", "window": {"from_hours": -24, "label": "l"}, "sources": ["meng2022"]}],
  "aftercare": [{"text": "a", "window": {"label": "l"}, "sources": ["meng2022"], "when": {"area": {"in": ["neck"]}}}],
  "expected": [{"text": "e", "sources": ["meng2022"]}],
  "depth_cautions": [],
  "proceed_reason": {"text": "ok", "sources": ["meng2022"]},
  "clamped_reason": {"text": "shallower", "sources": ["meng2022"]},
  "conflict_reason": {"text": "different plans", "sources": ["meng2022"]},
  "fallback_reason": {"text": "no plan here", "sources": ["meng2022"]},
  "disclaimer": "edu"
})";

Content literal_content() {
  auto files = content::default_files();
  files["questionnaire.json"] = kLiteral;
  // The literal questionnaire is English only: offer English only, so its texts are complete.
  auto ui = nlohmann::json::parse(files["ui.json"]);
  ui["languages"] = {"en"};
  files["ui.json"] = ui.dump();
  auto r = content::load(files);
  for (const auto& e : r.errors) ADD_FAILURE() << e.to_string();
  return std::move(r.content);
}

TEST(PlanEngine, ByAreaDepthAndModifications) {
  const Content c = literal_content();
  Answers a = healthy({Concern::Texture}, Area::Cheeks);
  Plan p = make_plan(c, a, "en");
  ASSERT_EQ(p.decision, Decision::Proceed);
  EXPECT_EQ(p.depth_mm.min, 0.75) << "by_area replaces the recipe depth on the cheeks";
  EXPECT_EQ(p.depth_mm.max, 0.9);
  EXPECT_TRUE(p.cautions.empty());
  EXPECT_TRUE(p.aftercare.empty()) << "an item limited to the neck is left out";
  a.severity = Severity::Severe;
  p = make_plan(c, a, "en");
  EXPECT_EQ(p.depth_mm.max, 0.6);
  EXPECT_EQ(p.depth_mm.min, 0.6) << "min follows a cap below it";
  EXPECT_EQ(p.interval_weeks.min, 8);
  EXPECT_EQ(p.interval_weeks.max, 8);
  ASSERT_EQ(p.cautions.size(), 1u);
  EXPECT_EQ(p.cautions[0].text->en(), "capped");
  a.severity = Severity::Mild;
  a.age = 20;  // "not age >= 30"
  EXPECT_EQ(make_plan(c, a, "en").depth_mm.max, 0.6);
}

TEST(PlanEngine, AConcernWithoutARecipeIsReferredWithTheFallback) {
  const Content c = literal_content();
  const Plan p = make_plan(c, healthy({Concern::Texture, Concern::Laxity}), "en");
  EXPECT_EQ(p.decision, Decision::Refer);
  ASSERT_FALSE(p.reasons.empty());
  EXPECT_EQ(p.reasons[0].text->en(), "no plan here");
}

TEST(PlanEngine, AnAreaMissingFromTheSkinModelIsReferred) {
  Content c = literal_content();
  c.skin.areas.clear();
  const Plan p = make_plan(c, healthy({Concern::Texture}), "en");
  EXPECT_EQ(p.decision, Decision::Refer);
  EXPECT_EQ(p.reasons[0].text->en(), "no plan here");
}

}  // namespace
}  // namespace skindepth::core
