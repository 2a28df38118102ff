#!/bin/sh
# A platform whose runs did other work than native's has no bar in the
# overhead chart, only the words "unequal work" in its slot, and its
# benchmark chart says so under its platform; native's own refused
# forks say "degraded".
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot
plan 7
d=$tap_tmp/r
unequal_results "$d"

# texts FILE: the text elements of an SVG, one per line.
texts() { grep -o '>[^<>]*<' "$1" | sed 's/^>//; s/<$//' | grep -v '^ *$'; }

run vc-plot -f svg "$d"
is "$rc:$err" "0:" "draws, exit 0, nothing on stderr"
is "$(texts "$d/charts/overhead.svg" | grep -c '^unequal work$')" 2 \
    "overhead chart: the container's forksum and qemu's linpack slots"
# The factors drawn: container linpack and qemu forksum, no other.
is "$(texts "$d/charts/overhead.svg" | grep '×$' | tr '\n' ' ')" \
    "1.01× 43.8× " "overhead chart: no factor for the unequal slots"
is "$(texts "$d/charts/forksum.svg" | grep -c '^unequal work$')" 1 \
    "forksum chart: under the container's bar"
is "$(texts "$d/charts/linpack.svg" | grep -c '^unequal work$')" 1 \
    "linpack chart: under qemu's"

d2=$tap_tmp/degraded
unequal_results "$d2"
awk -F, -v OFS=, '$3 == "native" && $8 == 2 && $5 == "processes" { $7 = 3978 }
    $3 == "native" && $8 == 2 && $5 == "fork_failures" { $7 = 20 }
    { print }' "$d/results.csv" >"$d2/results.csv"
run vc-plot -f svg "$d2"
is "$(texts "$d2/charts/forksum.svg" | grep -c '^degraded$')" 1 \
    "native refused forks: degraded under its bar"
is "$(texts "$d2/charts/overhead.svg" | grep -c '^unequal work$')" 3 \
    "and no platform's forksum has a factor against it"
done_testing
