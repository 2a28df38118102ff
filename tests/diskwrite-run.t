#!/bin/sh
# diskwrite runs real fio at a small size and reports sane figures in
# every format, then leaves no file and no fio behind.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio python3
d=$tap_tmp/d
mkdir "$d"

# nothing_left NAME: no fio of ours runs on, no file is left in $d.
nothing_left() {
	if pgrep -f "$d/diskwrite\\." >/dev/null; then
		fail "$1" "a fio process is still running"
	elif [ -n "$(ls -A "$d")" ]; then
		fail "$1" "left behind: $(ls -A "$d")"
	else
		pass "$1"
	fi
}

# check BS: the JSON record of a run with blocks of BS bytes.
check() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
p, m = r["params"], {x["metric"]: x["value"] for x in r["metrics"]}
assert r["benchmark"] == "diskwrite", r
assert p["block_size"] == int(sys.argv[1]) and p["iodepth"] == 64, p
assert p["size"] == 16 << 20 and p["method"] == "direct", p
assert p["fio_version"].startswith("fio-"), p
assert m["iops"] > 0 and m["bandwidth"] > 0 and m["writes"] > 0, m
# the work done: whole blocks, and as many as the rate and time say
assert type(m["writes"]) is int and type(m["bytes"]) is int, m
assert m["bytes"] == m["writes"] * p["block_size"], m
assert abs(m["writes"] - m["iops"] * m["seconds"]) <= 0.01 * m["writes"] + 1, m
assert m["clat_p99"] >= m["clat_p50"] > 0 and m["clat_mean"] > 0, m
assert 1 < m["seconds"] < 4, m
# one block per write: the bandwidth is the rate times the block size
assert abs(m["bandwidth"] * 1048576 - m["iops"] * p["block_size"]) \
    <= 0.01 * m["bandwidth"] * 1048576, m
' "$1"
}

plan 7
run diskwrite -d "$d" -s 16M -t 2 -o json
if [ "$rc" -eq 0 ] && check 4096; then
	pass "4 KiB random writes: IOPS, bandwidth, p99 >= p50 > 0, bytes, fio version"
else
	fail "4 KiB random writes" "rc=$rc" "$err" "$out"
fi
nothing_left "nothing left after a 4 KiB run"

run diskwrite -d "$d" -s 16M -t 2 -b 1M -o json
if [ "$rc" -eq 0 ] && check 1048576; then
	pass "1 MiB random writes (-b 1M)"
else
	fail "1 MiB random writes" "rc=$rc" "$err" "$out"
fi
nothing_left "nothing left after a 1 MiB run"

run diskwrite -d "$d" -s 4M -t 1
if [ "$rc" -eq 0 ] &&
    printf '%s\n' "$out" | grep -q '^diskwrite: block_size=4096 .*method=direct' &&
    printf '%s\n' "$out" | grep -Eq '^  iops +[0-9.]+ 1/s$' &&
    printf '%s\n' "$out" | grep -Eq '^  clat_p99 +[0-9.]+ us$'; then
	pass "text output: a parameter line and one line per metric"
else
	fail "text output" "rc=$rc" "$err" "$out"
fi

run diskwrite -d "$d" -s 4M -t 1 -o csv
if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0] == "time,host,benchmark,metric,unit,value,params".split(",")
names = [r[3] for r in rows[1:]]
assert names == ["iops", "bandwidth", "clat_mean", "clat_p50", "clat_p99",
    "seconds", "writes", "bytes"], names
assert all(float(r[5]) > 0 for r in rows[1:])
'; then
	pass "csv output: one row per metric"
else
	fail "csv output" "rc=$rc" "$err" "$out"
fi
nothing_left "nothing left after the text and csv runs"
done_testing
