#!/bin/sh
# nginxbench-vs-wrk.sh - does nginxbench -u measure what wrk run by hand
# measures? One nginx, started here by hand with a private configuration
# on a loopback port, serves one sparse file; wrk by hand and nginxbench -u
# take turns against it, RUNS times each (who goes first alternates),
# with the same threads, connections and duration. Prints each rate, both
# means in MiB/s with their run-to-run spread, and their ratio; exits 1 if
# they differ by more than TOLERANCE percent. A spread as large as the
# tolerance means the machine was too busy for the comparison to tell.
#
# wrk by hand is read as a person reads it: its "Transfer/sec" line.
#
# Environment: SIZE (512M), THREADS (1), CONNECTIONS (3), DURATION in
# seconds (10), RUNS (3), TOLERANCE (5), NGINX, NGINXBENCH (default: the
# build tree's, else the one on PATH), VIRTCOST_DATADIR.
set -eu

size=${SIZE:-512M}
threads=${THREADS:-1}
connections=${CONNECTIONS:-3}
duration=${DURATION:-10}
runs=${RUNS:-3}
tolerance=${TOLERANCE:-5}

top=$(cd "$(dirname "$0")/.." && pwd)
nginxbench=${NGINXBENCH:-$top/nginxbench/nginxbench}
[ -x "$nginxbench" ] || nginxbench=nginxbench
if [ -z "${VIRTCOST_DATADIR:-}" ] && [ -r "$top/nginxbench/report.lua" ]; then
	VIRTCOST_DATADIR=$top/nginxbench
	export VIRTCOST_DATADIR
fi
nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
for prog in "$nginx" wrk python3; do
	command -v "$prog" >/dev/null 2>&1 || {
		echo "$0: $prog not found (apt-get install nginx-light wrk python3)" >&2
		exit 1
	}
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/nginxbench-vs-wrk.XXXXXX")
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || :
		wait "$pid" 2>/dev/null || :
	fi
	rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir "$dir/www"
python3 -c '
import sys
units = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
s = sys.argv[2]
n = int(s.rstrip("kKmMgGtT")) * units[s.lstrip("0123456789").lower()]
open(sys.argv[1], "wb").truncate(n)
' "$dir/www/file" "$size"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
user=
[ "$(id -u)" -ne 0 ] || user="user root;"
cat >"$dir/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
$user
pid "$dir/nginx.pid";
error_log "$dir/error.log" warn;
events { worker_connections 1024; }
http {
	access_log off;
	sendfile on;
	default_type application/octet-stream;
	client_body_temp_path "$dir/client_body";
	proxy_temp_path "$dir/proxy";
	fastcgi_temp_path "$dir/fastcgi";
	uwsgi_temp_path "$dir/uwsgi";
	scgi_temp_path "$dir/scgi";
	server {
		listen 127.0.0.1:$port;
		root "$dir/www";
	}
}
EOF
"$nginx" -p "$dir/" -c "$dir/nginx.conf" -e "$dir/error.log" &
pid=$!
i=0
until [ -s "$dir/nginx.pid" ]; do
	i=$((i + 1))
	if [ $i -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
		echo "$0: nginx did not start:" >&2
		cat "$dir/error.log" >&2
		exit 1
	fi
	sleep 0.1
done
url=http://127.0.0.1:$port/file

# "Transfer/sec:      2.21GB" -> MiB/s (wrk's units are powers of 1024).
wrk_rate() {
	wrk -t "$threads" -c "$connections" -d "${duration}s" "$url" |
	    awk '$1 == "Transfer/sec:" {
		v = $2; sub(/B$/, "", v); u = substr(v, length(v))
		f = 1 / 1048576
		if (u == "K") f = 1 / 1024
		else if (u == "M") f = 1
		else if (u == "G") f = 1024
		else if (u == "T") f = 1048576
		if (u ~ /[KMGT]/) v = substr(v, 1, length(v) - 1)
		printf "%.1f\n", v * f
	    }'
}

nginxbench_rate() {
	"$nginxbench" -t "$threads" -c "$connections" -d "$duration" \
	    -o csv -u "$url" |
	    awk -F, '$4 == "mib_per_second" { printf "%.1f\n", $6 }'
}

echo "nginx $("$nginx" -v 2>&1 | sed 's/.*nginx\///'), file $size, $threads thread(s), $connections connection(s), ${duration} s, $runs runs each, $url"
w=
n=
r=1
while [ $r -le "$runs" ]; do
	# Who goes first alternates too, so that a drift in the machine's
	# load does not favour one of them.
	if [ $((r % 2)) -eq 1 ]; then
		a=$(wrk_rate)
		b=$(nginxbench_rate)
	else
		b=$(nginxbench_rate)
		a=$(wrk_rate)
	fi
	[ -n "$a" ] && [ -n "$b" ] || { echo "$0: run $r gave no rate" >&2; exit 1; }
	printf 'run %d: wrk by hand %s MiB/s, nginxbench -u %s MiB/s\n' "$r" "$a" "$b"
	w="$w $a"
	n="$n $b"
	r=$((r + 1))
done
echo "$w" "|" "$n" | awk -v tol="$tolerance" '
# mean and relative standard deviation (%) of fields a..b
function stats(a, b,    i, k, s, q, m) {
	for (i = a; i <= b; i++) { s += $i; k++ }
	m = s / k
	for (i = a; i <= b; i++) q += ($i - m) ^ 2
	sd = k > 1 ? 100 * sqrt(q / (k - 1)) / m : 0
	return m
}
{
	for (bar = 1; $bar != "|"; bar++)
		;
	mw = stats(1, bar - 1); sw = sd
	mn = stats(bar + 1, NF); sn = sd
	ratio = mn / mw
	ok = ratio >= 1 - tol / 100 && ratio <= 1 + tol / 100
	printf "mean: wrk by hand %.1f MiB/s (sd %.1f%%), nginxbench -u %.1f MiB/s (sd %.1f%%)\n", mw, sw, mn, sn
	printf "ratio nginxbench/wrk: %.3f (%s %s%%)\n", ratio,
	    ok ? "within" : "NOT within", tol
	exit !ok
}'
