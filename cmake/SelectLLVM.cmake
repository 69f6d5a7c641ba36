# SelectLLVM.cmake: choose the LLVM/Clang release the analyzer builds against.
#
# In order of precedence:
#   -DClang_DIR=<dir>               that Clang (and the LLVM it was built with)
#   -DLLVM_DIR=<dir>                the Clang installed next to that LLVM
#   -DLOCKCHECK_LLVM_VERSION=<N>    Debian's /usr/lib/llvm-<N> (or /usr/lib/cmake/clang-<N>)
#   nothing                         19 if installed, else the newest supported one installed
# Every choice must be one of LOCKCHECK_SUPPORTED_LLVM_VERSIONS. The result is
# LOCKCHECK_LLVM_MAJOR, plus everything find_package(Clang) defines.
#
# CMake's own search is never used: its pattern lib/cmake/clang* matches every
# installed release (clang-14, clang-19, clang-22, ...) and takes whichever the
# file system lists first.

set(LOCKCHECK_SUPPORTED_LLVM_VERSIONS 19 20 21 22)
set(LOCKCHECK_DEFAULT_LLVM_VERSION 19)
string(REPLACE ";" ", " _lc_valid "${LOCKCHECK_SUPPORTED_LLVM_VERSIONS}")
set(LOCKCHECK_LLVM_VERSION "" CACHE STRING
    "LLVM/Clang major version to build against (${_lc_valid}); empty: ${LOCKCHECK_DEFAULT_LLVM_VERSION}, else the newest installed")

if(LOCKCHECK_LLVM_VERSION AND NOT LOCKCHECK_LLVM_VERSION IN_LIST LOCKCHECK_SUPPORTED_LLVM_VERSIONS)
  message(FATAL_ERROR "lockcheck: LOCKCHECK_LLVM_VERSION=${LOCKCHECK_LLVM_VERSION} is not supported; "
                      "valid: ${_lc_valid}")
endif()

# Clang_DIR and LLVM_DIR that an earlier configure found on its own are
# searched again, so that a changed LOCKCHECK_LLVM_VERSION takes effect; the
# ones a user passed are kept.
foreach(_lc_var Clang_DIR LLVM_DIR)
  if(DEFINED _LOCKCHECK_FOUND_${_lc_var} AND "${${_lc_var}}" STREQUAL "${_LOCKCHECK_FOUND_${_lc_var}}")
    unset(${_lc_var} CACHE)
    unset(${_lc_var})
  endif()
endforeach()

# Where Debian (and apt.llvm.org) install Clang <major>'s CMake package.
macro(_lockcheck_find_clang_release major)
  find_package(Clang CONFIG QUIET
    PATHS /usr/lib/llvm-${major}/lib/cmake/clang /usr/lib/cmake/clang-${major}
    NO_DEFAULT_PATH)
endmacro()

if(Clang_DIR)
  set(_lc_how "Clang_DIR")
  find_package(Clang CONFIG REQUIRED)
elseif(LLVM_DIR)
  set(_lc_how "LLVM_DIR")
  find_package(Clang CONFIG REQUIRED PATHS ${LLVM_DIR}/../clang NO_DEFAULT_PATH)
elseif(LOCKCHECK_LLVM_VERSION)
  set(_lc_how "LOCKCHECK_LLVM_VERSION=${LOCKCHECK_LLVM_VERSION}")
  _lockcheck_find_clang_release(${LOCKCHECK_LLVM_VERSION})
  if(NOT Clang_FOUND)
    message(FATAL_ERROR "lockcheck: Clang ${LOCKCHECK_LLVM_VERSION} not found in /usr/lib/llvm-${LOCKCHECK_LLVM_VERSION}; "
                        "install llvm-${LOCKCHECK_LLVM_VERSION}-dev and libclang-${LOCKCHECK_LLVM_VERSION}-dev "
                        "(LLVM_VERSION=${LOCKCHECK_LLVM_VERSION} bash scripts/setup.sh), or pass -DClang_DIR=<dir>")
  endif()
else()
  list(REVERSE LOCKCHECK_SUPPORTED_LLVM_VERSIONS)
  set(_lc_order ${LOCKCHECK_DEFAULT_LLVM_VERSION} ${LOCKCHECK_SUPPORTED_LLVM_VERSIONS})
  list(REMOVE_DUPLICATES _lc_order)
  list(REVERSE LOCKCHECK_SUPPORTED_LLVM_VERSIONS)
  foreach(_lc_major ${_lc_order})
    _lockcheck_find_clang_release(${_lc_major})
    if(Clang_FOUND)
      break()
    endif()
  endforeach()
  if(NOT Clang_FOUND)
    message(FATAL_ERROR "lockcheck: no supported LLVM/Clang (${_lc_valid}) found in /usr/lib/llvm-<N>; "
                        "install one (bash scripts/setup.sh installs 19), or pass -DClang_DIR=<dir>")
  endif()
  if(LLVM_VERSION_MAJOR STREQUAL LOCKCHECK_DEFAULT_LLVM_VERSION)
    set(_lc_how "the default")
  else()
    set(_lc_how "the newest installed; ${LOCKCHECK_DEFAULT_LLVM_VERSION} is not")
  endif()
  set(_LOCKCHECK_FOUND_Clang_DIR "${Clang_DIR}" CACHE INTERNAL "")
  set(_LOCKCHECK_FOUND_LLVM_DIR "${LLVM_DIR}" CACHE INTERNAL "")
endif()
if(_lc_how MATCHES "^LOCKCHECK_LLVM_VERSION")
  set(_LOCKCHECK_FOUND_Clang_DIR "${Clang_DIR}" CACHE INTERNAL "")
  set(_LOCKCHECK_FOUND_LLVM_DIR "${LLVM_DIR}" CACHE INTERNAL "")
endif()

set(LOCKCHECK_LLVM_MAJOR ${LLVM_VERSION_MAJOR})
if(NOT LOCKCHECK_LLVM_MAJOR IN_LIST LOCKCHECK_SUPPORTED_LLVM_VERSIONS)
  message(FATAL_ERROR "lockcheck: ${Clang_DIR} is Clang ${LLVM_PACKAGE_VERSION}, which is not supported; "
                      "valid: ${_lc_valid}")
endif()
if(LOCKCHECK_LLVM_VERSION AND NOT LOCKCHECK_LLVM_VERSION STREQUAL LOCKCHECK_LLVM_MAJOR)
  message(FATAL_ERROR "lockcheck: LOCKCHECK_LLVM_VERSION=${LOCKCHECK_LLVM_VERSION} but ${_lc_how} "
                      "(${Clang_DIR}) is Clang ${LLVM_PACKAGE_VERSION}; pass one of them, or matching ones")
endif()
message(STATUS "lockcheck: building for LLVM/Clang ${LLVM_PACKAGE_VERSION} "
               "from ${LLVM_INSTALL_PREFIX} (chosen by ${_lc_how})")
