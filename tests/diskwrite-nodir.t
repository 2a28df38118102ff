#!/bin/sh
# A directory that does not exist, or is not a directory: exit 1 with
# one clear line, before fio runs.
. "${top_srcdir:-.}/tests/tap.sh"

plan 2
touch "$tap_tmp/file"
run diskwrite -d "$tap_tmp/none" -s 1M -t 1
is "$rc:$err" "1:diskwrite: directory $tap_tmp/none does not exist" \
    "missing directory"
run diskwrite -d "$tap_tmp/file" -s 1M -t 1
is "$rc:$err" "1:diskwrite: $tap_tmp/file is not a directory" \
    "a file given as the directory"
done_testing
