// Session dates and the calendar file.
#include "app/calendar.h"

#include <gtest/gtest.h>

namespace skindepth::app {
namespace {

TEST(Calendar, SessionDatesCrossMonthsAndLeapDays) {
  Date start;
  ASSERT_TRUE(parse_date("2028-02-20", start));
  const auto d = session_dates(start, 3, 1);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[1].iso(), "2028-02-27");
  EXPECT_EQ(d[2].iso(), "2028-03-05");
  EXPECT_EQ(add_days(start, 9).iso(), "2028-02-29");
  Date bad;
  EXPECT_FALSE(parse_date("2027-02-29", bad));
  EXPECT_FALSE(parse_date("2027-13-01", bad));
  EXPECT_FALSE(parse_date("yesterday", bad));
  EXPECT_FALSE(Date{}.valid());
}

TEST(Calendar, IcsHasOneEventPerSessionAndTheStamp) {
  Date start;
  ASSERT_TRUE(parse_date("2026-12-01", start));
  const std::string ics = sessions_ics(session_dates(start, 4, 4), "Session", "Educational illustration, not advice", "20261121T000000Z");
  std::size_t events = 0;
  for (std::size_t p = 0; (p = ics.find("BEGIN:VEVENT", p)) != std::string::npos; ++p) ++events;
  EXPECT_EQ(events, 4u);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20261229"), std::string::npos);
  EXPECT_NE(ics.find("Educational illustration\\, not advice"), std::string::npos) << "commas escaped";
}

}  // namespace
}  // namespace skindepth::app
