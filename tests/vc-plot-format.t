#!/bin/sh
# vc-plot -f chooses PNG, SVG or both; -o another directory.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot
plan 4
small_results "$tap_tmp/r"

run vc-plot -f png -o "$tap_tmp/png" "$tap_tmp/r"
is "$rc:$(ls "$tap_tmp/png" | tr '\n' ' ')" "0:linpack.png memsweep.png overhead.png " "-f png: PNG only"
run vc-plot -f svg -o "$tap_tmp/svg" "$tap_tmp/r"
is "$rc:$(ls "$tap_tmp/svg" | tr '\n' ' ')" "0:linpack.svg memsweep.svg overhead.svg " "-f svg: SVG only"
run vc-plot -f both -o "$tap_tmp/both" "$tap_tmp/r"
is "$rc:$(ls "$tap_tmp/both" | wc -l)" "0:6" "-f both: PNG and SVG"
is "$(ls "$tap_tmp/r")" "meta.json
results.csv" "-o: nothing written into the results directory"
done_testing
