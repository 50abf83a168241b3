// WCAG 2.1 AA contrast of the widget's ImGui theme, measured: for the default theme and the two
// brand accents of web/brands.html, every text colour on the background it is drawn on reaches
// 4.5:1 (body text), and the focus highlight and slider grab reach 3:1 (UI components, 1.4.11).
// Translucent colours are composited first; the panels' 97 % white is put over black (the worst
// scene behind it). The measured ratios are printed.
#include "ui/ui.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace skindepth::ui {
namespace {

ImVec4 over(const ImVec4& top, const ImVec4& below) {  // `below` opaque
  const float a = top.w;
  return ImVec4(top.x * a + below.x * (1 - a), top.y * a + below.y * (1 - a), top.z * a + below.z * (1 - a), 1.0f);
}

double contrast(const ImVec4& a, const ImVec4& b) { return contrast_ratio({a.x, a.y, a.z}, {b.x, b.y, b.z}); }

ImVec4 rgb(const Rgb& c) { return ImVec4(c.r, c.g, c.b, 1.0f); }

struct Brand {
  const char* name;
  float accent[3];
};

class Contrast : public ::testing::TestWithParam<Brand> {
 protected:
  void SetUp() override { ImGui::CreateContext(); }
  void TearDown() override { ImGui::DestroyContext(); }
};

TEST_P(Contrast, ThemeMeetsWcagAA) {
  app::Theme theme;
  std::copy(GetParam().accent, GetParam().accent + 3, theme.accent);
  apply_theme(theme, 16.0f);
  const ImVec4* c = ImGui::GetStyle().Colors;
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1);
  const ImVec4 panel = over(c[ImGuiCol_WindowBg], black);
  const ImVec4 notice = over(ImVec4(kNoticeBackground.r, kNoticeBackground.g, kNoticeBackground.b, 0.97f), black);
  struct Pair {
    const char* what;
    ImVec4 fg, bg;
    double min;
  };
  const Pair pairs[] = {
      {"text on panel", c[ImGuiCol_Text], panel, 4.5},
      {"muted text on panel", c[ImGuiCol_TextDisabled], panel, 4.5},
      {"heading (accent) on panel", c[ImGuiCol_SliderGrab], panel, 4.5},
      {"text on button", c[ImGuiCol_Text], over(c[ImGuiCol_Button], panel), 4.5},
      {"text on hovered button", c[ImGuiCol_Text], over(c[ImGuiCol_ButtonHovered], panel), 4.5},
      {"text on pressed button", c[ImGuiCol_Text], over(c[ImGuiCol_ButtonActive], panel), 4.5},
      {"text on field", c[ImGuiCol_Text], over(c[ImGuiCol_FrameBg], panel), 4.5},
      {"text on chosen row", c[ImGuiCol_Text], over(c[ImGuiCol_Header], panel), 4.5},
      {"white on active tab / book button", white, over(c[ImGuiCol_TabActive], panel), 4.5},
      {"proceed title on panel", rgb(kProceedText), panel, 4.5},
      {"defer title on panel", rgb(kDeferText), panel, 4.5},
      {"refer title on panel", rgb(kReferText), panel, 4.5},
      {"warning on panel", rgb(kWarningText), panel, 4.5},
      {"text on notice", c[ImGuiCol_Text], notice, 4.5},
      {"muted text on notice", c[ImGuiCol_TextDisabled], notice, 4.5},
      {"focus highlight on panel", c[ImGuiCol_NavHighlight], panel, 3.0},
      {"slider grab on its track", c[ImGuiCol_SliderGrab], over(c[ImGuiCol_FrameBg], panel), 3.0},
      {"check mark on its box", c[ImGuiCol_CheckMark], over(c[ImGuiCol_FrameBg], panel), 3.0},
  };
  for (const auto& p : pairs) {
    const double ratio = contrast(over(p.fg, p.bg), p.bg);
    std::printf("  %-10s %-34s %5.2f:1 (needs %.1f)\n", GetParam().name, p.what, ratio, p.min);
    EXPECT_GE(ratio, p.min) << GetParam().name << ": " << p.what;
  }
}

// The default theme (app::Theme) and the accents of the two spas on web/brands.html.
INSTANTIATE_TEST_SUITE_P(Brands, Contrast,
                         ::testing::Values(Brand{"default", {0.55f, 0.27f, 0.36f}},
                                           Brand{"lumen", {0x8c / 255.0f, 0x4a / 255.0f, 0x5c / 255.0f}},
                                           Brand{"aurora", {0x1f / 255.0f, 0x7a / 255.0f, 0x74 / 255.0f}}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(ContrastFormula, ALightBrandColourIsDarkenedUntilReadable) {
  for (const Rgb light : {Rgb{1.0f, 0.8f, 0.0f}, Rgb{0.55f, 0.85f, 0.95f}, Rgb{1.0f, 1.0f, 1.0f}}) {
    const Rgb r = readable_accent(light);
    EXPECT_GE(contrast_ratio(r, Rgb{1, 1, 1}), 4.5) << light.r << "," << light.g << "," << light.b;
  }
  const Rgb dark{0.1f, 0.2f, 0.3f};
  EXPECT_EQ(readable_accent(dark).r, dark.r) << "a readable colour is kept as it is";
}

TEST(ContrastFormula, MatchesWcagReferenceValues) {
  EXPECT_NEAR(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)), 21.0, 1e-9);
  EXPECT_NEAR(contrast(ImVec4(0x76 / 255.0f, 0x76 / 255.0f, 0x76 / 255.0f, 1), ImVec4(1, 1, 1, 1)), 4.54, 0.01);  // #767676
}

}  // namespace
}  // namespace skindepth::ui
