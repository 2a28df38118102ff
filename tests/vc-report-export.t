#!/bin/sh
# vc-report -x: the classic per-platform files, time,value of the
# primary metric, one row per run, in the results or another directory
# (made with its parents); valid CSV (RFC 4180) that a CSV parser reads
# back to the same cells, from a results.csv whose params hold quotes
# and commas. -x takes none of the summary's -f, -m, -a.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd python3

plan 17
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

# Every file as a CSV parser reads it: header, then time,value per run.
q=$tap_tmp/q
small_results "$q"
with_params "$q" '"dir=/a,""b"" note=""=x"""'
run vc-report -x "$q"
is "$rc:$(printf '%s\n' "$out" | wc -l)" "0:6" "params with quotes: -x writes its six files"
got=$(python3 - "$q" <<'PY'
import csv, glob, os, sys
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*-*.csv"))):
    with open(f, newline="") as fp:
        rows = list(csv.reader(fp, strict=True))
    ok = rows[0] == ["time", "value"] and all(len(r) == 2 for r in rows)
    print(os.path.basename(f), ok, len(rows) - 1, rows[1][0], rows[1][1],
          rows[-1][1])
PY
)
is "$got" "container-linpack.csv True 5 2026-11-27T03:01:00Z 1191500 1197500
container-memsweep.csv True 5 2026-11-27T03:01:00Z 10.5 14.5
native-linpack.csv True 5 2026-11-27T03:01:00Z 1201000 1205000
native-memsweep.csv True 5 2026-11-27T03:01:00Z 10 14
qemu-linpack.csv True 5 2026-11-27T03:01:00Z 40100 40500
qemu-memsweep.csv True 5 2026-11-27T03:01:00Z 300 900" \
    "a CSV parser reads every file back: the header, the times and values"

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
