#!/bin/sh
# Errors wrk counts during the run make it a failure: the record is still
# printed (what was measured is not lost), the errors are in it, one line
# on stderr says so, and the exit status is 1. Two real servers: one that
# answers HEAD but fails every GET with 503, and one that dies mid-run.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3
VIRTCOST_DATADIR=$top_srcdir/nginxbench
TMPDIR=$tap_tmp/tmp
export VIRTCOST_DATADIR TMPDIR
mkdir "$TMPDIR" "$tap_tmp/www"
python3 -c 'open(__import__("sys").argv[1], "wb").truncate(4 << 20)' \
    "$tap_tmp/www/data.bin"

cat >"$tap_tmp/server.py" <<'PY'
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
class Failing(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def answer(self, status, length):
        self.send_response(status)
        self.send_header("Content-Length", str(length))
        self.end_headers()
    def do_HEAD(self):
        self.answer(200, 1024)
    def do_GET(self):
        self.answer(503, 0)
if sys.argv[1] == "failing":
    handler = Failing
else:
    handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$tap_tmp/server.py" failing >"$tap_tmp/failing" 2>/dev/null &
p1=$!
python3 "$tap_tmp/server.py" "$tap_tmp/www" >"$tap_tmp/dying" 2>/dev/null &
p2=$!
trap 'kill $p1 $p2 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while { [ ! -s "$tap_tmp/failing" ] || [ ! -s "$tap_tmp/dying" ]; } && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -s "$tap_tmp/failing" ] && [ -s "$tap_tmp/dying" ] ||
    skip_all "python3 servers did not start"

# errors_in KEY...: the JSON record on stdin counts errors of those kinds.
errors_in() {
	python3 -c '
import json, sys
m = {x["metric"]: x["value"] for x in json.load(sys.stdin)["metrics"]}
assert sum(m["errors_" + k] for k in sys.argv[1:]) > 0, m
' "$@" 2>/dev/null
}

plan 6
run nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/failing")/x" -d 1 -o json
is "$rc" 1 "503 to every GET: exit 1"
printf '%s\n' "$out" | errors_in status &&
    pass "503 to every GET: the record is printed, errors_status counted" ||
    fail "503: errors_status" "$out"
case $err in
"nginxbench: wrk saw errors: "[1-9]*" responses with status >= 400, socket errors: connect 0, read 0, write 0, timeout 0")
	pass "503 to every GET: one line on stderr says so" ;;
*)	fail "503: stderr" "$err" ;;
esac

nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/dying")/data.bin" -d 3 \
    -o json >"$tap_tmp/out" 2>"$tap_tmp/err" &
pid=$!
sleep 1
kill $p2
wait $pid
is "$?" 1 "server killed mid-run: exit 1"
errors_in connect read write timeout <"$tap_tmp/out" &&
    pass "server killed mid-run: the record counts socket errors" ||
    fail "killed mid-run: socket errors" "$(cat "$tap_tmp/out")"
is "$(ls -A "$TMPDIR")" "" "nothing left behind"
done_testing
