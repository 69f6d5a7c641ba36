# VersionedModule.cmake: the plugin and the clang-tidy module carry the LLVM
# major version they were built for in their names (lockcheck-plugin-19.so),
# because each loads only into that release; a check at load time
# (plugin/common/HostVersionCheck.cpp) says so clearly when loaded elsewhere.
#
# LOCKCHECK_UNVERSIONED_NAMES adds the plain names (lockcheck-plugin.so) as
# links, in the build tree and in the install. Empty (the default) means: on
# for a build of the default version (19) or one configured without choosing
# a version, off for a build of another version chosen on purpose, so that
# builds of several versions can be installed side by side.

set(LOCKCHECK_UNVERSIONED_NAMES "" CACHE STRING
    "Also provide lockcheck-plugin.so / lockcheck-tidy.so as links (ON/OFF; empty: automatic)")
if(LOCKCHECK_UNVERSIONED_NAMES STREQUAL "")
  if(LOCKCHECK_LLVM_MAJOR STREQUAL LOCKCHECK_DEFAULT_LLVM_VERSION OR
     NOT (LOCKCHECK_LLVM_VERSION OR _lc_how MATCHES "_DIR$"))
    set(_lc_unversioned ON)
  else()
    set(_lc_unversioned OFF)
  endif()
else()
  set(_lc_unversioned ${LOCKCHECK_UNVERSIONED_NAMES})
endif()
set(LOCKCHECK_WITH_UNVERSIONED_NAMES ${_lc_unversioned})

include(GNUInstallDirs)
# Plugins are private modules, not libraries to link: <libdir>/lockcheck.
set(LOCKCHECK_INSTALL_MODULEDIR ${CMAKE_INSTALL_LIBDIR}/lockcheck)

list(GET LOCKCHECK_SUPPORTED_LLVM_VERSIONS 0 LOCKCHECK_OLDEST_LLVM)
list(GET LOCKCHECK_SUPPORTED_LLVM_VERSIONS -1 LOCKCHECK_NEWEST_LLVM)

# lockcheck_versioned_module(<target> <host name> <sources>...): a MODULE
# library <target>-<major>.so loaded by <host name> ("Clang", "clang-tidy").
function(lockcheck_versioned_module target host)
  add_library(${target} MODULE ${ARGN} ${PROJECT_SOURCE_DIR}/plugin/common/HostVersionCheck.cpp)
  set(file ${target}-${LOCKCHECK_LLVM_MAJOR}${CMAKE_SHARED_MODULE_SUFFIX})
  set_target_properties(${target} PROPERTIES PREFIX "" OUTPUT_NAME ${target}-${LOCKCHECK_LLVM_MAJOR})
  target_compile_definitions(${target} PRIVATE
    LOCKCHECK_HOST_NAME="${host}" LOCKCHECK_MODULE_BASENAME="${target}"
    LOCKCHECK_OLDEST_LLVM=${LOCKCHECK_OLDEST_LLVM} LOCKCHECK_NEWEST_LLVM=${LOCKCHECK_NEWEST_LLVM})
  target_link_libraries(${target} PRIVATE ${CMAKE_DL_LIBS})
  install(TARGETS ${target} LIBRARY DESTINATION ${LOCKCHECK_INSTALL_MODULEDIR} COMPONENT lockcheck)

  set(link ${target}${CMAKE_SHARED_MODULE_SUFFIX})
  if(LOCKCHECK_WITH_UNVERSIONED_NAMES)
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E create_symlink ${file} $<TARGET_FILE_DIR:${target}>/${link}
      VERBATIM)
    install(CODE "execute_process(COMMAND \${CMAKE_COMMAND} -E create_symlink ${file}
                    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${LOCKCHECK_INSTALL_MODULEDIR}/${link}\")
                  message(STATUS \"Installing: \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${LOCKCHECK_INSTALL_MODULEDIR}/${link} -> ${file}\")"
            COMPONENT lockcheck)
  else()
    # A link left by an earlier configuration would name another version.
    add_custom_command(TARGET ${target} POST_BUILD
      COMMAND ${CMAKE_COMMAND} -E rm -f $<TARGET_FILE_DIR:${target}>/${link} VERBATIM)
  endif()
endfunction()
