#!/bin/sh
# -c stops a cell on its benchmark's primary metric (the catalogue's),
# not on the record's first metric: forksum's first is sum, a constant,
# which made every forksum cell 'converge' at the minimum -n.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-runner.sh"

plan 2
# rec SUM SECONDS: a forksum record, sum first as forksum writes it.
rec() {
	printf '{"benchmark":"forksum","time":"2026-01-01T00:00:00Z","metrics":[{"metric":"sum","unit":"","value":%s},{"metric":"seconds","unit":"s","value":%s}]}\n' "$1" "$2"
}
# reps DIR: how many reps of forksum a run of -n 2, up to -N 6 made.
reps() {
	run vc-suite -P quick -p native -b forksum -n 2 -N 6 -c 1 -d "$1"
	[ "$rc" -eq 0 ] || { echo "rc=$rc $err"; return; }
	awk -F, '$5 == "seconds"' "$1/results.csv" | wc -l | tr -d ' '
}

# sum constant, seconds 1, 3, 1, 3, ...: never within 1%.
{ rec 42 1; rec 42 3; } >"$tap_tmp/spread.json"
fake_runner "$tap_tmp/spread.json"
is "$(reps "$tap_tmp/spread")" 6 \
    "seconds spread widely, sum constant: repeated up to -N"

# seconds constant, sum varying: converged at -n.
{ rec 1 2; rec 1000 2; } >"$tap_tmp/steady.json"
fake_runner "$tap_tmp/steady.json"
is "$(reps "$tap_tmp/steady")" 2 \
    "seconds steady, sum varying: stopped at -n"
done_testing
