#!/usr/bin/env python3
"""Runs a plugin test file through clang-tidy instead of the plugin.

Two kinds of RUN lines of FILE are mirrored:
  - `%lockcheck_cxx ... -Xclang -verify[=prefixes] %s`: the equivalent
    clang-tidy command runs, and FileCheck checks its output against the
    file's expected-* comments (expectations.py, normalize_diags.py);
  - `%lockcheck_cxx ... -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck
    ARGS %s`: clang-tidy runs with --export-fixes, the fixes are printed the
    way clang prints them (fixes_as_parseable.py), and FileCheck ARGS checks
    them with the file's own CHECK lines.
Other RUN lines are not about findings and are left to the plugin suite.

The clang-tidy command keeps the RUN line's compiler flags and maps plugin
arguments (-fplugin-arg-lockcheck-<arg> or -Xclang -plugin-arg-lockcheck
-Xclang <arg>) to clang-tidy options:
  checks=<globs>  -> --checks='-*,lockcheck-*,<globs>,clang-diagnostic-*'
  config=<path>   -> CheckOptions ConfigFile: <path>
  werror          -> --warnings-as-errors='lockcheck-*'
  debug, facts=   -> ignored (they do not change diagnostics)
Any other plugin argument, -verify option or %-substitution is an error, so
a test cannot silently pass by being skipped.

Usage: verify_with_tidy.py --clang-tidy=BIN --plugin=SO --filecheck=BIN
                           --tmp=PREFIX [--run N] FILE
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import expectations  # noqa: E402
import fixes_as_parseable  # noqa: E402
import normalize_diags  # noqa: E402

FRONT_ENDS = {"%lockcheck_cxx": "c++", "%lockcheck_cc": "c"}
# Exit status when FILE has no plugin -verify RUN line at all.
NOTHING_TO_MIRROR = 3


class Unsupported(Exception):
    pass


def run_lines(path):
    """The file's RUN commands, with '\\' continuations joined."""
    cmds, cur = [], None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            m = re.search(r"\bRUN:(.*)$", raw)
            if not m:
                continue
            part = m.group(1).rstrip()
            cur = (cur + " " if cur is not None else "") + part.rstrip("\\").strip()
            if not part.endswith("\\"):
                cmds.append(cur)
                cur = None
    if cur is not None:
        cmds.append(cur)
    return cmds


class TidyRun:
    """One clang-tidy invocation standing for one plugin RUN line."""

    def __init__(self, run_line, kind):
        self.run_line = run_line
        self.kind = kind  # "verify" or "fixits"
        self.language = None
        self.compiler_args = []
        self.prefixes = ["expected"]
        self.check_globs = []
        self.config_file = None
        self.werror = False
        self.filecheck_args = []  # for "fixits"


def _strip_prefix_commands(tokens):
    while tokens and tokens[0] in ("not", "env"):
        tokens.pop(0)
    return tokens


def expand_if(run_line, features):
    """lit's `%if feat %{ A %} [%else %{ B %}]` for a plain or negated
    feature name; anything more complex is an error."""
    def pick(m):
        cond = m.group(1)
        negated = cond.startswith("!")
        name = cond.lstrip("!")
        if not re.fullmatch(r"[\w.+-]+", name):
            raise Unsupported("unsupported %%if condition '%s'" % cond)
        on = (name in features) != negated
        return m.group(2) if on else (m.group(3) or "")
    return re.sub(r"%if\s+(\S+)\s*%\{(.*?)%\}(?:\s*%else\s*%\{(.*?)%\})?", pick, run_line)


def derive(run_line, source):
    """Returns a TidyRun, or None when the RUN line is neither kind."""
    stages = [s.strip() for s in re.split(r"\|\||&&|\||;", run_line)]
    src_dir = os.path.dirname(os.path.abspath(source))
    for n, stage in enumerate(stages):
        if not any(fe in stage for fe in FRONT_ENDS):
            continue
        if "-verify" in stage:
            run = TidyRun(run_line, "verify")
        elif "-fdiagnostics-parseable-fixits" in stage and n + 1 < len(stages):
            run = TidyRun(run_line, "fixits")
            fc = _strip_prefix_commands(shlex.split(stages[n + 1]))
            if not fc or fc[0] != "%FileCheck":
                continue
            run.filecheck_args = [
                t.replace("%s", source).replace("%S", src_dir) for t in fc[1:]]
            if any("%" in t for t in run.filecheck_args):
                raise Unsupported("unsupported substitution in: %s" % stages[n + 1])
        else:
            continue
        tokens = _strip_prefix_commands(shlex.split(stage))
        if not tokens or tokens[0] not in FRONT_ENDS:
            raise Unsupported("cannot map RUN line (the plugin must be the "
                              "command run): %s" % run_line)
        _read_front_end_args(run, tokens, src_dir)
        return run
    return None


