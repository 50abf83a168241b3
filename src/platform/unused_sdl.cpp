// Parts of SDL the widget never reaches, answered here so their code stays out of the wasm (linked
// in place of SDL's by -Wl,--wrap in cmake/Widget.cmake). Each is reachable only through a pointer
// or a flag SDL cannot know is never set, so the link kept it:
// - game controllers: Dear ImGui's SDL backend opens one only with ImGuiConfigFlags_NavEnableGamepad,
//   which the widget does not set (and SDL's joysticks are off in cmake/sdl2/SDL_config.h);
// - software surfaces and their blitters: the framebuffer path of a window without GL, window icons
//   and colour cursors. The widget draws with WebGL and uses the browser's own cursors.
// Each answers as SDL does when it cannot: no controller, no surface.
#include <SDL.h>

extern "C" {

SDL_GameController* __wrap_SDL_GameControllerOpen(int) {
  SDL_SetError("no game controllers in the widget");
  return nullptr;
}
Uint8 __wrap_SDL_GameControllerGetButton(SDL_GameController*, SDL_GameControllerButton) { return 0; }
Sint16 __wrap_SDL_GameControllerGetAxis(SDL_GameController*, SDL_GameControllerAxis) { return 0; }

SDL_Surface* __wrap_SDL_ConvertSurfaceFormat(SDL_Surface*, Uint32, Uint32) {
  SDL_SetError("no software surfaces in the widget");
  return nullptr;
}
SDL_Surface* __wrap_SDL_CreateRGBSurface(Uint32, int, int, int, Uint32, Uint32, Uint32, Uint32) {
  SDL_SetError("no software surfaces in the widget");
  return nullptr;
}
SDL_Surface* __wrap_SDL_CreateRGBSurfaceFrom(void*, int, int, int, int, Uint32, Uint32, Uint32, Uint32) {
  SDL_SetError("no software surfaces in the widget");
  return nullptr;
}

}  // extern "C"
