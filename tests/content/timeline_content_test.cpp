// timeline.json parsing: a small literal timeline loads into the model, and each kind of mistake a
// clinic could make by hand is rejected with the file, the JSON pointer and what was expected.
#include "content/loader.h"
#include "load_errors.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace skindepth::content {
namespace {

using test_support::dump_errors;

// The smallest valid timeline: five phases, the figures, two points, one key moment, and guidance
// whose "sees" covers all of time.
const std::string kMinimal = R"({
  "phases": [
    {"id": "bleeding", "starts": "0h", "name": {"en": "B", "es": "Bs"}, "what_happens": {"en": "b", "es": "bs"}, "sources": ["kalluri2011"]},
    {"id": "inflammation", "starts": "1h", "name": {"en": "I", "es": "Is"}, "what_happens": {"en": "i", "es": "is"}, "sources": ["kalluri2011"]},
    {"id": "proliferation", "starts": "5d", "name": {"en": "P", "es": "Ps"}, "what_happens": {"en": "p", "es": "ps"}, "sources": ["kalluri2011"]},
    {"id": "remodelling", "starts": "8w", "name": {"en": "R", "es": "Rs"}, "what_happens": {"en": "r", "es": "rs"}, "sources": ["kalluri2011"]},
    {"id": "settled", "starts": "1y", "name": {"en": "S", "es": "Ss"}, "what_happens": {"en": "s", "es": "ss"}, "sources": ["kalluri2011"]}
  ],
  "channels": {"barrier_recovers": "4h", "close_from": "12h", "closed_by": "18h", "sources": ["kalluri2011"]},
  "redness": {"full_until": "24h", "sources": ["skinpen-label"]},
  "downtime": {"points": [{"needle_mm": 0.5, "days": 3}, {"needle_mm": 2.0, "days": 7}],
               "note": {"en": "chart", "es": "tabla"}, "sources": ["device-downtime-chart"]},
  "course": {"session_lasts": "30m", "single_session_share": 0.5, "fade_over": "6mo", "sources": ["003_3de7771e9af8d108.txt"]},
  "key_moments": [{"id": "day1", "at": "1d", "label": {"en": "Day 1", "es": "Día 1"}}],
  "guidance": [
    {"from": "0h", "to": "2d", "sees": [{"text": {"en": "red", "es": "rojo"}, "sources": ["skinpen-label"]}],
     "avoid": [{"text": {"en": "no makeup", "es": "sin maquillaje"}, "sources": ["003_3de7771e9af8d108.txt"]}]},
    {"from": "2d", "sees": [{"text": {"en": "calm", "es": "tranquila"}, "sources": ["skinpen-label"]}]}
  ]
})";

LoadResult load_timeline(const std::string& text) {
  auto files = default_files();
  files["timeline.json"] = text;
  return load(files);
}

