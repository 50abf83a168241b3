// Draws Dear ImGui's draw data with WebGL2. Our own instead of the stock OpenGL3 backend because
// that one saves and restores the GL state around every frame with glGet* calls, and each glGet in
// a browser waits for the GPU process to finish all earlier work: with a software rasteriser that
// put whole skin passes into the frame's CPU time. We own every GL state this widget uses, so we
// set what we need and query nothing.
#pragma once

#include "render/gl_program.h"

#include <string>

struct ImDrawData;

namespace skindepth::render {

class ImGuiRenderer {
 public:
  // Starts compiling the program and sets up the vertex layout (fixed attribute locations: nothing
  // is asked of the program); false only when a shader is missing.
  bool init(std::string& error);
  // Waits for the link and locates the uniforms; false with `error` set when it failed (a restored
  // context: see start_drawing in platform/loop.cpp).
  bool link(std::string& error);
  // The same, without waiting unless `wait` (see poll_program): kPending while the browser
  // compiles (the widget's start asks again in a later task).
  LinkState poll(bool parallel, bool wait, std::string& error);
  void drop();  // forget GL objects (a lost context)
  // (Re)builds the font atlas texture from ImGui's current atlas; call after the atlas changes.
  void upload_fonts();
  void draw(const ImDrawData* data);  // nothing before link() succeeded

 private:
  PendingProgram pending_;
  unsigned program_ = 0, vao_ = 0, vbo_ = 0, ibo_ = 0, font_texture_ = 0;
  int scale_ = -1, alpha_only_ = -1;
};

}  // namespace skindepth::render
