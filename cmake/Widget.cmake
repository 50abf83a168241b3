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
target_compile_options(skindepth_widget PRIVATE -Oz)
target_link_options(skindepth_widget PRIVATE
  -Oz -flto
  -sMODULARIZE=1 -sEXPORT_NAME=createSkinDepthModule -sENVIRONMENT=web
  -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2 -sFULL_ES3=0
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16MB -sTOTAL_STACK=1MB
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sMALLOC=emmalloc
  -sDISABLE_EXCEPTION_CATCHING=1
  # We use no WebGL extension; enabling them all on context creation costs ~0.1 s of calls that wait.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  --closure 1  # minifies the JS glue (google-closure-compiler from npm, see scripts/build-widget)
  --emit-symbol-map  # build/wasm/skindepth-core.js.symbols: names for profiles and size reports
  "-sEXPORTED_FUNCTIONS=['_main','_sd_load_content','_sd_command','_sd_resize','_malloc','_free']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall','UTF8ToString','stringToUTF8','lengthBytesUTF8','HEAPU8','addRunDependency','removeRunDependency']"
  "--js-library=${CMAKE_SOURCE_DIR}/src/platform/library_skindepth.js"
  -lEGL -lGL)
target_compile_options(skindepth_core PRIVATE -Oz)
target_compile_options(skindepth_ui PRIVATE -Oz)
target_compile_options(imgui PRIVATE -Oz)
target_compile_options(qrcodegen PRIVATE -Oz)
target_compile_options(imgui_backends PRIVATE -Oz)

# --- The embed script: the files of web/src joined into one skindepth.js ----------------------------
# web/src in order, all in one strict-mode function: the page gets no global but window.SkinDepth. The
# closure compiler from npm (scripts/setup) minifies the join when it is there (local names renamed,
# comments dropped); without it the files are joined as they are (cmake/JoinScripts.cmake), with the
# same wrapper.
set(kEmbedSources "")
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
file(GLOB kWebFiles CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.html" "${CMAKE_SOURCE_DIR}/web/*.css" "${CMAKE_SOURCE_DIR}/web/*.js")
set(kSite "${CMAKE_BINARY_DIR}/site")
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${kSite}/content"
  COMMAND ${CMAKE_COMMAND} -E copy ${kWebFiles} "${kSite}/"
  COMMAND ${CMAKE_COMMAND} -E copy "${kEmbedScript}" "${kSite}/skindepth.js"
  COMMAND ${CMAKE_COMMAND} -E copy_directory "${CMAKE_SOURCE_DIR}/content" "${kSite}/content"
  COMMAND ${CMAKE_COMMAND} -E copy "$<TARGET_FILE_DIR:skindepth_widget>/skindepth-core.js"
          "$<TARGET_FILE_DIR:skindepth_widget>/skindepth-core.wasm" "${kSite}/"
  DEPENDS "${kEmbedScript}"
  COMMENT "Assembling the site in ${kSite}" VERBATIM)
add_dependencies(site skindepth_widget)
