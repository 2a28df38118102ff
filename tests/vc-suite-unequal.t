#!/bin/sh
# A record whose work is not native's (forks refused where native had
# none) is a warning, once per cell, naming the rep that showed it, and
# a line at the end; -E makes the run exit 1 for it, without -E it is 0.
# Native's own refused forks are said too. -r checks the records it
# finds. Stand-in runners (tests/fake-runner.sh) give the records.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-runner.sh"

plan 12
# rec SECONDS PROCESSES FAILURES: a forksum 1 2000 record.
rec() {
	printf '{"benchmark":"forksum","time":"2026-01-01T00:00:00Z","params":{"start":1,"end":2000},"metrics":[{"metric":"sum","unit":"","value":2001000},{"metric":"seconds","unit":"s","value":%s},{"metric":"processes","unit":"count","value":%s},{"metric":"fork_failures","unit":"count","value":%s}]}\n' "$1" "$2" "$3"
}
# suite DIR ARGS...: vc-suite on native and qemu (both stand-ins), the
# stand-ins' answers from their first line again.
suite() {
	dir=$1
	shift
	rm -f "$tap_tmp"/runner-n.*
	run vc-suite -P quick -p native,qemu -b forksum -d "$dir" "$@"
}
# lines PATTERN: the lines of stderr that hold PATTERN.
lines() { printf '%s\n' "$err" | grep -F -- "$1"; }

rec 0.2 3998 0 >"$tap_tmp/native.json"
{ rec 0.3 3998 0; rec 0.25 2587 1411; rec 0.25 2587 1411; } >"$tap_tmp/qemu.json"
fake_runner "$tap_tmp/native.json"
fake_runner "$tap_tmp/qemu.json" vc-qemu

suite "$tap_tmp/lax"
is "$rc:$out" "0:$tap_tmp/lax" "without -E: exit 0"
is "$(lines 'unequal work')" "vc-suite: qemu forksum rep 2: unequal work: 1411 forks refused
vc-suite: qemu forksum: unequal work: 2822 forks refused" \
    "one warning for the cell, at the rep that showed it; the cell's total at the end"
is "$(wc -l <"$tap_tmp/lax/results.csv")" 25 "the records are kept all the same"

suite "$tap_tmp/strict" -E
is "$rc:$out" "1:$tap_tmp/strict" "-E: exit 1, the results directory on stdout"
is "$(lines 'rep 2: unequal work: 1411 forks refused' | wc -l)" 1 "-E: the same warning"
is "$(grep -c '"-E"' "$tap_tmp/strict/meta.json")" 1 "-E is in the argv to resume with"

run vc-suite -r "$tap_tmp/strict"
is "$rc:$(lines 'unequal work' | sort -u)" "1:vc-suite: qemu forksum: unequal work: 2822 forks refused" \
    "-r: the records in the file are checked, -E still holds"

# Native's work in every run: no warning, exit 0 with -E.
rec 0.3 3998 0 >"$tap_tmp/qemu.json"
suite "$tap_tmp/equal" -E
is "$rc:$(lines 'unequal work')" "0:" "equal work: -E exits 0, no warning"

# Native refused forks itself: degraded, and qemu, with all its forks,
# did other work.
{ rec 0.2 3998 0; rec 0.2 3978 20; } >"$tap_tmp/native.json"
suite "$tap_tmp/degraded" -n 2
is "$rc" 0 "native degraded, without -E: exit 0"
is "$(lines 'degraded:')" "vc-suite: native forksum rep 2: degraded: 20 forks refused
vc-suite: native forksum: degraded: 20 forks refused" \
    "native's own refused forks: said when they come and at the end"
is "$(lines 'qemu forksum:')" "vc-suite: qemu forksum: unequal work: processes 3998 vs 3978
vc-suite: qemu forksum: unequal work: processes 3998 vs 3978" \
    "a platform's cell checked when native's record comes"
suite "$tap_tmp/degraded-strict" -n 2 -E
is "$rc" 1 "native degraded, -E: exit 1"
done_testing
