#!/bin/sh
# vc-report's three formats: aligned text, Markdown tables, CSV.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd python3
plan 10
full_results "$tap_tmp/r"

run vc-report -f csv -a "$tap_tmp/r"
printf '%s\n' "$out" >"$tap_tmp/csv"
is "$rc" 0 "-f csv -a exits 0"
# 5 benchmarks x 4 platforms, one metric each in full_results.
got=$(python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
want = ("benchmark,metric,unit,platform,n,mean,median,sd,min,max,cv,"
        "ci_low,ci_high,ratio,ratio_low,ratio_high,outliers").split(",")
assert rows[0][:len(want)] == want, rows[0]
assert all(len(r) == len(rows[0]) for r in rows)
for r in rows[1:]:
    for v in r[4:16]:
        if v != "":
            float(v)
print(len(rows) - 1)
' "$tap_tmp/csv" 2>&1)
is "$got" 20 "CSV parses (python3 csv), the header comes first, numbers are numbers"

run vc-report -f markdown "$tap_tmp/r"
is "$rc" 0 "-f markdown exits 0"
is "$(printf '%s\n' "$out" | grep -c '^### ')" 5 "a heading per benchmark"
is "$(printf '%s\n' "$out" | grep -c '^| platform | n | mean | median | sd |')" 5 \
    "a header row per table"
is "$(printf '%s\n' "$out" | grep -Ec '^(\|:?---+:?)+\|$')" 5 \
    "a |---| line under each header row"
is "$(printf '%s\n' "$out" | grep -c '^| qemu | 8 |')" 5 "rows are table rows"

run vc-report "$tap_tmp/r"
is "$(printf '%s\n' "$out" | grep -c '^platform  *n  *mean  *median  *sd  *min  *max  *cv')" 5 \
    "text: a header line per benchmark"
# Aligned: every line of a table is as long as its header, but the last
# (left-aligned) column.
bad=$(printf '%s\n' "$out" | awk '
	/^platform / { w = index($0, "outliers"); next }
	/^(native|container|kvm|qemu) / && w {
		if (substr($0, w - 2, 2) != "  " || substr($0, w - 3, 1) == " ")
			print "misaligned: " $0
	}')
is "$bad" "" "text: columns aligned"
is "$(printf '%s\n' "$out" | grep -c "Fieller")" 1 "text: a legend names the ratio CI method"
done_testing
