#!/bin/sh
# Bad options give exit 2; a results directory that cannot be written
# gives a clear error and exit 1; existing results are not overwritten.
# -c is a percent, no time; -r takes no other option.
. "${top_srcdir:-.}/tests/tap.sh"

plan 18
usage_error "unknown option" vc-suite -Z
usage_error "unknown benchmark" vc-suite -b linpack,dhrystone
usage_error "unknown platform" vc-suite -p native,xen
usage_error "bad repetitions" vc-suite -n 0
usage_error "bad profile" vc-suite -P slow
usage_error "bad per-benchmark arguments" vc-suite -a nosuch=1
usage_error "-N without -c" vc-suite -n 2 -N 5
usage_error "extra operand" vc-suite extra
usage_error "-c is a percent, not a time: 5s refused" vc-suite -c 5s
usage_error "-c 5ms refused" vc-suite -c 5ms
usage_error "-c 0 refused" vc-suite -c 0
run vc-suite -p native -b forksum -n 1 -d /dev/null/results
case $rc:$err in "1:vc-suite: mkdir /dev/null/results: Not a directory") pass "an unwritable directory: exit 1, one line" ;;
*) fail "an unwritable directory: exit 1, one line" "rc=$rc" "$err" ;; esac
run vc-suite -p native -b forksum -n 1 -a forksum='1 10' -d "$tap_tmp/r"
is "$rc" 0 "a first run"
usage_error "existing results are not overwritten" vc-suite -p native -b forksum -n 1 -d "$tap_tmp/r"
rows=$(wc -l <"$tap_tmp/r/results.csv")
usage_error "-r with another option is refused, not dropped" vc-suite -r "$tap_tmp/r" -n 3
usage_error "-r twice is refused" vc-suite -r "$tap_tmp/r" -r "$tap_tmp/r"
is "$(wc -l <"$tap_tmp/r/results.csv")" "$rows" "a refused -r measures nothing"
run vc-suite -p native -b forksum -n 2 -N 3 -c 2.5 -a forksum='1 10' -d "$tap_tmp/c"
is "$rc:$(grep -c '"ci_percent": *2.5,' "$tap_tmp/c/meta.json")" "0:1" \
    "-c 2.5: a percent, recorded in meta.json"
done_testing
