/* SkinDepth's SDL configuration for WebAssembly (used by cmake/Sdl2.cmake instead of running SDL's
   own CMake checks, which took ~10 minutes under emcc on a fresh clone). SDL's Emscripten
   configuration, then every subsystem the widget does not use is turned off: only video on
   WebGL2 and events remain, as the SDL_* options in scripts/setup did before. */
#ifndef SDL_config_h_
#define SDL_config_h_

#include "SDL_platform.h"
#include "SDL_config_emscripten.h"

#define SDL_AUDIO_DISABLED 1
#undef SDL_AUDIO_DRIVER_DISK
#undef SDL_AUDIO_DRIVER_EMSCRIPTEN
#define SDL_JOYSTICK_DISABLED 1
#undef SDL_JOYSTICK_EMSCRIPTEN
#define SDL_JOYSTICK_DUMMY 1
#define SDL_HAPTIC_DUMMY 1
#define SDL_SENSOR_DISABLED 1
#define SDL_LOADSO_DISABLED 1
#undef SDL_LOADSO_DLOPEN
#define SDL_LOADSO_DUMMY 1
#define SDL_RENDER_DISABLED 1
#undef SDL_VIDEO_RENDER_OGL_ES2
#undef SDL_THREAD_PTHREAD
#undef SDL_THREAD_PTHREAD_RECURSIVE_MUTEX
#define SDL_POWER_DISABLED 1
#undef SDL_POWER_EMSCRIPTEN
#define SDL_FILESYSTEM_DISABLED 1
#undef SDL_FILESYSTEM_EMSCRIPTEN
#define SDL_FILESYSTEM_DUMMY 1
#define SDL_LOCALE_DISABLED 1
#define SDL_LOCALE_DUMMY 1
#define SDL_MISC_DISABLED 1
#define SDL_MISC_DUMMY 1
#define SDL_ATOMIC_DISABLED 1
/* No software surfaces are drawn (everything goes through WebGL): SDL's optional blitters, RLE and
   YUV code stay out. They were reachable through the video driver's function table, so the
   linker could not drop them. */
#define SDL_LEAN_AND_MEAN 1

#endif /* SDL_config_h_ */
