// On a touch screen every control the widget draws is at least app::kTouchTargetPx (44 CSS px) wide
// and tall (WCAG 2.5.5), measured on the targets ImGui laid out (ui/targets.h) in every view, every
// questionnaire step and the plan; and the yes/no steps take one tap when nothing applies.
#include "ui/imgui_harness.h"

#include "app/present.h"

#include <imgui_internal.h>

#include <algorithm>
#include <sstream>

namespace skindepth::ui {
namespace {

using TouchTargets = ImGuiHarness;

// The reference patient of issue 16: 35, acne scars on the cheeks, skin type IV, nothing to declare.
const nlohmann::json kReference = {
    {"concerns", {"acne_scars"}}, {"area", "cheeks"}, {"severity", "moderate"}, {"scar_type", "atrophic"},
    {"fitzpatrick", 4}, {"age", 35}};

std::string too_small(const std::vector<HitTarget>& targets, float side) {
  std::ostringstream out;
  for (const auto& t : targets)
    if (t.w < side - 0.5f || t.h < side - 0.5f) out << "\"" << t.label << "\" " << t.w << "x" << t.h << " at " << t.x << "," << t.y << "; ";
  return out.str();
}

class EveryPage : public TouchTargets {
 protected:
  // Draws each page a patient or a clinician can reach (a structure's card open, two needles, a
  // course on the timeline, every step, the plan) and calls `check` with its name and its targets.
  template <typename Check>
  void each_page(Check check) {
    auto settle = [&] {
      frame();
      frame();
    };
    ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::CrossSection}));
    ASSERT_TRUE(app::apply(state, app::act::SetCompare{true}));
    ASSERT_TRUE(app::apply(state, app::act::SelectStructure{"hair_follicles"}));
    settle();
    check("cross-section", hit_targets());
    ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Timeline}));
    settle();
    check("timeline", hit_targets());
    ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
    const int steps = static_cast<int>(app::visible_steps(state).size());
    for (int i = 0; i < steps; ++i) {
      ASSERT_TRUE(app::apply(state, app::act::StepTo{i}));
      settle();
      check("step " + std::to_string(i + 1) + " (unanswered)", hit_targets());
    }
    for (auto it = kReference.begin(); it != kReference.end(); ++it)
      ASSERT_TRUE(app::apply(state, app::act::Answer{it.key(), it.value()})) << it.key();
    for (int i = 0; i < static_cast<int>(app::visible_steps(state).size()); ++i) {
      ASSERT_TRUE(app::apply(state, app::act::StepTo{i}));
      settle();
      check("step " + std::to_string(i + 1), hit_targets());
    }
    for (const auto& key : {"active_infection", "open_wounds", "active_acne_on_area", "eczema_or_psoriasis_on_area",
                            "rosacea_flare", "sunburn_or_tan_last_7_days", "cold_sores_history",
                            "skin_cancer_or_changing_mole_on_area", "tattoo_or_permanent_makeup_on_area",
                            "retinoid_last_7_days", "prescribed_retinoid", "isotretinoin_last_6_months",
                            "blood_thinners_or_bleeding_disorder", "immunosuppressed", "injectables_last_2_weeks",
                            "laser_or_peel_last_4_weeks", "pregnant_or_breastfeeding", "cancer_treatment_now", "diabetes",
                            "keloid_history", "autoimmune_or_connective_tissue_disease", "koebner_condition",
                            "hypertrophic_scar_history", "metal_or_numbing_cream_allergy"})
      ASSERT_TRUE(app::apply(state, app::act::Answer{key, false})) << key;
    ASSERT_TRUE(app::apply(state, app::act::ShowPlan{}));
    settle();
    check("plan", hit_targets());
  }
};

