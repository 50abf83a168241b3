// Test helpers shared by the content tests: a load's errors as text, and whether a given error
// (file, JSON pointer, a fragment of the message) was reported.
#pragma once

#include "content/loader.h"

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

}  // namespace skindepth::content::test_support
