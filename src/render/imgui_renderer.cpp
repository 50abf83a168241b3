// See imgui_renderer.h. Follows the draw loop of Dear ImGui's OpenGL3 backend (buffers per draw
// list, scissor per command, 16-bit indices) without its state save and restore.
#include "render/imgui_renderer.h"

#include "render/gl_program.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdint>

namespace skindepth::render {

bool ImGuiRenderer::init(std::string& error) {
  program_ = 0;
  if (!start_program("imgui.vert", "imgui.frag", pending_, error)) return false;
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vbo_);
  glGenBuffers(1, &ibo_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo_);  // part of the VAO's state
  const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
  enum : GLuint { kPos = 0, kUv = 1, kColor = 2 };  // imgui.vert's layout(location = ...)
  glEnableVertexAttribArray(kPos);
  glVertexAttribPointer(kPos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(kUv);
  glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(kColor);
  glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  return true;
}

bool ImGuiRenderer::link(std::string& error) { return poll(false, true, error) == LinkState::kReady; }

LinkState ImGuiRenderer::poll(bool parallel, bool wait, std::string& error) {
  if (program_) return LinkState::kReady;
  // A failed link leaves no pending program: asked again, it fails again without a second message.
  const LinkState state = poll_program(pending_, parallel, wait, error);
  if (state != LinkState::kReady) return state;
  program_ = pending_.program;
  scale_ = glGetUniformLocation(program_, "u_scale");
  alpha_only_ = glGetUniformLocation(program_, "u_alpha_only");
  glUseProgram(program_);
  glUniform1i(glGetUniformLocation(program_, "u_texture"), 0);
  return LinkState::kReady;
}

void ImGuiRenderer::drop() {
  pending_ = PendingProgram{};
  program_ = vao_ = vbo_ = ibo_ = font_texture_ = 0;
  scale_ = alpha_only_ = -1;
}

void ImGuiRenderer::upload_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsAlpha8(&pixels, &width, &height);  // a quarter of RGBA's upload
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  glGenTextures(1, &font_texture_);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

void ImGuiRenderer::draw(const ImDrawData* data) {
  const int fb_w = static_cast<int>(data->DisplaySize.x * data->FramebufferScale.x);
  const int fb_h = static_cast<int>(data->DisplaySize.y * data->FramebufferScale.y);
  if (!program_ || fb_w <= 0 || fb_h <= 0 || data->CmdListsCount == 0) return;
  glViewport(0, 0, fb_w, fb_h);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_STENCIL_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(program_);
  glUniform2f(scale_, 2.0f / data->DisplaySize.x, 2.0f / data->DisplaySize.y);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);

  const ImVec2 origin = data->DisplayPos, scale = data->FramebufferScale;
  ImTextureID bound = nullptr;
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size * sizeof(ImDrawVert)), list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size * sizeof(ImDrawIdx)), list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      glScissor(static_cast<int>(x0), static_cast<int>(fb_h - y1), static_cast<int>(x1 - x0), static_cast<int>(y1 - y0));
      if (cmd.TextureId != bound || bound == nullptr) {
        bound = cmd.TextureId;
        const auto id = static_cast<GLuint>(reinterpret_cast<std::intptr_t>(bound));
        glBindTexture(GL_TEXTURE_2D, id);
        glUniform1f(alpha_only_, id == font_texture_ ? 1.0f : 0.0f);
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_BLEND);
}

}  // namespace skindepth::render
