# Builds and runs test/package/consumer against the runtime library, either
# installed (cmake --install + find_package(lockcheck)) or through
# add_subdirectory. Run by ctest as runtime.package.<MODE>.
foreach(v MODE RUNTIME_SOURCE_DIR BUILD_DIR WORK_DIR GENERATOR CXX)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "CheckPackage.cmake: -D${v}=... is required")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}")
  endif()
  set(LAST_OUTPUT "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(consumer ${CMAKE_CURRENT_LIST_DIR}/consumer)
set(args -S ${consumer} -B ${WORK_DIR}/build -G ${GENERATOR}
         -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Debug)

if(MODE STREQUAL "install")
  run(${CMAKE_COMMAND} --install ${BUILD_DIR} --component lockcheck_runtime
      --prefix ${WORK_DIR}/prefix)
  foreach(f include/lockcheck/runtime.h include/lockcheck/Mutex.h
            lib/cmake/lockcheck/lockcheckConfig.cmake)
    if(NOT EXISTS ${WORK_DIR}/prefix/${f})
      message(FATAL_ERROR "not installed: ${f}")
    endif()
  endforeach()
  run(${CMAKE_COMMAND} ${args} -DUSE_SUBDIRECTORY=OFF
      -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
elseif(MODE STREQUAL "subdirectory")
  run(${CMAKE_COMMAND} ${args} -DUSE_SUBDIRECTORY=ON
      -DLOCKCHECK_RUNTIME_DIR=${RUNTIME_SOURCE_DIR})
else()
  message(FATAL_ERROR "MODE must be install or subdirectory, not '${MODE}'")
endif()

run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)
# Debug build: the validator is on and must catch the consumer's inversion.
run(${WORK_DIR}/build/consumer)
if(NOT LAST_OUTPUT MATCHES "lock-order-cycle: potential deadlock")
  message(FATAL_ERROR "the consumer's lock-order inversion was not reported:\n${LAST_OUTPUT}")
endif()
if(NOT LAST_OUTPUT MATCHES "consumer: ok")
  message(FATAL_ERROR "the consumer did not finish:\n${LAST_OUTPUT}")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
