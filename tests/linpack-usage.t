#!/bin/sh
# Every kind of bad input to linpack: one line on stderr, exit 2.
. "${top_srcdir:-.}/tests/tap.sh"

plan 12
usage_error "unknown option" linpack -x
usage_error "extra operand" linpack 5
usage_error "missing option argument" linpack -n
usage_error "non-number order" linpack -n abc
usage_error "trailing junk in order" linpack -n 100x
usage_error "negative order" linpack -n -5
usage_error "order too small" linpack -n 1
usage_error "overflowing order" linpack -n 99999999999999999999
usage_error "bad time unit" linpack -t 5h
usage_error "negative time" linpack -t -1
usage_error "lda below order" linpack -n 600 -l 500
usage_error "bad output format" linpack -o yaml
done_testing
