# The WebAssembly widget: SDL2 (cmake/Sdl2.cmake) + WebGL2 + Dear ImGui, emitted as
# skindepth.js + skindepth.wasm and loaded by web/'s own page (Emscripten's HTML output is not used).
include(cmake/Sdl2.cmake)

add_library(imgui_backends STATIC
  ${SKINDEPTH_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)  # drawing is ours: src/render/imgui_renderer.cpp
target_include_directories(imgui_backends SYSTEM PUBLIC ${SKINDEPTH_IMGUI_DIR}/backends)
target_compile_options(imgui_backends PRIVATE -w)
target_link_libraries(imgui_backends PUBLIC imgui sdl2)

file(GLOB kRenderSources CONFIGURE_DEPENDS src/render/*.cpp)
file(GLOB kPlatformSources CONFIGURE_DEPENDS src/platform/*.cpp)
add_executable(skindepth_widget ${kRenderSources} ${kPlatformSources})
set_target_properties(skindepth_widget PROPERTIES OUTPUT_NAME skindepth-core SUFFIX ".js")
target_include_directories(skindepth_widget PRIVATE src)
set_property(TARGET skindepth_widget APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/library_skindepth.js")
target_link_libraries(skindepth_widget PRIVATE skindepth_ui imgui_backends embedded_shaders sdl2)

skindepth_embed(embedded_fonts "${SKINDEPTH_CACHE_DIR}/fonts" fonts Inter-subset.otf)
target_link_libraries(skindepth_widget PRIVATE embedded_fonts)
target_link_options(skindepth_widget PRIVATE
  -Oz -flto
  # ImGui's built-in font is never used (src/platform/no_default_font.cpp): 9.5 KB gzip less.
  -Wl,--wrap=_ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig
  # SDL's GL lookups answer from a list of its own few (src/platform/gl_proc_address.cpp), not from
  # Emscripten's table of every GL function.
  -Wl,--wrap=eglGetProcAddress
  # SDL's game controllers and software surfaces, never reached (src/platform/unused_sdl.cpp).
  -Wl,--wrap=SDL_GameControllerOpen -Wl,--wrap=SDL_GameControllerGetButton -Wl,--wrap=SDL_GameControllerGetAxis
  -Wl,--wrap=SDL_ConvertSurfaceFormat -Wl,--wrap=SDL_CreateRGBSurface -Wl,--wrap=SDL_CreateRGBSurfaceFrom
  -sMODULARIZE=1 -sEXPORT_NAME=createSkinDepthModule -sENVIRONMENT=web
  -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sFULL_ES3=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sTOTAL_STACK=1MB
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sMALLOC=emmalloc
  -sDISABLE_EXCEPTION_CATCHING=1
  # binaryen's -Oz repeated while the module still shrinks; a function called from one place only is
  # inlined there when small (binaryen inlines it at any size by default). Browsers compile each
  # function of the wasm on its first call, on the main thread: the frame function had grown to 55 KB,
  # every view's code in it, compiled whole in the first frame's task (40 ms here); now 18 KB, and the
  # views' code is compiled when they are first drawn. The wasm is 0.6 KB (gzip) smaller, too. And
  # functions of up to 6 instructions are inlined everywhere (binaryen's -Oz: 2): each compile on
  # first call costs 50-200 us beside the compiling itself (publishing the code), and the start
  # compiled 1,247 functions, now 965; the wasm has 1,920 functions instead of 2,384 and is 2.1 KB
  # (gzip) smaller (4: 2,138 and 2.0 KB; 8: 1,752 and 4.0 KB larger).
  -sBINARYEN_EXTRA_PASSES=--converge,--one-caller-inline-max-function-size=500,--always-inline-max-function-size=6
  # We use no WebGL extension; enabling them all on context creation costs ~0.1 s of calls that wait.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  --closure 1  # minifies the JS glue (google-closure-compiler from npm, see scripts/build-widget)
  --emit-symbol-map  # build/wasm/skindepth-core.js.symbols: names for profiles and size reports
  "-sEXPORTED_FUNCTIONS=['_main','_sd_load_content','_sd_command','_sd_resize','_sd_start_step','_sd_add_content','_sd_draw_now','_sd_link_probe_done','_malloc','_free']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall','UTF8ToString','stringToUTF8','lengthBytesUTF8','HEAPU8','addRunDependency','removeRunDependency']"
  "--js-library=${CMAKE_SOURCE_DIR}/src/platform/library_skindepth.js"
  -lEGL -lGL)
# Nothing in the widget catches an exception (catching is off, a throw aborts either way: the JSON is
# parsed without them, src/core/json_text.h) and nothing asks for a type at run time, so neither is
# compiled in: nlohmann's error objects and messages and every type's RTTI would be dead weight.
foreach(target IN ITEMS skindepth_widget skindepth_core skindepth_ui imgui qrcodegen imgui_backends)
  target_compile_options(${target} PRIVATE -Oz -flto $<$<COMPILE_LANGUAGE:CXX>:-fno-exceptions -fno-rtti>)
endforeach()

# --- The embed script: the files of web/src joined into one skindepth.js ----------------------------
# First a generated file, the content files this build embeds (kContentFiles, CMakeLists.txt): the list
# the script fetches from a host's content folder, so the two cannot disagree. Then web/src in order,
# all in one strict-mode function: the page gets no global but window.SkinDepth. The closure compiler
# from npm (scripts/setup) minifies the join when it is there (local names renamed, comments dropped);
# without it the files are joined as they are (cmake/JoinScripts.cmake), with the same wrapper.
set(kContentList "${CMAKE_BINARY_DIR}/generated/content-files.js")
if(NOT kContentFiles)
  message(FATAL_ERROR "No content/*.json: the widget has no content to embed")
endif()
list(JOIN kContentFiles "', '" kQuotedContentFiles)
file(CONFIGURE OUTPUT "${kContentList}" CONTENT
     "// Generated by cmake/Widget.cmake from content/*.json: do not edit.\nvar kContentFiles = ['@kQuotedContentFiles@'];\n" @ONLY)
set(kEmbedSources "${kContentList}")
foreach(part IN ITEMS loader widget mirror plan-card main)
  list(APPEND kEmbedSources "${CMAKE_SOURCE_DIR}/web/src/${part}.js")
endforeach()
set(kEmbedWrapper "(function(){'use strict'$<SEMICOLON>%output%})()$<SEMICOLON>")
set(kEmbedScript "${CMAKE_BINARY_DIR}/skindepth.js")
set(kClosure "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
if(EXISTS "${kClosure}")
  set(kClosureInputs "")
  foreach(f IN LISTS kEmbedSources)
    list(APPEND kClosureInputs --js "${f}")
  endforeach()
  add_custom_command(OUTPUT "${kEmbedScript}"
    COMMAND "${kClosure}" --compilation_level SIMPLE --language_in ECMASCRIPT_2020 --language_out ECMASCRIPT_2020
            --assume_function_wrapper "--output_wrapper=${kEmbedWrapper}" ${kClosureInputs} --js_output_file "${kEmbedScript}"
    DEPENDS ${kEmbedSources} COMMENT "Joining and minifying the embed script" VERBATIM)
else()
  message(STATUS "No closure compiler at ${kClosure}: the embed script is joined without minifying")
  add_custom_command(OUTPUT "${kEmbedScript}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${kEmbedScript}" "-DWRAPPER=${kEmbedWrapper}" "-DFILES=${kEmbedSources}"
            -P "${CMAKE_SOURCE_DIR}/cmake/JoinScripts.cmake"
    DEPENDS ${kEmbedSources} "${CMAKE_SOURCE_DIR}/cmake/JoinScripts.cmake" COMMENT "Joining the embed script" VERBATIM)
endif()

# The servable site: the pages, the embed script, the module and the default content, side by side
# (web/'s own files, not web/src: the site has the joined script only).
file(GLOB kWebFiles CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.html" "${CMAKE_SOURCE_DIR}/web/*.css" "${CMAKE_SOURCE_DIR}/web/*.js" "${CMAKE_SOURCE_DIR}/web/*.svg")
set(kSite "${CMAKE_BINARY_DIR}/site")
set(kDeferredPaths ${kDeferredContent})
list(TRANSFORM kDeferredPaths PREPEND "${kMinContent}/")
find_program(kNode node REQUIRED)
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${kSite}/content"
  COMMAND ${CMAKE_COMMAND} -E copy ${kWebFiles} "${kSite}/"
  COMMAND ${CMAKE_COMMAND} -E copy "${kEmbedScript}" "${kSite}/skindepth.js"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/content" "${kSite}/content"
  # The built-in parts the widget fetches by view (minified like the embedded ones): the build's own,
  # apart from content/, which is the copy a clinic edits for its own content.
  COMMAND ${CMAKE_COMMAND} -E make_directory "${kSite}/skindepth-parts"
  COMMAND ${CMAKE_COMMAND} -E copy ${kDeferredPaths} "${kSite}/skindepth-parts/"
  COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:skindepth_widget>/skindepth-core.js"
          "$<TARGET_FILE_DIR:skindepth_widget>/skindepth-core.wasm" "${kSite}/"
  # The poster shown before the first frame (skindepth.css), drawn from the default content.
  COMMAND ${kNode} "${CMAKE_SOURCE_DIR}/scripts/poster.mjs" "${CMAKE_SOURCE_DIR}/content" "${kSite}/skindepth-poster.svg"
  # .gz and .br beside each file, for servers to send as they are (scripts/serve.mjs, README).
  COMMAND ${kNode} "${CMAKE_SOURCE_DIR}/scripts/compress.mjs" "${kSite}"
  DEPENDS "${kEmbedScript}" "${CMAKE_SOURCE_DIR}/scripts/poster.mjs" ${kDeferredPaths}
  COMMENT "Assembling the site in ${kSite}" VERBATIM)
add_dependencies(site skindepth_widget)
