"""A stand-in for clangd that makes the relay's behaviour observable.

--record=FILE      write the arguments it was started with to FILE
--echo             answer every message with a notification carrying the exact
                   bytes it received (base64), then a fixed, oddly formatted one
--exit-status=N    exit with status N after the first message
Without --exit-status it exits with status 0 at end of input.
"""
import base64
import sys

args = sys.argv[1:]
record = [a.split("=", 1)[1] for a in args if a.startswith("--record=")]
exit_status = [int(a.split("=", 1)[1]) for a in args if a.startswith("--exit-status=")]
echo = "--echo" in args
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
