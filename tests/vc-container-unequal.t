#!/bin/sh
# A real cap on a real run: a container allowed 100 processes refuses
# forksum's forks. The record counts them, vc-suite warns (and fails
# with -E), and vc-report gives no ratio for the container, only why.
# Starts containers (docker or podman, whichever vc-container finds).
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
run vc-container forksum 1 1
[ "$rc" -eq 0 ] || skip_all "no usable container engine: $err"

plan 9
run vc-container -R --pids-limit=100 forksum -o json 1 3000
is "$rc:$(field "$out" sum)" 0:4501500 \
    "--pids-limit=100: forksum 1 3000 still sums right"
is "$(field "$out" fork_failures | awk '{ print ($1 > 0) }'):$(field "$out" processes | awk '{ print ($1 < 5998) }')" \
    1:1 "the record shows forks refused and fewer processes"

d=$tap_tmp/r
run vc-suite -P quick -p native,container -b forksum -n 2 \
    -a forksum='1 3000' -O container='-R --pids-limit=100' -d "$d"
is "$rc:$out" "0:$d" "vc-suite without -E: exit 0"
case $err in
*"vc-suite: container forksum rep 1: unequal work: "*" forks refused"*)
	pass "vc-suite warns at the first record" ;;
*) fail "vc-suite warns at the first record" "$err" ;;
esac
is "$(printf '%s\n' "$err" | grep -c 'native forksum.*: \(unequal work\|degraded\)')" 0 \
    "native did all its work"

run vc-report "$d"
row=$(printf '%s\n' "$out" | grep '^container ')
case $row in
*" unequal work: "*" forks refused  "*) pass "vc-report: the phrase for the ratio" ;;
*) fail "vc-report: the phrase for the ratio" "$row" ;;
esac
is "$(printf '%s\n' "$out" | grep -c '^native .* 1\.000  ')" 1 "vc-report: native's ratio"

run vc-report -f csv "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["platform"] == "container":
        print(r["ratio"] == "", r["note"].startswith("unequal work: "))
')" "True True" "vc-report -f csv: no ratio, the note"

run vc-suite -E -P quick -p native,container -b forksum -n 1 \
    -a forksum='1 3000' -O container='-R --pids-limit=100' -d "$tap_tmp/e"
is "$rc" 1 "vc-suite -E: exit 1"
done_testing
