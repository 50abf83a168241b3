// Civil dates without a clock (days from civil, after H. Hinnant's public-domain algorithms).
#include "app/calendar.h"

#include <cstdio>

namespace skindepth::app {

namespace {

long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2));
  return d;
}

std::string ics_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

bool Date::valid() const {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const Date round = civil_from_days(days_from_civil(year, month, day));
  return round.year == year && round.month == month && round.day == day;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

bool parse_date(const std::string& iso, Date& out) {
  Date d;
  char tail = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &d.year, &d.month, &d.day, &tail) != 3 || iso.size() != 10) return false;
  if (!d.valid()) return false;
  out = d;
  return true;
}

int Date::weekday() const {
  const long days = days_from_civil(year, month, day);  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 11) % 7);
}

Date add_days(const Date& date, int days) { return civil_from_days(days_from_civil(date.year, date.month, date.day) + days); }

std::vector<Date> session_dates(const Date& start, int sessions, int interval_weeks) {
  std::vector<Date> out;
  for (int k = 0; k < sessions; ++k) out.push_back(add_days(start, k * interval_weeks * 7));
  return out;
}

std::string sessions_ics(const std::vector<Date>& dates, const std::string& title, const std::string& note,
                         const std::string& stamp_utc) {
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SkinDepth//Session plan//EN\r\nCALSCALE:GREGORIAN\r\n";
  for (std::size_t i = 0; i < dates.size(); ++i) {
    char day[16], next[16];
    const Date d = dates[i], n = add_days(d, 1);
    std::snprintf(day, sizeof day, "%04d%02d%02d", d.year, d.month, d.day);
    std::snprintf(next, sizeof next, "%04d%02d%02d", n.year, n.month, n.day);
    out += "BEGIN:VEVENT\r\nUID:skindepth-" + std::string(day) + "-" + std::to_string(i + 1) + "@skindepth\r\n";
    out += "DTSTAMP:" + stamp_utc + "\r\n";
    out += "DTSTART;VALUE=DATE:" + std::string(day) + "\r\nDTEND;VALUE=DATE:" + std::string(next) + "\r\n";
    out += "SUMMARY:" + ics_escape(title + " " + std::to_string(i + 1) + "/" + std::to_string(dates.size())) + "\r\n";
    out += "DESCRIPTION:" + ics_escape(note) + "\r\nEND:VEVENT\r\n";
  }
  out += "END:VCALENDAR\r\n";
  return out;
}

}  // namespace skindepth::app
