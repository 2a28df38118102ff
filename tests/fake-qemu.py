# fake-qemu.py - stands in for qemu-system-x86_64 (vc-qemu -Q) to play a
# guest: writes $FAKE_CONSOLE to the console file, connects to the data
# channel and sends $FAKE_RECORDS, chunks split at '|' and sent 0.3 s
# apart ("\n" for a newline); a chunk "@gate" waits until the file
# $FAKE_GATE exists. With FAKE_LISTEN=1 it also listens on the host
# forward's port and never answers. Then it waits to be killed, as a VM
# would, or with FAKE_POWEROFF=1 exits, as a guest that powers off.
import os
import socket
import sys
import time


def options(name):
    """The values of every -name."""
    args = sys.argv[1:]
    return [args[i + 1] for i, a in enumerate(args[:-1]) if a == name]


def field(opt, key):
    """key=value from a QEMU option string; ',,' is a literal comma."""
    parts, cur, i = [], "", 0
    while i < len(opt):
        if opt[i] == ",":
            if opt[i + 1:i + 2] == ",":
                cur += ","
                i += 2
                continue
            parts.append(cur)
            cur = ""
        else:
            cur += opt[i]
        i += 1
    parts.append(cur)
    for p in parts:
        if p.startswith(key + "="):
            return p[len(key) + 1:]
    return None


def chardev(name):
    """The path of the chardev with id name."""
    return [field(c, "path") for c in options("-chardev")
            if field(c, "id") == name][0]


held = []
if os.environ.get("FAKE_LISTEN") == "1":
    fwd = field(options("-netdev")[0], "hostfwd")   # tcp:127.0.0.1:PORT-:80
    port = int(fwd.split(":")[2].split("-")[0])
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", port))
    srv.listen(16)
    held.append(srv)

with open(chardev("con"), "w") as con:
    con.write(os.environ.get("FAKE_CONSOLE", "").replace("\\n", "\n"))

data = socket.socket(socket.AF_UNIX)
data.connect(chardev("data"))
for chunk in os.environ.get("FAKE_RECORDS", "").split("|"):
    if chunk == "@gate":
        while not os.path.exists(os.environ["FAKE_GATE"]):
            time.sleep(0.1)
        continue
    data.sendall(chunk.replace("\\n", "\n").encode())
    time.sleep(0.3)
if os.environ.get("FAKE_POWEROFF") == "1":
    sys.exit(0)
while True:
    if held:
        held.append(held[0].accept())
    else:
        time.sleep(10)
