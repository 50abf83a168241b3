// describe(): the canvas in words for screen readers.
#include "app/describe.h"
#include "app/test_state.h"

#include <gtest/gtest.h>

namespace skindepth::app {
namespace {

TEST(Describe, SaysTheLayerAndWarnings) {
  auto s = make_state();
  apply(s, act::SetArea{"abdomen"});
  apply(s, act::SetNeedle{2.5});
  const std::string text = describe(s);
  EXPECT_NE(text.find("Abdomen"), std::string::npos) << text;
  EXPECT_NE(text.find("Fat (subcutis)"), std::string::npos) << text;
  apply(s, act::SetLanguage{"es"});
  EXPECT_NE(describe(s).find("Grasa"), std::string::npos) << describe(s);
}

TEST(Describe, NamesTheConcernDrawnAndOnTheTimelineHowMuchIsFilled) {
  auto s = make_state();
  EXPECT_EQ(describe(s).find("Drawn in the skin"), std::string::npos);
  apply(s, act::SetConcern{"boxcar_scar"});
  EXPECT_NE(describe(s).find("Drawn in the skin: Boxcar acne scar (illustration, not a prediction)."), std::string::npos) << describe(s);
  apply(s, act::SetView{View::Timeline});
  apply(s, act::SetTime{0.0});
  EXPECT_NE(describe(s).find("filled by new collagen so far: 0%."), std::string::npos) << describe(s);
  apply(s, act::SetTime{core::kHoursPerYear});
  const std::string year = describe(s);
  EXPECT_EQ(year.find("so far: 0%."), std::string::npos) << year;
  EXPECT_NE(year.find("so far: "), std::string::npos) << year;
  apply(s, act::SetConcern{"pigment_spot"});
  EXPECT_EQ(describe(s).find("so far"), std::string::npos) << "pigment: no fill drawn, none said";
}

}  // namespace
}  // namespace skindepth::app
