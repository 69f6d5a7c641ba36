# lit configuration for lockcheck. Every tool is the one of the LLVM release
# this build is for (19 to 22; config.llvm_version_major). Substitutions:
#   %clang / %clangxx      that release's Clang driver (C / C++)
#   %plugin                build/lib/lockcheck-plugin-<major>.so
#   %lockcheck_cxx         %clangxx -fsyntax-only -std=c++17 -fplugin=%plugin (libstdc++)
#   %lockcheck_cc          %clang -fsyntax-only -fplugin=%plugin (C)
#   %libcxx                flags that select libc++ headers
#   %tidy_plugin           build/lib/lockcheck-tidy-<major>.so
#   %clang_tidy, %run_clang_tidy, %clangd, %FileCheck   that release's tools
#   %llvm_version_major    19, 22, ...
#   %other_clangxx, %other_clang_tidy, %other_llvm_version_major
#                          another installed supported release (feature other-llvm)
#   %python, %S/%s/%t as usual
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
plugin = config.plugin
tidy_plugin = config.tidy_plugin
clangxx = config.clang + "++" if not config.clang.endswith("++") else config.clang
major = int(config.llvm_version_major)

config.substitutions.append(("%lockcheck_cxx",
    "%s -fsyntax-only -std=c++17 -fplugin=%s" % (clangxx, plugin)))
config.substitutions.append(("%lockcheck_cc",
    "%s -fsyntax-only -fplugin=%s" % (config.clang, plugin)))
config.substitutions.append(("%libcxx", "-stdlib=libc++"))
config.substitutions.append(("%clangxx", clangxx))
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%run_clang_tidy", config.run_clang_tidy))
config.substitutions.append(("%llvm_version_major", str(major)))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%tidy_plugin", tidy_plugin))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%FileCheck", config.filecheck))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%clangd", config.clangd))
config.substitutions.append(("%lockcheck_bin", os.path.join(obj, "bin")))
config.substitutions.append(("%src_root", config.lockcheck_src_root))
config.substitutions.append(("%obj_root", obj))

# Features tests can REQUIRES: on.
if os.path.exists(tidy_plugin):
    config.available_features.add("tidy")
if config.unversioned_names:
    config.available_features.add("unversioned-names")


def libcxx_version(v1):
    """The release of the libc++ headers in v1 (their _LIBCPP_VERSION), or None."""
    try:
        with open(os.path.join(v1, "__config")) as f:
            for line in f:
                if line.startswith("#  define _LIBCPP_VERSION ") or line.startswith("#define _LIBCPP_VERSION "):
                    return int(line.split()[-1]) // 10000
    except (OSError, ValueError):
        pass
    return None


# Clang looks for libc++ next to itself, then in /usr/include/c++/v1. Debian
# installs one libc++-<N>-dev at a time (they conflict), and libc++ headers
# refuse a Clang older than themselves; so the libc++ tests need headers from
# a release no newer than this Clang (libc++-19-dev serves 19 to 22).
libcxx_dirs = [os.path.join(os.path.dirname(config.llvm_tools_dir), "include", "c++", "v1"),
               "/usr/include/c++/v1"]
libcxx_found = [(d, libcxx_version(d)) for d in libcxx_dirs if libcxx_version(d)]
if libcxx_found and libcxx_found[0][1] <= major:
    config.available_features.add("libcxx")
else:
    lit_config.fatal(
        "no libc++ headers that Clang %d accepts: %s; install libc++-19-dev "
        "(bash scripts/setup.sh), whose headers serve Clang 19 to 22" % (
            major, ", ".join("%s is libc++ %d" % f for f in libcxx_found) or "none found"))
if os.path.exists("/usr/src/googletest"):
    config.available_features.add("googletest-src")
if shutil.which("dpkg-deb") and shutil.which("cpack"):
    config.available_features.add("dpkg-deb")
if shutil.which("dot"):
    config.available_features.add("graphviz")

# Another installed supported release, to check that a module built for this
# one refuses to run there.
for other in config.other_llvm_versions:
    other_bin = "/usr/lib/llvm-%s/bin" % other
    if os.path.exists(os.path.join(other_bin, "clang++")) and \
            os.path.exists(os.path.join(other_bin, "clang-tidy")):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_clangxx", os.path.join(other_bin, "clang++")))
        config.substitutions.append(("%other_clang_tidy", os.path.join(other_bin, "clang-tidy")))
        config.substitutions.append(("%other_llvm_version_major", str(other)))
        break

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.path.join(obj, "bin"), config.environment.get("PATH", "")])
# Helper scripts (test/cli/Inputs/cdb.py) write compile commands for this release.
config.environment["LOCKCHECK_TEST_CLANG"] = config.clang
config.environment["LOCKCHECK_TEST_CLANGXX"] = clangxx