TEST_F(EveryPage, EveryControlIsAFingerSquareOnATouchScreen) {
  for (const char* lang : {"en", "es"})
    for (const auto size : {app::Viewport{390, 3200, 3, true}, app::Viewport{1280, 2400, 1, true}}) {
      state = app::AppState();
      state.content = &content::default_content();
      state.language = lang;
      state.viewport = size;
      std::size_t pages = 0;
      each_page([&](const std::string& page, const std::vector<HitTarget>& targets) {
        ++pages;
        EXPECT_GE(targets.size(), 2u) << page << ": the controls are found";
        EXPECT_EQ(too_small(targets, app::kTouchTargetPx), "") << lang << " " << size.css_width << " px, " << page;
      });
      EXPECT_GE(pages, 12u);
    }
}

// The same pages with a mouse have smaller controls (Close, the key moments): the measure can fail.
TEST_F(EveryPage, WithAMouseSomeControlsAreSmallerThanAFinger) {
  state.viewport = {1280, 2400, 1, false};
  std::string small;
  each_page([&](const std::string&, const std::vector<HitTarget>& targets) { small += too_small(targets, app::kTouchTargetPx); });
  EXPECT_NE(small, "");
}

TEST_F(TouchTargets, TheCloseButtonIsListedWhereItIsDrawn) {
  state.viewport = {390, 844, 3, true};
  ASSERT_TRUE(app::apply(state, app::act::SelectStructure{"hair_follicles"}));
  frame();
  frame();
  const auto& targets = hit_targets();
  const auto close = std::find_if(targets.begin(), targets.end(), [&](const HitTarget& t) { return t.label == state.ui("common.close"); });
  ASSERT_NE(close, targets.end());
  const auto actions = click(close->x + close->w / 2, close->y + close->h / 2);
  ASSERT_EQ(actions.size(), 1u);
  const auto* select = std::get_if<app::act::SelectStructure>(&actions[0].what);
  ASSERT_NE(select, nullptr);
  EXPECT_TRUE(select->id.empty()) << "the card closes";
}

// "None of these apply to me" answers no to every question of a yes/no step that has no answer yet
// and moves on; a "yes" given before stays.
TEST_F(TouchTargets, OneTapSaysNoToTheRestOfAYesNoStep) {
  state.viewport = {390, 3200, 3, true};
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
  for (auto it = kReference.begin(); it != kReference.end(); ++it)
    ASSERT_TRUE(app::apply(state, app::act::Answer{it.key(), it.value()}));
  const auto steps = app::visible_steps(state);
  int skin_now = -1;
  for (int i = 0; i < static_cast<int>(steps.size()); ++i)
    if (state.content->questionnaire.steps[steps[i]].id == "skin_now") skin_now = i;
  ASSERT_GE(skin_now, 0);
  ASSERT_TRUE(app::apply(state, app::act::StepTo{skin_now}));
  ASSERT_TRUE(app::apply(state, app::act::Answer{"cold_sores_history", true}));
  frame();
  frame();
  const auto& targets = hit_targets();
  const auto rest = std::find_if(targets.begin(), targets.end(), [&](const HitTarget& t) { return t.label == state.ui("quiz.no_to_rest"); });
  ASSERT_NE(rest, targets.end()) << "one answered: the button says \"No to the rest\"";
  for (const auto& a : click(rest->x + rest->w / 2, rest->y + rest->h / 2)) ASSERT_TRUE(app::apply(state, a));
  EXPECT_EQ(state.quiz.step, skin_now + 1) << "moved on";
  EXPECT_EQ(core::answer_value(state.quiz.answers, "cold_sores_history"), true) << "the yes stays";
  EXPECT_EQ(core::answer_value(state.quiz.answers, "active_infection"), false);
  EXPECT_EQ(core::answer_value(state.quiz.answers, "tattoo_or_permanent_makeup_on_area"), false);
  // The next step (medicines): nothing answered, so the button reads "None of these apply to me".
  frame();
  frame();
  const auto& next = hit_targets();
  EXPECT_NE(std::find_if(next.begin(), next.end(), [&](const HitTarget& t) { return t.label == state.ui("quiz.none_apply"); }), next.end());
}

}  // namespace
}  // namespace skindepth::ui