// kMinimal with one literal piece of JSON replaced (the piece must occur exactly once).
std::string minimal_with(const std::string& from, const std::string& to) {
  std::string text = kMinimal;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "ambiguous: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

bool has_error(const LoadResult& r, const std::string& pointer, const std::string& fragment) {
  return test_support::has_error(r, "timeline.json", pointer, fragment);
}

TEST(TimelineContent, MinimalTimelineLoads) {
  const auto r = load_timeline(kMinimal);
  ASSERT_TRUE(r.ok()) << dump_errors(r);
  const auto& m = r.content.timeline;
  ASSERT_EQ(m.phases.size(), 5u);
  EXPECT_EQ(m.phases[2].phase, core::Phase::Proliferation);
  EXPECT_EQ(m.phases[2].starts_hours, 120.0);
  EXPECT_EQ(m.phases[2].name.get("es"), "Ps");
  EXPECT_EQ(m.barrier_recovers_hours, 4.0);
  EXPECT_EQ(m.channels_closed_by_hours, 18.0);
  EXPECT_EQ(m.session_hours, 0.5);
  EXPECT_EQ(m.single_session_share, 0.5);
  EXPECT_EQ(m.fade_hours, 6 * core::kHoursPerMonth);
  ASSERT_EQ(m.downtime.size(), 2u);
  EXPECT_EQ(m.downtime[1].days, 7.0);
  ASSERT_EQ(m.guidance.size(), 2u);
  EXPECT_EQ(m.guidance[0].to_hours, 48.0);
  EXPECT_TRUE(std::isinf(m.guidance[1].to_hours)) << "no \"to\": open-ended";
  EXPECT_EQ(m.guidance[0].avoid.at(0).text.get("es"), "sin maquillaje");
  EXPECT_EQ(m.key_moments.at(0).hours, 24.0);
}

TEST(TimelineContent, TheShippedTimelineCitesOnlyKnownSourcesAndIsComplete) {
  const auto r = load(default_files());
  EXPECT_TRUE(r.ok()) << dump_errors(r);
  EXPECT_EQ(r.content.timeline.phases.size(), 5u);
  EXPECT_GE(r.content.timeline.guidance.size(), 8u);
}

TEST(TimelineContent, MissingFileIsAnError) {
  auto files = default_files();
  files.erase("timeline.json");
  const auto r = load(files);
  bool found = false;
  for (const auto& e : r.errors) found = found || (e.file == "timeline.json" && e.message == "file missing");
  EXPECT_TRUE(found) << dump_errors(r);
}

struct BrokenCase {
  const char* name;
  const char* from;  // a literal piece of kMinimal
  const char* to;    // what replaces it
  const char* pointer;
  const char* message;
};

class BrokenTimeline : public ::testing::TestWithParam<BrokenCase> {};

TEST_P(BrokenTimeline, IsRejectedWithPointerAndExpectation) {
  const auto& c = GetParam();
  const auto r = load_timeline(minimal_with(c.from, c.to));
  EXPECT_TRUE(has_error(r, c.pointer, c.message)) << "expected " << c.pointer << ": " << c.message << "\ngot:\n"
                                                  << dump_errors(r);
}

INSTANTIATE_TEST_SUITE_P(
    Mistakes, BrokenTimeline,
    ::testing::Values(
        BrokenCase{"unknown_unit", R"("starts": "5d")", R"("starts": "5days")", "/phases/2/starts",
                   "unknown unit \"days\""},
        BrokenCase{"negative_duration", R"("starts": "8w")", R"("starts": "-8w")", "/phases/3/starts",
                   "cannot be negative"},
        BrokenCase{"duration_as_number", R"("full_until": "24h")", R"("full_until": 24)", "/redness/full_until",
                   "expected a non-empty string, found number"},
        BrokenCase{"phases_out_of_order", R"("id": "inflammation")", R"("id": "remodelling")", "/phases/1/id",
                   "expected \"inflammation\" here"},
        BrokenCase{"thickening_without_basis", R"("fade_over": "6mo", "sources": ["003_3de7771e9af8d108.txt"]},)",
                   R"("fade_over": "6mo", "sources": ["003_3de7771e9af8d108.txt"]}, "thickening": {"epidermis": {"share": 0.4}, "dermis": {"share": 0.1, "clinic_setting": true}},)",
                   "/thickening/epidermis", "expected \"sources\", or \"clinic_setting\": true"},
        BrokenCase{"thickening_too_much", R"("fade_over": "6mo", "sources": ["003_3de7771e9af8d108.txt"]},)",
                   R"("fade_over": "6mo", "sources": ["003_3de7771e9af8d108.txt"]}, "thickening": {"epidermis": {"share": 2, "sources": ["aust2008"]}, "dermis": {"share": 0.1, "clinic_setting": true}},)",
                   "/thickening/epidermis/share", "expected a number from 0 to 1, found 2"},
        BrokenCase{"unknown_phase", R"("id": "settled")", R"("id": "healed")", "/phases/4/id", "unknown phase \"healed\""},
        BrokenCase{"phase_starts_not_increasing", R"("starts": "1y")", R"("starts": "6w")", "/phases/4/starts",
                   "later than the previous phase"},
        BrokenCase{"first_phase_not_at_zero", R"("starts": "0h")", R"("starts": "5m")", "/phases/0/starts",
                   "expected \"0h\""},
        BrokenCase{"missing_spanish", R"({"en": "P", "es": "Ps"})", R"({"en": "P"})", "/phases/2/name",
                   "missing the \"es\" text"},
        BrokenCase{"missing_text", R"("what_happens": {"en": "r", "es": "rs"}, )", "", "/phases/3/what_happens",
                   "missing"},
        BrokenCase{"unknown_source", R"("sources": ["device-downtime-chart"])", R"("sources": ["device-chart"])",
                   "/downtime/sources/0", "unknown source \"device-chart\""},
        BrokenCase{"no_sources", R"("sources": ["device-downtime-chart"])", R"("sources": [])", "/downtime/sources",
                   "at least one source"},
        BrokenCase{"guidance_item_without_sources", R"({"text": {"en": "calm", "es": "tranquila"}, "sources": ["skinpen-label"]})",
                   R"({"text": {"en": "calm", "es": "tranquila"}})", "/guidance/1/sees/0/sources", "missing"},
        BrokenCase{"unknown_key", R"("from": "2d", )", R"("from": "2d", "dont": [], )", "/guidance/1/dont",
                   "unknown key; expected one of: from, to, sees, do, avoid, call_clinic"},
        BrokenCase{"window_ends_before_it_starts", R"("to": "2d")", R"("to": "0h")", "/guidance/0/to",
                   "later than \"from\""},
        BrokenCase{"gap_in_what_the_patient_sees", R"({"from": "2d", "sees")", R"({"from": "3d", "sees")", "/guidance",
                   "no \"sees\" item covers 48 h"},
        BrokenCase{"empty_window", R"("from": "2d", "sees": [{"text": {"en": "calm", "es": "tranquila"}, "sources": ["skinpen-label"]}])",
                   R"("from": "2d")", "/guidance/1", "expected at least one of sees, do, avoid, call_clinic"},
        BrokenCase{"empty_item_list", R"("avoid": [{"text": {"en": "no makeup", "es": "sin maquillaje"}, "sources": ["003_3de7771e9af8d108.txt"]}])",
                   R"("avoid": [])", "/guidance/0/avoid", "expected at least one item"},
        BrokenCase{"downtime_not_increasing", R"({"needle_mm": 2.0, "days": 7})", R"({"needle_mm": 0.4, "days": 7})",
                   "/downtime/points/1/needle_mm", "increasing order"},
        BrokenCase{"deeper_heals_faster", R"({"needle_mm": 2.0, "days": 7})", R"({"needle_mm": 2.0, "days": 1})",
                   "/downtime/points/1/days", "no shorter downtime"},
        BrokenCase{"one_downtime_point", R"(, {"needle_mm": 2.0, "days": 7})", "", "/downtime/points",
                   "at least 2 points"},
        BrokenCase{"channels_close_before_the_barrier", R"("close_from": "12h")", R"("close_from": "2h")", "/channels",
                   "barrier_recovers <= close_from < closed_by"},
        BrokenCase{"share_out_of_range", R"("single_session_share": 0.5)", R"("single_session_share": 1.5)",
                   "/course/single_session_share", "expected a number from 0.01 to 1, found 1.5"},
        BrokenCase{"session_too_long", R"("session_lasts": "30m")", R"("session_lasts": "1d")", "/course/session_lasts",
                   "up to 3h"},
        BrokenCase{"duplicate_key_moment", R"([{"id": "day1", "at": "1d", "label": {"en": "Day 1", "es": "Día 1"}}])",
                   R"([{"id": "day1", "at": "1d", "label": {"en": "Day 1", "es": "Día 1"}}, {"id": "day1", "at": "2d", "label": {"en": "D", "es": "D"}}])",
                   "/key_moments/1/id", "duplicate key moment \"day1\""},
        BrokenCase{"phases_not_an_array", R"("phases": [)", R"("phases": {"x": 1}, "old_phases": [)", "/phases",
                   "expected an array, found object"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(TimelineContent, TooFewPhasesIsNamed) {
  const std::string without_settled = minimal_with(
      R"(,
    {"id": "settled", "starts": "1y", "name": {"en": "S", "es": "Ss"}, "what_happens": {"en": "s", "es": "ss"}, "sources": ["kalluri2011"]})",
      "");
  const auto r = load_timeline(without_settled);
  EXPECT_TRUE(has_error(r, "/phases", "expected 5 phases")) << dump_errors(r);
}

}  // namespace
}  // namespace skindepth::content
