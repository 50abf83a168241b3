// The content as one printable HTML document for a clinic's medical director (`skindepth review`):
// the sign-off, what changed, every rule as condition -> outcome in words, the plan lines and when
// they show, every figure with its basis and sources, every patient-facing text in each language side
// by side, and the sources. It reads the content files as written (so the document shows what the
// director signs), after content::load() has accepted them.
#pragma once

#include "content/loader.h"

#include <optional>
#include <string>

namespace skindepth::tools {

struct ReviewInput {
  const core::Content* content = nullptr;  // the loaded, valid content
  const content::FileMap* files = nullptr;  // its files as text
  // An earlier content folder to compare with (--since), and how to name it in the document.
  const content::FileMap* since = nullptr;
  std::string since_name;
};

// The document; nullopt with `error` set when a file of `since` is not JSON.
std::optional<std::string> review_html(const ReviewInput& input, std::string& error);

}  // namespace skindepth::tools
