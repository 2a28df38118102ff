#!/bin/sh
# When fio fails, its own last lines are passed on, then diskwrite's one
# line; output that is not fio's report is refused. Exit 1 either way.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio
d=$tap_tmp/d
mkdir "$d"

plan 4
run diskwrite -d "$d" -e nosuch -s 1M -t 1
last=$(printf '%s\n' "$err" | tail -n 1)
if [ "$rc" -eq 1 ] && [ -z "$out" ] &&
    printf '%s\n' "$err" | grep -q '^fio: engine nosuch not loadable$' &&
    [ "$last" = "diskwrite: fio failed with exit status 1" ]; then
	pass "fio refuses an I/O engine: its message, then ours"
else
	fail "fio refuses an I/O engine" "rc=$rc" "stderr: $err"
fi
is "$(ls -A "$d")" "" "nothing left after fio failed"

# echo exits 0 and prints its arguments, which are not a fio report.
run diskwrite -d "$d" -F echo -s 1M -t 1
is "$rc:$err" "1:diskwrite: fio's output holds no JSON object" \
    "a program that is not fio: its output refused"
is "$(ls -A "$d")" "" "nothing left after the refusal"
done_testing
