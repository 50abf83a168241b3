// Test helpers shared by the content tests: a load's errors as text, and whether a given error
// (file, JSON pointer, a fragment of the message) was reported.
#pragma once

#include "content/loader.h"

#include <nlohmann/json.hpp>

#include <string>

namespace skindepth::content::test_support {

inline std::string dump_errors(const LoadResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e.to_string() + "\n";
  return out;
}

inline bool has_error(const LoadResult& r, const std::string& file, const std::string& pointer, const std::string& fragment) {
  for (const auto& e : r.errors)
    if (e.file == file && e.pointer == pointer && e.message.find(fragment) != std::string::npos) return true;
  return false;
}

// `files` with one area taken out of areas.json (what the questionnaire's cross-check catches).
inline FileMap without_area(FileMap files, const std::string& id) {
  auto areas = nlohmann::json::parse(files.at("areas.json"));
  auto& list = areas["areas"];
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i]["id"] == id) list.erase(i);
  files["areas.json"] = areas.dump();
  return files;
}

}  // namespace skindepth::content::test_support
