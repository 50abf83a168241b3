#include "render/gl_program.h"

#include "content/embedded.h"

#include <GLES3/gl3.h>

#include <string_view>

namespace skindepth::render {

std::string_view shader_source(std::string_view name) {
  for (const auto& f : embedded::shaders())
    if (f.name == name) return f.data;
  return {};
}

namespace {

unsigned compile(GLenum kind, std::string_view name, std::string& error) {
  const std::string_view src = shader_source(name);
  if (src.empty()) {
    error = "shader " + std::string(name) + " is missing from the build";
    return 0;
  }
  const GLuint shader = glCreateShader(kind);
  const char* text = src.data();
  const GLint length = static_cast<GLint>(src.size());
  glShaderSource(shader, 1, &text, &length);
  glCompileShader(shader);
  return shader;
}

// Compile errors are read only when linking failed: each status query waits for the compiler.
std::string shader_log(unsigned shader, const char* name) {
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return {};
  char log[1024] = {};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  return std::string(name) + ": " + log;
}

}  // namespace

bool start_program(const char* vert, const char* frag, PendingProgram& out, std::string& error) {
  out = PendingProgram{};
  out.vert = vert;
  out.frag = frag;
  out.vs = compile(GL_VERTEX_SHADER, vert, error);
  if (!out.vs) return false;
  out.fs = compile(GL_FRAGMENT_SHADER, frag, error);
  if (!out.fs) {
    glDeleteShader(out.vs);
    out.vs = 0;
    return false;
  }
  out.program = glCreateProgram();
  glAttachShader(out.program, out.vs);
  glAttachShader(out.program, out.fs);
  glLinkProgram(out.program);
  out.fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();  // the browser starts on it now, not at the end of the frame
  return true;
}

LinkState poll_program(PendingProgram& p, bool parallel, bool wait, std::string& error) {
  if (!p.program) return LinkState::kFailed;
  constexpr GLenum kCompletionStatus = 0x91B1;  // COMPLETION_STATUS_KHR
  if (!wait) {
    // The fence first: WebGL answers it without waiting (its status changes between tasks). Every
    // other question about a program waits for the GPU side to answer, on the main thread: while
    // the GPU side is still busy (linking the program, or drawing the page, which a software
    // renderer can take 50 ms over) the page would be held. So the completion status is asked once
    // the fence has passed, when the GPU side has got through the link command.
    if (p.fence) {
      GLint status = GL_SIGNALED;
      glGetSynciv(static_cast<GLsync>(p.fence), GL_SYNC_STATUS, 1, nullptr, &status);
      if (status != GL_SIGNALED) return LinkState::kPending;
    }
    if (parallel) {  // the link may go on after the fence, in the browser's own threads
      GLint done = 1;
      glGetProgramiv(p.program, kCompletionStatus, &done);
      if (!done) return LinkState::kPending;
    }
  }
  if (p.fence) {
    glDeleteSync(static_cast<GLsync>(p.fence));
    p.fence = nullptr;
  }
  GLint ok = 0;
  glGetProgramiv(p.program, GL_LINK_STATUS, &ok);
  if (!ok) {
    error = shader_log(p.vs, p.vert.c_str());
    if (error.empty()) error = shader_log(p.fs, p.frag.c_str());
    if (error.empty()) {
      char log[1024] = {};
      glGetProgramInfoLog(p.program, sizeof log, nullptr, log);
      error = p.frag + " link: " + log;
    }
    glDeleteProgram(p.program);
    p.program = 0;
  }
  glDeleteShader(p.vs);
  glDeleteShader(p.fs);
  p.vs = p.fs = 0;
  p.linked = ok;
  return ok ? LinkState::kReady : LinkState::kFailed;
}

}  // namespace skindepth::render
