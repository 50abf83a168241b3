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

}  // namespace
}  // namespace skindepth::app
