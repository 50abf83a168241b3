// Dear ImGui without a window, for the panel tests: a context with the default font, and one frame
// of the widget's interface at the state's size with the mouse (or a finger) where the test puts it.
#pragma once

#include "app/app_state.h"
#include "app/layout.h"
#include "app/scene.h"
#include "content/loader.h"
#include "ui/targets.h"
#include "ui/ui.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <vector>

namespace skindepth::ui {

class ImGuiHarness : public ::testing::Test {
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
    io.MousePos = ImVec2(mx, my);
    io.MouseDown[0] = down;
    return next_frame();
  }
  // A frame whose pointer is the finger of `input` (what the platform does on a touch screen).
  std::vector<app::Action> touch_frame() {
    feed_touch_to_imgui(input);
    return next_frame();
  }
  std::vector<app::Action> next_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(state.viewport.css_width, state.viewport.css_height);
    io.DeltaTime = 1.0f / 60.0f;
    const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
    apply_theme(state.theme, layout.em, state.viewport.touch);
    const auto scene = app::build_scene(state, layout);
    begin_hit_targets();
    ImGui::NewFrame();
    auto actions = draw_ui(state, layout, scene, input, gestures);
    input.keys.clear();
    ImGui::Render();
    touch = touch_scene(state, layout);
    return actions;
  }
  // A click: the pointer moves there, goes down, comes up; the actions of the last frame.
  std::vector<app::Action> click(float x, float y) {
    frame(x, y, false);
    frame(x, y, true);
    return frame(x, y, false);
  }

  app::AppState state;
  Input input;
  Gestures gestures;
  TouchScene touch;  // the last frame's, as the platform keeps it for the next events
};

}  // namespace skindepth::ui
