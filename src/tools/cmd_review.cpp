// `skindepth review DIR [--since OLD_DIR]`: the content of DIR as one HTML document for a clinic's
// medical director (review_document.h), on stdout. DIR must pass check-content first: a director
// signs content the widget would load. --since compares with an earlier content folder.
#include "tools/cli.h"
#include "tools/commands.h"
#include "tools/review_document.h"

#include <iostream>

namespace skindepth::tools {

int run_review(const std::vector<std::string>& argv) {
  const Args args = Args::parse(argv, {"since"});
  if (!args.error.empty()) return fail("review", args.error);
  if (args.positional.size() != 1) return fail("review", "expected one argument: the content folder");
  content::FileMap files, since;
  std::string error;
  if (!read_content_dir(args.positional[0], files, error)) return fail("review", error);
  const auto since_dir = args.get("since");
  if (since_dir && !read_content_dir(*since_dir, since, error)) return fail("review", "--since: " + error);
  const auto result = content::load(files);
  if (!result.ok()) {
    for (const auto& e : result.errors) std::cerr << "skindepth review: " << e.to_string() << "\n";
    return kExitUsage;
  }
  ReviewInput input{&result.content, &files, since_dir ? &since : nullptr, since_dir.value_or("")};
  const auto html = review_html(input, error);
  if (!html) return fail("review", error);
  std::cout << *html;
  return kExitOk;
}

}  // namespace skindepth::tools
