#include "render/gl_program.h"

#include "content/embedded.h"

#include <GLES3/gl3.h>

#include <string_view>

namespace skindepth::render {

namespace {

std::string_view shader_source(std::string_view name) {
  for (const auto& f : embedded::shaders())
    if (f.name == name) return f.data;
  return {};
}

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

unsigned link_program(const char* vert, const char* frag, std::string& error) {
  const GLuint vs = compile(GL_VERTEX_SHADER, vert, error);
  if (!vs) return 0;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, frag, error);
  if (!fs) {
    glDeleteShader(vs);
    return 0;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    error = shader_log(vs, vert);
    if (error.empty()) error = shader_log(fs, frag);
    if (error.empty()) {
      char log[1024] = {};
      glGetProgramInfoLog(program, sizeof log, nullptr, log);
      error = std::string(frag) + " link: " + log;
    }
    glDeleteProgram(program);
  }
  glDeleteShader(vs);
  glDeleteShader(fs);
  return ok ? program : 0;
}

}  // namespace skindepth::render
