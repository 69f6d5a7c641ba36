# Writes OUT: one C++ table entry per check page in DOCS (a |-list), the
# page's Markdown as a raw string literal, so that the SARIF output carries
# each rule's help without reading files at run time.
string(REPLACE "|" ";" DOCS "${DOCS}")
set(_out "// Generated from docs/checks/*.md by EmbedDocs.cmake; do not edit.\n")
foreach(_doc IN LISTS DOCS)
  get_filename_component(_name "${_doc}" NAME_WE)
  file(READ "${_doc}" _text)
  string(FIND "${_text}" ")LCDOC\"" _clash)
  if(NOT _clash EQUAL -1)
    message(FATAL_ERROR "${_doc} contains the raw-string delimiter )LCDOC\"")
  endif()
  string(APPEND _out "{\"${_name}\", R\"LCDOC(${_text})LCDOC\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "${_out}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
