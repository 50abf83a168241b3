// SDL asks for GL functions by name (SDL_GL_GetProcAddress) through eglGetProcAddress, which
// Emscripten answers with a table of every GL and extension entry point: ~270 imports, each with its
// JavaScript in the glue, all kept by the link because the table names them. SDL itself only asks for
// the few below (SDL_video.c, SDL_egl.c: extension checks, attributes, the default framebuffer) and the
// widget calls GL directly, so the link sends eglGetProcAddress here instead (-Wl,--wrap in
// cmake/Widget.cmake) and the table and its functions stay out. Any other name answers "not there",
// as a missing extension would.
#include <GLES3/gl3.h>

#include <cstring>

namespace {
struct Entry {
  const char* name;
  void* function;
};
}  // namespace

extern "C" void* __wrap_eglGetProcAddress(const char* name) {
  static const Entry kEntries[] = {
      {"glGetString", reinterpret_cast<void*>(&glGetString)},
      {"glGetStringi", reinterpret_cast<void*>(&glGetStringi)},
      {"glGetIntegerv", reinterpret_cast<void*>(&glGetIntegerv)},
      {"glGetError", reinterpret_cast<void*>(&glGetError)},
      {"glBindFramebuffer", reinterpret_cast<void*>(&glBindFramebuffer)},
      {"glGetFramebufferAttachmentParameteriv", reinterpret_cast<void*>(&glGetFramebufferAttachmentParameteriv)},
  };
  if (!name) return nullptr;
  for (const Entry& e : kEntries)
    if (std::strcmp(e.name, name) == 0) return e.function;
  return nullptr;
}
