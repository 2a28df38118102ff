#!/bin/sh
# Every kind of bad input to forksum: one line on stderr, exit 2.
. "${top_srcdir:-.}/tests/tap.sh"

plan 13
usage_error "unknown option" forksum -x 1 2
usage_error "missing operands" forksum
usage_error "missing end" forksum 1
usage_error "extra operand" forksum 1 2 3
usage_error "non-number start" forksum abc 5
usage_error "trailing junk" forksum 1 5x
usage_error "empty operand" forksum "" 5
usage_error "overflowing operand" forksum 1 99999999999999999999
usage_error "end less than start" forksum 10 1
usage_error "sum does not fit in 64 bits" forksum 1 9223372036854775807
usage_error "negative part does not fit" forksum -9223372036854775807 0
usage_error "bad output format" forksum -o xml 1 2
run forksum -h
is "$rc:$(printf '%s\n' "$out" | grep -c usage)" "0:1" "-h prints usage on stdout, exit 0"
done_testing
