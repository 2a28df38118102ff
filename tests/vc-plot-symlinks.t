#!/bin/sh
# A results directory is someone else's: vc-plot replaces links planted
# where its charts go instead of writing through them, refuses a charts
# directory that is a link, and puts no chart in place unless gnuplot
# drew them all, so that old charts never pass for new ones.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot python3
plan 9
full_results "$tap_tmp/r"
mkdir "$tap_tmp/r/charts" "$tap_tmp/outside"
echo precious >"$tap_tmp/outside/victim"
ln -s "$tap_tmp/outside/victim" "$tap_tmp/r/charts/forksum.svg"
ln -s "$tap_tmp/outside/victim" "$tap_tmp/r/charts/overhead.png"

run vc-plot "$tap_tmp/r"
is "$rc" 0 "vc-plot exits 0"
is "$(cat "$tap_tmp/outside/victim")" precious "the file a planted link points to is untouched"
if [ ! -L "$tap_tmp/r/charts/forksum.svg" ] && [ ! -L "$tap_tmp/r/charts/overhead.png" ] &&
    grep -q '<svg' "$tap_tmp/r/charts/forksum.svg"; then
	pass "the links are replaced by the charts"
else
	fail "the links are replaced by the charts" "$(ls -l "$tap_tmp/r/charts")"
fi
is "$(ls -A "$tap_tmp/r/charts" | grep -c '^\.')" 0 "no temporary file is left in charts/"

# charts/ itself a link out of the results directory.
full_results "$tap_tmp/r2"
ln -s "$tap_tmp/outside" "$tap_tmp/r2/charts"
run vc-plot "$tap_tmp/r2"
case $rc:$err in
1:"vc-plot: $tap_tmp/r2/charts: a symbolic link"*) pass "a charts/ that is a link is refused" ;;
*) fail "a charts/ that is a link is refused" "rc=$rc" "$err" ;;
esac
is "$(ls -A "$tap_tmp/outside")" victim "nothing is written where it points"

# A gnuplot that draws one chart and exits 0: vc-plot must not take the
# charts of the first run above for its own.
sums=$(cd "$tap_tmp/r/charts" && cksum *)
cat >"$tap_tmp/gnuplot" <<'EOS'
#!/bin/sh
f=$(sed -n "s/^set output '\(.*\)'$/\1/p" "$1" | head -n 1)
echo x >"$f"
EOS
chmod +x "$tap_tmp/gnuplot"
run vc-plot -G "$tap_tmp/gnuplot" "$tap_tmp/r"
case $rc:$out:$err in
1::*"did not write"*) pass "charts gnuplot did not draw are an error" ;;
*) fail "charts gnuplot did not draw are an error" "rc=$rc" "out: $out" "err: $err" ;;
esac
is "$(cd "$tap_tmp/r/charts" && cksum *)" "$sums" "the old charts are left as they were, none replaced"
is "$(ls -A "$tap_tmp/r/charts" | grep -c '^\.')" 0 "no temporary file is left after the failure"
done_testing
