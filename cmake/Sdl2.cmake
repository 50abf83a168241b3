# SDL2 for the widget, compiled from the Debian source (scripts/setup: apt-get source libsdl2) as
# part of the wasm build. SDL's own CMake configure ran ~200 checks through emcc (~10 minutes on a
# fresh clone); the Emscripten configuration it would find is known, so cmake/sdl2/SDL_config.h
# states it: SDL's Emscripten header with the unused subsystems off (only video and events remain).
set(SKINDEPTH_SDL2_DIR "${SKINDEPTH_CACHE_DIR}/src/SDL2" CACHE PATH "SDL2 2.26 source (apt-get source libsdl2)")
if(NOT EXISTS "${SKINDEPTH_SDL2_DIR}/src/SDL.c")
  message(FATAL_ERROR "SDL2 source not found at ${SKINDEPTH_SDL2_DIR}: run scripts/setup")
endif()

# SDL's headers include "SDL_config.h" by quotes, which finds the file beside them first: the
# headers are staged in the build folder with our SDL_config.h in place of SDL's dispatcher.
set(kSdlInclude "${CMAKE_BINARY_DIR}/sdl2/include")
file(GLOB kSdlHeaders "${SKINDEPTH_SDL2_DIR}/include/*.h")
list(FILTER kSdlHeaders EXCLUDE REGEX "/SDL_config\\.h$")  # else each configure would touch ours
file(COPY ${kSdlHeaders} DESTINATION "${kSdlInclude}")
configure_file(cmake/sdl2/SDL_config.h "${kSdlInclude}/SDL_config.h" COPYONLY)
file(COPY "${kSdlInclude}/SDL_config.h" DESTINATION "${kSdlInclude}/SDL2")  # for <SDL2/SDL_config.h>
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_SOURCE_DIR}/cmake/sdl2/SDL_config.h" "${SKINDEPTH_SDL2_DIR}/.skindepth-version")

# The files SDL's CMake compiles for Emscripten, drivers: video (emscripten, dummy), the rest dummy.
set(kSdlSourceGlobs
  *.c atomic/*.c audio/*.c audio/dummy/*.c cpuinfo/*.c dynapi/*.c events/*.c file/*.c
  filesystem/dummy/*.c haptic/*.c haptic/dummy/*.c hidapi/SDL_hidapi.c joystick/*.c joystick/dummy/*.c
  libm/*.c loadso/dummy/*.c locale/*.c locale/dummy/*.c misc/*.c misc/dummy/*.c power/*.c
  render/*.c sensor/*.c sensor/dummy/*.c stdlib/*.c thread/*.c thread/generic/*.c timer/*.c timer/unix/*.c
  video/*.c video/yuv2rgb/*.c video/dummy/*.c video/emscripten/*.c)
list(TRANSFORM kSdlSourceGlobs PREPEND "${SKINDEPTH_SDL2_DIR}/src/")
file(GLOB kSdlSources ${kSdlSourceGlobs})

add_library(sdl2 STATIC ${kSdlSources})
target_include_directories(sdl2 SYSTEM PUBLIC "${kSdlInclude}")
target_include_directories(sdl2 PRIVATE "${SKINDEPTH_SDL2_DIR}/src")
target_compile_options(sdl2 PRIVATE -w -Oz -flto -idirafter "${SKINDEPTH_SDL2_DIR}/src/video/khronos")
target_compile_definitions(sdl2 PRIVATE NDEBUG)
