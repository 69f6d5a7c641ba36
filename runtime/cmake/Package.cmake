# Installs lockcheck::runtime as the CMake package `lockcheck`
# (find_package(lockcheck) then target_link_libraries(app lockcheck::runtime)).
# Everything goes into the install component `lockcheck_runtime`.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(LOCKCHECK_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/lockcheck
    CACHE STRING "Where lockcheckConfig.cmake is installed, relative to the prefix")

install(TARGETS lockcheck_runtime EXPORT lockcheckRuntimeTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT lockcheck_runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${LOCKCHECK_RUNTIME_HEADERS}
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/lockcheck COMPONENT lockcheck_runtime)
install(EXPORT lockcheckRuntimeTargets
  NAMESPACE lockcheck::
  FILE lockcheckRuntimeTargets.cmake
  DESTINATION ${LOCKCHECK_CMAKE_INSTALL_DIR} COMPONENT lockcheck_runtime)

configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/lockcheckConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/lockcheckConfig.cmake
  INSTALL_DESTINATION ${LOCKCHECK_CMAKE_INSTALL_DIR})
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/lockcheckConfigVersion.cmake
  VERSION ${lockcheck_runtime_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${CMAKE_CURRENT_BINARY_DIR}/lockcheckConfig.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/lockcheckConfigVersion.cmake
  DESTINATION ${LOCKCHECK_CMAKE_INSTALL_DIR} COMPONENT lockcheck_runtime)
