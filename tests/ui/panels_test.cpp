// The ImGui panels run natively without a window: every view, both languages, phone and desktop
// layouts draw without asserting, and a click on a view tab comes back as an action.
#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"
#include "content/loader.h"
#include "ui/ui.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

namespace skindepth::ui {
namespace {

class Panels : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    state.content = &content::default_content();
  }
  void TearDown() override { ImGui::DestroyContext(); }

  std::vector<app::Action> frame(float mx = -1, float my = -1, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(state.viewport.css_width, state.viewport.css_height);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(mx, my);
    io.MouseDown[0] = down;
    const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
    apply_theme(Theme{}, layout.em);
    const auto scene = app::build_scene(state, layout);
    ImGui::NewFrame();
    auto actions = draw_ui(state, layout, scene);
    ImGui::Render();
    return actions;
  }

  app::AppState state;
};

TEST_F(Panels, EveryViewDrawsInEveryLanguageAndSize) {
  for (const char* lang : {"en", "es"})
    for (auto vp : {app::Viewport{390, 844, 3}, app::Viewport{1440, 900, 1}, app::Viewport{200, 200, 1}})
      for (const char* view : {"cross_section", "timeline", "questionnaire"}) {
        state.language = lang;
        state.viewport = vp;
        app::Action a;
        a.kind = app::Action::Kind::SetView;
        a.text = view;
        ASSERT_TRUE(app::apply(state, a));
        frame();
        frame();
        EXPECT_GT(ImGui::GetDrawData()->TotalVtxCount, 100) << lang << " " << view << " " << vp.css_width;
      }
}

TEST_F(Panels, ClickingTheHealingTabAsksForTheTimelineView) {
  state.viewport = {1440, 900, 1};
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const float x = layout.header.w / 2.0f, y = layout.header.h / 2.0f;  // the middle tab
  frame(x, y, false);
  frame(x, y, true);
  const auto actions = frame(x, y, false);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, app::Action::Kind::SetView);
  EXPECT_EQ(actions[0].text, "timeline");
}

TEST_F(Panels, TappingTheDrawingOpensTheCardOfTheStructureThere) {
  state.viewport = {1440, 900, 1};
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const auto scene = app::build_scene(state, layout);
  const auto& m = scene.panes[0].map;
  const float x = layout.scene.x + layout.scene.w * 0.6f, y = m.to_y(0.9);  // deep in the reticular dermis
  frame(x, y, false);
  frame(x, y, true);
  const auto actions = frame(x, y, false);
  ASSERT_EQ(actions.size(), 1u);
  EXPECT_EQ(actions[0].kind, app::Action::Kind::SelectStructure);
  EXPECT_FALSE(actions[0].text.empty());
  ASSERT_TRUE(app::apply(state, actions[0]));
  frame();
  frame();
  EXPECT_NE(ImGui::FindWindowByName("##structure_card"), nullptr) << "the card shows";
}

}  // namespace
}  // namespace skindepth::ui
