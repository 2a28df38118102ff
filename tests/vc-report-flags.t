#!/bin/sh
# vc-report flags outliers, high variation and missing values, and
# keeps every value in the statistics.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 8
small_results "$tap_tmp/r"

run vc-report "$tap_tmp/r"
qemu=$(printf '%s\n' "$out" | sed -n '/^memsweep/,/^$/p' | grep '^qemu ')
case $qemu in
*"1 (rep 5)") pass "the outlier (900 s) is named by its rep" ;;
*) fail "the outlier is named by its rep" "$qemu" ;;
esac
case $qemu in
*" 427.000 "*) pass "and kept in the mean" ;;
*) fail "the outlier is kept in the mean" "$qemu" ;;
esac
case $qemu in
*"%!"*) pass "cv above 10% is marked !" ;;
*) fail "cv above 10% is marked !" "$qemu" ;;
esac
is "$(printf '%s\n' "$out" | grep -c '^cv: .*! marks more than 10%')" 1 "the legend explains !"
is "$(printf '%s\n' "$out" | grep -c '^qemu: 1 of 5 values missing (nan or inf), rep 3')" 1 \
    "a nan is reported with its rep"

run vc-report -f csv "$tap_tmp/r"
is "$(printf '%s\n' "$out" | grep '^memsweep,seconds,s,qemu,' | cut -d, -f17,18)" "1,5" \
    "CSV: outliers 1, rep 5"
is "$(printf '%s\n' "$out" | grep '^linpack,kflops,KFLOPS,qemu,' | cut -d, -f5,19)" "4,1" \
    "CSV: n 4, missing 1"
case $err in
*"1 of 5 values missing"*) pass "CSV: the missing value is reported on stderr" ;;
*) fail "CSV: the missing value is reported on stderr" "$err" ;;
esac
done_testing
