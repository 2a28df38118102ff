#!/bin/sh
# A slow platform gives a slow number, never a failure: -d is a target,
# and a run whose target passes before any download has completed goes
# on until one has. A real server that sends its 96 KiB file in 8 KiB
# pieces a quarter of a second apart (3 s a download) against a 1-second
# target: the run lasts about 3 s, exits 0, and counts whole downloads.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3
own_tmpdir

cat >"$tap_tmp/server.py" <<'PY'
import http.server, sys, time
SIZE, PIECE, PAUSE = 96 << 10, 8 << 10, 0.25
class Slow(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_HEAD(self):
        self.send_response(200)
        self.send_header("Content-Length", str(SIZE))
        self.end_headers()
    def do_GET(self):
        self.do_HEAD()
        for _ in range(SIZE // PIECE):
            time.sleep(PAUSE)
            self.wfile.write(bytes(PIECE))
            self.wfile.flush()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$tap_tmp/server.py" >"$tap_tmp/port" 2>/dev/null &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while [ ! -s "$tap_tmp/port" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -s "$tap_tmp/port" ] || skip_all "python3 server did not start"

plan 4
run nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/port")/file" -d 1 \
    -o json
is "$rc:$err" "0:" "a 1 s target, 3 s downloads: exit 0, nothing on stderr"
printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
p, m = r["params"], {x["metric"]: x["value"] for x in r["metrics"]}
assert p["duration"] == 1 and p["limit"] >= 60, p
assert p["timeout"] == p["limit"] + 2, p
assert m["requests"] >= 1 and m["errors"] == 0, m
assert m["bytes"] >= m["requests"] * (96 << 10), m
' 2>"$tap_tmp/py" && pass "the record counts at least one whole download and no error" ||
	fail "the record" "$out" "$(cat "$tap_tmp/py")"
# Stopped once the first download was done, not at the limit.
s=$(field "$out" seconds)
ok_if "the run lasted until the first download, about 3 s (got $s)" \
    python3 -c 'import sys; assert 2.5 < float(sys.argv[1]) < 10' "$s"
is "$(ls -A "$TMPDIR")" "" "nothing left behind"
done_testing
