#!/bin/sh
# A runner's record is untrusted (it comes from inside containers and
# VMs): one of any size is either written whole or refused as a failed
# measurement with its reason, never written in part, never a crash.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-runner.sh"
need_cmd python3

plan 6
# record FILE TIME NMETRICS NAMELEN: a JSON record, written by python3.
record() {
	python3 - "$@" <<'PY'
import json, sys
path, t, n, namelen = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
ms = [{"metric": ("m%d_" % i).ljust(namelen, "x"), "unit": "s", "value": i}
      for i in range(n)]
open(path, "w").write(json.dumps({"benchmark": "forksum", "time": t,
                                  "metrics": ms}) + "\n")
PY
}
suite() {
	run vc-suite -P quick -p native -b forksum -n 1 -d "$1"
}
fake_runner "$tap_tmp/rec.json"

# 900 quotes in the time, repeated on every row: 1 KB of JSON that
# grows past 16 KiB once escaped for CSV (this smashed a 16 KiB stack
# buffer once: SIGSEGV). Such a time is refused now, whole.
record "$tap_tmp/rec.json" "$(printf '%0900d' 0 | tr 0 '"')" 10 8
suite "$tap_tmp/quotes"
rows=$(tail -n +2 "$tap_tmp/quotes/results.csv" | wc -l)
is "$rc:$rows:$(tail -n 1 "$tap_tmp/quotes/failures.csv" | cut -d, -f2-7)" \
    "1:0:native,forksum,1,0,\"result record's time is not an ISO 8601 time\"," \
    "a 1 KB record that grows past 16 KiB as CSV: no crash, refused whole"

# 300 metrics: about 30 KB of rows, under the limit.
record "$tap_tmp/rec.json" 2026-01-01T00:00:00Z 300 80
suite "$tap_tmp/big"
is "$rc:$(tail -n +2 "$tap_tmp/big/results.csv" | wc -l)" "0:300" \
    "a 30 KB record: all 300 rows written"

# 2000 metrics of 60-byte names: about 200 KB of rows, refused.
record "$tap_tmp/rec.json" 2026-01-01T00:00:00Z 2000 60
suite "$tap_tmp/huge"
is "$rc" 1 "an oversize record: the measurement failed, exit 1"
is "$(tail -n +2 "$tap_tmp/huge/results.csv" | wc -l)" 0 \
    "an oversize record: no row of it written"
reason=$(python3 -c 'import csv,sys; print(list(csv.DictReader(open(sys.argv[1])))[0]["reason"])' "$tap_tmp/huge/failures.csv" 2>&1)
is "$reason" "result record longer than 65536 bytes as CSV rows" \
    "failures.csv gives the reason"
case $err in
*"native forksum rep 1 failed (exit 0): result record longer than 65536 bytes"*)
	pass "the reason is said as it happens" ;;
*) fail "the reason is said as it happens" "$err" ;;
esac
done_testing
