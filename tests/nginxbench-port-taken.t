#!/bin/sh
# -p with a port another program holds, listening or only bound: one
# line that says so and what to do, exit 1, no nginx or temporary
# directory left.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep
need_nginx
own_tmpdir

cat >"$tap_tmp/hold.py" <<'PY'
import socket, sys, time
s = socket.socket()
s.bind(("127.0.0.1", 0))
if sys.argv[1] == "listening":
    s.listen(16)
print(s.getsockname()[1], flush=True)
time.sleep(60)
PY
python3 "$tap_tmp/hold.py" listening >"$tap_tmp/listening" &
p1=$!
python3 "$tap_tmp/hold.py" bound >"$tap_tmp/bound" &
p2=$!
trap 'kill $p1 $p2 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while { [ ! -s "$tap_tmp/listening" ] || [ ! -s "$tap_tmp/bound" ]; } && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -s "$tap_tmp/listening" ] && [ -s "$tap_tmp/bound" ] ||
    skip_all "python3 did not start"

plan 4
for how in listening bound; do
	port=$(cat "$tap_tmp/$how")
	run nginxbench -p "$port" -s 1M -d 1
	is "$rc:$err" "1:nginxbench: port $port on 127.0.0.1 is already in use; choose another with -p, or leave -p out to have a free one chosen" \
	    "port $how by another program: exit 1, one line"
	procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
	is "$(ls -A "$TMPDIR")$procs" "" "port $how: nothing left behind"
done
done_testing
