// review.json -> core::ContentReview: the content's version, the sign-off a clinic's medical
// director fills in (reviewer, role and date: all three or none, so a half-filled sign-off never
// reads as signed) and the changelog, newest first, with an entry for the current version.
#include "content/loader.h"
#include "content/parts.h"

#include <set>

namespace skindepth::content {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A calendar date written YYYY-MM-DD (2026-02-30 is not one).
bool valid_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(text[i])) return false;
  const int year = std::stoi(text.substr(0, 4)), month = std::stoi(text.substr(5, 2)), day = std::stoi(text.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// A string that may be empty (a sign-off not yet filled in); missing or not a string is an error.
std::string string_or_empty(const Reader& r, const std::string& key) {
  if (!r.has(key)) {
    r.error_at(key, "missing: expected a string (\"\" until the medical director signs)");
    return {};
  }
  const auto& v = r.value()[key];
  if (!v.is_string()) {
    r.error_at(key, std::string("expected a string (\"\" until the medical director signs), found ") + v.type_name());
    return {};
  }
  return v.get<std::string>();
}

void check_date(const Reader& r, const std::string& key, const std::string& date, bool may_be_empty) {
  if (date.empty() && may_be_empty) return;
  if (!valid_date(date))
    r.error_at(key, std::string("expected a date as YYYY-MM-DD") + (may_be_empty ? " (or \"\" until signed)" : "") +
                        ", found \"" + date + "\"");
}

// A version: letters, digits, dots and dashes, e.g. "2026.12.1".
void check_version(const Reader& r, const std::string& key, const std::string& version) {
  for (char c : version) {
    if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-')) {
      r.error_at(key, "expected a version of letters, digits, dots and dashes like 2026.12.1, found \"" + version + "\"");
      return;
    }
  }
}

void parse_signoff(const Reader& root, core::ContentReview& review) {
  Reader s = root.member("signoff");
  if (!s.expect_object()) return;
  s.reject_unknown({"reviewer", "role", "date"});
  review.reviewer = string_or_empty(s, "reviewer");
  review.role = string_or_empty(s, "role");
  review.date = string_or_empty(s, "date");
  check_date(s, "date", review.date, true);
  std::string empty;
  int filled = 0;
  for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"reviewer", &review.reviewer},
                                   {"role", &review.role}, {"date", &review.date}}) {
    if (value->empty()) empty += (empty.empty() ? "" : ", ") + std::string(key);
    else ++filled;
  }
  if (filled > 0 && !empty.empty())
    s.error("expected reviewer, role and date all filled in (signed) or all \"\" (not yet signed); empty: " + empty);
}

void parse_changes(const Reader& root, core::ContentReview& review) {
  Reader list = root.member("changes");
  if (!list.expect_array()) return;
  std::set<std::string> versions;
  for (std::size_t i = 0; i < list.size(); ++i) {
    Reader c = list.element(i);
    if (!c.expect_object()) continue;
    c.reject_unknown({"version", "date", "summary"});
    core::ContentChange change;
    change.version = c.string("version");
    check_version(c, "version", change.version);
    if (!change.version.empty() && !versions.insert(change.version).second)
      c.error_at("version", "duplicate version \"" + change.version + "\": one entry per version");
    change.date = c.string("date");
    if (!change.date.empty()) check_date(c, "date", change.date, false);
    if (!review.changes.empty() && valid_date(change.date) && valid_date(review.changes.back().date) &&
        change.date > review.changes.back().date)
      c.error_at("date", "expected the newest entry first: " + change.date + " is later than the entry above it");
    change.summary = read_text(c, "summary");
    review.changes.push_back(std::move(change));
  }
}

void parse_review(const Reader& root, core::Content& content) {
  if (!root.expect_object()) return;
  root.reject_unknown({"version", "signoff", "changes"});
  core::ContentReview review;
  review.version = root.string("version");
  check_version(root, "version", review.version);
  parse_signoff(root, review);
  parse_changes(root, review);
  bool listed = false;
  for (const auto& c : review.changes) listed = listed || c.version == review.version;
  if (!review.version.empty() && root.has("changes") && root.value()["changes"].is_array() && !listed)
    root.error_at("version", "expected an entry for \"" + review.version + "\" in changes: the changelog says what this version changed");
  content.review = std::move(review);
}

}  // namespace

ContentPart review_part() { return {"review.json", parse_review, nullptr}; }

}  // namespace skindepth::content
