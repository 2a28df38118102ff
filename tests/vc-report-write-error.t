#!/bin/sh
# vc-report >/dev/full: a write error, exit 1.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

[ -w /dev/full ] || skip_all "/dev/full not available"
plan 3
small_results "$tap_tmp/r"
for f in text markdown csv; do
	vc-report -f $f "$tap_tmp/r" >/dev/full 2>"$tap_tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "write error" "$tap_tmp/err"; then
		pass "-f $f >/dev/full fails with a write error"
	else
		fail "-f $f >/dev/full" "rc=$rc" "$(cat "$tap_tmp/err")"
	fi
done
done_testing
