#!/bin/sh
# With -u, nginxbench measures a server that is already running (here
# Python's http.server on a loopback port it chose itself) and starts no
# nginx; the file's size comes from the server.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep
own_tmpdir
mkdir "$tap_tmp/www"
python3 -c 'open(__import__("sys").argv[1], "wb").truncate(4 << 20)' \
    "$tap_tmp/www/data.bin"

cat >"$tap_tmp/server.py" <<'PY'
import functools, http.server, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$tap_tmp/server.py" "$tap_tmp/www" >"$tap_tmp/port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while [ ! -s "$tap_tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$tap_tmp/port")
[ -n "$port" ] || skip_all "python3 http.server did not start"
url=http://127.0.0.1:$port/data.bin

plan 5
run nginxbench -u "$url" -d 1 -o json
is "$rc" 0 "-u $url: exit 0"
printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
p, m = r["params"], {x["metric"]: x["value"] for x in r["metrics"]}
assert p["url"] == sys.argv[1] and p["file_size"] == 4 << 20, p
assert "workers" not in p and "nginx_version" not in p, p
assert m["mib_per_second"] > 0 and m["requests"] > 0, m
assert m["seconds_per_file"] > 0 and m["latency_mean"] > 0, m
assert all(m[k] == 0 for k in m if k.startswith("errors_")), m
' "$url" 2>"$tap_tmp/py" && pass "the record names the URL, the size the server gave, no errors" ||
	fail "the -u record" "$out" "$(cat "$tap_tmp/py")"
procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
is "$(ls -A "$TMPDIR")$procs" "" "nothing left behind"

run nginxbench -u "http://localhost:$port/data.bin" -d 1 -o json
is "$rc" 0 "a host name is resolved (localhost), for the check and for wrk"
run nginxbench -u "http://127.0.0.1:$port/data.bin?x=1" -d 1 -o json
is "$rc" 0 "a query string is passed on"
done_testing
