"""A scripted LSP client for lockcheck-lsp's tests (Python 3 standard library only).

It starts the server, frames and sends JSON-RPC messages, answers the server's
own requests with null, records every publishDiagnostics, and bounds every
wait with a timeout so that a broken server fails the test instead of hanging it.
"""
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time


class LspError(Exception):
    pass


def file_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def hard_deadline(seconds, cleanup=None):
    """Kills the whole test after `seconds`, whatever it is blocked on."""
    def expired(signum, frame):
        sys.stderr.write("test timed out after %d s\n" % seconds)
        if cleanup:
            cleanup()
        os._exit(3)
    signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)


class Client:
    def __init__(self, argv, cwd=None, stderr=None):
        self.proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.incoming = queue.Queue()
        self.next_id = 1
        self.publishes = []       # every publishDiagnostics params, in order
        self.publish_times = []   # time.monotonic() at which each arrived
        self.responses = {}       # json-encoded id -> response
        self.notifications = []   # other notifications from the server
        self.cond = threading.Condition()
        self.closed = False
        self.log = []             # the server's stderr lines
        self.stderr = stderr      # where they are copied (None: our stderr)
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_log, daemon=True).start()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()

    # -- wire -----------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self.cond:
                        self.closed = True
                        self.cond.notify_all()
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode("ascii").partition(":")
                if key.strip().lower() == "content-length":
                    length = int(value)
            body = out.read(length)
            msg = json.loads(body.decode("utf-8"))
            self._dispatch(msg)

    def _read_log(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            if self.stderr is not subprocess.DEVNULL:
                (self.stderr or sys.stderr).write(line + "\n")
            with self.cond:
                self.log.append(line)
                self.cond.notify_all()

    def _dispatch(self, msg):
        if "method" in msg and "id" in msg:
            # A request from the server (progress, configuration...): accept.
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
            return
        with self.cond:
            if "method" in msg:
                if msg["method"] == "textDocument/publishDiagnostics":
                    self.publishes.append(msg["params"])
                    self.publish_times.append(time.monotonic())
                else:
                    self.notifications.append(msg)
            else:
                self.responses[json.dumps(msg.get("id"))] = msg
            self.cond.notify_all()

    def send(self, msg):
        body = json.dumps(msg).encode("utf-8")
        data = b"Content-Length: %d\r\n\r\n" % len(body) + body
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    # -- protocol -------------------------------------------------------
    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request_async(self, method, params, id=None):
        if id is None:
            id = self.next_id
            self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
        return id

    def response(self, id, timeout=60):
        key = json.dumps(id)
        return self.wait(lambda: self.responses.get(key), timeout,
                         "the response to request %r" % (id,))

    def request(self, method, params, timeout=60):
        return self.response(self.request_async(method, params), timeout)

    def wait(self, predicate, timeout, what):
        """Waits until predicate() (called under the lock) returns a truthy value."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise LspError("timed out waiting for " + what)
                if self.closed:
                    raise LspError("the server closed its output while waiting for " + what)
                self.cond.wait(left)

    def initialize(self, root, capabilities=None, options=None):
        caps = capabilities if capabilities is not None else default_capabilities()
        params = {"processId": os.getpid(), "rootUri": file_uri(root),
                  "capabilities": caps}
        if options is not None:
            params["initializationOptions"] = options
        result = self.request("initialize", params)
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1, language="cpp"):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": file_uri(path), "languageId": language, "version": version,
            "text": text}})

    def change(self, path, version, changes):
        self.notify("textDocument/didChange", {
            "textDocument": {"uri": file_uri(path), "version": version},
            "contentChanges": changes})

    def publishes_for(self, path, version=None):
        uri = file_uri(path)
        return [p for p in self.publishes
                if p["uri"] == uri and (version is None or p.get("version") == version)]

    def analyses(self, path, version):
        """How many analyses of `version` of `path` lockcheck-lsp has finished.

        lockcheck-lsp logs every finished analysis (at the default log level);
        that is the only way to tell its publishDiagnostics from clangd's.
        """
        key = "%s (version %d)" % (path, version)
        return len([l for l in self.log if key in l and (
            "analysed " in l or "not analysing " in l or "analysis of " in l)])

    def settled_diagnostics(self, path, version, analyses=1, timeout=120, settle=0.7):
        """The diagnostics for `version` once clangd and lockcheck both answered.

        Waits for clangd's publish for the version and for the `analyses`-th
        finished analysis of it, then for a quiet moment, and returns the
        latest list published for the version.
        """
        self.wait(lambda: self.publishes_for(path, version) and
                  self.analyses(path, version) >= analyses, timeout,
                  "clangd's diagnostics and lockcheck's analysis %d of version %d"
                  % (analyses, version))
        while True:
            with self.cond:
                n = len(self.publishes)
            time.sleep(settle)
            with self.cond:
                if len(self.publishes) == n:
                    return self.publishes_for(path, version)[-1]["diagnostics"]

    def shutdown_and_exit(self, timeout=30):
        response = self.request("shutdown", None, timeout)
        self.notify("exit", None)
        self.proc.stdin.close()
        try:
            return response, self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise LspError("the server did not exit within %d s after 'exit'" % timeout)


def default_capabilities(encodings=None):
    caps = {
        "textDocument": {
            "synchronization": {"didSave": True},
            "publishDiagnostics": {"relatedInformation": True,
                                   "versionSupport": True,
                                   "codeDescriptionSupport": True},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {
                "valueSet": ["", "quickfix", "refactor", "source"]}}},
        },
    }
    if encodings:
        # LSP 3.17's field, and clangd's older extension that it still reads.
        caps["general"] = {"positionEncodings": encodings}
        caps["offsetEncoding"] = encodings
    return caps


def write_project(root, files, flags=("-std=c++17", "-Wall")):
    """Writes `files` (name -> text) and a compile_commands.json for the .cpp/.c ones."""
    os.makedirs(root, exist_ok=True)
    entries = []
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if name.endswith((".cpp", ".c")):
            compiler = "clang" if name.endswith(".c") else "clang++"
            entries.append({"directory": root, "file": name,
                            "arguments": [compiler] + list(flags) + ["-c", name]})
    with open(os.path.join(root, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


def describe(diagnostics, text=None):
    """One stable line per diagnostic (sorted), for FileCheck: 1-based line:col."""
    lines = []
    for d in sorted(diagnostics, key=lambda d: (d.get("source", ""),
                                                d["range"]["start"]["line"],
                                                d["range"]["start"]["character"])):
        start = d["range"]["start"]
        sev = {1: "error", 2: "warning", 3: "info", 4: "hint"}.get(d.get("severity"), "?")
        lines.append("%s %d:%d %s [%s] %s" % (
            d.get("source", "?"), start["line"] + 1, start["character"] + 1, sev,
            d.get("code", ""), d["message"].splitlines()[0]))
        for r in d.get("relatedInformation", []):
            loc = r["location"]["range"]["start"]
            lines.append("  note %d:%d: %s" % (loc["line"] + 1, loc["character"] + 1,
                                              r["message"]))
        href = d.get("codeDescription", {}).get("href")
        if href and d.get("source") == "lockcheck":
            lines.append("  doc: " + href)
    return lines


def server_argv(args, debounce_ms=150, options=()):
    """The command line from --lsp/--clangd arguments of a test script.

    `options` are more lockcheck-lsp options. clangd's own clang-tidy checks
    are off so that its diagnostics do not depend on its default check list.
    """
    return [args.lsp, "--clangd=" + args.clangd, "--lockcheck-debounce=%d" % debounce_ms] + \
        list(options) + ["--", "--background-index=false", "--clang-tidy=false", "--log=error"]
