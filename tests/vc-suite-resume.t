#!/bin/sh
# Ctrl-C in the middle keeps every row written before it; -r completes
# the matrix without duplicating a measurement.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 5
d=$tap_tmp/r
vc-suite -P quick -p native -b forksum,linpack -n 6 \
    -a linpack='-n 50 -t 0.3' -a forksum='1 100' -d "$d" >/dev/null 2>&1 &
pid=$!
# Wait for a few measurements, then interrupt: past a second rep, so
# that the last record has an earlier one of its benchmark and -r can
# tell it is whole (a record it cannot tell is measured again).
for i in $(seq 100); do
	awk -F, '$8 ~ /^[2-9]$/ { f = 1 } END { exit !f }' "$d/results.csv" \
	    2>/dev/null && break
	sleep 0.1
done
kill -INT "$pid"
wait "$pid"
is "$?" 130 "vc-suite dies of SIGINT"
before=$(tail -n +2 "$d/results.csv" | sort)
n_before=$(printf '%s\n' "$before" | wc -l)
[ "$n_before" -gt 0 ] && [ "$n_before" -lt 84 ] &&
	pass "rows written before the interrupt are there ($n_before)" ||
	fail "rows written before the interrupt are there" "$n_before rows"
run vc-suite -r "$d"
is "$rc:$out" "0:$d" "vc-suite -r resumes"
after=$(tail -n +2 "$d/results.csv" | sort)
missing=$(printf '%s\n' "$before" | while IFS= read -r l; do
	printf '%s\n' "$after" | grep -qxF "$l" || echo "$l"; done)
is "$missing" "" "every earlier row is kept as it was"
counts=$(python3 - "$d/results.csv" <<'PY'
import csv, sys, collections
rows = list(csv.DictReader(open(sys.argv[1])))
c = collections.Counter((r["benchmark"], r["rep"], r["metric"]) for r in rows)
keys = {(r["benchmark"], r["rep"]) for r in rows}
print(len(keys), max(c.values()))
PY
)
is "$counts" "12 1" "the matrix is complete (2 benchmarks x 6 reps) with no duplicate"
done_testing
