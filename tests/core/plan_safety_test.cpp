// Safety properties of the plan, checked exhaustively over the answer space with the shipped content:
// every combination of the 14 yes/no answers x every area x representative concerns x skin types 2
// and 5. (1) a contraindication never yields proceed (the expected decision comes from an oracle
// written here from issue 5, not from questionnaire.json); (2) no text advises stopping a prescribed
// medicine; (3) the depth never exceeds the area's usual range nor its ceiling; (4) every reason and
// plan item cites at least one source that exists; (5) the disclaimer is always there.
#include "content/loader.h"
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
      R"(drug\w*|tablet\w*|pill\w*|isotretino\w*|tretino\w*|minoxidil|insulin\w*|chemo\w*|)"
      R"(medicamento\w*|medicina\w*|receta\w*|recetad\w*|pastilla\w*|aspirina|quimio\w*|isotretino[ií]na|tretino[ií]na))",
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

// Returns the offending sentence, or "" when the text is fine.
std::string advises_stopping_medicine(const std::string& text) {
  for (const auto& sentence : sentences(text)) {
    if (!std::regex_search(sentence, medicine_words())) continue;
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
                 Flag::IsotretinoinLast6Months})
    refer = refer || yes(f);
  if ((concerns & bit(Concern::HairLoss)) && (!yes(Flag::HairLossDiagnosed) || a.area != Area::Scalp)) refer = true;
  if (concerns & bit(Concern::Melasma)) refer = true;
  if ((concerns & bit(Concern::Pigmentation)) && a.fitzpatrick && *a.fitzpatrick >= 4) refer = true;
  if (a.age && *a.age < 18) refer = true;
  for (Flag f : {Flag::PregnantOrBreastfeeding, Flag::ActiveInfection, Flag::OpenWounds, Flag::ActiveAcneOnArea,
                 Flag::EczemaOrPsoriasisOnArea, Flag::RosaceaFlare, Flag::RetinoidLast7Days, Flag::SunburnOrTanLast7Days})
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
  if (plan.decision != expected)
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
  if (a.fitzpatrick.value_or(6) >= 4 && d.max > 1.5 + 1e-9) walk.fail(a, "deeper than 1.5 mm for a darker skin type");
  if (!(plan.sessions.min >= 1 && plan.sessions.min <= plan.sessions.max)) walk.fail(a, "bad sessions");
  if (!(plan.interval_weeks.min >= 1 && plan.interval_weeks.min <= plan.interval_weeks.max)) walk.fail(a, "bad interval");
}

TEST(PlanSafety, ExhaustiveOverTheAnswerSpace) {
  const Content& content = content::default_content();
  ASSERT_FALSE(content.questionnaire.rules.empty());
  const auto concern_sets = representative_concerns();
  Walk walk;
  const auto start = std::chrono::steady_clock::now();
  Answers a;
  a.age = 35;
  for (int fitzpatrick : {2, 5}) {
    a.fitzpatrick = fitzpatrick;
    for (int area = 0; area < kAreaCount; ++area) {
      a.area = static_cast<Area>(area);
      for (const auto& concerns : concern_sets) {
        a.concerns = concerns;
        for (std::uint32_t mask = 0; mask < (1u << kFlagCount); ++mask) {
          for (int f = 0; f < kFlagCount; ++f) a.flags[f] = (mask >> f) & 1u;
          check_plan(content, a, walk);
        }
      }
    }
  }
  // Ages, skin types, severities and unanswered answers around the boundaries, over every area and
  // concern set, with no flag set and with each flag alone (answered or not).
  for (std::optional<Severity> severity : {std::optional<Severity>{}, std::optional<Severity>{Severity::Mild},
                                           std::optional<Severity>{Severity::Severe}})
  for (std::optional<double> age : {std::optional<double>{}, std::optional<double>{17.9}, std::optional<double>{18},
                                    std::optional<double>{21}, std::optional<double>{80}}) {
    for (std::optional<int> fitzpatrick : {std::optional<int>{}, std::optional<int>{1}, std::optional<int>{4},
                                           std::optional<int>{6}}) {
      for (int area = 0; area < kAreaCount; ++area) {
        for (const auto& concerns : concern_sets) {
          for (int only = -1; only < kFlagCount; ++only) {
            Answers b;
            b.severity = severity;
            b.age = age;
            b.fitzpatrick = fitzpatrick;
            b.area = static_cast<Area>(area);
            b.concerns = concerns;
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
  RecordProperty("plans", std::to_string(walk.plans));
  std::printf("[ safety  ] %ld plans in %.2f s\n", walk.plans, seconds);

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
