// `skindepth review DIR [--since OLD]` end to end: the medical director's document holds every rule
// in words with its outcome, every patient-facing text in each language, every figure with a source
// or the clinic-setting label, the sign-off state, and what changed since another content folder.
#include <gtest/gtest.h>

#include "tools/cli_helpers.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace fs = std::filesystem;
using nlohmann::json;
using skindepth::testing::run_cli;

namespace {

const fs::path kContent = fs::path(SKINDEPTH_SOURCE_DIR) / "content";

fs::path copy_content(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::copy(kContent, dir, fs::copy_options::recursive);
  return dir;
}

json read_json(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

void write_json(const fs::path& p, const json& j) { std::ofstream(p) << j.dump(2); }

std::string esc(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// The HTML between a marker and the end of its table row.
std::string row_of(const std::string& html, const std::string& marker) {
  const auto at = html.find(marker);
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</tr>", at) - at);
}

std::string section(const std::string& html, const std::string& id, const std::string& next_id) {
  const auto from = html.find("<h2 id=" + id);
  const auto to = html.find("<h2 id=" + next_id);
  return from == std::string::npos ? "" : html.substr(from, to - from);
}

class ReviewCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto r = run_cli("review " + kContent.string());
    ASSERT_EQ(r.status, 0) << r.err;
    html_ = new std::string(r.out);
  }
  static void TearDownTestSuite() { delete html_; }
  static const std::string& html() { return *html_; }
  static std::string* html_;
};
std::string* ReviewCli::html_ = nullptr;

TEST_F(ReviewCli, IsOneHtmlDocumentWithTheVersionAndEverySection) {
  EXPECT_EQ(html().rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html().find("</html>"), std::string::npos);
  const std::string version = read_json(kContent / "review.json")["version"];
  EXPECT_NE(html().find("Content version <b>" + version + "</b>"), std::string::npos);
  for (const char* id : {"signoff", "changes", "rules", "plans", "figures", "texts", "sources"})
    EXPECT_NE(html().find(std::string("<h2 id=") + id), std::string::npos) << id;
  EXPECT_NE(html().find("@media print"), std::string::npos) << "printable";
}

TEST_F(ReviewCli, EveryRuleIsInWordsWithItsOutcomeAndBothLanguages) {
  const json q = read_json(kContent / "questionnaire.json");
  const std::string rules = section(html(), "rules", "plans");
  ASSERT_FALSE(q["rules"].empty());
  for (const auto& r : q["rules"]) {
    const std::string row = row_of(rules, "<td class=where>" + r["id"].get<std::string>() + "</td>");
    ASSERT_FALSE(row.empty()) << r["id"];
    const std::string outcome = r["outcome"];
    EXPECT_NE(row.find(outcome == "refer" ? ">Refer<" : outcome == "defer" ? ">Wait<" : ">Proceed<"), std::string::npos) << row;
    EXPECT_NE(row.find(esc(r["reason"]["en"])), std::string::npos) << r["id"];
    EXPECT_NE(row.find(esc(r["reason"]["es"])), std::string::npos) << r["id"];
    EXPECT_EQ(row.find("\"" + r["id"].get<std::string>()), std::string::npos) << "no JSON in the words: " << row;
  }
  // Conditions use the questionnaire's own words, not keys and JSON.
  const std::string scar = row_of(rules, "<td class=where>scar_not_sunken</td>");
  EXPECT_NE(scar.find("concerns include Acne scars or Scars from surgery or an injury and not (scar type is Sunken)"),
            std::string::npos) << scar;
  const std::string age = row_of(rules, "<td class=where>acne_scars_under_22</td>");
  EXPECT_NE(age.find("age 18 or more and under 22"), std::string::npos) << age;
  const std::string darker = row_of(rules, "<td class=where>darker_skin_type</td>");
  EXPECT_NE(darker.find("needle depth at most 0.75 mm"), std::string::npos) << darker;
  EXPECT_NE(darker.find("sessions at least 6 weeks apart"), std::string::npos) << darker;
  const std::string wait = row_of(rules, "<td class=where>injectables_last_2_weeks</td>");
  EXPECT_NE(wait.find("at least 14 days"), std::string::npos) << wait;
  EXPECT_NE(row_of(rules, "<td class=where>diabetes</td>").find("“Do you have diabetes?” is answered Yes"), std::string::npos);
}

// Every {"en", "es"} text of every content file is in the texts section, each language in its column.
TEST_F(ReviewCli, EveryPatientFacingTextIsShownInEachLanguage) {
  const std::string texts = section(html(), "texts", "sources");
  int count = 0;
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object() && j.size() == 2 && j.contains("en") && j.contains("es") && j["en"].is_string()) {
      ++count;
      EXPECT_NE(texts.find("<td>" + esc(j["en"]) + "</td><td>" + esc(j["es"]) + "</td>"), std::string::npos) << j["en"];
      return;
    }
    if (j.is_structured())
      for (const auto& [k, v] : j.items())
        if (k != "_comment") walk(v);
  };
  for (const auto& f : fs::directory_iterator(kContent))
    if (f.path().extension() == ".json") walk(read_json(f.path()));
  EXPECT_GT(count, 300);
  EXPECT_EQ(texts.find("class=missing"), std::string::npos) << "the shipped content is fully translated";
}

