# DebPackage.cmake: `cpack -G DEB` in a build directory makes
# lockcheck-<N>_<version>_<arch>.deb for the LLVM release <N> of that build
# (scripts/package.sh builds one per release). It holds everything
# `cmake --install` installs, under /usr, and depends on Debian's packages of
# that release. Packages for different releases replace each other (they
# install the same commands), so one lockcheck is installed at a time.
if(NOT LOCKCHECK_BUILD_ANALYZER)
  return()
endif()

set(_lc_n ${LOCKCHECK_LLVM_MAJOR})
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lockcheck-${_lc_n})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "lockcheck")
set(CPACK_PACKAGE_CONTACT "lockcheck developers <lockcheck@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "static analyzer for lock misuse in C and C++ (for LLVM/Clang ${_lc_n})")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "lockcheck finds lock misuse in C and C++: double locks, unlocks of locks not held,\n\
locks leaked at returns and exceptions, guards that lock nothing, and lock-order\n\
inversions. This package holds the lockcheck command (whole projects, SARIF),\n\
lockcheck-lsp (clangd with lockcheck's findings), the Clang ${_lc_n} plugin, the\n\
clang-tidy ${_lc_n} module, the runtime lock library with its CMake package, and\n\
the lockcheck_enable() CMake helper.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
# The programs link Clang's and LLVM's shared libraries and need Clang's
# builtin headers; the plugin, the module and lockcheck-lsp run inside (or
# next to) Clang's own programs.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libclang-cpp${_lc_n}, libllvm${_lc_n}, libclang-common-${_lc_n}-dev, libc6, libstdc++6, libgcc-s1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-${_lc_n}, clang-tidy-${_lc_n}, clangd-${_lc_n}")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "graphviz")
set(CPACK_DEBIAN_PACKAGE_PROVIDES "lockcheck")
set(CPACK_DEBIAN_PACKAGE_CONFLICTS "lockcheck")
set(CPACK_DEBIAN_PACKAGE_REPLACES "lockcheck")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/packages)
include(CPack)
