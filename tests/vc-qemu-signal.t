#!/bin/sh
# SIGTERM or SIGINT to vc-qemu mid-run: it dies of the signal and leaves
# no qemu process and no temporary file.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 4
for sig in TERM INT; do
	vc-qemu linpack -n 100 -t 600 >/dev/null 2>&1 &
	pid=$!
	for i in $(seq 50); do
		pgrep -f "qemu-system.*$TMPDIR" >/dev/null && break
		sleep 0.1
	done
	sleep 1
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	want=143
	[ "$sig" = INT ] && want=130
	is "$rc" "$want" "vc-qemu dies of SIG$sig"
	nothing_left "nothing left after SIG$sig"
done
done_testing
