#!/bin/sh
# A real cap on a real VM: a 256 MiB guest refuses forksum 1 4000's
# forks (the guest kernel sizes threads-max by its memory: 1650 with
# Debian's kernel, 1850 with bootstrap's, which 1 3000 stays below); the
# record counts them, vc-suite warns and vc-report gives qemu no ratio,
# only why. Not 128 MiB: there the guest's OOM killer often kills
# a forksum process before a fork is refused, which fails the run (exit
# 1) instead of reducing its work; 256 MiB refused forks in every trial.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

# A sanitizer build's forksum needs far more memory per process than the
# 128 KiB a guest allows each before it refuses forks (its threads-max
# is its memory / 128 KiB), so there the guest's OOM killer always comes
# first and the run fails (137). Either way qemu gets no ratio: that is
# what the sanitizer run checks; the normal run checks the refused forks.
if [ -n "${VC_SANITIZER:-}" ]; then
	plan 3
	d=$tap_tmp/r
	run vc-suite -P quick -p native,qemu -b forksum -n 1 \
	    -a forksum='1 4000' -O qemu='-m 256M' -d "$d"
	is "$out" "$d" "vc-suite, the guest capped with -O: the results directory"
	run vc-report -f csv "$d"
	is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["platform"] == "qemu":
        print(r["ratio"] == "" and (r["status"] == "failed" or
            r["note"].startswith("unequal work: ")))
')" "True" "vc-report -f csv: no ratio for qemu (failed, or unequal work)"
	nothing_left "no VM or runner directory left"
	done_testing
	exit
fi

plan 8
run vc-qemu -m 256M forksum -o json 1 4000
is "$rc:$(field "$out" sum)" 0:8002000 "256 MiB: forksum 1 4000 still sums right"
procs=$(field "$out" processes)
refused=$(field "$out" fork_failures)
is "$(awk -v p="$procs" -v f="$refused" 'BEGIN { print (f > 0 && p < 7998) }')" 1 \
    "the record shows forks refused ($refused) and fewer processes ($procs of 7998)"

d=$tap_tmp/r
run vc-suite -P quick -p native,qemu -b forksum -n 1 -a forksum='1 4000' \
    -O qemu='-m 256M' -d "$d"
is "$rc:$out" "0:$d" "vc-suite, the guest capped with -O: exit 0"
case $err in
*"vc-suite: qemu forksum rep 1: unequal work: "*" forks refused"*)
	pass "vc-suite warns at qemu's record" ;;
*) fail "vc-suite warns at qemu's record" "$err" ;;
esac
is "$(awk -F, '$5 == "fork_failures" && $3 == "native" { print $7 }' "$d/results.csv")" 0 \
    "native refused no fork"

run vc-report "$d"
row=$(printf '%s\n' "$out" | grep '^qemu ')
case $row in
*" unequal work: "*" forks refused  "*) pass "vc-report: the phrase for qemu's ratio" ;;
*) fail "vc-report: the phrase for qemu's ratio" "$row" ;;
esac
run vc-report -f csv "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["platform"] == "qemu":
        print(r["ratio"] == "", r["note"].startswith("unequal work: "))
')" "True True" "vc-report -f csv: no ratio, the note"
nothing_left "no VM or runner directory left"
done_testing
