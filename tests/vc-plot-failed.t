#!/bin/sh
# The empty slot of a failed or skipped cell is labelled "failed" or
# "skipped" in its benchmark's chart and in the overhead chart; a cell
# with some failed reps says how many under its bar.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot
plan 7
d=$tap_tmp/r
failed_results "$d"

# texts FILE: the text elements of an SVG, one per line.
texts() { grep -o '>[^<>]*<' "$1" | sed 's/^>//; s/<$//' | grep -v '^ *$'; }

run vc-plot -f svg "$d"
is "$rc:$err" "0:" "draws, exit 0, nothing on stderr"
is "$(texts "$d/charts/memsweep.svg" | grep -c '^failed$')" 2 \
    "benchmark chart: the failed cell's slot and tic say failed"
is "$(texts "$d/charts/memsweep.svg" | grep -c '^skipped$')" 2 \
    "benchmark chart: the skipped platform's slot and tic say skipped"
is "$(texts "$d/charts/linpack.svg" | grep -c '^n = 4, 2 failed$')" 1 \
    "benchmark chart: a partly failed cell says how many reps failed"
is "$(texts "$d/charts/overhead.svg" | grep -c '^failed$'):$(texts "$d/charts/overhead.svg" | grep -c '^skipped$')" \
    "1:2" "overhead chart: the failed and the skipped slots are labelled"

# Only native measured, the others skipped: an overhead chart that says so.
d2=$tap_tmp/r2
failed_results "$d2"
rm "$d2/failures.csv"
grep -v ',container,\|,qemu,' "$d/results.csv" >"$d2/results.csv"
printf '{"platforms": {"container": {"skipped": "no engine"}, "qemu": {"skipped": "no kernel"}}}\n' >"$d2/meta.json"
run vc-plot -f svg "$d2"
is "$rc" 0 "every other platform skipped: draws"
is "$(texts "$d2/charts/overhead.svg" | grep -c '^skipped$')" 4 \
    "the overhead chart labels their slots"
done_testing
