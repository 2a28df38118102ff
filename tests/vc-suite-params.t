#!/bin/sh
# vc-suite keeps each record's params in its rows (the params column,
# the pairs as the benchmark's own CSV gives them), quoted as CSV must
# be; vc-report shows them. A results.csv of an older vc-suite, without
# params, is resumed in its own format and still read.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/fake-runner.sh"
need_cmd python3

plan 8
# cells FILE COLUMN: the distinct values of a column, by a CSV parser.
cells() {
	python3 -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print("|".join(sorted({r.get(sys.argv[2]) or "-" for r in rows})))' "$1" "$2"
}

d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 2 -a forksum='1 10' -d "$d"
is "$rc:$(head -n 1 "$d/results.csv"):$(cells "$d/results.csv" params)" \
    "0:time,host,platform,benchmark,metric,unit,value,rep,params,variant:start=1 end=10" \
    "each row holds its record's params"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | grep '^forksum')" \
    "0:forksum (start=1 end=10): seconds (s), lower is better" \
    "vc-report's title shows them"

# A runner's params with a quote, a comma and a tab: one cell, quoted.
printf '%s\n' '{"time":"2026-01-01T00:00:00Z","params":{"dir":"/a,\"b\"","t":"x\ty","n":5},"metrics":[{"metric":"seconds","unit":"s","value":1}]}' >"$tap_tmp/rec.json"
fake_runner "$tap_tmp/rec.json"
h=$tap_tmp/h
run vc-suite -P quick -p native -b forksum -n 1 -d "$h"
is "$rc:$(cells "$h/results.csv" params)" '0:dir=/a,"b" t=x y n=5' \
    "a quote and a comma in a record's params: one CSV cell; a tab blank"
run vc-report "$h"
is "$rc:$(printf '%s\n' "$out" | grep '^forksum')" \
    '0:forksum (dir=/a,"b" t=x y n=5): seconds (s), lower is better' \
    "and read back as they were"
printf '%s\n' '{"time":"2026-01-01T00:00:00Z","params":[1],"metrics":[{"metric":"seconds","unit":"s","value":1}]}' >"$tap_tmp/rec.json"
run vc-suite -P quick -p native -b forksum -n 1 -d "$tap_tmp/arr"
is "$rc:$(tail -n 1 "$tap_tmp/arr/failures.csv" | cut -d, -f2-7)" \
    "1:native,forksum,1,0,\"result record's params not an object\"," \
    "params that are no object: the record refused, a failure"
PATH=${PATH#"$tap_tmp/bin:"}

# An older file: its params column removed, its last record too.
o=$tap_tmp/old
run vc-suite -P quick -p native -b forksum -n 2 -a forksum='1 10' -d "$o"
python3 - "$o/results.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
rows = [r[:8] for r in rows if r[7] != "2"]
csv.writer(open(sys.argv[1], "w"), lineterminator="\n").writerows(rows)
PY
run vc-suite -r "$o"
is "$rc:$(printf '%s\n' "$err" | head -n 1)" "0:vc-suite: $o/results.csv: an older vc-suite's file, without params: rows go on without them" \
    "-r on an older file: said, and resumed"
is "$(python3 -c 'import csv, sys; print(sorted({len(r) for r in csv.reader(open(sys.argv[1]))}), sorted({r[7] for r in csv.reader(open(sys.argv[1]))}))' "$o/results.csv")" \
    "[8] ['1', '2', 'rep']" "its rows stay without params, rep 2 measured again"
run vc-report "$o"
is "$rc:$(printf '%s\n' "$out" | grep '^forksum')" \
    "0:forksum (1 10): seconds (s), lower is better" \
    "vc-report reads it, params from meta.json"
done_testing
