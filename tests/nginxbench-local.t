#!/bin/sh
# nginxbench starts its own nginx, runs wrk against it and reports numbers
# a JSON and a CSV parser read, and a readable text record; it leaves no
# nginx and no temporary directory behind.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep
need_nginx
own_tmpdir

# left NAME: no temporary directory and no nginx master of ours remain.
left() {
	junk=$(ls -A "$TMPDIR")
	procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
	if [ -z "$junk$procs" ]; then
		pass "$1: nothing left behind"
	else
		fail "$1: left behind" "files: $junk" "processes: $procs"
	fi
}

plan 8
run nginxbench -s 8M -d 2 -o json
is "$rc" 0 "a 2-second run on an 8 MiB file exits 0"
printf '%s\n' "$out" | python3 -c '
import json, re, sys
lines = [l for l in sys.stdin if l.strip()]
assert len(lines) == 1, lines
r = json.loads(lines[0])
p, m = r["params"], {x["metric"]: x["value"] for x in r["metrics"]}
assert r["benchmark"] == "nginxbench"
assert p["url"] == "local-nginx" and p["file_size"] == 8 << 20, p
assert (p["threads"], p["connections"], p["duration"], p["workers"]) == (1, 3, 2, 1), p
assert re.fullmatch(r"\d+\.\d+\.\d+", p["nginx_version"]), p
assert p["wrk_version"] and p["limit"] >= 60 and p["timeout"] == p["limit"] + 2, p
assert m["mib_per_second"] > 0 and m["requests"] > 0, m
assert m["requests_per_second"] > 0 and m["seconds_per_file"] > 0, m
rate = m["bytes"] / m["seconds"]
assert abs(m["mib_per_second"] - rate / 2**20) < 1e-6 * rate, m
assert abs(m["seconds_per_file"] - (8 << 20) / rate) < 1e-6, m
assert m["bytes"] >= m["requests"] * (8 << 20), m
# requests counts whole downloads: what was read beyond them is headers
# and at most one download under way on each of the 3 connections.
assert type(m["requests"]) is int and m["requests"] >= 1, m
assert m["bytes"] < (m["requests"] + 3) * ((8 << 20) + 4096), m
assert abs(m["requests_per_second"] * m["seconds"] - m["requests"]) \
    <= 1e-6 * m["requests"], m
assert 0 < m["latency_mean"] and m["latency_p99"] >= 0.5 * m["latency_mean"], m
# Past the 2 s target, stopped soon (the limit is 600 s); a loaded
# machine may take a few seconds to stop wrk.
assert 1.9 < m["seconds"] < 30, m
errs = [k for k in m if k.startswith("errors_")]
assert sorted(errs) == ["errors_connect", "errors_read", "errors_status",
    "errors_timeout", "errors_write"] and all(m[k] == 0 for k in errs), m
' 2>"$tap_tmp/py" && pass "the JSON record holds consistent, positive numbers and no errors" ||
	fail "the JSON record" "$out" "$(cat "$tap_tmp/py")"
is "$err" "" "nothing on stderr"
left "json run"

run nginxbench -s 1M -d 1 -w 2 -o csv
printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0] == "time,host,benchmark,metric,unit,value,params".split(","), rows[0]
m = {r[3]: (r[4], float(r[5])) for r in rows[1:]}
assert m["mib_per_second"][0] == "MiB/s" and m["mib_per_second"][1] > 0, m
assert m["latency_p99"][0] == "ms" and m["seconds_per_file"][0] == "s", m
assert "workers=2" in rows[1][6].split(" "), rows[1][6]
' 2>"$tap_tmp/py" && [ "$rc" -eq 0 ] && pass "-o csv with two workers: a CSV parser reads it" ||
	fail "-o csv" "rc=$rc" "$out" "$(cat "$tap_tmp/py")"

run nginxbench -s 1M -d 1
first=$(printf '%s\n' "$out" | head -n 1)
case $first in
"nginxbench: url=local-nginx file_size=1048576 threads=1 connections=3 duration=1 "*)
	pass "text output starts with the parameters" ;;
*)	fail "text output starts with the parameters" "$first" ;;
esac
printf '%s\n' "$out" | grep -Eq '^  mib_per_second +[0-9.]+ MiB/s$' &&
    printf '%s\n' "$out" | grep -Eq '^  seconds_per_file +[0-9.]+ s$' &&
    printf '%s\n' "$out" | grep -Eq '^  latency_p99 +[0-9.]+ ms$' &&
    pass "text output: one readable line per metric, with its unit" ||
    fail "text output lines" "$out"
left "text and csv runs"
done_testing
