// Compiles and links GL programs from shaders embedded from shaders/ (by file name). A program can
// be started and polled: with KHR_parallel_shader_compile the browser compiles in the background
// and the first frames need not wait for a large shader.
#pragma once

#include <string>
#include <string_view>

namespace skindepth::render {

struct PendingProgram {
  unsigned program = 0, vs = 0, fs = 0;
  std::string vert, frag;
  void* fence = nullptr;  // a GLsync after the link request: signalled once the browser has done it
  bool linked = false;     // poll_program answered kReady
};

enum class LinkState { kPending, kReady, kFailed };

// The text of the shader embedded from shaders/ under `name`; empty when the build has none.
std::string_view shader_source(std::string_view name);
// Issues the compile and link; returns false with `error` when a shader is missing.
bool start_program(const char* vert, const char* frag, PendingProgram& out, std::string& error);
// `wait`: waits for the link. Else kPending while the browser is still compiling: asked through the
// fence after the link request (answered without waiting), then, when `parallel` (the extension is
// on), through KHR_parallel_shader_compile (a question that waits for the GPU side: asked once the
// fence has passed, it does not hold the main thread behind the link or the page's drawing).
// kReady leaves the program in `p.program`; kFailed names the shader and the GL log.
LinkState poll_program(PendingProgram& p, bool parallel, bool wait, std::string& error);

}  // namespace skindepth::render
