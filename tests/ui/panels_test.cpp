// The ImGui panels run natively without a window: every view, both languages, phone and desktop
// layouts draw without asserting, and a click on a view tab comes back as an action.
#include "ui/imgui_harness.h"

#include "app/present.h"
#include "ui/panels.h"

#include <imgui_internal.h>

#include <algorithm>

namespace skindepth::ui {
namespace {

using Panels = ImGuiHarness;

TEST_F(Panels, EveryViewDrawsInEveryLanguageAndSize) {
  for (const char* lang : {"en", "es"})
    for (auto vp : {app::Viewport{390, 844, 3}, app::Viewport{1440, 900, 1}, app::Viewport{200, 200, 1}})
      for (auto view : {app::View::CrossSection, app::View::Timeline, app::View::Questionnaire}) {
        state.language = lang;
        state.viewport = vp;
        ASSERT_TRUE(app::apply(state, app::act::SetView{view}));
        frame();
        frame();
        EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 100) << lang << " " << app::view_id(view) << " " << vp.css_width;
      }
}

TEST_F(Panels, ClickingTheHealingTabAsksForTheTimelineView) {
  state.viewport = {1440, 900, 1};
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const auto actions = click(layout.header.w / 2.0f, layout.header.h / 2.0f);  // the middle tab
  ASSERT_EQ(actions.size(), 1u);
  const auto* set = std::get_if<app::act::SetView>(&actions[0].what);
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->view, app::View::Timeline);
}

TEST_F(Panels, TappingTheDrawingOpensTheCardOfTheStructureThere) {
  state.viewport = {1440, 900, 1};
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const auto scene = app::build_scene(state, layout);
  const auto& m = scene.panes[0].map;
  const auto actions = click(layout.scene.x + layout.scene.w * 0.6f, m.to_y(0.9));  // deep in the reticular dermis
  ASSERT_EQ(actions.size(), 1u);
  const auto* select = std::get_if<app::act::SelectStructure>(&actions[0].what);
  ASSERT_NE(select, nullptr);
  EXPECT_FALSE(select->id.empty());
  ASSERT_TRUE(app::apply(state, actions[0]));
  frame();
  frame();
  EXPECT_NE(ImGui::FindWindowByName("##structure_card"), nullptr) << "the card shows";
}

// Staff mode shows the content's sign-off (review.json) at the bottom of the questionnaire panel, a
// line patients do not see. Measured by the glyphs drawn (4 vertices each): the same panel with a
// one-letter sign-off text draws that many glyphs fewer, and in patient mode the text changes nothing.
TEST_F(Panels, StaffSeeTheContentsSignOffUnderTheQuestionnaire) {
  state.viewport = {1440, 3000, 1};  // tall: the line at the bottom is not clipped
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
  core::Content short_signoff = *state.content;
  short_signoff.strings["review.unsigned"] = core::Text{{{"en", "X"}}};
  const auto quiz_vertices = [this](const core::Content& content) {
    state.content = &content;
    frame();
    frame();
    const ImGuiWindow* quiz = ImGui::FindWindowByName("##quiz0");
    return quiz ? quiz->DrawList->VtxBuffer.Size : 0;
  };
  const auto& builtin = content::default_content();
  std::string glyphs = app::review_text(state);
  glyphs.erase(std::remove(glyphs.begin(), glyphs.end(), ' '), glyphs.end());
  EXPECT_EQ(quiz_vertices(builtin), quiz_vertices(short_signoff)) << "patients do not see it";
  state.mode = app::Mode::Staff;
  EXPECT_EQ(quiz_vertices(builtin) - quiz_vertices(short_signoff), 4 * (static_cast<int>(glyphs.size()) - 1))
      << glyphs;
}

}  // namespace
}  // namespace skindepth::ui

namespace skindepth::ui {
namespace {

// Issue 16: a step that is one single-choice question moves on when it is answered (one tap), and
// each step is its own window, so it opens at its top.
TEST_F(Panels, ASingleChoiceStepAdvancesWithOneTap) {
  state.viewport = {1440, 900, 1};
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
  ASSERT_TRUE(app::apply(state, app::act::Answer{"concerns", nlohmann::json::array({"texture"})}));
  ASSERT_TRUE(app::apply(state, app::act::StepTo{1}));  // the area step
  frame();
  ImGuiWindow* panel = ImGui::FindWindowByName("##quiz1");
  ASSERT_NE(panel, nullptr) << "the step's own window";
  std::vector<app::Action> actions;
  for (float y = panel->Pos.y + 40; y < panel->Pos.y + panel->Size.y && actions.empty(); y += 8)
    actions = click(panel->Pos.x + panel->Size.x / 2, y);
  ASSERT_EQ(actions.size(), 2u);
  const auto* answer = std::get_if<app::act::Answer>(&actions[0].what);
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->key, "area");
  const auto* step = std::get_if<app::act::StepTo>(&actions[1].what);
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->step, 2);
}

}  // namespace
}  // namespace skindepth::ui

