#!/bin/sh
# vc-report DIR1 DIR2 ...: each directory's host is its rows' host
# column (a fleet directory: its hosts); the report is the fleet's.
# Where two directories give one name, each is NAME@BASE (BASE: the
# last part of its directory's path), or NAME@N (its place among the
# operands) when the two share BASE. Known data (report-data.sh).
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd python3

plan 10
host_results "$tap_tmp/one" a "10 11 12" "300 310 320"
host_results "$tap_tmp/two" b "20 22 24" "100 110 120"

# platform and ratio of each row of the first table
ratios() {
	printf '%s\n' "$out" | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n\n")[0].splitlines()[1:]
head = re.split(r"\s{2,}", lines[0].strip())
for l in lines[1:]:
    f = re.split(r"\s{2,}", l.strip())
    if len(f) == len(head):
        print(f[0], f[head.index("ratio")])
'
}

run vc-report "$tap_tmp/one" "$tap_tmp/two"
is "$rc:$err:$(ratios)" "0::a/native 1.000
a/qemu 28.18
b/native 1.000
b/qemu 5.000" "two directories: hosts a and b, each against its own native"
is "$(printf '%s\n' "$out" | sed -n '/^hosts (/,$p')" "hosts (how each host's run ended, its machine):
a; a.example, CPU a, 2 CPUs
b; b.example, CPU b, 2 CPUs" "each host's machine from its directory's meta.json"

run vc-report -R b "$tap_tmp/one" "$tap_tmp/two"
is "$rc:$(ratios)" "0:a/native 0.5000
a/qemu 2.818
b/native 1.000
b/qemu 1.000" "-R b across directories"

# The same host name in two directories: NAME@BASE.
host_results "$tap_tmp/x/run1" h "10 11 12" "300 310 320"
host_results "$tap_tmp/y/run2" h "20 22 24" "100 110 120"
run vc-report "$tap_tmp/x/run1" "$tap_tmp/y/run2/"
is "$rc:$(ratios)" "0:h@run1/native 1.000
h@run1/qemu 28.18
h@run2/native 1.000
h@run2/qemu 5.000" "one name in two directories: NAME@BASE"

# ... and when both are named alike: NAME@N, N the operand's place.
host_results "$tap_tmp/x/run" h "10 11 12" "300 310 320"
host_results "$tap_tmp/y/run" h "20 22 24" "100 110 120"
run vc-report -R h@2 "$tap_tmp/x/run" "$tap_tmp/y/run"
is "$rc:$(ratios)" "0:h@1/native 0.5000
h@1/qemu 2.818
h@2/native 1.000
h@2/qemu 1.000" "one name and one BASE: NAME@N; -R takes that name"

# A fleet directory and a directory of one of its hosts, given together.
fleet_results "$tap_tmp/fleet"
run vc-report "$tap_tmp/fleet" "$tap_tmp/two"
is "$rc:$(ratios)" "0:a/native 1.000
a/qemu 28.18
b@fleet/native 1.000
b@fleet/qemu 5.000
b@two/native 1.000
b@two/qemu 5.000" "a fleet and a directory: the fleet's b and the directory's b told apart"
is "$(printf '%s\n' "$out" | grep '^c:')" "c: failed: ssh: connect to host c port 22: Connection refused" \
    "the fleet's failed host is listed"

# A host name that is not one (the fleet format's rule) is bad data.
host_results "$tap_tmp/bad" bad@host "1 2 3" "4 5 6"
run vc-report "$tap_tmp/one" "$tap_tmp/bad"
is "$rc:$err" "1:vc-report: $tap_tmp/bad/results.csv: line 2: host 'bad@host' holds a character outside A-Z a-z 0-9 and ._-" \
    "a bad host name in a row: exit 1, naming the line"
# ... but one directory alone is read as today, whatever its host column.
run vc-report "$tap_tmp/bad"
is "$rc" 0 "one directory: its host column is not checked, as before"
# A rep twice in the first of two directories: the message names it.
sed -n 2p "$tap_tmp/one/results.csv" >>"$tap_tmp/one/results.csv"
run vc-report "$tap_tmp/one" "$tap_tmp/two"
is "$rc:$err" "1:vc-report: $tap_tmp/one/results.csv: line 8: a/native memsweep seconds rep 1 again (first on line 2)" \
    "a rep twice: the directory that holds it is named"
