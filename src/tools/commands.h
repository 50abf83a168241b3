// The subcommands of `skindepth`. Each lives in its own cmd_*.cpp and is listed in skindepth.cpp.
#pragma once

#include <string>
#include <vector>

namespace skindepth::tools {

using Command = int (*)(const std::vector<std::string>& args);

struct CommandInfo {
  const char* name;
  Command run;
  const char* usage;  // one line
};

int run_check_content(const std::vector<std::string>& args);
int run_plan(const std::vector<std::string>& args);
int run_depth(const std::vector<std::string>& args);
int run_timeline(const std::vector<std::string>& args);
int run_review(const std::vector<std::string>& args);

}  // namespace skindepth::tools
