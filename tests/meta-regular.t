#!/bin/sh
# meta.json is read only when it is a regular file of at most 1 MiB: a
# FIFO or /dev/zero in its place would hang vc-report, vc-plot and
# vc-suite -r, or fill memory. vc-report goes on without it (a
# warning); -r refuses, one line.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd timeout mkfifo

plan 6
small_results "$tap_tmp/d"
rm "$tap_tmp/d/meta.json"
mkfifo "$tap_tmp/d/meta.json"
run timeout 10 vc-report "$tap_tmp/d"
is "$rc:$err" "0:vc-report: $tap_tmp/d/meta.json: not a regular file; titles without parameters" \
    "vc-report: a FIFO meta.json: warned, not read"
rm "$tap_tmp/d/meta.json"
ln -s /dev/zero "$tap_tmp/d/meta.json"
run timeout 10 vc-report "$tap_tmp/d"
is "$rc:$err" "0:vc-report: $tap_tmp/d/meta.json: not a regular file; titles without parameters" \
    "vc-report: /dev/zero as meta.json: warned, not read"
rm "$tap_tmp/d/meta.json"
head -c 1048577 /dev/zero | tr '\0' ' ' >"$tap_tmp/d/meta.json"
run timeout 10 vc-report "$tap_tmp/d"
is "$rc:$err" "0:vc-report: $tap_tmp/d/meta.json: larger than 1 MiB; titles without parameters" \
    "vc-report: a meta.json over 1 MiB: warned, not read"

r=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 1 -a forksum='1 10' -d "$r"
is "$rc:$out" "0:$r" "a small run to resume"
rm "$r/meta.json"
mkfifo "$r/meta.json"
run timeout 10 vc-suite -r "$r"
is "$rc:$out:$err" "1::vc-suite: $r/meta.json: not a regular file: no run to resume there" \
    "vc-suite -r: a FIFO meta.json: refused"
rm "$r/meta.json"
ln -s /dev/zero "$r/meta.json"
run timeout 10 vc-suite -r "$r"
is "$rc:$out:$err" "1::vc-suite: $r/meta.json: not a regular file: no run to resume there" \
    "vc-suite -r: /dev/zero as meta.json: refused"
done_testing
