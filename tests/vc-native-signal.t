#!/bin/sh
# SIGTERM or SIGINT to vc-native stops the command and leaves nothing:
# vc-native dies of the signal and its child is gone.
. "${top_srcdir:-.}/tests/tap.sh"

plan 4
for sig in TERM INT; do
	# The child is sleep under a unique name, to be found by pgrep.
	marker="$tap_tmp/sleep-$sig"
	ln -s "$(command -v sleep)" "$marker"
	vc-native "$marker" 300 &
	pid=$!
	# Until the child runs (its command line starts with the marker;
	# vc-native's holds it too): a signal sent before vc-native has set
	# its handlers would find SIGINT ignored, as in any background job.
	i=0
	while ! pgrep -f "^$marker 300" >/dev/null && [ $i -lt 150 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	want=143
	[ "$sig" = INT ] && want=130
	is "$rc" "$want" "vc-native dies of SIG$sig"
	sleep 0.2
	if pgrep -f "$marker 300" >/dev/null; then
		fail "no child left after SIG$sig"
	else
		pass "no child left after SIG$sig"
	fi
done
done_testing
