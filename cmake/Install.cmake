# What `cmake --install <build>` puts where (GNU layout; prefix /usr/local
# unless -DCMAKE_INSTALL_PREFIX or --prefix says otherwise):
#   bin/lockcheck, bin/lockcheck-lsp                  tools/*/CMakeLists.txt
#   <libdir>/lockcheck/lockcheck-plugin-<N>.so,
#   <libdir>/lockcheck/lockcheck-tidy-<N>.so (+ links) cmake/VersionedModule.cmake
#   <libdir>/liblockcheck_runtime.a, include/lockcheck/,
#   <libdir>/cmake/lockcheck/lockcheckConfig.cmake    runtime/cmake/Package.cmake
#   <libdir>/cmake/lockcheck/LockcheckPlugin.cmake    lockcheck_enable(); find_package(lockcheck)
#                                                     loads it too
#   share/doc/lockcheck/                              README.md and docs/ (lockcheck-lsp
#                                                     links to share/doc/lockcheck/checks)
include(GNUInstallDirs)

if(NOT LOCKCHECK_CMAKE_INSTALL_DIR)
  set(LOCKCHECK_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/lockcheck)
endif()
# Not CMAKE_INSTALL_DOCDIR: its default depends on which project() included
# GNUInstallDirs first, and lockcheck-lsp looks in share/doc/lockcheck.
set(LOCKCHECK_INSTALL_DOCDIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/lockcheck)

if(LOCKCHECK_BUILD_ANALYZER)
  install(FILES ${PROJECT_SOURCE_DIR}/cmake/LockcheckPlugin.cmake
          DESTINATION ${LOCKCHECK_CMAKE_INSTALL_DIR} COMPONENT lockcheck)
endif()
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${LOCKCHECK_INSTALL_DOCDIR}
        COMPONENT lockcheck)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${LOCKCHECK_INSTALL_DOCDIR}
        COMPONENT lockcheck)

include(${PROJECT_SOURCE_DIR}/cmake/DebPackage.cmake)
