// Compiles and links GL programs from shaders embedded from shaders/ (by file name). A program can
// be started and polled: with KHR_parallel_shader_compile the browser compiles in the background
// and the first frames need not wait for a large shader.
#pragma once

#include <string>

namespace skindepth::render {

struct PendingProgram {
  unsigned program = 0, vs = 0, fs = 0;
  std::string vert, frag;
  void* fence = nullptr;  // a GLsync after the link request: signalled once the browser has done it
};

enum class LinkState { kPending, kReady, kFailed };

// Issues the compile and link; returns false with `error` when a shader is missing.
bool start_program(const char* vert, const char* frag, PendingProgram& out, std::string& error);
// `wait`: waits for the link. Else kPending while the browser is still compiling: asked through
// KHR_parallel_shader_compile when `parallel` (the extension is on), else through the fence after the
// link request (a software renderer has no extension, and asking for the link status at once would
// hold the main thread until its compiler is done). kReady leaves the program in `p.program`;
// kFailed names the shader and the GL log.
LinkState poll_program(PendingProgram& p, bool parallel, bool wait, std::string& error);

}  // namespace skindepth::render
