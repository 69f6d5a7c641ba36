"""The lit test format behind test/tidy/mirror (see its lit.local.cfg).

A module rather than code in lit.local.cfg because lit's worker processes
must be able to import the format class.
"""
import os
import subprocess
import sys

import lit.Test
import lit.TestRunner
import lit.formats

MIRRORED_FOLDERS = ["checks", "libcxx", "robustness", "guard-classes"]

# Plugin tests that cannot mean the same thing under clang-tidy, with why.
# Keep this empty unless the difference is inherent to clang-tidy.
NOT_MIRRORED = {}


class MirroredTest(lit.Test.Test):
    """A test whose source is a plugin test file outside this folder."""

    def getSourcePath(self):
        return self.file_path


class TidyMirror(lit.formats.TestFormat):
    def getTestsInDirectory(self, testSuite, path_in_suite, litConfig, localConfig):
        test_root = testSuite.source_root
        for folder in MIRRORED_FOLDERS:
            src = os.path.join(test_root, folder)
            if not os.path.isdir(src):
                continue
            for name in sorted(os.listdir(src)):
                path = os.path.join(src, name)
                if name.startswith(".") or not os.path.isfile(path):
                    continue
                if os.path.splitext(name)[1] not in (".c", ".cpp"):
                    continue
                yield MirroredTest(testSuite, path_in_suite + (folder, name),
                                   localConfig, file_path=path)

    def execute(self, test, litConfig):
        rel = os.path.relpath(test.getSourcePath(), test.suite.source_root)
        if rel in NOT_MIRRORED:
            return lit.Test.Result(lit.Test.UNSUPPORTED, NOT_MIRRORED[rel])
        test.requires.append("tidy")
        # REQUIRES/UNSUPPORTED/XFAIL of the plugin test apply here as well.
        parsed = lit.TestRunner.parseIntegratedTestScript(test, require_script=True)
        if isinstance(parsed, lit.Test.Result):
            return parsed
        cfg = test.config
        tmp_dir, tmp_base = lit.TestRunner.getTempPaths(test)
        os.makedirs(tmp_dir, exist_ok=True)
        here = os.path.dirname(os.path.abspath(__file__))
        cmd = [cfg.python, os.path.join(here, "verify_with_tidy.py"),
               "--clang-tidy=" + cfg.clang_tidy,
               "--plugin=" + os.path.join(cfg.lockcheck_obj_root, "lib", "lockcheck-tidy.so"),
               "--filecheck=" + cfg.filecheck,
               "--tmp=" + tmp_base,
               "--features=" + ",".join(sorted(cfg.available_features)),
               test.getSourcePath()]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, cwd=tmp_dir,
                              env=cfg.environment)
        out = "$ " + " ".join(cmd) + "\n" + proc.stdout
        if proc.returncode == 0:
            return lit.Test.Result(lit.Test.PASS, out)
        if proc.returncode == 3:  # verify_with_tidy.NOTHING_TO_MIRROR
            return lit.Test.Result(lit.Test.UNSUPPORTED, out)
        return lit.Test.Result(lit.Test.FAIL, out)

