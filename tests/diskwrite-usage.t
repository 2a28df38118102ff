#!/bin/sh
# Every kind of bad input to diskwrite: one line on stderr, exit 2,
# before anything is written or run.
. "${top_srcdir:-.}/tests/tap.sh"

plan 27
usage_error "unknown option" diskwrite -x
usage_error "missing option argument" diskwrite -s
usage_error "extra operand" diskwrite somefile
usage_error "non-number size" diskwrite -s abc
usage_error "size with trailing junk" diskwrite -s 16Mx
usage_error "size with a bad suffix" diskwrite -s 16X
usage_error "overflowing size" diskwrite -s 99999999999999999999
usage_error "size overflowing with its suffix" diskwrite -s 99999999999T
usage_error "negative size" diskwrite -s -16M
usage_error "zero size" diskwrite -s 0
usage_error "size smaller than a block" diskwrite -s 1k
usage_error "empty size" diskwrite -s ""
usage_error "block size not a multiple of 512" diskwrite -b 1000
usage_error "block size too small" diskwrite -b 256
usage_error "block size too large" diskwrite -b 1G
usage_error "non-number block size" diskwrite -b big
usage_error "zero iodepth" diskwrite -q 0
usage_error "iodepth with trailing junk" diskwrite -q 64k
usage_error "overflowing iodepth" diskwrite -q 99999999999999999999
usage_error "zero time" diskwrite -t 0
usage_error "negative time" diskwrite -t -5
usage_error "time with a bad unit" diskwrite -t 5m
usage_error "bad output format" diskwrite -o xml
usage_error "empty directory name" diskwrite -d ""
usage_error "empty fio name" diskwrite -F ""
run diskwrite -h
is "$rc:$(printf '%s\n' "$out" | grep -c '^usage: diskwrite')" "0:1" \
    "-h prints usage on stdout, exit 0"
run diskwrite -V
is "$rc:${out%% *}" "0:virtcost" "-V prints the version, exit 0"
done_testing
