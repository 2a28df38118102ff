#!/bin/sh
# SIGINT or SIGTERM in the middle of a run: fio is stopped, the test file
# removed, and diskwrite dies of the signal.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio pgrep
d=$tap_tmp/d
mkdir "$d"

# interrupt SIG STATUS: start a 10 s run, send SIG once fio runs.
interrupt() {
	diskwrite -d "$d" -s 16M -t 10 >"$tap_tmp/out" 2>"$tap_tmp/err" &
	pid=$!
	i=0
	while ! pgrep -f "$d/diskwrite\\." >/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.5
	kill -"$1" "$pid"
	wait "$pid"
	rc=$?
	is "$rc" "$2" "SIG$1 mid-run: diskwrite dies of it (status $2)"
	if pgrep -f "$d/diskwrite\\." >/dev/null; then
		fail "SIG$1: no fio left" "$(pgrep -af "$d/diskwrite\\.")"
	else
		pass "SIG$1: no fio left"
	fi
	is "$(ls -A "$d")" "" "SIG$1: no file left"
}

plan 6
interrupt INT 130
interrupt TERM 143
done_testing