TEST_F(ReviewCli, EveryFigureHasASourceOrIsTheClinicsSetting) {
  const std::string figures = section(html(), "figures", "texts");
  EXPECT_EQ(figures.find("no source"), std::string::npos) << row_of(figures, "no source");
  // Each area's ceiling says where it comes from.
  const json areas = read_json(kContent / "areas.json");  // held: a range-for over a temporary's member dangles
  for (const auto& area : areas["areas"]) {
    const std::string row = row_of(figures, "<td class=where>areas › " + area["id"].get<std::string>() + "</td>");
    const auto at = row.find("ceiling_mm: ");
    ASSERT_NE(at, std::string::npos) << area["id"];
    const std::string after = row.substr(at, row.find("<br>", at) - at);
    EXPECT_TRUE(after.find("(clinic's setting)") != std::string::npos || after.find("href='#src-") != std::string::npos) << after;
  }
  EXPECT_NE(figures.find("not_evaluated_above_mm: 1.5 (<span class=src><a href='#src-fda-den160029'>"), std::string::npos);
}

TEST_F(ReviewCli, EverySourceIsListedWithItsCitationAndUse) {
  const std::string sources = section(html(), "sources", "none");
  const json sources_doc = read_json(kContent / "sources.json");
  for (const auto& s : sources_doc["sources"]) {
    const std::string row = row_of(sources, "<tr id='src-" + s["id"].get<std::string>() + "'>");
    ASSERT_FALSE(row.empty()) << s["id"];
    EXPECT_NE(row.find(esc(s["citation"])), std::string::npos) << s["id"];
  }
}

TEST(ReviewSignOff, UnsignedSaysSoAndSignedNamesTheReviewer) {
  const auto r = run_cli("review " + kContent.string());
  ASSERT_EQ(r.status, 0);
  if (read_json(kContent / "review.json")["signoff"]["reviewer"] == "")
    EXPECT_NE(section(r.out, "signoff", "changes").find("Not yet reviewed by your clinic's medical director"), std::string::npos);
  const auto dir = copy_content("review_signed");
  json review = read_json(dir / "review.json");
  review["signoff"] = {{"reviewer", "Dr Ana Ruiz"}, {"role", "Medical director"}, {"date", "2026-12-01"}};
  write_json(dir / "review.json", review);
  const auto s = run_cli("review " + dir.string());
  ASSERT_EQ(s.status, 0) << s.err;
  const std::string signoff = section(s.out, "signoff", "changes");
  EXPECT_NE(signoff.find("Content reviewed by Dr Ana Ruiz (Medical director) on 2026-12-01"), std::string::npos) << signoff;
  EXPECT_EQ(signoff.find("Not yet reviewed"), std::string::npos);
}

TEST(ReviewSince, ListsEveryValueThatDiffersAndNothingElse) {
  const auto old_dir = copy_content("review_old");
  const auto new_dir = copy_content("review_new");
  const auto same = run_cli("review " + new_dir.string() + " --since " + old_dir.string());
  ASSERT_EQ(same.status, 0) << same.err;
  EXPECT_NE(same.out.find("No value differs."), std::string::npos);

  json q = read_json(new_dir / "questionnaire.json");
  for (auto& rule : q["rules"])
    if (rule["id"] == "diabetes") rule["reason"]["en"] = "A <new> diabetes reason.";
  q["rules"].erase(q["rules"].begin() + 2);  // keloid_history
  write_json(new_dir / "questionnaire.json", q);
  json old_review = read_json(old_dir / "review.json");
  old_review["version"] = "2026.11.9";
  write_json(old_dir / "review.json", old_review);

  const auto r = run_cli("review " + new_dir.string() + " --since " + old_dir.string());
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string changes = section(r.out, "changes", "rules");
  EXPECT_NE(changes.find("(version 2026.11.9)"), std::string::npos);
  const std::string changed = row_of(changes, "<td class=where>rules › diabetes › reason › en</td>");
  EXPECT_NE(changed.find("<mark>A &lt;new&gt; diabetes reason.</mark>"), std::string::npos) << changed;
  EXPECT_NE(changes.find("<tr class=removed><td class=where>rules › keloid_history › outcome</td><td>refer</td>"),
            std::string::npos);
  EXPECT_NE(changes.find("review.json: 1 change"), std::string::npos);
  EXPECT_EQ(changes.find("areas.json:"), std::string::npos) << "unchanged files are not listed";
}

TEST(ReviewErrors, InvalidContentAndBadSinceExit2) {
  const auto dir = copy_content("review_broken");
  std::ofstream(dir / "ui.json") << "{ not json";
  auto r = run_cli("review " + dir.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("ui.json"), std::string::npos) << r.err;

  r = run_cli("review " + kContent.string() + " --since " + dir.string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--since: ui.json is not valid JSON"), std::string::npos) << r.err;

  r = run_cli("review");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("expected one argument"), std::string::npos) << r.err;
}

TEST(ReviewEscaping, ContentTextNeverBecomesMarkup) {
  const auto dir = copy_content("review_escape");
  json q = read_json(dir / "questionnaire.json");
  q["disclaimer"]["en"] = "Education <script>alert(1)</script> & not advice";
  write_json(dir / "questionnaire.json", q);
  const auto r = run_cli("review " + dir.string());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("<script>"), std::string::npos);
  EXPECT_NE(r.out.find("Education &lt;script&gt;alert(1)&lt;/script&gt; &amp; not advice"), std::string::npos);
}

}  // namespace
