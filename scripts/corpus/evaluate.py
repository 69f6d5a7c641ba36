#!/usr/bin/env python3
"""Runs `lockcheck -p` over each prepared project of the evaluation corpus and
prints one table: TUs, findings per check, wall and CPU time, peak memory, and
TUs the tool could not analyse (crashes apart). Used by scripts/evaluate-corpus.sh.

Fetches nothing. A project is run when <corpus>/<name>/build/compile_commands.json
exists; the others are listed with how to prepare them (docs/corpus.md).
If scripts/corpus/<name>.lockcheck.yaml exists it is passed as --config.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROJECTS = ["libuv", "memcached", "libzmq", "abseil-cpp", "rocksdb", "googletest",
            "leveldb", "sqlite"]
CHECKS = ["double-lock", "unlock-not-held", "missing-unlock", "exception-leak",
          "unused-guard", "lock-order", "unguarded-access"]
SHORT = {"double-lock": "dbl", "unlock-not-held": "unl", "missing-unlock": "miss",
         "exception-leak": "exc", "unused-guard": "guard", "lock-order": "order",
         "unguarded-access": "race"}


def is_crash(reason):
    return "crash" in reason.lower()


def run_one(name, compdb_dir, a):
    out_json = os.path.join(a.results, name + ".json")
    out_log = os.path.join(a.results, name + ".log")
    cmd = [a.lockcheck, "-p", compdb_dir, "--format=json", "-o", out_json,
           "-j%d" % a.jobs, "--no-progress"]
    cfg = os.path.join(ROOT, "scripts", "corpus", name + ".lockcheck.yaml")
    if os.path.exists(cfg):
        cmd += ["--config", cfg]
    cmd += a.lockcheck_arg
    if os.path.exists(out_json):
        os.remove(out_json)
    with open(out_log, "w") as log:
        log.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n")
        log.flush()
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - t0
    row = {"project": name, "exit": p.returncode, "wall_s": round(wall, 2),
           "cpu_s": round(ru.ru_utime + ru.ru_stime, 2), "maxrss_mb": ru.ru_maxrss // 1024,
           "config": cfg if os.path.exists(cfg) else None, "json": out_json, "log": out_log,
           "command": cmd}
    try:
        with open(out_json) as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        row["error"] = "no results (%s); see %s" % (e.__class__.__name__, out_log)
        return row
    s = data.get("summary", {})
    per = {c: 0 for c in CHECKS}
    for fnd in data.get("findings", []):
        c = fnd.get("check", "?")
        c = c[len("lockcheck-"):] if c.startswith("lockcheck-") else c
        per[c] = per.get(c, 0) + 1
    skipped = s.get("notAnalysed", [])
    row.update({
        "tus": s.get("translationUnits", 0), "analysed": s.get("analysed", 0),
        "rechecked": s.get("reanalysedWithOtherTUs", 0), "findings": per,
        "total": sum(per.values()),
        "crashes": [t for t in skipped if is_crash(t.get("reason", ""))],
        "not_analysed": [t for t in skipped if not is_crash(t.get("reason", ""))],
    })
    return row


def table(rows):
    head = ["project", "TUs", "done", "wall s", "cpu s", "RSS MB"] + \
           [SHORT[c] for c in CHECKS] + ["total", "n/a", "crash", "exit"]
    lines = []
    for r in rows:
        if "findings" not in r:
            lines.append([r["project"], "-", "-", "%.1f" % r["wall_s"], "%.1f" % r["cpu_s"],
                          str(r["maxrss_mb"])] + ["-"] * len(CHECKS) +
                         ["-", "-", "-", str(r["exit"])])
            continue
        lines.append([r["project"], str(r["tus"]), str(r["analysed"]), "%.1f" % r["wall_s"],
                      "%.1f" % r["cpu_s"], str(r["maxrss_mb"])] +
                     [str(r["findings"].get(c, 0)) for c in CHECKS] +
                     [str(r["total"]), str(len(r["not_analysed"])), str(len(r["crashes"])),
                      str(r["exit"])])
    w = [max(len(x) for x in col) for col in zip(head, *lines)]
    fmt = lambda cells: "  ".join(c.ljust(w[0]) if i == 0 else c.rjust(w[i])
                                  for i, c in enumerate(cells))
    out = [fmt(head), fmt(["-" * x for x in w])] + [fmt(l) for l in lines]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("projects", nargs="*", help="projects to run (default: all prepared)")
    ap.add_argument("--corpus", default=os.environ.get("CORPUS", "/work/corpus"))
    ap.add_argument("--results", default=os.environ.get("RESULTS", "/tmp/lockcheck-eval"))
    ap.add_argument("--lockcheck", default=os.path.join(
        os.environ.get("BUILD_DIR", os.path.join(ROOT, "build")), "bin", "lockcheck"))
    ap.add_argument("-j", "--jobs", type=int, default=int(os.environ.get("JOBS", "2")))
    ap.add_argument("--lockcheck-arg", action="append", default=[],
                    help="extra argument for lockcheck (repeatable), e.g. --lockcheck-arg=--checks=-*,lockcheck-lock-order")
    a = ap.parse_args()

    unknown = [p for p in a.projects if p not in PROJECTS]
    if unknown:
        print("evaluate-corpus: unknown project(s) %s; known: %s" % (" ".join(unknown),
              " ".join(PROJECTS)), file=sys.stderr)
        return 2
    if not os.access(a.lockcheck, os.X_OK):
        print("evaluate-corpus: %s not found; build lockcheck first (bash scripts/build.sh)"
              % a.lockcheck, file=sys.stderr)
        return 2
    os.makedirs(a.results, exist_ok=True)

    wanted = a.projects or PROJECTS
    missing, rows = [], []
    for name in wanted:
        d = os.path.join(a.corpus, name, "build")
        if not os.path.exists(os.path.join(d, "compile_commands.json")):
            missing.append(name)
            continue
        print("evaluate-corpus: %s ..." % name, file=sys.stderr, flush=True)
        r = run_one(name, d, a)
        rows.append(r)
        print("evaluate-corpus: %s: %s findings, %.1f s, exit %d" % (
            name, r.get("total", "?"), r["wall_s"], r["exit"]), file=sys.stderr, flush=True)

    if missing:
        print("evaluate-corpus: not prepared (no %s/<name>/build/compile_commands.json): %s"
              % (a.corpus, " ".join(missing)), file=sys.stderr)
        print("  prepare with: bash scripts/corpus/prepare.sh %s   (see docs/corpus.md)"
              % " ".join(missing), file=sys.stderr)
    if not rows:
        return 2

    text = table(rows)
    notes = []
    for r in rows:
        if "error" in r:
            notes.append("%s: %s" % (r["project"], r["error"]))
        if r["exit"] < 0:
            notes.append("%s: lockcheck killed by signal %d (see %s)" % (r["project"], -r["exit"],
                                                                        r["log"]))
        for t in r.get("crashes", []):
            notes.append("%s: CRASH %s: %s" % (r["project"], t["file"], t["reason"]))
        for t in r.get("not_analysed", []):
            notes.append("%s: not analysed %s: %s" % (r["project"], t["file"], t["reason"]))
    legend = ("checks: " + ", ".join("%s=%s" % (SHORT[c], c) for c in CHECKS) +
              "; done = TUs analysed; n/a = not analysed (not a crash); exit = lockcheck's status"
              " (0 none, 1 findings, 2 TUs not analysed, <0 signal)")
    report = "\n".join([text, "", legend] + ([""] + notes if notes else []) +
                       ["", "results: %s/<project>.json, logs: <project>.log" % a.results])
    print(report)
    with open(os.path.join(a.results, "summary.txt"), "w") as f:
        f.write(report + "\n")
    with open(os.path.join(a.results, "summary.json"), "w") as f:
        json.dump({"corpus": a.corpus, "lockcheck": a.lockcheck, "jobs": a.jobs,
                   "projects": rows, "missing": missing}, f, indent=2)
        f.write("\n")
    bad = missing or any(r["exit"] not in (0, 1) or "error" in r for r in rows)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
