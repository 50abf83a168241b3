// `skindepth check-content DIR`: validates a content folder as the widget would on load. Prints
// {"ok": bool, "files": N, "errors": [{"file", "pointer", "message"}]}; exit 2 when there are errors.
#include "tools/cli.h"
#include "tools/commands.h"

#include <iostream>

namespace skindepth::tools {

int run_check_content(const std::vector<std::string>& argv) {
  const Args args = Args::parse(argv, {});
  if (!args.error.empty()) return fail("check-content", args.error);
  if (args.positional.size() != 1) return fail("check-content", "expected one argument: the content folder");
  content::FileMap files;
  std::string error;
  if (!read_content_dir(args.positional[0], files, error)) return fail("check-content", error);
  const auto result = content::load(files);
  nlohmann::json out = {{"ok", result.ok()}, {"files", files.size()}, {"errors", nlohmann::json::array()}};
  for (const auto& e : result.errors) {
    out["errors"].push_back({{"file", e.file}, {"pointer", e.pointer}, {"message", e.message}});
    std::cerr << e.to_string() << "\n";
  }
  std::cout << out.dump(2) << "\n";
  return result.ok() ? kExitOk : kExitUsage;
}

}  // namespace skindepth::tools
