// review.json parsing: the version, the medical director's sign-off and the changelog load from a
// literal file, and every mistake a clinic could make by hand is rejected with the file, the JSON
// pointer and what was expected.
#include "content/loader.h"
#include "load_errors.h"

#include <gtest/gtest.h>

#include <string>

namespace skindepth::content {
namespace {

using test_support::dump_errors;
using test_support::has_error;

LoadResult load_review(const std::string& text) {
  auto files = default_files();
  files["review.json"] = text;
  return load(files);
}

// A review.json with the given sign-off and changes (the version is 2026.12.1).
std::string review_json(const std::string& signoff, const std::string& changes) {
  return R"({"version": "2026.12.1", "signoff": )" + signoff + R"(, "changes": )" + changes + "}";
}

const std::string kUnsigned = R"({"reviewer": "", "role": "", "date": ""})";
const std::string kSigned = R"({"reviewer": "Dr Ana Ruiz", "role": "Medical director", "date": "2026-12-03"})";
const std::string kChanges = R"([
  {"version": "2026.12.1", "date": "2026-12-01", "summary": {"en": "Clinical review", "es": "Revisión clínica"}},
  {"version": "2026.11.1", "date": "2026-11-02", "summary": {"en": "First", "es": "Primera"}}])";

TEST(ReviewContent, BuiltInContentHasAVersionAChangelogAndNoSignatureYet) {
  const auto& review = default_content().review;
  EXPECT_FALSE(review.version.empty());
  ASSERT_FALSE(review.changes.empty());
  EXPECT_EQ(review.changes.front().version, review.version) << "the newest entry is this version's";
  EXPECT_FALSE(review.changes.front().summary.get("es").empty());
  EXPECT_FALSE(review.signed_off()) << "only a clinic's medical director signs";
}

TEST(ReviewContent, UnsignedReviewLoads) {
  const auto r = load_review(review_json(kUnsigned, kChanges));
  ASSERT_TRUE(r.ok()) << dump_errors(r);
  const auto& review = r.content.review;
  EXPECT_EQ(review.version, "2026.12.1");
  EXPECT_FALSE(review.signed_off());
  ASSERT_EQ(review.changes.size(), 2u);
  EXPECT_EQ(review.changes[1].version, "2026.11.1");
  EXPECT_EQ(review.changes[1].date, "2026-11-02");
  EXPECT_EQ(review.changes[0].summary.get("es"), "Revisión clínica");
}

TEST(ReviewContent, SignedReviewLoads) {
  const auto r = load_review(review_json(kSigned, kChanges));
  ASSERT_TRUE(r.ok()) << dump_errors(r);
  EXPECT_TRUE(r.content.review.signed_off());
  EXPECT_EQ(r.content.review.reviewer, "Dr Ana Ruiz");
  EXPECT_EQ(r.content.review.role, "Medical director");
  EXPECT_EQ(r.content.review.date, "2026-12-03");
}

struct Rejection {
  const char* name;
  std::string text;
  const char* pointer;
  const char* fragment;
};

class ReviewRejects : public ::testing::TestWithParam<Rejection> {};

