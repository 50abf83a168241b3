// Dates for a plan's sessions, from a start date the host page gives (the widget never reads a
// clock), and the plan as an iCalendar file the patient can download.
#pragma once

#include <string>
#include <vector>

namespace skindepth::app {

struct Date {
  int year = 0, month = 0, day = 0;  // all zero: no date (invalid)
  bool valid() const;
  std::string iso() const;  // 2026-11-21
  int weekday() const;      // 0 Sunday .. 6 Saturday
};

bool parse_date(const std::string& iso, Date& out);  // "YYYY-MM-DD"
Date add_days(const Date& date, int days);

// Session k (0-based) on start + k * interval_weeks weeks.
std::vector<Date> session_dates(const Date& start, int sessions, int interval_weeks);

// A VCALENDAR with one all-day event per session; every description says it is an educational
// illustration, not a prediction or medical advice.
std::string sessions_ics(const std::vector<Date>& dates, const std::string& title, const std::string& note,
                         const std::string& stamp_utc /* 20261121T120000Z */);

}  // namespace skindepth::app
