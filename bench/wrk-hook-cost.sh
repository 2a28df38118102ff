#!/bin/sh
# wrk-hook-cost.sh - does report.lua's progress hook (delay(), one byte to
# a FIFO per completed download) slow wrk down? wrk runs against one
# nginx (nginxbench -S) with report.lua, with the hook (NGINXBENCH_PROGRESS
# set, the FIFO drained by cat) and without it, taking turns RUNS times
# each, who goes first alternating. Prints each rate in MiB/s, both means
# and their ratio (hook / none; near 1 is good). A small file makes the
# hook run often: it is the case where a cost would show.
#
# Environment: SIZE (1M), DURATION in seconds (3), RUNS (4), NGINXBENCH
# (default: $BUILDDIR/nginxbench/nginxbench, BUILDDIR defaulting to the
# tree the script is in), VIRTCOST_DATADIR (default: the source tree).
set -eu

size=${SIZE:-1M}
duration=${DURATION:-3}
runs=${RUNS:-4}
top=$(cd "$(dirname "$0")/.." && pwd)
nginxbench=${NGINXBENCH:-${BUILDDIR:-$top}/nginxbench/nginxbench}
[ -x "$nginxbench" ] || nginxbench=nginxbench
script=${VIRTCOST_DATADIR:-$top/nginxbench}/report.lua
for prog in wrk python3; do
	command -v "$prog" >/dev/null 2>&1 ||
	    { echo "$0: $prog not found" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/wrk-hook-cost.XXXXXX")
pid=
cleanup() {
	[ -z "$pid" ] || { kill "$pid" 2>/dev/null || :; wait "$pid" 2>/dev/null || :; }
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$nginxbench" -S -s "$size" >"$dir/ready" &
pid=$!
i=0
until grep -q ready "$dir/ready" 2>/dev/null; do
	i=$((i + 1))
	[ $i -le 100 ] && kill -0 "$pid" 2>/dev/null ||
	    { echo "$0: nginxbench -S did not start" >&2; exit 1; }
	sleep 0.1
done
url=$(sed -n 's/.*ready: \(http:[^ ]*\) .*/\1/p' "$dir/ready")
mkfifo "$dir/progress"

# rate [hook]: one wrk run; its report.lua line read as MiB/s.
rate() {
	if [ $# -gt 0 ]; then
		cat "$dir/progress" >/dev/null &
		NGINXBENCH_PROGRESS=$dir/progress wrk -t 1 -c 3 \
		    -d "${duration}s" -s "$script" "$url" >"$dir/out"
		wait $!
	else
		wrk -t 1 -c 3 -d "${duration}s" -s "$script" "$url" >"$dir/out"
	fi
	grep '^{' "$dir/out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("%.1f" % (r["bytes"] / r["duration_us"] * 1e6 / 2**20))'
}

echo "file $size, 1 thread, 3 connections, ${duration} s, $runs runs each, $url"
h= n= r=1
while [ $r -le "$runs" ]; do
	if [ $((r % 2)) -eq 1 ]; then
		a=$(rate hook); b=$(rate)
	else
		b=$(rate); a=$(rate hook)
	fi
	printf 'run %d: hook %s MiB/s, none %s MiB/s\n' "$r" "$a" "$b"
	h="$h $a" n="$n $b" r=$((r + 1))
done
python3 -c '
import statistics as s, sys
h = [float(x) for x in sys.argv[1].split()]
n = [float(x) for x in sys.argv[2].split()]
print("mean: hook %.1f MiB/s (sd %.1f%%), none %.1f MiB/s (sd %.1f%%); ratio %.3f"
      % (s.mean(h), 100 * s.stdev(h) / s.mean(h), s.mean(n),
         100 * s.stdev(n) / s.mean(n), s.mean(h) / s.mean(n)))' "$h" "$n"
