"""A stand-in for clangd that makes the relay's behaviour observable.

--record=FILE      write the arguments it was started with to FILE
--echo             answer every message with a notification carrying the exact
                   bytes it received (base64), then a fixed, oddly formatted one
--exit-status=N    exit with status N after the first message
--busy             like a clangd still indexing: ignores "exit" and the end of
                   its input, and runs on (until killed)
--exit-after-exit=N  exit with status N on "exit"
Without --exit-status it exits with status 0 at end of input.
"""
import base64
import json
import sys
import time

args = sys.argv[1:]
record = [a.split("=", 1)[1] for a in args if a.startswith("--record=")]
exit_status = [int(a.split("=", 1)[1]) for a in args if a.startswith("--exit-status=")]
echo = "--echo" in args
busy = "--busy" in args
exit_after_exit = [int(a.split("=", 1)[1]) for a in args if a.startswith("--exit-after-exit=")]
if record:
    with open(record[0], "w") as f:
        f.write(" ".join(a for a in args if not a.startswith("--record=")) + "\n")

stdin, stdout = sys.stdin.buffer, sys.stdout.buffer


def send(body):
    stdout.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stdout.flush()


while True:
    length = None
    while True:
        line = stdin.readline()
        if not line:
            while busy:
                time.sleep(1)
            sys.exit(0)
        if not line.strip():
            break
        key, _, value = line.decode("ascii").partition(":")
        if key.strip().lower() == "content-length":
            length = int(value)
    body = stdin.read(length)
    if echo:
        send(b'{"jsonrpc":"2.0","method":"fake/echo","params":{"bytes":"%s"}}'
             % base64.b64encode(body))
        # Spacing, key order and escapes a re-serialising relay would change.
        send(b'{ "params" : {"z":1, "a":"\\u00e9\\/x"},  "method":"fake/odd", "jsonrpc":"2.0" }')
    if exit_status:
        sys.exit(exit_status[0])
    method = json.loads(body).get("method")
    if method == "shutdown":
        send(b'{"jsonrpc":"2.0","id":%s,"result":null}' % json.dumps(json.loads(body)["id"]).encode())
    if method == "exit" and exit_after_exit:
        sys.exit(exit_after_exit[0])
