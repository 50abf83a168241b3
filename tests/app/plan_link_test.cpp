// The staff-mode plan hand-off: the link carries the plan and never an answer, reads back to what was
// written, refuses damaged text, and its QR code is small enough to scan from a screen.
#include "app/plan_link.h"
#include "app/test_state.h"
#include "fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace skindepth::app {
namespace {

const char* const kPage = "https://www.example-spa.com/microneedling/";

using testing::healthy_answers;

// A staff-mode state on the plan page for `answers`, with a page URL and session dates.
AppState staff_state(const nlohmann::json& answers) {
  AppState s;
  s.content = &content::default_content();
  s.viewport = {1920, 1080, 1};
  for (const nlohmann::json& c : {nlohmann::json{{"cmd", "setMode"}, {"mode", "staff"}},
                                  nlohmann::json{{"cmd", "setToday"}, {"date", "2026-11-21"}},
                                  nlohmann::json{{"cmd", "setPageUrl"}, {"url", std::string(kPage) + "#old-fragment"}},
                                  nlohmann::json{{"cmd", "setAnswers"}, {"answers", answers}},
                                  nlohmann::json{{"cmd", "showPlan"}}})
    EXPECT_TRUE(command(s, c)["ok"].get<bool>()) << c.dump();
  return s;
}

TEST(PlanLink, CarriesThePlanAndNoAnswer) {
  const auto answers = healthy_answers();
  const AppState s = staff_state(answers);
  const std::string link = staff_plan_link(s);
  ASSERT_FALSE(link.empty());
  EXPECT_EQ(link.rfind(std::string(kPage) + "#skindepth-plan=", 0), 0u) << link << " (the old fragment is dropped)";
  for (auto it = answers.begin(); it != answers.end(); ++it)
    if (it.key() != "area") EXPECT_EQ(link.find(it.key()), std::string::npos) << it.key() << " in " << link;
  for (const char* value : {"acne_scars", "fine_lines", "moderate", "true", "false"})
    EXPECT_EQ(link.find(value), std::string::npos) << value << " in " << link;
  EXPECT_NE(link.find("a=cheeks"), std::string::npos) << "the plan's area";
  EXPECT_NE(link.find("c=2026-11-28,"), std::string::npos) << "the session dates, from today + 7 days";
  std::printf("plan link (%zu bytes): %s\n", link.size(), link.c_str());
}

TEST(PlanLink, ReadsBackWhatWasWritten) {
  auto defer = healthy_answers();
  defer["sunburn_or_tan_last_7_days"] = true;
  auto refer = healthy_answers();
  refer["pregnant_or_breastfeeding"] = true;
  for (const auto& answers : {healthy_answers(), defer, refer}) {
    const AppState s = staff_state(answers);
    const auto plan = current_plan(s);
    ASSERT_TRUE(plan);
    const PlanSummary written = summarize(s, *plan);
    const auto read = read_plan_link(staff_plan_link(s));
    ASSERT_TRUE(read) << staff_plan_link(s);
    EXPECT_EQ(*read, written) << staff_plan_link(s);
  }
  PlanSummary odd;
  odd.language = "es;=%";  // escaped, not taken for separators
  odd.area = "forehead";
  odd.decision = core::Decision::Defer;
  EXPECT_EQ(decode_summary(encode_summary(odd)), odd) << encode_summary(odd);
}

TEST(PlanLink, DamagedTextIsRefused) {
  const AppState s = staff_state(healthy_answers());
  const std::string good = encode_summary(summarize(s, *current_plan(s)));
  ASSERT_TRUE(decode_summary(good));
  EXPECT_TRUE(decode_summary(good + ";z=later-version-field")) << "unknown fields are ignored";
  for (const std::string bad : {std::string(""), std::string("v=2;l=en;d=r;a=cheeks"), std::string("v=1;l=en;d=x;a=cheeks"),
                                std::string("v=1;l=en;d=r;a=elbow"), std::string("v=1;l=en;d=r"), std::string("v=1;l=en;d=p;a=cheeks"),
                                std::string("v=1;l=e%2;d=r;a=cheeks"), std::string("v=1;l=en;d=r;a=cheeks;c=2026-13-40"),
                                std::string("v=1;l=en;d=r;a=cheeks;s=6-3"), std::string("v=1;l=en;d=r;a=cheeks;s=nan"),
                                good.substr(0, good.size() / 2) + "%", std::string("v1")})
    EXPECT_FALSE(decode_summary(bad)) << bad;
  EXPECT_FALSE(read_plan_link(std::string(kPage) + "#other=1"));
  EXPECT_FALSE(read_plan_link(kPage));
}

TEST(PlanLink, OnlyHttpPagesOfAReasonableLength) {
  const PlanSummary summary;
  EXPECT_EQ(plan_link("javascript:alert(1)", summary), "");
  EXPECT_EQ(plan_link("file:///etc/passwd", summary), "");
  EXPECT_EQ(plan_link("https://spa.example/a b", summary), "");
  EXPECT_EQ(plan_link("https://spa.example/" + std::string(kMaxPageUrlBytes, 'a'), summary), "");
  EXPECT_EQ(plan_link("https://spa.example/p#x", summary).rfind("https://spa.example/p#skindepth-plan=v=1;", 0), 0u);
  AppState s;
  s.content = &content::default_content();
  EXPECT_FALSE(command(s, {{"cmd", "setPageUrl"}, {"url", "javascript:alert(1)"}})["ok"].get<bool>());
  EXPECT_FALSE(command(s, {{"cmd", "setPageUrl"}, {"url", 7}})["ok"].get<bool>());
}

TEST(PlanLink, OnlyStaffModeShowsALink) {
  AppState s = staff_state(healthy_answers());
  EXPECT_TRUE(state_json(s, false).contains("plan_link"));
  s.mode = Mode::Patient;
  EXPECT_EQ(staff_plan_link(s), "");
  EXPECT_FALSE(state_json(s, false).contains("plan_link"));
}

TEST(PlanQr, ATypicalPlanFitsASmallCode) {
  const AppState s = staff_state(healthy_answers());
  const std::string link = staff_plan_link(s);
  const QrMatrix qr = make_qr(link);
  std::printf("QR version %d, %d x %d modules (+%d quiet each side) for a %zu-byte link\n", qr.version, qr.size, qr.size,
              kQrQuietModules, link.size());
  EXPECT_GE(qr.version, 1);
  EXPECT_LE(qr.version, 10) << "a denser code is hard to scan from a screen";
  EXPECT_EQ(qr.size, 17 + 4 * qr.version);
  ASSERT_EQ(qr.dark.size(), static_cast<std::size_t>(qr.size * qr.size));
  const auto dark = std::count(qr.dark.begin(), qr.dark.end(), true);
  EXPECT_GT(dark, qr.size * qr.size / 4);
  EXPECT_LT(dark, qr.size * qr.size * 3 / 4);
  // The finder pattern's corner: a dark 7x7 ring at the top left.
  EXPECT_TRUE(qr.at(0, 0) && qr.at(6, 0) && qr.at(0, 6) && qr.at(6, 6) && !qr.at(1, 1) && qr.at(3, 3));
  EXPECT_EQ(make_qr(std::string(kMaxQrBytes + 1, 'a')).version, 0) << "too long: no code rather than a throw";
  EXPECT_EQ(make_qr("").version, 0);
}

}  // namespace
}  // namespace skindepth::app
