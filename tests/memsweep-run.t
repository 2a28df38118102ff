#!/bin/sh
# memsweep at small sizes: runs, reports seconds, and is deterministic.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 4
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
done_testing
