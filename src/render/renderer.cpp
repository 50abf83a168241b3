// The skin renderer (see renderer.h). Shaders come from shaders/*.vert|frag, embedded at build time.
#include "render/renderer.h"

#include "content/embedded.h"

#include <GLES3/gl3.h>

#include <cmath>
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
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    error = std::string(name) + ": " + log;
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

bool Renderer::init(std::string& error) {
  const GLuint vs = compile(GL_VERTEX_SHADER, "skin.vert", error);
  if (!vs) return false;
  const GLuint fs = compile(GL_FRAGMENT_SHADER, "skin.frag", error);
  if (!fs) {
    glDeleteShader(vs);
    return false;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    error = std::string("skin shader link: ") + log;
    glDeleteProgram(program);
    return false;
  }
  program_ = program;
  loc_rect_ = glGetUniformLocation(program, "u_rect");
  loc_px_per_mm_ = glGetUniformLocation(program, "u_px_per_mm");
  loc_origin_ = glGetUniformLocation(program, "u_origin_mm");
  loc_bounds_ = glGetUniformLocation(program, "u_bounds");
  loc_needle_ = glGetUniformLocation(program, "u_needle");
  loc_needle_x0_ = glGetUniformLocation(program, "u_needle_x0");
  loc_channel_ = glGetUniformLocation(program, "u_channel_depth");
  loc_bleeding_ = glGetUniformLocation(program, "u_bleeding");
  loc_time_ = glGetUniformLocation(program, "u_time");
  loc_look0_ = glGetUniformLocation(program, "u_look0");
  loc_look1_ = glGetUniformLocation(program, "u_look1");
  loc_look2_ = glGetUniformLocation(program, "u_look2");
  loc_hints_ = glGetUniformLocation(program, "u_hints");
  loc_terminal_ = glGetUniformLocation(program, "u_terminal");
  glGenVertexArrays(1, &vao_);
  return true;
}

void Renderer::drop() {
  program_ = 0;
  vao_ = 0;
}

void Renderer::shutdown() {
  if (program_) glDeleteProgram(program_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
  drop();
}

void Renderer::draw(const app::Scene& scene, int fb_width, int fb_height, float ratio) {
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(0.97f, 0.96f, 0.95f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!program_) return;
  glUseProgram(program_);
  glBindVertexArray(vao_);
  glEnable(GL_SCISSOR_TEST);
  for (const auto& pane : scene.panes) {
    const auto& r = pane.map.rect;
    // CSS pixels (top-left origin) to framebuffer pixels (bottom-left origin).
    const int x = static_cast<int>(std::lround(r.x * ratio));
    const int w = static_cast<int>(std::lround(r.w * ratio));
    const int h = static_cast<int>(std::lround(r.h * ratio));
    const int y = fb_height - static_cast<int>(std::lround(r.y * ratio)) - h;
    if (w <= 0 || h <= 0) continue;
    glViewport(x, y, w, h);
    glScissor(x, y, w, h);
    glUniform4f(loc_rect_, static_cast<float>(x), static_cast<float>(y), static_cast<float>(w), static_cast<float>(h));
    glUniform1f(loc_px_per_mm_, static_cast<float>(pane.map.px_per_mm * ratio));
    glUniform2f(loc_origin_, static_cast<float>(pane.map.x0_mm), static_cast<float>(pane.map.depth0_mm));
    float bounds[6];
    for (int i = 0; i < 6; ++i) bounds[i] = static_cast<float>(pane.bounds_mm[i]);
    glUniform1fv(loc_bounds_, 6, bounds);
    glUniform4f(loc_needle_, static_cast<float>(pane.needle_mm), static_cast<float>(pane.insertion),
                static_cast<float>(pane.needle_spacing_mm), static_cast<float>(pane.needle_count));
    glUniform1f(loc_needle_x0_, static_cast<float>(pane.needle_x0_mm));
    glUniform1f(loc_channel_, static_cast<float>(pane.channel_depth_mm));
    glUniform1f(loc_bleeding_, pane.bleeding ? 1.0f : 0.0f);
    glUniform1f(loc_time_, static_cast<float>(scene.seconds));
    const auto& l = pane.look;
    glUniform4f(loc_look0_, float(l.channels_open), float(l.bleeding), float(l.redness), float(l.swelling));
    glUniform4f(loc_look1_, float(l.platelets), float(l.immune_cells), float(l.fibroblast_activity), float(l.collagen_iii));
    glUniform4f(loc_look2_, float(l.collagen_i), float(l.elastin), float(l.new_capillaries), float(l.epidermal_thickening));
    glUniform4f(loc_hints_, pane.follicle_pitch_mm, pane.sebaceous, pane.sweat_pitch_mm, pane.lobule_mm);
    glUniform1f(loc_terminal_, pane.terminal_hair ? 1.0f : 0.0f);
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, fb_width, fb_height);
  glBindVertexArray(0);
}

}  // namespace skindepth::render
