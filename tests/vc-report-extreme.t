#!/bin/sh
# Finite values whose sum overflows: vc-report's mean is finite and the
# ratio to native is what it is, not inf and 0.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 3
mkdir "$tap_tmp/r"
{
	echo "$HEADER"
	for i in 1 2 3; do
		echo "2026-11-27T03:0$i:00Z,h,native,memsweep,seconds,s,1.7e308,$i"
		echo "2026-11-27T03:0$i:00Z,h,qemu,memsweep,seconds,s,1.6e308,$i"
	done
} >"$tap_tmp/r/results.csv"
run vc-report -f csv "$tap_tmp/r"
is "$rc" 0 "vc-report exits 0"
row() { printf '%s\n' "$out" | awk -F, -v p="$1" -v c="$2" '
	NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
	$0 ~ "(^|,)" p "," { print $col[c]; exit }'; }
mean=$(row native mean)
case $mean in *inf*|"") fail "the mean of 3 x 1.7e308 is finite" "mean=$mean" "$out" ;;
*) is "$(awk -v m="$mean" 'BEGIN { print (m / 1.7e308 > 0.999999 && m / 1.7e308 < 1.000001) }')" 1 \
	"the mean of 3 x 1.7e308 is 1.7e308" ;;
esac
ratio=$(row qemu ratio)
is "$(awk -v r="$ratio" 'BEGIN { print (r > 0.9411 && r < 0.9412) }')" 1 \
	"the ratio 1.6e308 / 1.7e308 is 0.941 (got $ratio)"
done_testing
