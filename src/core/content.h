// Everything the widget knows, as loaded from content/*.json: sources, UI strings, the medical
// content of each part (skin model, healing timeline, questionnaire) and its review (version,
// sign-off, changelog). Built by content::load().
#pragma once

#include "core/questionnaire.h"
#include "core/skin.h"
#include "core/text.h"
#include "core/timeline.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace skindepth::core {

// A reference every medical statement cites: a seed article by its file name
// ("001_f06ad0138003f51b.txt") or a published source ("meng2022").
struct Source {
  std::string id;
  std::string kind;      // seed | study | review | regulatory | labelling | manufacturer
  // e.g. "Meng 2022": shown beside a statement in the current language (the id when absent). A
  // name that is not a plain author-year ("Spa article 001") is written in every language.
  Text short_name;
  std::string citation;  // the full reference, shown in source lists
  std::string url;       // optional
  Text note;             // optional, e.g. "low authority"
};

// The content's version and its medical director's sign-off, from review.json: the clinic fills in
// who reviewed it (all three fields or none), and `changes` is the content's changelog.
struct ContentChange {
  std::string version;  // e.g. "2026.12.1"
  std::string date;     // YYYY-MM-DD
  Text summary;
};

struct ContentReview {
  std::string version;
  std::string reviewer, role, date;  // all empty until signed; date YYYY-MM-DD
  std::vector<ContentChange> changes;  // newest first
  bool signed_off() const { return !reviewer.empty() && !role.empty() && !date.empty(); }
};

struct Content {
  std::vector<std::string> languages;                 // from ui.json; the first is the default
  std::map<std::string, Text> strings;                // UI strings by key, from ui.json
  std::vector<Source> sources;                        // from sources.json
  SkinModel skin;                                     // from areas.json, structures.json, devices.json
  HealingModel timeline;                              // from timeline.json
  Questionnaire questionnaire;                        // from questionnaire.json
  ContentReview review;                               // from review.json
  // Parts still to come: the widget starts without the files only one view needs (the timeline's,
  // the questionnaire's) and adds each when that view first opens (content/loader.h, add_part).
  // Empty for any content read whole (the tools, the tests, a clinic's own files).
  std::vector<std::string> pending;

  bool has_part(std::string_view file) const {
    for (const auto& p : pending)
      if (p == file) return false;
    return true;
  }

  const Source* find_source(std::string_view id) const {
    for (const auto& s : sources)
      if (s.id == id) return &s;
    return nullptr;
  }
  // A UI string in `language`, falling back to English, then to the key itself.
  std::string ui(const std::string& key, const std::string& language) const {
    auto it = strings.find(key);
    return it == strings.end() || it->second.empty() ? key : it->second.get(language);
  }
};

}  // namespace skindepth::core
