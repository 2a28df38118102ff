#!/bin/sh
# -o csv and -o json give records a real parser reads, with the same
# field names in every tool.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 6
check() {
	name=$1
	shift
	run "$name" -o json "$@"
	printf '%s\n' "$out" | python3 -c '
import json, sys
lines = [l for l in sys.stdin if l.strip()]
assert len(lines) == 1
r = json.loads(lines[0])
assert sorted(r) == ["benchmark", "host", "metrics", "params", "time"], r
assert r["benchmark"] == sys.argv[1]
for m in r["metrics"]:
    assert sorted(m) == ["metric", "unit", "value"], m
' "$name" && pass "$name -o json parses with the common fields" ||
		fail "$name -o json" "$out"
	run "$name" -o csv "$@"
	printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0] == "time,host,benchmark,metric,unit,value,params".split(","), rows[0]
assert len(rows) > 1
for row in rows[1:]:
    assert len(row) == 7 and row[2] == sys.argv[1], row
    float(row[5])
' "$name" && pass "$name -o csv parses with the common header" ||
		fail "$name -o csv" "$out"
}
check forksum 1 100
check linpack -n 50 -t 0.01
check memsweep -s 64k -r 1
done_testing
