#!/bin/sh
# Two rows of one platform, benchmark and metric with the same rep are
# two measurements claiming one rep: vc-report (and vc-plot, the same
# reader) refuse them with the line that repeats it, never count both.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 4
small_results "$tap_tmp/d"
f=$tap_tmp/d/results.csv
# line 2 is native memsweep seconds rep 1; repeat it, with another value
sed -n 2p "$f" | sed 's/,10,1$/,99,1/' >>"$f"
n=$(wc -l <"$f")
run vc-report "$tap_tmp/d"
is "$rc:$out:$err" "1::vc-report: $f: line $n: native memsweep seconds rep 1 again (first on line 2)" \
    "a repeated rep: refused with both lines"
run vc-plot "$tap_tmp/d"
is "$rc:$(printf '%s\n' "$err" | grep -c 'rep 1 again')" "1:1" "vc-plot refuses it too"
small_results "$tap_tmp/e"
# the same rep on another platform or metric is no duplicate
sed -n 2p "$tap_tmp/e/results.csv" | sed 's/,native,/,kvm,/' >>"$tap_tmp/e/results.csv"
run vc-report "$tap_tmp/e"
is "$rc" 0 "the same rep on another platform is fine"
# reps out of order are fine too
{ head -n 1 "$f"; tail -n +2 "$tap_tmp/e/results.csv" | sort -t, -k8,8nr; } >"$tap_tmp/e/r2"
mv "$tap_tmp/e/r2" "$tap_tmp/e/results.csv"
run vc-report "$tap_tmp/e"
is "$rc" 0 "reps in any order are fine"
done_testing
