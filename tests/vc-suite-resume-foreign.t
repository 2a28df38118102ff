#!/bin/sh
# -r changes nothing that is not its own: no results.csv is made where
# there is none, and a results.csv or failures.csv that is not
# vc-suite's is refused before anything in it is cut (even with no
# final newline).
. "${top_srcdir:-.}/tests/tap.sh"

plan 8
d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 1 -a forksum='1 10' -d "$d"
is "$rc:$out" "0:$d" "a small run to resume"
mv "$d/results.csv" "$tap_tmp/results.csv"
run vc-suite -r "$d"
is "$rc:$out:$err" "1::vc-suite: $d/results.csv: No such file or directory" \
    "no results.csv: refused, one line"
[ ! -e "$d/results.csv" ] && pass "and none made" || fail "and none made"
printf 'name,phone\nada,12345' >"$d/results.csv"
run vc-suite -r "$d"
is "$rc:$out:$err" "1::vc-suite: $d/results.csv: not a vc-suite results file" \
    "a foreign file: refused, one line"
is "$(cat "$d/results.csv")" "$(printf 'name,phone\nada,12345')" \
    "and left as it was, its last line too"

f=$tap_tmp/f
run vc-suite -P quick -p native -b diskwrite -n 1 \
    -a diskwrite='-d /nonexistent -s 1M -t 1' -d "$f"
is "$rc:$(wc -l <"$f/failures.csv")" "1:2" "a run with a failed rep to resume"
printf 'name,phone\nada,12345' >"$f/failures.csv"
run vc-suite -r "$f"
is "$rc:$(printf '%s\n' "$err" | tail -n 1)" \
    "1:vc-suite: $f/failures.csv: not a vc-suite failures file" \
    "a foreign failures.csv: refused"
is "$(cat "$f/failures.csv")" "$(printf 'name,phone\nada,12345')" \
    "and left as it was, its last line too"
done_testing
