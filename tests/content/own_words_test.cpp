// Content is written in our own words: no English patient-facing text repeats five words in a row of a
// seed article (facts carry over from the articles, their sentences do not). The articles themselves
// are not in this repository: tests/fixtures/seed_fingerprints.txt holds hashes of their five-word runs
// (scripts/seed-fingerprints makes it; the same words and hash here).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kRun = 5;

// Everyday phrases any writer uses; a match on these is not copying.
const std::set<std::string> kCommonPhrases = {"for at least a week", "for at least 24 hours"};

std::vector<std::string> words(const std::string& text) {
  std::string s = text;
  for (std::size_t at; (at = s.find("\xE2\x80\x99")) != std::string::npos;) s.replace(at, 3, "'");  // ’ -> '
  std::vector<std::string> out;
  std::string word;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  for (std::size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (alnum(c) || (c == '\'' && !word.empty() && i + 1 < s.size() && alnum(static_cast<char>(std::tolower(s[i + 1]))))) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

std::uint64_t fnv1a64(const std::string& text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char b : text) h = (h ^ b) * 0x100000001b3ULL;
  return h;
}

std::map<std::uint64_t, std::string> seed_fingerprints() {
  std::ifstream in(fs::path(SKINDEPTH_SOURCE_DIR) / "tests" / "fixtures" / "seed_fingerprints.txt");
  std::map<std::uint64_t, std::string> out;
  std::string line, seed;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("seed ", 0) == 0) {
      seed = line.substr(5, line.find(' ', 5) - 5);
      continue;
    }
    out[std::stoull(line, nullptr, 16)] = seed;
  }
  return out;
}

struct Found {
  std::string where, run, seed;
};

std::vector<Found> repeated_runs(const json& j, const std::string& where, const std::map<std::uint64_t, std::string>& seeds) {
  std::vector<Found> found;
  std::function<void(const json&, const std::string&)> walk = [&](const json& n, const std::string& at) {
    if (n.is_object()) {
      for (const auto& [k, v] : n.items()) {
        if (k == "_comment") continue;  // notes to editors, not shown
        if (k == "en" && v.is_string()) {
          const auto w = words(v.get<std::string>());
          for (std::size_t i = 0; i + kRun <= w.size(); ++i) {
            std::string run = w[i];
            for (std::size_t k2 = 1; k2 < kRun; ++k2) run += " " + w[i + k2];
            if (kCommonPhrases.count(run)) continue;
            if (auto it = seeds.find(fnv1a64(run)); it != seeds.end()) found.push_back({at, run, it->second});
          }
        } else {
          walk(v, at + "/" + k);
        }
      }
    } else if (n.is_array()) {
      for (std::size_t i = 0; i < n.size(); ++i) walk(n[i], at + "/" + std::to_string(i));
    }
  };
  walk(j, where);
  return found;
}

TEST(OwnWords, TheHashingMatchesTheFingerprintScript) {
  // Same words as scripts/seed-fingerprints: case, ’ and punctuation do not matter.
  EXPECT_EQ(words("Don’t RUB—the skin, it's 0.5 mm."), (std::vector<std::string>{"don't", "rub", "the", "skin", "it's", "0", "5", "mm"}));
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);  // the published FNV-1a 64 test vector
  const auto seeds = seed_fingerprints();
  EXPECT_GT(seeds.size(), 3000u) << "fixture missing or empty";
  std::set<std::string> names;
  for (const auto& [h, s] : seeds) names.insert(s);
  EXPECT_EQ(names.size(), 5u);
}

TEST(OwnWords, NoTextRepeatsFiveWordsOfASeedArticle) {
  const auto seeds = seed_fingerprints();
  ASSERT_FALSE(seeds.empty());
  int files = 0;
  for (const auto& f : fs::directory_iterator(fs::path(SKINDEPTH_SOURCE_DIR) / "content")) {
    if (f.path().extension() != ".json") continue;
    ++files;
    std::ifstream in(f.path());
    for (const auto& hit : repeated_runs(json::parse(in), f.path().filename().string(), seeds))
      ADD_FAILURE() << hit.where << ": \"" << hit.run << "\" is worded as in " << hit.seed << "; say it in our own words";
  }
  EXPECT_GE(files, 7);
}

// The check finds a copied run inside a longer sentence, whatever its case and punctuation.
TEST(OwnWords, ACopiedRunIsFound) {
  const auto seeds = seed_fingerprints();
  // A five-word run of article 004 (its phrase about the inflammation phase), inside our own sentence.
  const json copied = {{"what_happens", {{"en", "White cells arrive TO CLEAR damaged cells, and then the wound settles."}}}};
  const auto hits = repeated_runs(copied, "phase", seeds);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].run, "to clear damaged cells and");
  EXPECT_EQ(hits[0].seed, "004_0d0cbba38258ce13.txt");
}

}  // namespace
