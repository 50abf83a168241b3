// Fingers and the wheel (ui/input.cpp): one finger scrolls the page over the drawing, a panel that can
// scroll follows the finger and glides on, a sideways drag presses, a tap clicks and leaves nothing
// hovered, two fingers zoom under the fingers, and the wheel scrolls the page unless it zooms.
#include "ui/imgui_harness.h"

#include <imgui_internal.h>

#include <cfloat>

namespace skindepth::ui {
namespace {

class Touch : public ImGuiHarness {
 protected:
  // One finger event at (x, y) in the widget; the page is not scrolled, so client = widget.
  bool finger(TouchPhase phase, float x, float y, double ms, std::int64_t id = 1) {
    const TouchPoint p{id, x, y, x, y};
    if (phase == TouchPhase::Start) down.push_back(p);
    for (auto& d : down)
      if (d.id == id) d = p;
    if (phase == TouchPhase::End || phase == TouchPhase::Cancel)
      down.erase(std::remove_if(down.begin(), down.end(), [&](const TouchPoint& d) { return d.id == id; }), down.end());
    return on_touch(phase, p, down, ms, touch, gestures, input);
  }
  // A drag from (x, y) by dy in steps of 10 px, 16 ms apart; whether the widget took every move.
  bool drag(float x, float y, float dy, double& ms) {
    finger(TouchPhase::Start, x, y, ms);
    bool taken = true;
    const int steps = static_cast<int>(std::abs(dy) / 10.0f);
    for (int i = 1; i <= steps; ++i) taken = finger(TouchPhase::Move, x, y + dy * i / steps, ms += 16) && taken;
    return taken;
  }
  const ScrollArea* quiz_area() const {
    for (const auto& a : touch.areas)
      if (ImGui::FindWindowByID(a.window) == ImGui::FindWindowByName("##quiz0")) return &a;
    return nullptr;
  }
  void apply_all(const std::vector<app::Action>& actions) {
    for (const auto& a : actions) ASSERT_TRUE(app::apply(state, a));
  }
  std::vector<TouchPoint> down;
};

TEST_F(Touch, OneFingerUpOnTheDrawingScrollsThePageAndShowsTheHintOnce) {
  state.viewport = {390, 844, 3};
  next_frame();
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const float x = layout.scene.x + layout.scene.w / 2, y = layout.scene.y + layout.scene.h / 2;
  double ms = 0;
  EXPECT_FALSE(finger(TouchPhase::Start, x, y, ms)) << "touchstart is never cancelled";
  EXPECT_FALSE(finger(TouchPhase::Move, x, y - 3, ms += 16)) << "within the slop: undecided";
  EXPECT_FALSE(finger(TouchPhase::Move, x, y - 40, ms += 16)) << "vertical on the drawing: the page scrolls";
  EXPECT_EQ(gestures.mode, TouchMode::Page);
  EXPECT_GT(gestures.hint_seconds, 0.0f);
  EXPECT_FALSE(finger(TouchPhase::Move, x, y - 200, ms += 16));
  EXPECT_FALSE(finger(TouchPhase::End, x, y - 200, ms += 16));
  const auto actions = touch_frame();
  EXPECT_TRUE(actions.empty()) << "no pan, no card";
  EXPECT_FALSE(ImGui::GetIO().MouseDown[0]);
  EXPECT_DOUBLE_EQ(state.cross.pan_depth_mm, 0.0);
  // The hint goes after its time and is not shown again.
  for (int i = 0; i < 200; ++i) touch_frame();
  EXPECT_FALSE(gestures_animating(gestures));
  gestures.hint_seconds = 0;
  drag(x, y, -60, ms);
  EXPECT_EQ(gestures.hint_seconds, 0.0f);
}

TEST_F(Touch, ATapClicksAndLeavesNothingHovered) {
  state.viewport = {390, 844, 3};
  next_frame();
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const float x = layout.header.w / 2, y = layout.header.h / 2;  // the middle tab: Healing
  EXPECT_FALSE(finger(TouchPhase::Start, x, y, 0));
  EXPECT_FALSE(finger(TouchPhase::Move, x + 2, y + 2, 16)) << "a wobble is still a tap";
  EXPECT_TRUE(finger(TouchPhase::End, x + 2, y + 2, 80)) << "touchend cancelled: no emulated mouse click";
  std::vector<app::Action> actions;
  for (int i = 0; i < 3; ++i)
    for (auto& a : touch_frame()) actions.push_back(a);
  ASSERT_EQ(actions.size(), 1u);
  const auto* set = std::get_if<app::act::SetView>(&actions[0].what);
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->view, app::View::Timeline);
  EXPECT_EQ(ImGui::GetIO().MousePos.x, -FLT_MAX) << "after the release the pointer leaves: no hover colour stays";
}

TEST_F(Touch, AScrollThatStartedOnAButtonNeverPressesIt) {
  state.viewport = {390, 844, 3};
  next_frame();
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  double ms = 0;
  drag(layout.header.w / 2, layout.header.h / 2, 80, ms);  // down: the page scrolls (header cannot)
  finger(TouchPhase::End, layout.header.w / 2, layout.header.h / 2 + 80, ms += 16);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(touch_frame().empty());
}

TEST_F(Touch, APanelFollowsTheFingerThenGlidesAndStops) {
  state.viewport = {390, 560, 3};  // short: the questionnaire's first step scrolls
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
  next_frame();
  next_frame();
  const ScrollArea* area = quiz_area();
  ASSERT_NE(area, nullptr) << "the questionnaire panel can scroll at this size";
  ASSERT_GT(area->scroll_max_y, 150.0f);
  const float x = area->rect.x + area->rect.w / 2, y = area->rect.y + area->rect.h * 0.8f;
  double ms = 0;
  EXPECT_FALSE(finger(TouchPhase::Move, x, y, ms)) << "no finger yet";
  EXPECT_TRUE(drag(x, y, -100, ms)) << "up over a panel that can scroll down: the widget takes it";
  EXPECT_EQ(gestures.mode, TouchMode::Panel);
  touch_frame();
  touch_frame();
  const ImGuiWindow* quiz = ImGui::FindWindowByName("##quiz0");
  EXPECT_NEAR(quiz->Scroll.y, 100.0f, 1.0f) << "the content moved with the finger";
  EXPECT_TRUE(finger(TouchPhase::End, x, y - 100, ms += 10));
  EXPECT_GT(gestures.momentum_px_per_s, 300.0f) << "a flick";
  float last = quiz->Scroll.y;
  int frames = 0;
  while (gestures_animating(gestures) && frames < 600) {
    touch_frame();
    EXPECT_GE(quiz->Scroll.y, last - 0.01f);
    last = quiz->Scroll.y;
    ++frames;
  }
  EXPECT_GT(last, 110.0f) << "it glided on";
  EXPECT_LT(frames, 600) << "and stopped";
  EXPECT_TRUE(finger(TouchPhase::Start, x, y, ms += 1000) == false);
  EXPECT_EQ(gestures.momentum_px_per_s, 0.0f);
  // Scrolled to the end, the same swipe up goes to the page.
  finger(TouchPhase::End, x, y, ms += 16);
  for (int i = 0; i < 20 && quiz_area() && quiz_area()->scroll_y < quiz_area()->scroll_max_y - 0.5f; ++i) {
    drag(x, y, -200, ms);
    finger(TouchPhase::End, x, y - 200, ms += 200);  // slow: no glide
    touch_frame();
    touch_frame();
  }
  ASSERT_NE(quiz_area(), nullptr);
  EXPECT_NEAR(quiz_area()->scroll_y, quiz_area()->scroll_max_y, 0.5f);
  EXPECT_FALSE(drag(x, y, -60, ms)) << "at its end the panel lets the page scroll";
  EXPECT_EQ(gestures.mode, TouchMode::Page);
  finger(TouchPhase::End, x, y - 60, ms += 16);
  EXPECT_TRUE(drag(x, y, 60, ms)) << "down: the panel scrolls back";
}

TEST_F(Touch, ASidewaysDragPressesAndFollowsTheFinger) {
  state.viewport = {390, 844, 3};
  next_frame();
  double ms = 0;
  EXPECT_FALSE(finger(TouchPhase::Start, 100, 600, ms));
  EXPECT_TRUE(finger(TouchPhase::Move, 120, 602, ms += 16)) << "sideways: the widget's (a slider follows)";
  EXPECT_EQ(gestures.mode, TouchMode::Press);
  touch_frame();
  EXPECT_TRUE(ImGui::GetIO().MouseDown[0]);
  EXPECT_TRUE(finger(TouchPhase::Move, 200, 604, ms += 16));
  touch_frame();
  EXPECT_FLOAT_EQ(ImGui::GetIO().MousePos.x, 200.0f);
  EXPECT_TRUE(finger(TouchPhase::Cancel, 200, 604, ms += 16));
  touch_frame();
  EXPECT_FALSE(ImGui::GetIO().MouseDown[0]);
  EXPECT_EQ(ImGui::GetIO().MousePos.x, -FLT_MAX) << "a cancelled press is released off every widget";
}

TEST_F(Touch, TwoFingersZoomAndPanUnderTheFingers) {
  state.viewport = {390, 844, 3};
  next_frame();
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const auto before = app::build_scene(state, layout).panes.front().map;
  const float y = layout.scene.y + layout.scene.h * 0.5f;
  double ms = 0;
  EXPECT_FALSE(finger(TouchPhase::Start, 100, y, ms, 1));
  EXPECT_TRUE(finger(TouchPhase::Start, 200, y, ms, 2)) << "a second finger: the widget's";
  EXPECT_TRUE(touch_frame().empty()) << "the pinch starts";
  // The fingers spread to twice the distance, and their midpoint moves 30 px right and 20 px down.
  EXPECT_TRUE(finger(TouchPhase::Move, 80, y + 20, ms += 16, 1));
  EXPECT_TRUE(finger(TouchPhase::Move, 280, y + 20, ms, 2));
  apply_all(touch_frame());
  EXPECT_NEAR(state.cross.zoom, 2.0, 1e-6);
  const auto after = app::build_scene(state, layout).panes.front().map;
  // The millimetre that was under the first midpoint (150, y) is under the new one (180, y + 20).
  EXPECT_NEAR(after.to_x(before.x_mm(150)), 180.0f, 0.5f);
  EXPECT_NEAR(after.to_y(before.depth_mm(y)), y + 20, 0.5f);
  EXPECT_FALSE(ImGui::GetIO().MouseDown[0]) << "no press while pinching";
  EXPECT_TRUE(finger(TouchPhase::End, 80, y + 20, ms += 16, 1));
  EXPECT_TRUE(finger(TouchPhase::Move, 250, y + 60, ms += 16, 2)) << "the finger left does not pan";
  apply_all(touch_frame());
  EXPECT_NEAR(after.to_y(before.depth_mm(y)), app::build_scene(state, layout).panes.front().map.to_y(before.depth_mm(y)), 0.01f);
  EXPECT_TRUE(finger(TouchPhase::End, 250, y + 60, ms += 16, 2));
  EXPECT_EQ(gestures.mode, TouchMode::None);
}

TEST_F(Touch, TheWheelScrollsThePageUnlessItZoomsOrAPanelCanScroll) {
  state.viewport = {1440, 900, 1};
  next_frame();
  const auto layout = app::compute_layout(state.viewport, state.mode, state.view);
  const float x = layout.scene.x + layout.scene.w * 0.3f, y = layout.scene.y + layout.scene.h * 0.4f;
  EXPECT_FALSE(on_wheel(x, y, 100, false, touch, input)) << "plain wheel over the drawing: the page scrolls";
  const auto before = app::build_scene(state, layout).panes.front().map;
  EXPECT_TRUE(on_wheel(x, y, -100, true, touch, input)) << "Ctrl + wheel zooms";
  apply_all(touch_frame());
  EXPECT_NEAR(state.cross.zoom, 1.15, 1e-6);
  const auto after = app::build_scene(state, layout).panes.front().map;
  EXPECT_NEAR(after.to_x(before.x_mm(x)), x, 0.5f) << "under the cursor";
  EXPECT_NEAR(after.to_y(before.depth_mm(y)), y, 0.5f);
  next_frame();
  EXPECT_TRUE(on_wheel(x, y, 100, false, touch, input)) << "a zoomed drawing takes the wheel";
  apply_all(touch_frame());
  next_frame();
  EXPECT_NEAR(state.cross.zoom, 1.0, 1e-6);
  EXPECT_FALSE(on_wheel(x, y, 100, false, touch, input)) << "back at full view: the page again";
  // Over a panel that can scroll, the wheel scrolls it.
  state.viewport = {1440, 500, 1};
  ASSERT_TRUE(app::apply(state, app::act::SetView{app::View::Questionnaire}));
  next_frame();
  next_frame();
  const ScrollArea* area = quiz_area();
  ASSERT_NE(area, nullptr);
  const float px = area->rect.x + area->rect.w / 2, py = area->rect.y + area->rect.h / 2;
  const float scroll_max = area->scroll_max_y;  // copied: the next frame replaces the scene `area` is in
  EXPECT_FALSE(on_wheel(px, py, -100, false, touch, input)) << "already at the top: the page scrolls up";
  EXPECT_TRUE(on_wheel(px, py, 100, false, touch, input));
  next_frame();
  next_frame();
  EXPECT_NEAR(ImGui::FindWindowByName("##quiz0")->Scroll.y, std::min(100.0f, scroll_max), 1.0f);
}

}  // namespace
}  // namespace skindepth::ui
