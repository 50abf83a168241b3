// Text in several languages. Content JSON writes it as a plain string (English) or as an object
// {"en": "...", "es": "..."}; lookups fall back to English so a missing translation never blanks a label.
#pragma once

#include <map>
#include <string>

namespace skindepth::core {

inline constexpr const char* kDefaultLanguage = "en";

struct Text {
  std::map<std::string, std::string> by_language;

  const std::string& get(const std::string& language) const {
    static const std::string kEmpty;
    if (auto it = by_language.find(language); it != by_language.end()) return it->second;
    if (auto it = by_language.find(kDefaultLanguage); it != by_language.end()) return it->second;
    return by_language.empty() ? kEmpty : by_language.begin()->second;
  }
  const std::string& en() const { return get(kDefaultLanguage); }
  bool empty() const { return by_language.empty(); }
};

}  // namespace skindepth::core
