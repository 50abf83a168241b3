// Compiles and links GL programs from shaders embedded from shaders/ (by file name). A program can
// be started and polled: with KHR_parallel_shader_compile the browser compiles in the background
// and the first frames need not wait for a large shader.
#pragma once

#include <string>

namespace skindepth::render {

struct PendingProgram {
  unsigned program = 0, vs = 0, fs = 0;
  std::string vert, frag;
};

enum class LinkState { kPending, kReady, kFailed };

// Issues the compile and link; returns false with `error` when a shader is missing.
bool start_program(const char* vert, const char* frag, PendingProgram& out, std::string& error);
// kPending only when `parallel` (the extension is on) and the browser is still compiling; otherwise
// waits. kReady leaves the program in `p.program`; kFailed names the shader and the GL log.
LinkState poll_program(PendingProgram& p, bool parallel, std::string& error);

}  // namespace skindepth::render