def _read_front_end_args(run, tokens, src_dir):
    run.language = FRONT_ENDS[tokens[0]]
    plugin_args = []
    i = 1
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t == "-Xclang" and nxt is not None and nxt.startswith("-verify"):
            t, i = nxt, i + 1
        if t == "-Xclang" and nxt == "-plugin-arg-lockcheck":
            if i + 3 >= len(tokens) or tokens[i + 2] != "-Xclang":
                raise Unsupported("incomplete -plugin-arg-lockcheck in: %s" % run.run_line)
            plugin_args.append(tokens[i + 3])
            i += 4
            continue
        if t.startswith("-verify"):
            if t.startswith("-verify="):
                run.prefixes = [p for p in t[len("-verify="):].split(",") if p]
            elif t != "-verify":
                raise Unsupported("unsupported -verify option '%s'" % t)
        elif t.startswith("-fplugin-arg-lockcheck-"):
            plugin_args.append(t[len("-fplugin-arg-lockcheck-"):])
        elif t in ("%s", "-fsyntax-only", "-fdiagnostics-parseable-fixits", "2>&1"):
            pass
        elif t == "%libcxx":
            run.compiler_args.append("-stdlib=libc++")
        elif "%" in t:
            t2 = t.replace("%S", src_dir).replace("%p", src_dir)
            if "%" in t2:
                raise Unsupported("unsupported substitution in '%s'" % t)
            run.compiler_args.append(t2)
        else:
            run.compiler_args.append(t)
        i += 1
    for arg in plugin_args:
        if arg.startswith("checks="):
            run.check_globs.append(arg[len("checks="):])
        elif arg.startswith("config="):
            run.config_file = arg[len("config="):].replace("%S", src_dir).replace("%p", src_dir)
        elif arg == "werror":
            run.werror = True
        elif arg == "debug" or arg.startswith("facts="):
            pass
        else:
            raise Unsupported("plugin argument '%s' has no clang-tidy "
                              "counterpart; teach %s" % (arg, os.path.basename(__file__)))


def tidy_command(run, args, source, extra=()):
    # As the plugin: checks that are off by default run only when a glob names them.
    checks = ",".join(["-*", "lockcheck-*", "-lockcheck-unguarded-access"] + run.check_globs +
                      ["clang-diagnostic-*"])
    # An explicit --config keeps any .clang-tidy above the test out of it.
    options = ""
    if run.config_file:
        options = "CheckOptions: {ConfigFile: '%s'}" % run.config_file.replace("'", "''")
    cmd = [args.clang_tidy, "--load=" + args.plugin, "--checks=" + checks,
           "--header-filter=.*", "--config={%s}" % options] + list(extra)
    if run.werror:
        cmd.append("--warnings-as-errors=lockcheck-*")
    cmd += [source, "--"]
    if run.language == "c++":
        # What %lockcheck_cxx adds (test/lit.cfg.py).
        cmd += ["--driver-mode=g++", "-std=c++17"]
        if source.endswith(".c"):
            cmd += ["-x", "c++"]
    return cmd + run.compiler_args


def _show(label, cmd):
    print("# %s: %s" % (label, " ".join(shlex.quote(c) for c in cmd)))


def _run_tidy(cmd):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    if proc.returncode < 0:
        print("clang-tidy crashed (signal %d):\n%s" % (-proc.returncode, proc.stderr))
        return None
    return proc


def _filecheck(fc, stdin_text, proc):
    _show("FileCheck", fc)
    res = subprocess.run(fc, input=stdin_text, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True)
    if res.returncode != 0:
        print(res.stdout)
        print("# clang-tidy stdout:\n%s" % proc.stdout)
        print("# clang-tidy stderr:\n%s" % proc.stderr)
        return False
    return True


def verify(run, args, source, index):
    tmp = "%s.%d" % (args.tmp, index)
    print("# plugin RUN: %s" % run.run_line)
    if run.kind == "fixits":
        fixes = tmp + ".fixes.yaml"
        if os.path.exists(fixes):
            os.remove(fixes)
        cmd = tidy_command(run, args, source, ["--export-fixes=" + fixes])
        _show("clang-tidy", cmd)
        proc = _run_tidy(cmd)
        if proc is None:
            return False
        text = ""
        if os.path.exists(fixes):  # clang-tidy writes none without diagnostics
            with open(fixes, encoding="utf-8") as f:
                text = "\n".join(fixes_as_parseable.render(fixes_as_parseable.parse(f))) + "\n"
        return _filecheck([args.filecheck] + run.filecheck_args + ["--dump-input=fail"],
                          text, proc)

    check_file = tmp + ".check"
    exps = expectations.parse(source, run.prefixes)
    with open(check_file, "w") as f:
        f.write("\n".join(expectations.check_lines(exps)) + "\n")
    cmd = tidy_command(run, args, source)
    _show("clang-tidy", cmd)
    proc = _run_tidy(cmd)
    if proc is None:
        return False
    diags = "\n".join(normalize_diags.normalize(proc.stdout.splitlines())) + "\n"
    return _filecheck([args.filecheck, check_file,
                       "--implicit-check-not={{warning|error|note|remark}}:",
                       "--dump-input=fail"], diags, proc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--filecheck", required=True)
    ap.add_argument("--tmp", required=True, help="prefix for temporary files")
    ap.add_argument("--features", default="",
                    help="comma-separated lit features, for %%if in RUN lines")
    ap.add_argument("--run", type=int, help="only the N-th mirrored RUN line "
                    "(0-based); default: all")
    ap.add_argument("file")
    args = ap.parse_args()
    source = os.path.abspath(args.file)
    try:
        features = set(f for f in args.features.split(",") if f)
        lines = [expand_if(l, features) for l in run_lines(source)]
        runs = [r for r in (derive(l, source) for l in lines if l.strip()) if r]
        if not any(r.kind == "verify" for r in runs):
            print("verify_with_tidy.py: error: no RUN line runs the plugin with -verify")
            return NOTHING_TO_MIRROR
        selected = list(enumerate(runs))
        if args.run is not None:
            if not 0 <= args.run < len(runs):
                raise Unsupported("--run %d: the file has %d mirrored RUN "
                                  "lines" % (args.run, len(runs)))
            selected = [selected[args.run]]
        ok = True
        for n, run in selected:
            ok = verify(run, args, source, n) and ok
    except (Unsupported, expectations.VerifyError) as e:
        print("verify_with_tidy.py: error: %s" % e)
        return 2
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
