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

}  // namespace
}  // namespace skindepth::app
