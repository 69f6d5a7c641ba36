# LockcheckPlugin.cmake: run lockcheck in every compile of a target.
#
#   list(APPEND CMAKE_MODULE_PATH <lockcheck source>/cmake)
#   include(LockcheckPlugin)
#   lockcheck_enable(<target> [WERROR | NO_WERROR] [CONFIG <file>] [CHECKS <globs>]
#                    [FACTS_DIR <dir>])
#
# Adds -fplugin=lockcheck-plugin-<major>.so to the target's C and C++ compiles, so
# findings appear as compiler warnings in every build (and fail it with
# WERROR, or with the project's own -Werror, unless NO_WERROR keeps them
# warnings in a -Werror build). FACTS_DIR makes each compile
# write its TU's facts to <dir>/<target>/<source>.facts.json for
# `lockcheck merge <dir>` (see docs/integrations/scaling.md).
#
# The plugin only loads into the Clang release it was built for, so each of
# the target's C and C++ compilers gets the build for its own release,
# lockcheck-plugin-<major>.so: the LOCKCHECK_PLUGIN cache variable (or the
# environment variable of that name) if it is for that release, else the one
# in a lockcheck build next to this file (build/lib, build-<major>/lib) or in
# the install this file belongs to (<libdir>/lockcheck). A compiler that is
# not Clang 19 to 22 gets a warning and is left alone (`lockcheck -p` still
# covers its sources); a supported Clang without a plugin for its release is
# a configure error.

include_guard(GLOBAL)

if(NOT LOCKCHECK_PLUGIN AND DEFINED ENV{LOCKCHECK_PLUGIN})
  set(LOCKCHECK_PLUGIN "$ENV{LOCKCHECK_PLUGIN}" CACHE FILEPATH "lockcheck-plugin-<major>.so" FORCE)
endif()
set(_LOCKCHECK_HELPER_DIR ${CMAKE_CURRENT_LIST_DIR})

# _lockcheck_plugin_major(<file> <out>): the release a plugin file is built
# for, from its (link-resolved) name lockcheck-plugin-<major>.so; empty if the
# name does not say.
function(_lockcheck_plugin_major file out)
  file(REAL_PATH "${file}" real)
  get_filename_component(name "${real}" NAME)
  if(name MATCHES "^lockcheck-plugin-([0-9]+)\\.so$")
    set(${out} ${CMAKE_MATCH_1} PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

# _lockcheck_plugin_for(<major> <out>): the plugin for Clang <major>, or empty.
function(_lockcheck_plugin_for major out)
  if(LOCKCHECK_PLUGIN)
    _lockcheck_plugin_major("${LOCKCHECK_PLUGIN}" built)
    if(NOT built OR built STREQUAL major)
      set(${out} "${LOCKCHECK_PLUGIN}" PARENT_SCOPE)
      return()
    endif()
  endif()
  set(dir ${_LOCKCHECK_HELPER_DIR})
  find_file(LOCKCHECK_PLUGIN_${major} lockcheck-plugin-${major}.so
    HINTS ${dir}/../build/lib ${dir}/../build-${major}/lib
          ${dir}/../../lockcheck ${dir}/../lib ${dir}/../../lib/lockcheck
    NO_DEFAULT_PATH
    DOC "lockcheck-plugin-${major}.so (the lockcheck Clang plugin for Clang ${major})")
  if(LOCKCHECK_PLUGIN_${major})
    set(${out} "${LOCKCHECK_PLUGIN_${major}}" PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

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

  # Which of the target's languages a supported Clang compiles, and the
  # plugin for each.
  set(langs "")
  foreach(lang C CXX)
    if(NOT CMAKE_${lang}_COMPILER_LOADED)
      continue()
    endif()
    string(REGEX MATCH "^[0-9]+" major "${CMAKE_${lang}_COMPILER_VERSION}")
    set(what "${CMAKE_${lang}_COMPILER_ID} ${CMAKE_${lang}_COMPILER_VERSION}")
    if(NOT CMAKE_${lang}_COMPILER_ID STREQUAL "Clang" OR major LESS 19 OR major GREATER 22)
      message(WARNING "lockcheck_enable(${target}): the ${lang} compiler is ${what}; the lockcheck "
                      "plugin needs Clang 19 to 22, so ${lang} sources are not checked (use "
                      "`lockcheck -p`, or set CMAKE_${lang}_COMPILER to clang)")
      continue()
    endif()
    _lockcheck_plugin_for(${major} plugin)
    if(NOT plugin)
      if(LOCKCHECK_PLUGIN)
        _lockcheck_plugin_major("${LOCKCHECK_PLUGIN}" built)
        set(why "LOCKCHECK_PLUGIN=${LOCKCHECK_PLUGIN} is built for Clang ${built}")
      else()
        set(why "lockcheck-plugin-${major}.so was not found next to ${_LOCKCHECK_HELPER_DIR}")
      endif()
      message(FATAL_ERROR "lockcheck_enable(${target}): the ${lang} compiler is ${what} but ${why}; "
                          "set -DLOCKCHECK_PLUGIN=<path to lockcheck-plugin-${major}.so> "
                          "(a lockcheck build with -DLOCKCHECK_LLVM_VERSION=${major})")
    endif()
    list(APPEND langs ${lang})
    set(plugin_${lang} "${plugin}")
  endforeach()
  if(NOT langs)
    return()
  endif()
  set(args "")
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
  foreach(lang ${langs})
    foreach(arg "-fplugin=${plugin_${lang}}" ${args})
      target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:${lang}>:${arg}>")
    endforeach()
  endforeach()

  # A new plugin build re-checks the sources; so does a new facts path.
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  foreach(src ${sources})
    if(src MATCHES "\\.c$")
      set(lang C)
    elseif(src MATCHES "\\.(cc|cpp|cxx|c\\+\\+)$")
      set(lang CXX)
    else()
      continue()
    endif()
    if(NOT lang IN_LIST langs)
      continue()
    endif()
    set_property(SOURCE ${src} TARGET_DIRECTORY ${target} APPEND PROPERTY
                 OBJECT_DEPENDS "${plugin_${lang}}")
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
