#!/bin/sh
# forksum prints the right sum: first line of its output is the sum alone.
. "${top_srcdir:-.}/tests/tap.sh"

plan 10
check() {
	run forksum "$1" "$2"
	is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:$3" "forksum $1 $2 = $3"
}
check 100 1000 495550
check 7 7 7
check -5 -5 -5
check -10 10 0
check -100 -1 -5050
check -3 1000 500494
check 9223372036854775807 9223372036854775807 9223372036854775807
# About 200,000 processes. Under ASan each fork copies the shadow
# memory's page tables and costs ~30 times more, and a machine whose
# pid_max is 32768 would stay out of processes for minutes, so a
# sanitizer build (VC_SANITIZER set by .ci/run) checks the same algorithm
# on 10,000 processes; the EAGAIN path has its own test (forksum-nproc).
if [ -n "${VC_SANITIZER:-}" ]; then
	check 1 5000 12502500
else
	check 1 100000 5000050000
fi

# The record agrees: processes really were created.
run forksum -o json 1 1000
procs=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x["value"] for x in r["metrics"]}
print(m["sum"], m["processes"] + m["fork_failures"] > 0)')
is "$procs" "500500 True" "json record has the sum and the process count"

# Without refused forks the tree is whole: every range of two or more
# numbers has two children, so N leaves make 2(N-1) processes.
procs=$(printf '%s\n' "$out" | python3 -c '
import json, sys
m = {x["metric"]: x["value"] for x in json.load(sys.stdin)["metrics"]}
print(m["fork_failures"] > 0 or m["processes"] == 2 * 999)')
is "$procs" "True" "processes: 1998 for 1000 numbers, unless forks were refused"
done_testing
