# Native targets: the `skindepth` command-line tool, the GoogleTest suite, the fuzz targets.
file(GLOB kToolSources CONFIGURE_DEPENDS src/tools/*.cpp)
add_executable(skindepth ${kToolSources})
target_link_libraries(skindepth PRIVATE skindepth_core)
target_compile_options(skindepth PRIVATE -Wall -Wextra)

include(CTest)
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
  include(GoogleTest)
  file(GLOB kTestSources CONFIGURE_DEPENDS tests/core/*.cpp tests/content/*.cpp tests/tools/*.cpp)
  set(kTestLibs skindepth_core)
  if(TARGET skindepth_ui)
    file(GLOB kUiTestSources CONFIGURE_DEPENDS tests/ui/*.cpp tests/app/*.cpp)
    list(APPEND kTestSources ${kUiTestSources})
    list(APPEND kTestLibs skindepth_ui)
  endif()
  add_executable(skindepth_tests ${kTestSources})
  target_link_libraries(skindepth_tests PRIVATE ${kTestLibs} GTest::gtest GTest::gtest_main)
  target_include_directories(skindepth_tests PRIVATE tests)
  target_compile_definitions(skindepth_tests PRIVATE
    SKINDEPTH_CLI="$<TARGET_FILE:skindepth>" SKINDEPTH_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  add_dependencies(skindepth_tests skindepth)
  gtest_discover_tests(skindepth_tests DISCOVERY_TIMEOUT 60)
endif()

if(SKINDEPTH_FUZZ)
  # The code under test must carry the coverage and sanitizer instrumentation too, or libFuzzer only
  # sees the target's own few lines. UB stops the run (a finding), it is not just printed.
  set(kFuzzSanitizers -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  # Neither ninja nor ccache track the ignorelist's content: a copy named by its hash puts the content
  # on the command line, so an edit recompiles (configure_file re-runs configure on an edit).
  file(SHA1 ${CMAKE_SOURCE_DIR}/tests/fuzz/coverage-ignorelist.txt kIgnorelistHash)
  string(SUBSTRING ${kIgnorelistHash} 0 12 kIgnorelistHash)
  set(kIgnorelist ${CMAKE_BINARY_DIR}/coverage-ignorelist-${kIgnorelistHash}.txt)
  configure_file(tests/fuzz/coverage-ignorelist.txt ${kIgnorelist} COPYONLY)
  set(kFuzzCoverage -fsanitize-coverage-ignorelist=${kIgnorelist})
  target_compile_options(skindepth_core PRIVATE -fsanitize=fuzzer-no-link ${kFuzzCoverage} ${kFuzzSanitizers})
  target_link_options(skindepth_core INTERFACE -fsanitize=address,undefined)
  file(GLOB kFuzzSources CONFIGURE_DEPENDS tests/fuzz/*_fuzz.cpp)
  foreach(src IN LISTS kFuzzSources)
    get_filename_component(name ${src} NAME_WE)
    add_executable(${name} ${src})
    target_link_libraries(${name} PRIVATE skindepth_core)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer ${kFuzzCoverage} ${kFuzzSanitizers} -Wall -Wextra)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
endif()

# Shaders compile as GLSL ES 3.00 (glslang, the Khronos reference front end), caught natively
# before the browser ever sees them.
find_program(GLSLANG_VALIDATOR glslangValidator)
if(GLSLANG_VALIDATOR AND BUILD_TESTING)
  foreach(shader IN LISTS kShaderFiles)
    add_test(NAME shader_compiles.${shader} COMMAND ${GLSLANG_VALIDATOR} "${CMAKE_SOURCE_DIR}/shaders/${shader}")
  endforeach()
endif()
