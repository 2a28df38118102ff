#!/bin/sh
# Bad options give exit 2; a results directory that cannot be written
# gives a clear error and exit 1; existing results are not overwritten.
. "${top_srcdir:-.}/tests/tap.sh"

plan 11
usage_error "unknown option" vc-suite -Z
usage_error "unknown benchmark" vc-suite -b linpack,dhrystone
usage_error "unknown platform" vc-suite -p native,xen
usage_error "bad repetitions" vc-suite -n 0
usage_error "bad profile" vc-suite -P slow
usage_error "bad per-benchmark arguments" vc-suite -a nosuch=1
usage_error "-N without -c" vc-suite -n 2 -N 5
usage_error "extra operand" vc-suite extra
run vc-suite -p native -b forksum -n 1 -d /dev/null/results
case $rc:$err in "1:vc-suite: mkdir /dev/null/results: Not a directory") pass "an unwritable directory: exit 1, one line" ;;
*) fail "an unwritable directory: exit 1, one line" "rc=$rc" "$err" ;; esac
run vc-suite -p native -b forksum -n 1 -a forksum='1 10' -d "$tap_tmp/r"
is "$rc" 0 "a first run"
usage_error "existing results are not overwritten" vc-suite -p native -b forksum -n 1 -d "$tap_tmp/r"
done_testing
