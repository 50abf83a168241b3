// ImGui's built-in font (ProggyClean: 12 KB of base85 text, 9.5 KB of the wasm's gzip) is reachable
// only through ImFontAtlas::AddFontDefault, which ImFontAtlas::Build calls when no font was added.
// The widget always adds its own, embedded by the build (platform/loop.cpp), so the link sends that
// call here instead (-Wl,--wrap in cmake/Widget.cmake) and leaves the built-in font out.
#include <imgui.h>

extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;  // no font: the atlas is built from the fonts that were added, none here
}
