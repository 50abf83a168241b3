// Fixtures shared by the native tests and the browser tests (tests/fixtures/*.json): read from the
// source tree at run time, so one file holds each.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace skindepth::testing {

inline nlohmann::json read_fixture(const std::string& name) {
  std::ifstream in(std::string(SKINDEPTH_SOURCE_DIR) + "/tests/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

// A healthy adult's complete answers (fine lines, forehead): the plan proceeds.
inline nlohmann::json healthy_answers() { return read_fixture("healthy_answers.json")["answers"]; }

}  // namespace skindepth::testing
