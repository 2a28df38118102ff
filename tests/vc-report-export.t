#!/bin/sh
# vc-report -x: the classic per-platform files, time,value of the
# primary metric, one row per run, in the results or another directory
# (made with its parents). -x takes none of the summary's -f, -m, -a.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 15
small_results "$tap_tmp/r"

run vc-report -x "$tap_tmp/r"
is "$rc" 0 "-x exits 0"
is "$(printf '%s\n' "$out" | sed 's|.*/||' | sort | tr '\n' ' ')" \
    "container-linpack.csv container-memsweep.csv native-linpack.csv native-memsweep.csv qemu-linpack.csv qemu-memsweep.csv " \
    "prints the six files it wrote"
is "$(head -1 "$tap_tmp/r/native-memsweep.csv")" "time,value" "header time,value"
is "$(sed 1d "$tap_tmp/r/qemu-memsweep.csv" | wc -l)" 5 "one row per run"
is "$(sed -n 2p "$tap_tmp/r/native-memsweep.csv")" "2026-11-27T03:01:00Z,10" \
    "time and value as measured"
is "$(grep -c nan "$tap_tmp/r/qemu-linpack.csv")" 1 \
    "a missing value is exported as nan, not dropped"
is "$(cut -d, -f2 "$tap_tmp/r/native-linpack.csv" | sed 1d | tr '\n' ' ')" \
    "1201000 1202000 1203000 1204000 1205000 " "the primary metric only"

run vc-report -x -o "$tap_tmp/classic" "$tap_tmp/r"
is "$rc:$(ls "$tap_tmp/classic" | wc -l)" "0:6" "-o: into another directory, made if missing"
usage_error "-o without -x" vc-report -o "$tap_tmp/x" "$tap_tmp/r"
run vc-report -x -o "$tap_tmp/deep/er/classic" "$tap_tmp/r"
is "$rc:$(ls "$tap_tmp/deep/er/classic" | wc -l)" "0:6" "-o: its parents are made too"
: >"$tap_tmp/file"
run vc-report -x -o "$tap_tmp/file/classic" "$tap_tmp/r"
is "$rc:$err:$out" "1:vc-report: $tap_tmp/file/classic: Not a directory:" \
    "-o under a file: exit 1, one line, nothing written"
small_results "$tap_tmp/r2"
usage_error "-x with -f is refused, not ignored" vc-report -x -f csv "$tap_tmp/r2"
usage_error "-x with -m is refused" vc-report -x -m seconds "$tap_tmp/r2"
usage_error "-x with -a is refused" vc-report -a -x "$tap_tmp/r2"
is "$(ls "$tap_tmp/r2" | tr '\n' ' ')" "meta.json results.csv " "a refused -x writes nothing"
done_testing
