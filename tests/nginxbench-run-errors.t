#!/bin/sh
# Errors wrk counts during the run make it a failure: no record is
# printed (a number that is then rejected is never shown), one line on
# stderr says so with the counts, and the exit status is 1. Two real
# servers: one that answers HEAD but fails every GET with 503, and one
# that dies mid-run.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3
own_tmpdir
mkdir "$tap_tmp/www"
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

plan 6
run nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/failing")/x" -d 1 -o json
is "$rc" 1 "503 to every GET: exit 1"
is "$out" "" "503 to every GET: no record is printed"
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
err=$(cat "$tap_tmp/err")
case $(cat "$tap_tmp/out"):$err in
":nginxbench: wrk saw errors: 0 responses with status >= 400, socket errors: "*[1-9]*)
	pass "server killed mid-run: no record, one line counts socket errors" ;;
*)	fail "killed mid-run: socket errors" "stdout: $(cat "$tap_tmp/out")" "stderr: $err" ;;
esac
is "$(ls -A "$TMPDIR")" "" "nothing left behind"
done_testing
