# lit configuration for lockcheck. Substitutions:
#   %clang / %clangxx      the Clang 19 driver (C / C++)
#   %plugin                build/lib/lockcheck-plugin.so
#   %lockcheck_cxx         %clangxx -fsyntax-only -std=c++17 -fplugin=%plugin (libstdc++)
#   %lockcheck_cc          %clang -fsyntax-only -fplugin=%plugin (C)
#   %libcxx                flags that select libc++ headers
#   %tidy_plugin, %clang_tidy, %FileCheck, %python, %clangd, %S/%s/%t as usual
import os
import shutil
import lit.formats

config.name = "lockcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.lockcheck_obj_root, "test")

obj = config.lockcheck_obj_root
plugin = os.path.join(obj, "lib", "lockcheck-plugin.so")
tidy_plugin = os.path.join(obj, "lib", "lockcheck-tidy.so")
clangxx = config.clang + "++" if not config.clang.endswith("++") else config.clang

config.substitutions.append(("%lockcheck_cxx",
    "%s -fsyntax-only -std=c++17 -fplugin=%s" % (clangxx, plugin)))
config.substitutions.append(("%lockcheck_cc",
    "%s -fsyntax-only -fplugin=%s" % (config.clang, plugin)))
config.substitutions.append(("%libcxx", "-stdlib=libc++"))
config.substitutions.append(("%clangxx", clangxx))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%tidy_plugin", tidy_plugin))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%clangd", config.clangd))
config.substitutions.append(("%lockcheck_bin", os.path.join(obj, "bin")))
config.substitutions.append(("%src_root", config.lockcheck_src_root))

# Features tests can REQUIRES: on.
if os.path.exists(tidy_plugin):
    config.available_features.add("tidy")
if os.path.exists("/usr/lib/llvm-19/include/c++/v1/mutex"):
    config.available_features.add("libcxx")
if os.path.exists("/usr/src/googletest"):
    config.available_features.add("googletest-src")
if shutil.which("dot"):
    config.available_features.add("graphviz")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.path.join(obj, "bin"), config.environment.get("PATH", "")])
