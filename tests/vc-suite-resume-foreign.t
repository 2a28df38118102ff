#!/bin/sh
# -r changes nothing that is not its own: no results.csv is made where
# there is none, and a file that is not a vc-suite results file is
# refused before anything in it is cut (even with no final newline).
. "${top_srcdir:-.}/tests/tap.sh"

plan 5
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
done_testing
