// Safety properties of the plan, checked exhaustively over the answer space with the shipped content:
// every combination of the 14 yes/no answers of issue 5, every one and every pair of all 25 yes/no
// answers, the choice answers (scar kind, hair-loss kind) and the age, skin-type and severity
// boundaries, x every area x representative concerns. (1) a contraindication never yields proceed
// (the expected decision comes from an oracle written here from issues 5 and 15, not from
// questionnaire.json); (2) no text advises stopping a prescribed medicine; (3) the depth never exceeds
// the area's usual range nor its ceiling, and never puts the tip into the fat (the subcutis) of the
// area; (4) every reason and plan item cites at least one source that exists; (5) the disclaimer is
// always there; darker and unknown skin types get measurably gentler plans with a test spot.
#include "content/loader.h"
#include "core/depth.h"
#include "core/plan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <regex>
#include <set>
#include <unordered_set>

namespace skindepth::core {
namespace {

// [SECTION] The forbidden-advice checker --------------------------------------------------------

// A sentence advises stopping a medicine when it has a stop verb and a medicine word, and the stop
// verb is not negated ("never stop a prescribed medicine" is the advice we want).
const std::regex& stop_verbs() {
  static const std::regex kRe(
      R"(\b(stop(ping)?|discontinu\w*|quit(ting)?|paus(e|ing)|cease|come off|avoid(ing)?|hold off|cut out|skip(ping)?)"
      R"(|deje(n)? de|dejar de|suspend\w*|interrump\w*|abandon\w*|evite(n)?|evitar)\b)",
      std::regex::icase);
  return kRe;
}

const std::regex& medicine_words() {
  static const std::regex kRe(
      R"(\b(blood[- ]thinn\w*|anticoagul\w*|antiagreg\w*|aspirin\w*|warfarin|medicine\w*|medication\w*|prescri\w*|)"
      R"(drug\w*|tablet\w*|pill\w*|isotretino\w*|tretino\w*|retinoid\w*|adapalen\w*|minoxidil|insulin\w*|chemo\w*|)"
      R"(medicamento\w*|medicina\w*|receta\w*|recetad\w*|pastilla\w*|aspirina|quimio\w*|isotretino[ií]na|tretino[ií]na|)"
      R"(retinoide\w*|adapaleno))",
      std::regex::icase);
  return kRe;
}

bool negated(const std::string& before) {
  static const std::regex kNegation(
      R"((\bnever|\bdo not|\bdon't|\bdoes not|\bnot to|\bnot|\bnunca|\bno)\s*$)", std::regex::icase);
  return std::regex_search(before, kNegation);
}

std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    current += c;
    if (c == '.' || c == ';' || c == '!' || c == '?' || c == ':') {
      out.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// "No retinoids for a week", "Sin anticoagulantes": a prohibition that opens with the medicine (a
// medicine word among the first three words after "no" or "sin").
bool prohibits(const std::string& sentence) {
  static const std::regex kOpening(R"(^\W*(no|sin)\s+((\S+\s*){1,3}))", std::regex::icase);
  std::smatch m;
  return std::regex_search(sentence, m, kOpening) && std::regex_search(m[2].str(), medicine_words());
}

// Returns the offending sentence, or "" when the text is fine.
std::string advises_stopping_medicine(const std::string& text) {
  for (const auto& sentence : sentences(text)) {
    if (!std::regex_search(sentence, medicine_words())) continue;
    if (prohibits(sentence)) return sentence;
    for (auto it = std::sregex_iterator(sentence.begin(), sentence.end(), stop_verbs()); it != std::sregex_iterator(); ++it) {
      const std::string before = sentence.substr(0, static_cast<std::size_t>(it->position()));
      if (!negated(before)) return sentence;
    }
  }
  return {};
}

struct CheckerCase {
  const char* text;
  bool bad;
};

class ForbiddenAdviceChecker : public ::testing::TestWithParam<CheckerCase> {};

TEST_P(ForbiddenAdviceChecker, CatchesPlantedAdviceAndLetsSafeTextThrough) {
  EXPECT_EQ(!advises_stopping_medicine(GetParam().text).empty(), GetParam().bad) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Planted, ForbiddenAdviceChecker,
    ::testing::Values(
        CheckerCase{"Stop taking your blood thinner a week before.", true},
        CheckerCase{"Avoid blood thinners before treatment.", true},  // the seed 003 claim
        CheckerCase{"You should discontinue your anticoagulant.", true},
        CheckerCase{"Please pause your prescribed tretinoin for 5 days.", true},
        CheckerCase{"Quit isotretinoin first.", true},
        CheckerCase{"Skin heals well. Then stop the medication.", true},
        CheckerCase{"Deje de tomar su anticoagulante una semana antes.", true},
        CheckerCase{"Suspenda el medicamento recetado.", true},
        CheckerCase{"No retinoids on the area for at least a week.", true},  // timeline guidance/3 said this
        CheckerCase{"Sin retinoides en la zona durante al menos una semana.", true},
        CheckerCase{"No makeup for 48 hours.", false},
        CheckerCase{"Stop your retinoid a week before.", true},
        CheckerCase{"Avoid retinoids for at least a week.", true},  // timeline guidance/3 said this to tretinoin users
        CheckerCase{"Deje de usar su retinoide una semana antes.", true},
        CheckerCase{"Evite los retinoides durante una semana.", true},
        CheckerCase{"Pause adapalene before the session.", true},
        CheckerCase{"Evite los anticoagulantes antes del tratamiento.", true},
        CheckerCase{"Never stop a prescribed medicine on your own.", false},
        CheckerCase{"Ask the prescriber; do not stop your medication.", false},
        CheckerCase{"Keep taking your medicines as prescribed.", false},
        CheckerCase{"Pause your own skincare products such as retinol creams and exfoliating acids.", false},
        CheckerCase{"Avoid sun, heat and heavy sweating.", false},
        CheckerCase{"Nunca deje un medicamento recetado por su cuenta.", false},
        CheckerCase{"Siga tomando sus medicamentos como se los recetaron.", false}));

// [SECTION] The oracle: what issue 5 says each answer must lead to ------------------------------

Decision expected_decision(const Answers& a) {
  auto yes = [&](Flag f) { return a.flag(f).value_or(false); };
  const std::uint32_t concerns = a.concern_mask();
  bool refer = false, defer = false;
  for (Flag f : {Flag::KeloidHistory, Flag::BloodThinnersOrBleedingDisorder, Flag::CancerTreatmentNow, Flag::Diabetes,
                 Flag::IsotretinoinLast6Months, Flag::ColdSoresHistory, Flag::Immunosuppressed,
                 Flag::AutoimmuneOrConnectiveTissueDisease, Flag::SkinCancerOrChangingMoleOnArea,
                 Flag::MetalOrNumbingCreamAllergy, Flag::KoebnerCondition, Flag::HypertrophicScarHistory,
                 Flag::PrescribedRetinoid})
    refer = refer || yes(f);
  // Hair loss: only a diagnosed pattern hair loss on the scalp (issue 15, Dhurat 2013).
  const bool pattern = a.choice(Choice::HairLossType) == static_cast<int>(HairLossType::Pattern);
  if ((concerns & bit(Concern::HairLoss)) && (!yes(Flag::HairLossDiagnosed) || !pattern || a.area != Area::Scalp)) refer = true;
  // Scars: only sunken (atrophic) ones.
  const bool atrophic = a.choice(Choice::ScarType) == static_cast<int>(ScarType::Atrophic);
  if ((concerns & (bit(Concern::AcneScars) | bit(Concern::SurgicalScars))) && !atrophic) refer = true;
  if (concerns & bit(Concern::Melasma)) refer = true;
  if ((concerns & bit(Concern::Pigmentation)) && a.fitzpatrick && *a.fitzpatrick >= 4) refer = true;
  if (a.age && *a.age < 18) refer = true;
  // Product absorption alone is explained, never a course.
  if (concerns == bit(Concern::ProductAbsorption)) refer = true;
  for (Flag f : {Flag::PregnantOrBreastfeeding, Flag::ActiveInfection, Flag::OpenWounds, Flag::ActiveAcneOnArea,
                 Flag::EczemaOrPsoriasisOnArea, Flag::RosaceaFlare, Flag::RetinoidLast7Days, Flag::SunburnOrTanLast7Days,
                 Flag::InjectablesLast2Weeks, Flag::LaserOrPeelLast4Weeks})
    defer = defer || yes(f);
  return refer ? Decision::Refer : defer ? Decision::Defer : Decision::Proceed;
}

// [SECTION] The exhaustive walk -----------------------------------------------------------------

std::vector<std::vector<Concern>> representative_concerns() {
  std::vector<std::vector<Concern>> sets;
  for (int c = 0; c < kConcernCount; ++c) sets.push_back({static_cast<Concern>(c)});
  sets.push_back({Concern::AcneScars, Concern::Pigmentation, Concern::Texture});
  sets.push_back({Concern::FineLines, Concern::StretchMarks});
  sets.push_back({Concern::HairLoss, Concern::Dullness});
  return sets;
}

struct Walk {
  long plans = 0;
  long failures = 0;
  long conflicts = 0;
  std::unordered_set<const Text*> texts;
  std::unordered_set<const std::vector<std::string>*> source_lists;
  std::unordered_set<const Rule*> rules_seen;
  std::string first_failure;

  void fail(const Answers& a, const std::string& what) {
    if (failures++ == 0) first_failure = what + " for " + answers_to_json(a);
  }
};

void check_line(const PlanLine& l, const Answers& a, const char* list, Walk& walk) {
  if (!l.text || l.text->empty()) walk.fail(a, std::string("an empty line in ") + list);
  if (!l.sources || l.sources->empty()) walk.fail(a, std::string("a line without sources in ") + list);
  if (l.text) walk.texts.insert(l.text);
  if (l.sources) walk.source_lists.insert(l.sources);
  if (l.window) walk.texts.insert(&l.window->label);
}

void check_plan(const Content& content, const Answers& a, Walk& walk) {
  const Plan plan = make_plan(content, a, "en");
  ++walk.plans;
  for (const Rule* r : plan.rules_applied) walk.rules_seen.insert(r);
  const Decision expected = expected_decision(a);
  // Concerns that need different depths or spacing are referred, never merged (issue 15): allowed
  // where the oracle says proceed, and only with the content's reason for it.
  const bool conflict = plan.decision == Decision::Refer && expected == Decision::Proceed && !plan.reasons.empty() &&
                        plan.reasons.front().text == &content.questionnaire.conflict_reason.text;
  if (conflict) ++walk.conflicts;
  if (plan.decision != expected && !conflict)
    walk.fail(a, "decision " + std::string(decision_id(plan.decision)) + " instead of " + std::string(decision_id(expected)));
  if (expected != Decision::Proceed && plan.decision == Decision::Proceed) walk.fail(a, "proceed despite a contraindication");
  if (plan.reasons.empty()) walk.fail(a, "no reasons");
  if (!plan.disclaimer || plan.disclaimer->en().empty() || plan.disclaimer->get("es").empty()) walk.fail(a, "no disclaimer");
  if (plan.disclaimer) walk.texts.insert(plan.disclaimer);
  if (plan.decision == Decision::Defer && plan.wait.empty()) walk.fail(a, "defer without a wait hint");
  for (const auto& l : plan.reasons) check_line(l, a, "reasons", walk);
  for (const auto& l : plan.wait) check_line(l, a, "wait", walk);
  if (plan.decision != Decision::Proceed) return;
  for (const auto* list : {&plan.pre_care, &plan.aftercare, &plan.expected, &plan.cautions})
    for (const auto& l : *list) check_line(l, a, "plan items", walk);
  if (plan.pre_care.empty() || plan.aftercare.empty() || plan.expected.empty()) walk.fail(a, "a proceed plan without care");
  const BodyArea* area = content.skin.find_area(area_id(a.area));
  if (!area) return walk.fail(a, "area missing from the skin model");
  const Span d = plan.depth_mm;
  if (!(d.min > 0 && d.min <= d.max && d.max <= area->usual_depth_mm.max + 1e-9 && d.max <= area->ceiling_mm + 1e-9))
    walk.fail(a, "depth " + std::to_string(d.min) + "-" + std::to_string(d.max) + " outside the area");
  // (3) The deepest needle of the plan ends in the skin, never in the fat, in the widget's own model.
  if (query_depth(*area, content.skin, d.max).tip_layer == Layer::Subcutis) walk.fail(a, "the plan's depth reaches the fat");
  if (!(plan.sessions.min >= 1 && plan.sessions.min <= plan.sessions.max)) walk.fail(a, "bad sessions");
  if (!(plan.interval_weeks.min >= 1 && plan.interval_weeks.min <= plan.interval_weeks.max)) walk.fail(a, "bad interval");
}

// Answers with every yes/no answered "no" and the choices that let a plan proceed.
Answers all_no(Area area, const std::vector<Concern>& concerns, std::optional<int> fitzpatrick) {
  Answers a;
  a.age = 35;
  a.fitzpatrick = fitzpatrick;
  a.area = area;
  a.concerns = concerns;
  for (auto& f : a.flags) f = false;
  a.set(Flag::HairLossDiagnosed, true);
  a.set(ScarType::Atrophic);
  a.set(HairLossType::Pattern);
  return a;
}

TEST(PlanSafety, ExhaustiveOverTheAnswerSpace) {
  const Content& content = content::default_content();
  ASSERT_FALSE(content.questionnaire.rules.empty());
  const auto concern_sets = representative_concerns();
  Walk walk;
  const auto start = std::chrono::steady_clock::now();
  constexpr int kFirstFlags = 14;  // the yes/no answers of issue 5: every combination of them
  for (int fitzpatrick : {2, 5})
    for (int area = 0; area < kAreaCount; ++area)
      for (const auto& concerns : concern_sets) {
        Answers a = all_no(static_cast<Area>(area), concerns, fitzpatrick);
        for (std::uint32_t mask = 0; mask < (1u << kFirstFlags); ++mask) {
          for (int f = 0; f < kFirstFlags; ++f) a.flags[f] = (mask >> f) & 1u;
          check_plan(content, a, walk);
        }
        // Every one and every pair of all the yes/no answers (the wider screening of issue 15 included).
        for (int f = 0; f < kFlagCount; ++f)
          for (int g = f; g < kFlagCount; ++g) {
            Answers b = all_no(static_cast<Area>(area), concerns, fitzpatrick);
            b.flags[f] = true;
            b.flags[g] = true;
            check_plan(content, b, walk);
          }
      }
  // Ages, skin types, severities, the choice answers and unanswered answers around the boundaries,
  // over every area and concern set, with no flag set and with each flag alone (answered or not).
  const std::vector<std::optional<int>> scar_kinds = {std::nullopt, 0, 1, 2};
  const std::vector<std::optional<int>> hair_kinds = {std::nullopt, 0, 1, 2, 3};
  for (std::optional<Severity> severity : {std::optional<Severity>{}, std::optional<Severity>{Severity::Mild},
                                           std::optional<Severity>{Severity::Severe}})
  for (std::optional<double> age : {std::optional<double>{}, std::optional<double>{17.9}, std::optional<double>{17.995},
                                    std::optional<double>{18}, std::optional<double>{21.99}, std::optional<double>{80}}) {
    for (std::optional<int> fitzpatrick : {std::optional<int>{}, std::optional<int>{1}, std::optional<int>{4},
                                           std::optional<int>{6}}) {
      for (int area = 0; area < kAreaCount; ++area) {
        for (const auto& concerns : concern_sets) {
          const std::uint32_t mask = all_no(Area::Cheeks, concerns, 1).concern_mask();
          const bool scars = mask & (bit(Concern::AcneScars) | bit(Concern::SurgicalScars));
          const bool hair = mask & bit(Concern::HairLoss);
          for (const auto scar : scars ? scar_kinds : std::vector<std::optional<int>>{0})
            for (const auto hair_kind : hair ? hair_kinds : std::vector<std::optional<int>>{0})
              for (int only = -1; only < kFlagCount; ++only) {
                Answers b;
                b.severity = severity;
                b.age = age;
                b.fitzpatrick = fitzpatrick;
                b.area = static_cast<Area>(area);
                b.concerns = concerns;
                b.choices[static_cast<int>(Choice::ScarType)] = scar;
                b.choices[static_cast<int>(Choice::HairLossType)] = hair_kind;
                for (int f = 0; f < kFlagCount; ++f) b.flags[f] = f == only;
                check_plan(content, b, walk);
                b.flags = {};  // nothing answered
                if (only >= 0) b.flags[only] = true;
                check_plan(content, b, walk);
              }
        }
      }
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(walk.failures, 0) << walk.first_failure;
  EXPECT_GT(walk.plans, 16384L * 10 * 16 * 2);
  EXPECT_GT(walk.conflicts, 0) << "combinations that need different depths are met and referred";
  RecordProperty("plans", std::to_string(walk.plans));
  std::printf("[ safety  ] %ld plans in %.2f s (%ld referred for conflicting concerns)\n", walk.plans, seconds, walk.conflicts);

  // (2) Every text any plan showed, in every language.
  for (const Text* t : walk.texts)
    for (const auto& [language, s] : t->by_language)
      EXPECT_EQ(advises_stopping_medicine(s), "") << language << ": " << s;
  // (4) Every source cited exists.
  for (const auto* list : walk.source_lists)
    for (const auto& id : *list) EXPECT_NE(content.find_source(id), nullptr) << id;
  // Every rule of the content was reached somewhere in the walk, so none is dead or untested.
  for (const auto& r : content.questionnaire.rules) EXPECT_TRUE(walk.rules_seen.count(&r)) << r.id;
}

// Skin types IV-VI (and an unknown type) get a plan that is measurably gentler than type II's for the
// same concern and area: shallower or more widely spaced, with a test spot before the first session.
TEST(PlanSafety, DarkerSkinTypesGetGentlerPlansWithATestSpot) {
  const Content& content = content::default_content();
  int compared = 0;
  for (int area = 0; area < kAreaCount; ++area)
    for (const auto& concerns : representative_concerns()) {
      const Plan light = make_plan(content, all_no(static_cast<Area>(area), concerns, 2), "en");
      if (light.decision != Decision::Proceed) continue;
      for (std::optional<int> darker : {std::optional<int>{4}, std::optional<int>{5}, std::optional<int>{6}, std::optional<int>{}}) {
        const Plan dark = make_plan(content, all_no(static_cast<Area>(area), concerns, darker), "en");
        if (dark.decision != Decision::Proceed) continue;  // e.g. pigmentation in darker skin: referred
        ++compared;
        const std::string what = answers_to_json(all_no(static_cast<Area>(area), concerns, darker));
        EXPECT_LE(dark.depth_mm.max, light.depth_mm.max) << what;
        EXPECT_GE(dark.interval_weeks.min, light.interval_weeks.min) << what;
        EXPECT_TRUE(dark.depth_mm.max < light.depth_mm.max || dark.interval_weeks.min > light.interval_weeks.min) << what;
        const bool test_spot = std::any_of(dark.pre_care.begin(), dark.pre_care.end(),
                                           [](const PlanLine& l) { return l.text->en().find("test spot") != std::string::npos; });
        EXPECT_TRUE(test_spot) << what;
        const bool cites_chu = std::any_of(dark.cautions.begin(), dark.cautions.end(), [](const PlanLine& l) {
          return std::find(l.sources->begin(), l.sources->end(), "chu2021") != l.sources->end();
        });
        EXPECT_TRUE(cites_chu) << what;
      }
      const bool light_spot = std::any_of(light.pre_care.begin(), light.pre_care.end(),
                                          [](const PlanLine& l) { return l.text->en().find("test spot") != std::string::npos; });
      EXPECT_FALSE(light_spot) << "type II gets no test spot";
    }
  EXPECT_GT(compared, 100);
}

// The walk's checks would catch a broken plan: a planted rule that lets pregnancy proceed is found.
TEST(PlanSafety, TheOracleCatchesAPlantedUnsafeRule) {
  Content content = content::default_content();
  auto& rules = content.questionnaire.rules;
  rules.erase(std::remove_if(rules.begin(), rules.end(), [](const Rule& r) { return r.id == "pregnant_or_breastfeeding"; }),
              rules.end());
  Answers a;
  a.concerns = {Concern::FineLines};
  a.area = Area::Cheeks;
  a.fitzpatrick = 2;
  a.age = 30;
  for (int f = 0; f < kFlagCount; ++f) a.flags[f] = false;
  a.set(Flag::PregnantOrBreastfeeding, true);
  Walk walk;
  check_plan(content, a, walk);
  EXPECT_EQ(walk.failures, 2) << "decision mismatch and proceed-despite-contraindication";
}

}  // namespace
}  // namespace skindepth::core
