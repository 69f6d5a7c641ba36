# LockcheckPlugin.cmake: run lockcheck in every compile of a target.
#
#   list(APPEND CMAKE_MODULE_PATH <lockcheck source>/cmake)
#   include(LockcheckPlugin)
#   lockcheck_enable(<target> [WERROR | NO_WERROR] [CONFIG <file>] [CHECKS <globs>]
#                    [FACTS_DIR <dir>])
#
# Adds -fplugin=lockcheck-plugin.so to the target's C and C++ compiles, so
# findings appear as compiler warnings in every build (and fail it with
# WERROR, or with the project's own -Werror, unless NO_WERROR keeps them
# warnings in a -Werror build). FACTS_DIR makes each compile
# write its TU's facts to <dir>/<target>/<source>.facts.json for
# `lockcheck merge <dir>` (see docs/integrations/scaling.md).
#
# The plugin is found through the LOCKCHECK_PLUGIN cache variable (or the
# environment variable of that name), else next to this file's lockcheck
# build or install. It only loads into the Clang it was built for (19), so
# for any other compiler lockcheck_enable() warns and changes nothing.

include_guard(GLOBAL)

if(NOT LOCKCHECK_PLUGIN AND DEFINED ENV{LOCKCHECK_PLUGIN})
  set(LOCKCHECK_PLUGIN "$ENV{LOCKCHECK_PLUGIN}" CACHE FILEPATH "lockcheck-plugin.so" FORCE)
endif()
find_file(LOCKCHECK_PLUGIN lockcheck-plugin.so
  HINTS ${CMAKE_CURRENT_LIST_DIR}/../build/lib
        ${CMAKE_CURRENT_LIST_DIR}/../lib
        ${CMAKE_CURRENT_LIST_DIR}/../../lib
        ${CMAKE_CURRENT_LIST_DIR}/../../../lib
  DOC "lockcheck-plugin.so (the lockcheck Clang plugin)")

set(LOCKCHECK_CLANG_MAJOR 19)

function(lockcheck_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 LC "WERROR;NO_WERROR" "CONFIG;CHECKS;FACTS_DIR" "")
  if(LC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "lockcheck_enable(${target}): unknown arguments '${LC_UNPARSED_ARGUMENTS}'; "
                        "valid: WERROR, NO_WERROR, CONFIG <file>, CHECKS <globs>, FACTS_DIR <dir>")
  endif()
  if(LC_WERROR AND LC_NO_WERROR)
    message(FATAL_ERROR "lockcheck_enable(${target}): WERROR and NO_WERROR contradict each other; "
                        "pass one of them")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "lockcheck_enable(${target}): no such target")
  endif()
  if(NOT LOCKCHECK_PLUGIN)
    message(FATAL_ERROR "lockcheck_enable(${target}): lockcheck-plugin.so not found; "
                        "set -DLOCKCHECK_PLUGIN=<path to lockcheck-plugin.so>")
  endif()

  # Which of the target's languages a Clang 19 compiles.
  set(langs "")
  foreach(lang C CXX)
    if(CMAKE_${lang}_COMPILER_LOADED)
      string(REGEX MATCH "^[0-9]+" major "${CMAKE_${lang}_COMPILER_VERSION}")
      if(CMAKE_${lang}_COMPILER_ID STREQUAL "Clang" AND major STREQUAL "${LOCKCHECK_CLANG_MAJOR}")
        list(APPEND langs ${lang})
      else()
        message(WARNING "lockcheck_enable(${target}): the ${lang} compiler is "
                        "${CMAKE_${lang}_COMPILER_ID} ${CMAKE_${lang}_COMPILER_VERSION}; "
                        "the lockcheck plugin needs Clang ${LOCKCHECK_CLANG_MAJOR}, so ${lang} "
                        "sources are not checked (use `lockcheck -p` instead)")
      endif()
    endif()
  endforeach()
  if(NOT langs)
    return()
  endif()
  string(REPLACE ";" "," lang_list "${langs}")

  set(args "-fplugin=${LOCKCHECK_PLUGIN}")
  if(LC_WERROR)
    list(APPEND args "-fplugin-arg-lockcheck-werror")
  endif()
  if(LC_NO_WERROR)
    list(APPEND args "-fplugin-arg-lockcheck-no-werror")
  endif()
  if(LC_CONFIG)
    get_filename_component(config "${LC_CONFIG}" ABSOLUTE)
    list(APPEND args "-fplugin-arg-lockcheck-config=${config}")
  endif()
  if(LC_CHECKS)
    list(APPEND args "-fplugin-arg-lockcheck-checks=${LC_CHECKS}")
  endif()
  foreach(arg ${args})
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:${lang_list}>:${arg}>")
  endforeach()

  # A new plugin build re-checks the sources; so does a new facts path.
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  foreach(src ${sources})
    if(NOT src MATCHES "\\.(c|cc|cpp|cxx|c\\+\\+)$")
      continue()
    endif()
    set_property(SOURCE ${src} TARGET_DIRECTORY ${target} APPEND PROPERTY
                 OBJECT_DEPENDS "${LOCKCHECK_PLUGIN}")
    if(LC_FACTS_DIR)
      get_filename_component(abs "${src}" ABSOLUTE BASE_DIR "${source_dir}")
      file(RELATIVE_PATH rel "${source_dir}" "${abs}")
      string(REPLACE "/" "_" rel "${rel}")
      string(REPLACE ".." "up" rel "${rel}")
      get_filename_component(facts_dir "${LC_FACTS_DIR}" ABSOLUTE BASE_DIR "${CMAKE_BINARY_DIR}")
      file(MAKE_DIRECTORY "${facts_dir}/${target}")
      set_property(SOURCE ${src} TARGET_DIRECTORY ${target} APPEND PROPERTY COMPILE_OPTIONS
                   "-fplugin-arg-lockcheck-facts=${facts_dir}/${target}/${rel}.facts.json")
    endif()
  endforeach()
endfunction()