TEST_P(ReviewRejects, NamesFilePointerAndExpectation) {
  const auto r = load_review(GetParam().text);
  EXPECT_TRUE(has_error(r, "review.json", GetParam().pointer, GetParam().fragment)) << dump_errors(r);
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, ReviewRejects,
    ::testing::Values(
        Rejection{"not_an_object", "[]", "", "expected an object"},
        Rejection{"unknown_key", R"({"version": "2026.12.1", "signoff": {"reviewer": "", "role": "", "date": ""},
                    "changes": [{"version": "2026.12.1", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}}], "signed": true})",
                  "/signed", "unknown key"},
        Rejection{"version_missing", R"({"signoff": {"reviewer": "", "role": "", "date": ""}, "changes": []})", "/version",
                  "missing"},
        Rejection{"version_with_spaces", R"({"version": "2026 12", "signoff": {"reviewer": "", "role": "", "date": ""},
                    "changes": [{"version": "2026 12", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}}]})",
                  "/version", "like 2026.12.1"},
        Rejection{"no_changelog_entry_for_the_version",
                  R"({"version": "2026.12.2", "signoff": {"reviewer": "", "role": "", "date": ""},
                    "changes": [{"version": "2026.12.1", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}}]})",
                  "/version", "expected an entry for \"2026.12.2\""},
        Rejection{"signoff_missing", R"({"version": "2026.12.1", "changes": []})", "/signoff", "missing"},
        Rejection{"signoff_unknown_key",
                  review_json(R"({"reviewer": "", "role": "", "date": "", "signature": ""})", kChanges),
                  "/signoff/signature", "unknown key"},
        Rejection{"signoff_field_missing", review_json(R"({"reviewer": "", "role": ""})", kChanges), "/signoff/date",
                  "missing: expected a string"},
        Rejection{"signoff_field_not_a_string", review_json(R"({"reviewer": "", "role": "", "date": 20261203})", kChanges),
                  "/signoff/date", "expected a string"},
        Rejection{"signoff_half_filled",
                  review_json(R"({"reviewer": "Dr Ana Ruiz", "role": "", "date": "2026-12-03"})", kChanges), "/signoff",
                  "all filled in (signed) or all \"\" (not yet signed); empty: role"},
        Rejection{"signoff_date_not_iso",
                  review_json(R"({"reviewer": "Dr Ana Ruiz", "role": "Medical director", "date": "03/12/2026"})", kChanges),
                  "/signoff/date", "expected a date as YYYY-MM-DD"},
        Rejection{"signoff_date_not_a_day",
                  review_json(R"({"reviewer": "Dr Ana Ruiz", "role": "Medical director", "date": "2026-02-30"})", kChanges),
                  "/signoff/date", "found \"2026-02-30\""},
        Rejection{"changes_not_an_array", review_json(kUnsigned, "{}"), "/changes", "expected an array"},
        Rejection{"change_unknown_key",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}, "by": "x"}])"),
                  "/changes/0/by", "unknown key"},
        Rejection{"change_date_missing",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "summary": {"en": "a", "es": "b"}}])"),
                  "/changes/0/date", "missing"},
        Rejection{"change_date_not_iso",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "date": "1 Dec 2026", "summary": {"en": "a", "es": "b"}}])"),
                  "/changes/0/date", "YYYY-MM-DD"},
        Rejection{"change_summary_untranslated",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "date": "2026-12-01", "summary": "English only"}])"),
                  "/changes/0/summary", "untranslated"},
        Rejection{"change_duplicate_version",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}},
                                             {"version": "2026.12.1", "date": "2026-11-01", "summary": {"en": "a", "es": "b"}}])"),
                  "/changes/1/version", "duplicate version"},
        Rejection{"changes_oldest_first",
                  review_json(kUnsigned, R"([{"version": "2026.12.1", "date": "2026-11-01", "summary": {"en": "a", "es": "b"}},
                                             {"version": "2026.12.2", "date": "2026-12-01", "summary": {"en": "a", "es": "b"}}])"),
                  "/changes/1/date", "newest entry first"}),
    [](const ::testing::TestParamInfo<Rejection>& info) { return std::string(info.param.name); });

TEST(ReviewContent, MissingFileIsAnError) {
  auto files = default_files();
  files.erase("review.json");
  const auto r = load(files);
  EXPECT_TRUE(has_error(r, "review.json", "", "file missing")) << dump_errors(r);
}

TEST(ReviewContent, LeapDayIsADate) {
  const auto r = load_review(
      review_json(R"({"reviewer": "Dr Ana Ruiz", "role": "Medical director", "date": "2028-02-29"})", kChanges));
  EXPECT_TRUE(r.ok()) << dump_errors(r);
}

}  // namespace
}  // namespace skindepth::content
