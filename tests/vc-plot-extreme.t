#!/bin/sh
# A value near DBL_MAX (from someone else's results) ends vc-plot with a
# clear error, instead of an endless loop on an axis that reaches inf.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot
plan 3
mkdir "$tap_tmp/r"
{
	echo "$HEADER"
	for i in 1 2 3; do
		echo "2026-11-27T03:0$i:00Z,h,native,memsweep,seconds,s,1e300,$i"
		echo "2026-11-27T03:0$i:00Z,h,qemu,memsweep,seconds,s,1.7e308,$i"
	done
} >"$tap_tmp/r/results.csv"
# SIGKILL: the loop it used to be in does not stop at SIGTERM.
run timeout -s KILL 60 vc-plot "$tap_tmp/r"
nlines=$(printf '%s\n' "$err" | wc -l)
case $rc:$nlines:$err in
1:1:"vc-plot: memsweep seconds on qemu: 1.7e+308 is beyond"*)
	pass "exits 1 with one line naming the value" ;;
*) fail "exits 1 with one line naming the value" "rc=$rc" "$err" ;;
esac
is "$(ls -A "$tap_tmp/r/charts")" "" "nothing is left in charts/"

# Large but chartable values still make a log-scale chart.
sed 's/1\.7e308/1e299/; s/,1e300,/,1e290,/' "$tap_tmp/r/results.csv" >"$tap_tmp/r/x"
mv "$tap_tmp/r/x" "$tap_tmp/r/results.csv"
run timeout -s KILL 60 vc-plot -f svg "$tap_tmp/r"
is "$rc:$(printf '%s\n' "$out" | wc -l)" "0:2" "values of 1e290 and 1e299 are charted"
done_testing
