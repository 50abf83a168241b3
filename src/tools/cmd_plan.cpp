// `skindepth plan [ANSWERS.json|-] [--lang es] [--content DIR]`: reads the questionnaire answers from a
// file or stdin and prints the session plan JSON (proceed / defer / refer, with reasons and sources).
// Invalid answers: one line on stderr naming the key, exit 2.
#include "core/plan.h"
#include "tools/cli.h"
#include "tools/commands.h"

#include <cstdio>
#include <iostream>
#include <iterator>

namespace skindepth::tools {

namespace {

bool read_all(std::FILE* f, std::string& out) {
  char buf[8192];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) out.append(buf, n);
  return !std::ferror(f);
}

}  // namespace

int run_plan(const std::vector<std::string>& argv) {
  const Args args = Args::parse(argv, {"lang", "content"});
  if (!args.error.empty()) return fail("plan", args.error);
  if (args.positional.size() > 1) return fail("plan", "expected at most one argument: the answers file, or - for stdin");
  const auto content = content_for("plan", args);
  if (!content) return kExitUsage;
  const auto lang = language_for("plan", args, *content);
  if (!lang) return kExitUsage;
  const std::string& language = *lang;

  std::string text;
  const std::string path = args.positional.empty() ? "-" : args.positional[0];
  if (path == "-") {
    if (!read_all(stdin, text)) return fail("plan", "cannot read the answers from stdin");
  } else {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return fail("plan", "cannot read " + path);
    const bool ok = read_all(f, text);
    std::fclose(f);
    if (!ok) return fail("plan", "cannot read " + path);
  }
  const auto parsed = core::parse_answers(text);
  if (!parsed.ok()) return fail("plan", parsed.error);
  const auto plan = core::make_plan(*content, *parsed.answers, language);
  std::cout << core::plan_to_json(plan, language) << "\n";
  return kExitOk;
}

}  // namespace skindepth::tools
