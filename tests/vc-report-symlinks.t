#!/bin/sh
# vc-report -x replaces a link planted where an export goes (in someone
# else's results directory) instead of writing through it.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 4
small_results "$tap_tmp/r"
mkdir "$tap_tmp/outside"
echo precious >"$tap_tmp/outside/victim"
ln -s "$tap_tmp/outside/victim" "$tap_tmp/r/native-memsweep.csv"

run vc-report -x "$tap_tmp/r"
is "$rc" 0 "-x exits 0"
is "$(cat "$tap_tmp/outside/victim")" precious "the file a planted link points to is untouched"
if [ ! -L "$tap_tmp/r/native-memsweep.csv" ] &&
    [ "$(head -n 1 "$tap_tmp/r/native-memsweep.csv")" = time,value ]; then
	pass "the link is replaced by the export"
else
	fail "the link is replaced by the export" "$(ls -l "$tap_tmp/r")"
fi
is "$(ls -A "$tap_tmp/r" | grep -c '^\.')" 0 "no temporary file is left"
done_testing
