// Shared plumbing of the `skindepth` command-line tool (see cli.h).
#include "tools/cli.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace skindepth::tools {

Args Args::parse(const std::vector<std::string>& argv, const std::vector<std::string>& known) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() > 2 && a.rfind("--", 0) == 0) {
      std::string name = a.substr(2);
      std::string value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        args.error = "option --" + name + " needs a value";
        return args;
      }
      bool ok = false;
      for (const auto& k : known) ok = ok || k == name;
      if (!ok) {
        args.error = "unknown option --" + name;
        return args;
      }
      args.options[name] = value;
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

int fail(const std::string& command, const std::string& message) {
  std::string line = message;
  for (char& c : line)
    if (c == '\n') c = ' ';
  std::cerr << "skindepth " << command << ": " << line << "\n";
  return kExitUsage;
}

bool read_content_dir(const std::string& dir, content::FileMap& files, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "not a directory: " + dir;
    return false;
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".json") continue;
    // fopen, not ifstream: the same reading code stays small in the wasm build.
    std::FILE* f = std::fopen(it->path().c_str(), "rb");
    if (!f) {
      error = "cannot read " + it->path().string();
      return false;
    }
    std::string text;
    char buf[8192];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    files[fs::relative(it->path(), dir).generic_string()] = std::move(text);
  }
  if (ec) {
    error = "cannot list " + dir + ": " + ec.message();
    return false;
  }
  return true;
}

std::optional<core::Content> content_for(const std::string& command, const Args& args) {
  auto dir = args.get("content");
  if (!dir) return content::default_content();
  content::FileMap files;
  std::string error;
  if (!read_content_dir(*dir, files, error)) {
    fail(command, error);
    return std::nullopt;
  }
  auto result = content::load(files);
  if (!result.ok()) {
    for (const auto& e : result.errors) std::cerr << "skindepth " << command << ": " << e.to_string() << "\n";
    return std::nullopt;
  }
  return std::move(result.content);
}

std::optional<std::string> language_for(const std::string& command, const Args& args, const core::Content& content) {
  const std::string language = args.get("lang").value_or(core::kDefaultLanguage);
  std::string known;
  for (const auto& l : content.languages) {
    if (l == language) return language;
    known += (known.empty() ? "" : ", ") + l;
  }
  fail(command, "--lang: unknown language \"" + language + "\"; expected one of " + known);
  return std::nullopt;
}

std::optional<double> needle_for(const std::string& command, const std::string& text, const core::NeedleCatalog& needles) {
  const auto mm = parse_number(text);
  if (mm && needles.accepts(*mm)) return mm;
  fail(command, "--needle-mm expects a length from " + content::format_number(needles.min_mm) + " to " +
                    content::format_number(needles.max_mm) + " mm, found \"" + text + "\"");
  return std::nullopt;
}

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace skindepth::tools
