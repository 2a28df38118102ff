#!/bin/sh
# The overhead chart needs native results; without them vc-plot says
# so and draws the others.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot
plan 4
full_results "$tap_tmp/r"

# Slowdowns 30 to 60 for qemu: the overhead axis is logarithmic.
run vc-plot -f svg "$tap_tmp/r"
svg=$tap_tmp/r/charts/overhead.svg
if [ "$rc" -eq 0 ] && grep -q "log scale" "$svg" && grep -q "native = 1" "$svg"; then
	pass "overhead chart on a log axis with the native line"
else
	fail "overhead chart on a log axis with the native line" "rc=$rc" "$err"
fi
# linpack is a rate: native/qemu = 30, not 1/30.
if grep -q ">30\.[0-9]*×<\|>29\.[0-9]*×<" "$svg"; then
	pass "a rate's slowdown is native / platform"
else
	fail "a rate's slowdown is native / platform"
fi

mkdir "$tap_tmp/nonative"
grep -v ',native,' "$tap_tmp/r/results.csv" >"$tap_tmp/nonative/results.csv"
run vc-plot -f png "$tap_tmp/nonative"
is "$rc:$(printf '%s\n' "$out" | wc -l)" "0:5" "no native: the five benchmark charts"
case $err in
"vc-plot: no overhead chart: it needs native results and another platform")
	pass "no native: one line says why there is no overhead chart" ;;
*)	fail "no native: one line says why there is no overhead chart" "$err" ;;
esac
done_testing
