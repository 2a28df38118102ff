#!/bin/sh
# Failed and skipped cells get a row with their reason in every format
# instead of being left out; a cell with some failed reps keeps its
# numbers and says how many failed. Bad failures.csv: exit 1, one line.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd python3
plan 13
d=$tap_tmp/r
failed_results "$d"
oom='vc-container: "memsweep" killed, out of memory'

run vc-report "$d"
is "$rc" 0 "text: exit 0"
mem=$(printf '%s\n' "$out" | sed -n '/^memsweep/,/^$/p')
is "$(printf '%s\n' "$mem" | grep '^container ' | sed 's/  */ /')" \
    "container failed: $oom" "text: a failed cell's row, with its reason"
is "$(printf '%s\n' "$out" | grep -c '^kvm  *skipped: no usable /dev/kvm$')" 2 \
    "text: a skipped platform's row in every table"
is "$(printf '%s\n' "$out" | grep -c '^qemu: 2 of 7 reps failed (reps 6, 7): vc-qemu: guest \*panic\* | <b>$')" 1 \
    "text: a partly failed cell: numbers, and a note of its failed reps"
is "$(printf '%s\n' "$out" | grep -c '^qemu  *4  *40300 ')" 1 "text: its numbers are there"

run vc-report -f markdown "$d"
is "$(printf '%s\n' "$out" | grep -c '^| container | failed: vc-container: "memsweep" killed, out of memory |  |')" 1 \
    "markdown: the failed row, the reason where the numbers would be"
is "$(printf '%s\n' "$out" | grep -c '^| kvm | skipped: no usable /dev/kvm |')" 2 \
    "markdown: the skipped rows"
is "$(printf '%s\n' "$out" | grep -c '^- qemu: 2 of 7 reps failed (reps 6, 7): vc-qemu: guest \\\*panic\\\* \\| \\<b\\>$')" 1 \
    "markdown: the note, its reason's markup escaped"
cols=$(printf '%s\n' "$out" | grep '^| ' | awk -F' [|] ' '{ print NF }' | sort -u)
is "$cols" 12 "markdown: every row has the table's 12 cells"

run vc-report -f csv "$d"
got=$(printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert all(len(r) == len(rows[0]) for r in rows)
for r in rows:
    if r["status"] != "ok" or r["failed"] != "0":
        print(r["benchmark"], r["platform"], r["n"], r["mean"] or "-",
              r["failed"], r["status"], r["reason"])
')
is "$got" "linpack kvm 0 - 0 skipped no usable /dev/kvm
linpack qemu 4 40300 2 partial vc-qemu: guest *panic* | <b>
memsweep container 0 - 2 failed $oom
memsweep kvm 0 - 0 skipped no usable /dev/kvm" \
    "csv: failed, status and reason columns; quotes and commas round-trip"

# A rep measured after all (vc-suite -r) is no failure any more.
printf '2026-11-27T04:00:00Z,h,qemu,linpack,kflops,KFLOPS,40600,6\n' >>"$d/results.csv"
run vc-report "$d"
is "$(printf '%s\n' "$out" | grep -c '^qemu: 1 of 7 reps failed (rep 7)')" 1 \
    "a failed rep measured later no longer counts"

# failures.csv is parsed as strictly as results.csv.
printf '2026-11-27T04:00:00Z,kvm,linpack,1,1,"a\033[2Jb"\n' >>"$d/failures.csv"
run vc-report "$d"
if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
    case $err in "vc-report: $d/failures.csv: line 6: control character in the reason") true ;; *) false ;; esac; then
	pass "a control character in a reason: exit 1, one line"
else
	fail "a control character in a reason: exit 1, one line" "rc=$rc" "$err"
fi
failed_results "$d"
printf '2026-11-27T04:00:00Z,../x,linpack,1,1,oops\n' >>"$d/failures.csv"
run vc-report "$d"
case $rc:$err in "1:vc-report: $d/failures.csv: line 6: platform '../x' "*)
	pass "a platform that is not a name: exit 1" ;;
*) fail "a platform that is not a name: exit 1" "rc=$rc" "$err" ;; esac
done_testing
