#!/bin/sh
# memsweep at small sizes: runs, reports seconds, and is deterministic.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 6
get() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x["value"] for x in r["metrics"]}
print(r["params"]["size"], r["params"]["reps"], m["seconds"] > 0, m["checksum"])'
}
run memsweep -s 1M -r 2 -o json
a=$(get)
is "$rc:${a% *}" "0:1048576 2 True" "memsweep -s 1M -r 2 runs and reports seconds"
run memsweep -s 1M -r 2 -p -o json
b=$(get)
is "${a##* }" "${b##* }" "same checksum with and without prefault"
run memsweep -s 1M -r 2 -w -o json
c=$(get)
is "${a##* }" "${c##* }" "same checksum with 64-bit index arithmetic when nothing wraps"
run memsweep -s 64k
is "$rc:$(printf '%s\n' "$out" | grep -c '^  seconds ')" "0:1" "human output has a seconds line"

# The work done: one read and one write per iteration, size times reps
# iterations, with either index arithmetic.
accesses() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
m = {x["metric"]: x for x in json.load(sys.stdin)["metrics"]}
a = m["accesses"]
assert a["unit"] == "count" and type(a["value"]) is int, a
rate = a["value"] / m["seconds"]["value"]
assert abs(m["accesses_per_second"]["value"] - rate) <= 1e-6 * rate, m
print(a["value"])'
}
run memsweep -s 96k -r 3 -o json
is "$rc:$(accesses)" "0:$((2 * 96 * 1024 * 3))" "accesses: 2 x size x reps"
run memsweep -s 1000 -r 7 -w -o json
is "$rc:$(accesses)" "0:14000" "accesses with -w and an odd size"
done_testing
