// libFuzzer target for the answers parser and the plan: arbitrary bytes go to core::parse_answers();
// answers that parse become a plan with the built-in content, in English and Spanish, and the safety
// properties of tests/core/plan_safety_test.cpp are checked cheaply on every input: the decision is
// one of the three, a contraindication never yields proceed (the same split of the yes/no answers
// into refer and defer as that test's oracle, from issue 5), there is always a reason and a
// disclaimer, and a proceed depth stays inside the area. Answers also survive a JSON round trip.
#include "content/loader.h"
#include "core/plan.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

using namespace skindepth::core;

void require(bool ok, const char* what, const Answers& a) {
  if (ok) return;
  std::fprintf(stderr, "answers_fuzz: %s for %s\n", what, answers_to_json(a).c_str());
  std::abort();
}

bool yes(const Answers& a, Flag f) { return a.flag(f).value_or(false); }

// Issue 5: these answers always refer; every other yes/no answer but hair_loss_diagnosed defers.
bool must_refer(const Answers& a) {
  for (Flag f : {Flag::KeloidHistory, Flag::BloodThinnersOrBleedingDisorder, Flag::CancerTreatmentNow, Flag::Diabetes,
                 Flag::IsotretinoinLast6Months})
    if (yes(a, f)) return true;
  return (a.age && *a.age < 18) || (a.concern_mask() & bit(Concern::Melasma));
}

bool must_not_proceed(const Answers& a) {
  for (int f = 0; f < kFlagCount; ++f)
    if (static_cast<Flag>(f) != Flag::HairLossDiagnosed && yes(a, static_cast<Flag>(f))) return true;
  return must_refer(a);
}

void check_plan(const Content& content, const Answers& a, const Plan& plan) {
  const auto d = static_cast<int>(plan.decision);
  require(d >= 0 && d <= 2, "a decision outside proceed/defer/refer", a);
  if (must_refer(a)) require(plan.decision == Decision::Refer, "no referral despite a contraindication", a);
  if (must_not_proceed(a)) require(plan.decision != Decision::Proceed, "proceed despite a contraindication", a);
  require(!plan.reasons.empty(), "a plan without reasons", a);
  require(plan.disclaimer && !plan.disclaimer->en().empty(), "a plan without the disclaimer", a);
  if (plan.decision == Decision::Defer) require(!plan.wait.empty(), "defer without a wait hint", a);
  if (plan.decision != Decision::Proceed) return;
  const BodyArea* area = content.skin.find_area(area_id(a.area));
  require(area != nullptr, "an area missing from the skin model", a);
  const Span depth = plan.depth_mm;
  require(depth.min > 0 && depth.min <= depth.max && depth.max <= area->usual_depth_mm.max + 1e-9 &&
              depth.max <= area->ceiling_mm + 1e-9,
          "a depth outside the area", a);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto parsed = parse_answers(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!parsed.ok()) {
    if (parsed.error.empty()) std::abort();  // a rejection always says why
    return 0;
  }
  const Answers& a = *parsed.answers;
  require(!a.concerns.empty(), "parsed answers without concerns", a);

  const auto again = parse_answers(answers_to_json(a));
  require(again.ok() && answers_to_json(*again.answers) == answers_to_json(a), "answers changed in a round trip", a);

  const Content& content = skindepth::content::default_content();
  for (const char* language : {"en", "es"}) {
    const Plan plan = make_plan(content, a, language);
    check_plan(content, a, plan);
    const std::string json = plan_to_json(plan, language);
    require(nlohmann::json::accept(json), "plan_to_json wrote invalid JSON", a);
  }
  return 0;
}
