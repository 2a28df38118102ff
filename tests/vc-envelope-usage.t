#!/bin/sh
# vc-envelope takes no operand and no option but -h and -V: bad input is
# one line on stderr, exit 2.
. "${top_srcdir:-.}/tests/tap.sh"

plan 4
usage_error "unknown option" vc-envelope -x
usage_error "an operand" vc-envelope forksum
run vc-envelope -h
is "$rc:$out" "0:usage: vc-envelope [-hV]" "-h prints usage on stdout, exit 0"
run vc-envelope -V
is "$rc:${out%% *}" "0:virtcost" "-V prints the version, exit 0"
done_testing
