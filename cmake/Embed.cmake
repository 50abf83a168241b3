# skindepth_embed(TARGET BASE_DIR GROUP FILES...): a static library whose generated source holds
# each file's bytes, reachable as skindepth::embedded::<group>() (see src/content/embedded.h).
function(skindepth_embed target base_dir group)
  set(out "${CMAKE_BINARY_DIR}/generated/${target}.cpp")
  set(deps "")
  foreach(f IN LISTS ARGN)
    list(APPEND deps "${base_dir}/${f}")
  endforeach()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DBASE=${base_dir} -DGROUP=${group} "-DFILES=${ARGN}"
            -P "${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    DEPENDS ${deps} "${CMAKE_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    COMMENT "Embedding ${group}" VERBATIM)
  add_library(${target} STATIC "${out}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/src")
endfunction()
