# Script mode: writes OUT, the files in FILES joined in order inside WRAPPER (its %output% marker),
# as the closure compiler's --output_wrapper would; the embed script's build without that compiler.
set(joined "")
foreach(f IN LISTS FILES)
  file(READ "${f}" text)
  string(APPEND joined "${text}\n")
endforeach()
string(REPLACE "%output%" "\n${joined}" text "${WRAPPER}")
file(WRITE "${OUT}.tmp" "${text}\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
