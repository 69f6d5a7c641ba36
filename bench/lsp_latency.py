#!/usr/bin/env python3
"""Measures lockcheck-lsp's latency: the time from a textDocument/didChange to
the publishDiagnostics that shows lockcheck's answer for the edited buffer, on
a generated file of about 2,000 lines (bench/gen_lock_functions.py plus one
function the edits toggle a double lock in).

Each round sends two edits, waiting for each to settle:
  bug in   insert a second guard: the double lock can only be reported by a
           new analysis of the unsaved buffer (debounce + reparse + analysis);
  bug out  delete it again: the finding disappears (no analysis needed: the
           last answer is moved through the edit, and the edit removed it).
The first analysis (which also builds the preamble) is reported apart. For
scale, the same run times `clang++ -fsyntax-only` on the file with the same
command line, and clangd's own first publish after each edit is shown.

usage: python3 bench/lsp_latency.py [--lsp build/bin/lockcheck-lsp]
           [--clangd /usr/lib/llvm-19/bin/clangd] [--rounds 10] [--lines 2000]
           [--debounce 250]
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(ROOT, "test", "lsp", "Inputs"))
import lspclient  # noqa: E402  (the scripted client of the lit tests)

TOGGLE = """
void lsp_bench_toggle() {
  std::lock_guard<std::mutex> first(shards[0].m);
}
"""
BUG = "  std::lock_guard<std::mutex> second(shards[0].m);\n"


def generate(lines):
    """A file of at least `lines` lines: generated functions + the toggle."""
    n = max(1, lines // 14)
    while True:
        text = subprocess.run([sys.executable, os.path.join(BENCH, "gen_lock_functions.py"),
                               str(n)], check=True, stdout=subprocess.PIPE).stdout.decode()
        text += TOGGLE
        if text.count("\n") >= lines:
            return text
        n += 5


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def summary(values):
    return "median %4.0f ms, p90 %4.0f ms, max %4.0f ms" % (
        statistics.median(values), percentile(values, 90), max(values))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lsp", default=os.path.join(ROOT, "build", "bin", "lockcheck-lsp"))
    ap.add_argument("--clangd", default="/usr/lib/llvm-19/bin/clangd")
    ap.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--debounce", type=int, default=250, help="lockcheck-lsp's, in ms")
    args = ap.parse_args()
    args.lsp = os.path.abspath(args.lsp)
    if not os.access(args.lsp, os.X_OK):
        sys.exit("error: %s is not built; pass --lsp=PATH" % args.lsp)

    work = tempfile.mkdtemp(prefix="lsp-latency-")
    path = os.path.join(work, "bench.cpp")
    text = generate(args.lines)
    flags = ["-std=c++17"]
    lspclient.write_project(work, {"bench.cpp": text}, flags=flags)
    nlines = text.count("\n")
    toggle_line = text.split("\n").index("void lsp_bench_toggle() {") + 2  # 0-based

    compile_times = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([args.clang, "-fsyntax-only"] + flags + [path], check=True)
        compile_times.append((time.perf_counter() - start) * 1000)

    argv = [args.lsp, "--clangd=" + args.clangd, "--lockcheck-debounce=%d" % args.debounce,
            "--", "--background-index=false", "--log=error"]
    client = lspclient.Client(argv, cwd=work, stderr=subprocess.DEVNULL)
    lspclient.hard_deadline(60 + args.rounds * 60, client.kill)
    client.initialize(work)

    def has_bug(params):
        return any(d.get("source") == "lockcheck" and d.get("code") == "lockcheck-double-lock"
                   and d["range"]["start"]["line"] == toggle_line for d in params["diagnostics"])

    def wait_state(version, want_bug, since):
        """ms from `since` to the first publish for `version` in the wanted state."""
        def found():
            for params, t in zip(client.publishes, client.publish_times):
                if params.get("version") == version and has_bug(params) == want_bug:
                    return t
            return None
        t = client.wait(found, 60, "version %d %s the finding" %
                        (version, "with" if want_bug else "without"))
        return (t - since) * 1000

    def first_publish(version, since):
        t = client.wait(lambda: next((t for p, t in zip(client.publishes, client.publish_times)
                                      if p.get("version") == version), None), 60,
                        "a publish for version %d" % version)
        return (t - since) * 1000

    start = time.monotonic()
    client.open(path, text, version=1)
    client.settled_diagnostics(path, 1)
    open_ms = (max(t for p, t in zip(client.publishes, client.publish_times)
                   if p["uri"] == lspclient.file_uri(path)) - start) * 1000

    bug_in, bug_out, clangd_first = [], [], []
    version = 1
    for _ in range(args.rounds):
        version += 1
        sent = time.monotonic()
        client.change(path, version, [{"range": {"start": {"line": toggle_line, "character": 0},
                                                 "end": {"line": toggle_line, "character": 0}},
                                       "text": BUG}])
        bug_in.append(wait_state(version, True, sent))
        clangd_first.append(first_publish(version, sent))
        client.settled_diagnostics(path, version)

        version += 1
        sent = time.monotonic()
        client.change(path, version, [{"range": {"start": {"line": toggle_line, "character": 0},
                                                 "end": {"line": toggle_line + 1, "character": 0}},
                                       "text": ""}])
        bug_out.append(wait_state(version, False, sent))
        clangd_first.append(first_publish(version, sent))
        client.settled_diagnostics(path, version)
    client.shutdown_and_exit()
    # "analysed <file> (version N) in T ms (parse P ms)": no debounce in T.
    done = [m for m in (re.search(r"\(version (?:[2-9]|\d\d+)\) in (\d+) ms \(parse (\d+) ms\)", l)
                        for l in client.log) if m]
    work_ms = [float(m.group(1)) for m in done]
    parse_ms = [float(m.group(2)) for m in done]

    print("lockcheck-lsp latency, %d-line file, %d rounds, debounce %d ms, %s, load average %.1f" % (
        nlines, args.rounds, args.debounce, time.strftime("%Y-%m-%d"), os.getloadavg()[0]))
    print("| measurement | time |")
    print("|---|---|")
    print("| `clang++ -fsyntax-only` on the file (5 runs) | %s |" % summary(compile_times))
    print("| didOpen -> first diagnostics with lockcheck's (builds the preamble) | %.0f ms |" % open_ms)
    print("| didChange (bug in) -> lockcheck finding published | %s |" % summary(bug_in))
    print("| of which lockcheck-lsp's reparse + analysis (its log) | %s |" % summary(work_ms))
    print("| of which the reparse alone (its log) | %s |" % summary(parse_ms))
    print("| didChange (bug out) -> finding gone | %s |" % summary(bug_out))
    print("| didChange -> clangd's first publish (for scale) | %s |" % summary(clangd_first))
    print("| bug in, median / `clang++ -fsyntax-only` median | %.2fx |" % (
        statistics.median(bug_in) / statistics.median(compile_times)))


if __name__ == "__main__":
    main()
