#!/bin/sh
# -v shows the guest's console on stderr as it comes, all of it, while
# the guest runs; without -v a good run shows none of it. A fake qemu
# (tests/fake-qemu.py) writes the console and plays the guest.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

FAKE_POWEROFF=1
export FAKE_POWEROFF
# 100 console lines, "\n" for each newline as the fake wants it.
lines=$(awk 'BEGIN { for (i = 1; i <= 100; i++) printf "[    0.%06d] console line %d\\n", i, i }')

plan 5
# The guest holds its exit record until the console has been seen.
FAKE_GATE=$tap_tmp/gate FAKE_CONSOLE=$lines FAKE_RECORDS='R 0:|@gate|X 1:0' \
	vc-qemu -v -Q "$fake" forksum 1 10 2>"$tap_tmp/err" &
pid=$!
i=0
while ! grep -q 'console line 100$' "$tap_tmp/err" && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
if grep -q 'console line 100$' "$tap_tmp/err" && kill -0 $pid 2>/dev/null; then
	pass "the console is shown while the guest runs"
else
	fail "the console is shown while the guest runs" "$(cat "$tap_tmp/err")"
fi
: >"$tap_tmp/gate"
wait $pid
is "$?" 0 "the run then ends with the command's status"
is "$(grep -c 'console line' "$tap_tmp/err")" 100 "all 100 lines of the console are shown"

FAKE_CONSOLE=$lines FAKE_RECORDS='R 0:|X 1:0' \
	run timeout 30 vc-qemu -Q "$fake" forksum 1 10
is "$rc:$err" "0:" "without -v, a good run shows no console"
nothing_left_fake "nothing left"
done_testing
