// compute_layout(): phone, desktop and staff sizes.
#include "app/layout.h"

#include <gtest/gtest.h>

namespace skindepth::app {
namespace {

TEST(Layout, PhonesStackThePanelBelowAndTextStaysReadable) {
  const auto phone = compute_layout({390, 700, 3}, Mode::Patient, View::CrossSection);
  EXPECT_TRUE(phone.panel_below);
  EXPECT_GE(phone.em, 15.0f);
  EXPECT_FLOAT_EQ(phone.panel.y, phone.scene.y + phone.scene.h);
  const auto desk = compute_layout({1440, 900, 1}, Mode::Patient, View::CrossSection);
  EXPECT_FALSE(desk.panel_below);
  const auto staff = compute_layout({1440, 900, 1}, Mode::Staff, View::CrossSection);
  EXPECT_GT(staff.em, desk.em) << "staff mode uses larger type";
}

TEST(Layout, APhoneInStaffModeKeepsAPhonesType) {
  const auto patient = compute_layout({390, 844, 3}, Mode::Patient, View::CrossSection);
  const auto staff = compute_layout({390, 844, 3}, Mode::Staff, View::CrossSection);
  EXPECT_FLOAT_EQ(staff.em, patient.em) << "the larger type is for a screen across the room";
}

TEST(Layout, StaffModeKeepsThePresenterLayoutInsideAPage) {
  // A spa's content column is 1000-1200 px wide: staff mode's larger type must not stack the panel
  // under the drawing (the comparison panes became a 245 px strip).
  for (const float w : {1000.0f, 1200.0f}) {
    const auto staff = compute_layout({w, 720, 1}, Mode::Staff, View::CrossSection);
    EXPECT_FALSE(staff.panel_below) << w;
    EXPECT_GT(staff.scene.w, w * 0.5f) << w;
    EXPECT_GT(staff.scene.h, 600.0f) << w;
  }
  EXPECT_TRUE(compute_layout({500, 800, 2}, Mode::Staff, View::CrossSection).panel_below) << "a small tablet held upright";
}

TEST(Layout, TouchScreensGetAFingerSizedHeader) {
  Viewport vp{390, 700, 3};
  const float mouse = compute_layout(vp, Mode::Patient, View::CrossSection).header.h;
  vp.touch = true;
  const auto touch = compute_layout(vp, Mode::Patient, View::CrossSection);
  EXPECT_GE(touch.header.h, kTouchTargetPx + touch.em * 0.7f - 0.01f);
  EXPECT_GT(touch.header.h, mouse);
}

}  // namespace
}  // namespace skindepth::app
