// `skindepth`: the native command-line tool that checks the core end to end. Each subcommand prints
// JSON on stdout; errors are one line on stderr with exit status 2.
#include "tools/cli.h"
#include "tools/commands.h"

#include <iostream>
#include <string>
#include <vector>

using namespace skindepth::tools;

namespace {

const CommandInfo kCommands[] = {
    {"check-content", run_check_content, "check-content DIR   validate a content folder (exit 2 on errors)"},
    {"plan", run_plan, "plan [ANSWERS.json|-] [--lang es] [--content DIR]   the session plan for the answers"},
    {"depth", run_depth, "depth --area AREA --needle-mm MM [--content DIR] [--lang es]   where a needle tip ends in that area"},
    {"timeline", run_timeline, "timeline --at DURATION [--needle-mm MM] [--sessions N --every-weeks W] [--lang es]   the skin and guidance at a moment"},
    {"review", run_review, "review DIR [--since OLD_DIR]   the content as one HTML document for medical review (rules, figures, texts, changes)"},
};

int usage(std::ostream& out) {
  out << "usage: skindepth COMMAND [OPTIONS]\ncommands:\n";
  for (const auto& c : kCommands) out << "  " << c.usage << "\n";
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(std::cerr);
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(std::cout);
    return kExitOk;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const auto& c : kCommands)
    if (name == c.name) return c.run(args);
  std::cerr << "skindepth: unknown command \"" << name << "\"\n";
  return usage(std::cerr);
}
