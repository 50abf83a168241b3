// Compiles and links a GL program from shaders embedded from shaders/ (by file name).
#pragma once

#include <string>

namespace skindepth::render {

// Returns the program, or 0 with `error` naming the shader and the GL log.
unsigned link_program(const char* vert, const char* frag, std::string& error);

}  // namespace skindepth::render
