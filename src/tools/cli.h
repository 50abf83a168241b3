// Shared plumbing of the `skindepth` command-line tool: arguments, content, output, errors.
#pragma once

#include "content/loader.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace skindepth::tools {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command ran and found problems (reserved)
inline constexpr int kExitUsage = 2;    // bad arguments, bad input, invalid content

// `--name value` options and positional arguments. Flags named in `known` only; others are errors.
struct Args {
  std::map<std::string, std::string> options;
  std::vector<std::string> positional;
  std::string error;  // non-empty when the command line could not be read

  static Args parse(const std::vector<std::string>& argv, const std::vector<std::string>& known);
  std::optional<std::string> get(const std::string& name) const;
};

// Prints "skindepth <command>: <message>" on one line to stderr and returns kExitUsage.
int fail(const std::string& command, const std::string& message);

// Reads every *.json under `dir` (recursively) into a FileMap; false with `error` set on failure.
bool read_content_dir(const std::string& dir, content::FileMap& files, std::string& error);

// The content for a command: --content DIR when given, else the built-in content. On invalid
// content prints every error to stderr and returns nullopt.
std::optional<core::Content> content_for(const std::string& command, const Args& args);

// The --lang option (default: the content's default language), checked against the content's
// languages; prints the error and returns nullopt for an unknown one.
std::optional<std::string> language_for(const std::string& command, const Args& args, const core::Content& content);

// The --needle-mm text as a length the content offers (devices.json: any length between its min and
// max, as the widget accepts); prints the error and returns nullopt otherwise.
std::optional<double> needle_for(const std::string& command, const std::string& text, const core::NeedleCatalog& needles);

// Parses a number that must be finite; rejects trailing garbage ("1.5mm").
std::optional<double> parse_number(const std::string& text);

}  // namespace skindepth::tools