namespace skindepth::ui {
namespace {

// A phone in staff mode has four buttons in the header ("Next patient" too): their labels shrink to
// fit rather than being cut ("Skin & ne" was seen on a 447 px screen).
TEST_F(Panels, HeaderLabelsFitOnAPhoneInStaffMode) {
  state.viewport = {390, 844, 3};
  state.mode = app::Mode::Staff;
  frame();
  frame();
  const ImGuiWindow* header = ImGui::FindWindowByName("##header");
  ASSERT_NE(header, nullptr);
  const float scale = header->FontWindowScale;
  EXPECT_LT(scale, 1.0f) << "the labels did not fit at full size";
  EXPECT_GE(scale, 0.7f);
  int checked = 0;
  for (const char* key : {"view.cross_section", "view.timeline", "view.questionnaire", "staff.next_patient"}) {
    const std::string label = state.ui(key);
    for (const auto& t : hit_targets()) {
      if (t.label != label) continue;
      const float size = ImGui::GetCurrentContext()->FontBaseSize * scale;
      const float text = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0.0f, label.c_str()).x;
      EXPECT_GE(t.w + 0.5f, text + ImGui::GetStyle().FramePadding.x * 2) << label;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 4);
}

const HitTarget* target_named(const std::string& label) {
  for (const auto& t : hit_targets())
    if (t.label == label) return &t;
  return nullptr;
}

// "Stamp the needles" and "Reset view" share a row while both fit; a clinic's longer wording puts
// them one under the other at full width instead of cutting it ("Stamp the needle" was seen).
TEST_F(Panels, PairedButtonsStackRatherThanCutALongLabel) {
  core::Content content = content::default_content();
  state.content = &content;
  state.viewport = {1440, 900, 1};
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::CrossSection}));
  const std::string stamp = state.ui("cross.stamp");
  frame();
  frame();
  const HitTarget* a = target_named(stamp);
  const HitTarget* b = target_named(state.ui("cross.reset_view"));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_FLOAT_EQ(a->y, b->y) << "short labels share a row";
  EXPECT_GE(a->w + 0.5f, button_width(stamp));

  const std::string long_reset = "Put the drawing back as it was when the page opened";
  content.strings["cross.reset_view"].by_language["en"] = long_reset;
  frame();
  frame();
  a = target_named(stamp);
  b = target_named(long_reset);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_GT(b->y, a->y + a->h - 0.5f) << "the long label goes under the other";
  EXPECT_GE(b->w + 0.5f, button_width(long_reset));
  EXPECT_FLOAT_EQ(a->w, b->w) << "both at the panel's full width";
}

// A slider's words sit in the half its grab is not in, so the grab never covers them ("1.00 mm"
// read ".00 mm" at mid lengths); words too long for a half are centred, as ImGui would.
TEST(SliderText, TheGrabNeverCoversTheWords) {
  const float left = 100.0f, right = 420.0f, grab = 26.0f, pad = 8.0f, text_w = 60.0f;
  for (int i = 0; i <= 9; ++i) {
    const float fraction = i / 9.0f;
    const float grab_x = left + grab / 2.0f + fraction * (right - left - grab);  // its centre, as ImGui places it
    const float x = slider_text_x(left, right, text_w, pad, fraction);
    EXPECT_GE(x, left) << fraction;
    EXPECT_LE(x + text_w, right) << fraction;
    const bool apart = x + text_w <= grab_x - grab / 2.0f || x >= grab_x + grab / 2.0f;
    EXPECT_TRUE(apart) << "grab at " << fraction << " covers the words at " << x;
  }
  EXPECT_FLOAT_EQ(slider_text_x(left, right, 200.0f, pad, 0.0f), (left + right - 200.0f) / 2.0f) << "too long for a half: centred";
}

// No control of a panel runs past its right edge, in any view, language or size ("4x", the last
// speed, was cut at 1440x900; "Stamp the needles" lost its last letter).
TEST_F(Panels, EveryControlFitsInsideItsPanel) {
  for (const char* lang : {"en", "es"})
    for (auto vp : {app::Viewport{390, 844, 3}, app::Viewport{1440, 900, 1}, app::Viewport{1024, 768, 1}})
      for (auto view : {app::View::CrossSection, app::View::Timeline, app::View::Questionnaire}) {
        state.language = lang;
        state.viewport = vp;
        state.viewport.touch = vp.css_width < 600;
        ASSERT_TRUE(app::apply(state, app::act::SetView{view}));
        const app::Layout layout = app::compute_layout(state.viewport, state.mode, state.view);
        // Text at the widget's size: the harness's font is 13 px, the widget's is made at layout.em.
        ImGui::GetIO().FontGlobalScale = layout.em / 13.0f;
        frame();
        frame();
        const app::Rect panel = layout.panel;
        int checked = 0;
        for (const auto& t : hit_targets()) {
          if (t.x < panel.x || t.y < panel.y || t.y > panel.y + panel.h) continue;  // another window's
          EXPECT_LE(t.x + t.w, panel.x + panel.w + 0.5f) << t.label << " (" << lang << ", " << app::view_id(view) << ", " << vp.css_width << ")";
          ++checked;
        }
        EXPECT_GT(checked, 2) << app::view_id(view) << " " << vp.css_width;
      }
}

}  // namespace
}  // namespace skindepth::ui
