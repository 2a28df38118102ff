#!/bin/sh
# Every kind of bad input to memsweep: one line on stderr, exit 2.
. "${top_srcdir:-.}/tests/tap.sh"

plan 11
usage_error "unknown option" memsweep -x
usage_error "extra operand" memsweep 5
usage_error "missing option argument" memsweep -s
usage_error "non-number size" memsweep -s big
usage_error "bad size suffix" memsweep -s 5Q
usage_error "negative size" memsweep -s -1M
usage_error "zero size" memsweep -s 0
usage_error "overflowing size" memsweep -s 99999999999999999999
usage_error "zero reps" memsweep -r 0
usage_error "32-bit index overflow" memsweep -s 1G -r 10
usage_error "bad output format" memsweep -o xml
done_testing
