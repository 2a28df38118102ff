#!/bin/sh
# vc-plot: gnuplot missing or failing, an outdir it cannot write, bad
# results: exit 1 and say why; bad usage: exit 2.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 13
small_results "$tap_tmp/r"

# one_line NAME PATTERN: the last run exited 1 with one line matching.
one_line() {
	if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
	    printf '%s\n' "$err" | grep -q "^vc-plot: .*$2"; then
		pass "$1"
	else
		fail "$1" "rc=$rc (want 1)" "stderr: $err"
	fi
}

run vc-plot -G "$tap_tmp/nonexistent" "$tap_tmp/r"
one_line "-G a missing program" "not found; install gnuplot (apt-get install gnuplot-nox)"
run /usr/bin/env PATH=/nonexistent "$top_builddir/harness/report/vc-plot" "$tap_tmp/r"
one_line "no gnuplot on PATH" "gnuplot: not found"
is "$out" "" "no chart paths printed"

# A gnuplot that fails: its messages are passed on, then ours.
cat >"$tap_tmp/badplot" <<'EOS'
#!/bin/sh
cat >/dev/null
echo "line 3: something is wrong" >&2
exit 3
EOS
chmod +x "$tap_tmp/badplot"
run vc-plot -G "$tap_tmp/badplot" "$tap_tmp/r"
if [ "$rc" -eq 1 ] && printf '%s\n' "$err" | grep -q "^line 3: something is wrong" &&
    printf '%s\n' "$err" | grep -q "badplot failed (exit status 3)"; then
	pass "a failing gnuplot: its stderr, then exit 1"
else
	fail "a failing gnuplot: its stderr, then exit 1" "rc=$rc" "$err"
fi

: >"$tap_tmp/file"
run vc-plot -o "$tap_tmp/file/charts" "$tap_tmp/r"
one_line "an outdir that cannot be made" "file/charts: Not a directory"
run vc-plot -o "$tap_tmp/file" "$tap_tmp/r"
one_line "an outdir that is a file" "not a directory"
mkdir "$tap_tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
	chmod 555 "$tap_tmp/ro"
	run vc-plot -o "$tap_tmp/ro" "$tap_tmp/r"
	one_line "an outdir that is not writable" "Permission denied"
else
	# Root writes anywhere mode bits forbid; a read-only mount stops it.
	mount -t tmpfs -o ro,size=1m tmpfs "$tap_tmp/ro"
	run vc-plot -o "$tap_tmp/ro" "$tap_tmp/r"
	umount "$tap_tmp/ro"
	one_line "an outdir that is not writable" "Read-only file system"
fi

echo "time,value" >"$tap_tmp/bad.csv"
mkdir "$tap_tmp/bad"
mv "$tap_tmp/bad.csv" "$tap_tmp/bad/results.csv"
run vc-plot "$tap_tmp/bad"
one_line "bad results, as vc-report" "line 1: header is not"

usage_error "unknown option" vc-plot -z "$tap_tmp/r"
usage_error "unknown format" vc-plot -f gif "$tap_tmp/r"
usage_error "no directory" vc-plot
run vc-plot -h
is "$rc:$(printf '%s\n' "$out" | grep -c '^usage: vc-plot ')" "0:1" "-h prints usage on stdout, exit 0"

if command -v gnuplot >/dev/null && [ -w /dev/full ]; then
	vc-plot -f png "$tap_tmp/r" >/dev/full 2>"$tap_tmp/err"
	rc=$? err=$(cat "$tap_tmp/err")
	one_line ">/dev/full: a write error" "write error"
else
	pass "# SKIP gnuplot or /dev/full missing"
fi
done_testing
