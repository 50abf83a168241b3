// Files compiled into the binary at build time (cmake/EmbedFiles.cmake): the default content, so the
// widget and the command-line tool work with no file at hand, and the GLSL shaders.
#pragma once

#include <span>
#include <string_view>

namespace skindepth::embedded {

struct File {
  std::string_view name;  // path relative to content/ or shaders/, e.g. "areas.json"
  std::string_view data;
};

std::span<const File> content();
std::span<const File> shaders();
std::span<const File> fonts();  // the UI font, subset by scripts/setup (widget only)

}  // namespace skindepth::embedded
