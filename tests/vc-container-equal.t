#!/bin/sh
# The default envelope gives every platform native's work: forksum 1
# 3000 (6000 processes) refuses no fork natively, in a container or in
# a QEMU guest, so vc-suite -E passes and vc-report gives every ratio.
# Starts containers and a VM (TCG).
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3 qemu-system-x86_64
run vc-container forksum 1 1
[ "$rc" -eq 0 ] || skip_all "no usable container engine: $err"
vc-image -q kernel >/dev/null 2>"$tap_tmp/kernel.err" ||
	skip_all "no guest kernel: $(cat "$tap_tmp/kernel.err")"

plan 5
d=$tap_tmp/r
run vc-suite -E -P quick -p native,container,qemu -b forksum -n 1 \
    -a forksum='1 3000' -d "$d"
is "$rc:$out" "0:$d" "vc-suite -E: every platform did native's work, exit 0"
is "$(printf '%s\n' "$err" | grep -c 'unequal work\|degraded')" 0 \
    "vc-suite: no warning"
is "$(awk -F, '$5 == "fork_failures" { print $3, $7 }' "$d/results.csv" | tr '\n' ' ')" \
    "native 0 container 0 qemu 0 " "no fork refused anywhere"
is "$(awk -F, '$5 == "processes" { print $7 }' "$d/results.csv" | sort -u | tr '\n' ' ')" \
    "5998 " "the same processes everywhere"
run vc-report -f csv "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["platform"], r["ratio"] != "", r["note"] or "-")
')" "native True -
container True -
qemu True -" "vc-report: a ratio for each, no note"
done_testing
