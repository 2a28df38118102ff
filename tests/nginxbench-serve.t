#!/bin/sh
# -S only serves: nginx up, one "ready" line on stdout with the URL, until
# a signal; then nothing is left and nginxbench dies of the signal. This
# is the half a runner starts in a VM or container; -u, with the same
# options, is the half that measures it, at "/" as well as at the file.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep
need_nginx
own_tmpdir
mkdir "$tap_tmp/nowrk"

# Another loopback address than the default, to see -a at work; no wrk
# on PATH: serving does not need it.
PATH="$tap_tmp/nowrk" "$(command -v nginxbench)" -S -a 127.0.0.2 -s 2M -w 2 \
    -d 1 -l 30 -o json >"$tap_tmp/serve" 2>"$tap_tmp/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while ! grep -q ready "$tap_tmp/serve" && kill -0 $pid 2>/dev/null &&
    [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
line=$(cat "$tap_tmp/serve")

plan 7
case $line in
"nginxbench: ready: http://127.0.0.2:"[0-9]*"/file serves 2097152 bytes")
	pass "one ready line, with the URL and the size" ;;
*)	fail "the ready line" "$line" "$(cat "$tap_tmp/serve.err")" ;;
esac
url=$(printf '%s\n' "$line" | sed -n 's/.*ready: \(http:[^ ]*\) .*/\1/p')
base=${url%file}
master=$(pgrep -P $pid -x nginx)
is "$(pgrep -P "${master:-0}" | wc -l)" 2 "nginx serves with 2 workers (-w)"

run nginxbench -u "$base" -s 2M -w 2 -d 1 -l 30 -o json
printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
m = {x["metric"]: x["value"] for x in r["metrics"]}
assert r["params"]["file_size"] == 2 << 20 and m["requests"] > 0, r
assert m["errors"] == 0, m
' 2>/dev/null && [ "$rc" -eq 0 ] &&
    pass "-u at \"/\", with the server half's options too: measured, no errors" ||
    fail "-u $base" "rc=$rc" "$out" "$err"
run nginxbench -u "$base" -s 3M -d 1
is "$rc:$err" "1:nginxbench: $base is 2097152 bytes long, not 3145728 as -s says" \
    "-u with another -s: the size is checked"

kill -TERM $pid
wait $pid
is "$?" 143 "SIGTERM ends serving: nginxbench dies of it"
procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
is "$(ls -A "$TMPDIR")$procs" "" "nothing left behind"
is "$(cat "$tap_tmp/serve.err")" "" "nothing on stderr while serving"
done_testing
