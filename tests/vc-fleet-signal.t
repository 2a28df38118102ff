#!/bin/sh
# SIGINT to vc-fleet while both hosts measure: every remote vc-suite is
# stopped, what they wrote fetched, every remote directory removed, no
# ssh or remote process left, no local temporary file; exit 130. The
# same with SIGTERM (143) as soon as the remote directories are made,
# whatever step each host is at then, and at several moments of the
# start (the directory being made, the copy): a remote directory made
# by an ssh that was killed before it printed the name is removed too.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"

plan 16
sshd_start
own_tmpdir
d=$tap_tmp/fleet
vc-fleet -F "$ssh_config" -H alpha,beta -d "$d" -- -P quick -p native \
    -b memsweep -n 50 >"$tap_tmp/out" 2>"$tap_tmp/err" &
fleet=$!
# Both hosts are measuring: each remote results.csv has a row.
until [ "$(for f in "$remote_tmp"/vc-fleet.*/results/results.csv; do
	[ "$(wc -l <"$f" 2>/dev/null || echo 0)" -ge 2 ] && echo x
done 2>/dev/null | wc -l)" -eq 2 ]; do
	sleep 0.1
done
kill -INT "$fleet"
wait "$fleet"
rc=$?
is "$rc:$(cat "$tap_tmp/out")" "130:" "vc-fleet dies of SIGINT (130)"
is "$(ls -A "$remote_tmp")" "" "every remote directory is removed"
no_leftovers "no remote vc-suite or benchmark is left" "$remote_tmp"
no_leftovers "no ssh is left" "ssh -o BatchMode=yes -F $ssh_config"
is "$(ls -A "$TMPDIR")" "" "no local temporary file is left"
is "$(python3 -c '
import json, sys, os
f = json.load(open(sys.argv[1]))
print([(h["name"], h["status"], h["reason"],
    os.path.getsize(os.path.join(sys.argv[2], h["name"], "results.csv")) > 0)
    for h in f["hosts"]])
' "$d/fleet.json" "$d/hosts")" \
    "[('alpha', 'failed', 'interrupted', True), ('beta', 'failed', 'interrupted', True)]" \
    "fleet.json: both interrupted, with what they measured fetched"

d=$tap_tmp/fleet2
vc-fleet -F "$ssh_config" -H alpha,beta -d "$d" -- -P quick -p native \
    -b memsweep -n 50 >"$tap_tmp/out" 2>"$tap_tmp/err" &
fleet=$!
until [ "$(ls "$remote_tmp" | wc -l)" -eq 2 ]; do
	sleep 0.01
done
kill -TERM "$fleet"
wait "$fleet"
rc=$?
is "$rc:$(cat "$tap_tmp/out")" "143:" "vc-fleet dies of SIGTERM (143)"
is "$(ls -A "$remote_tmp") $(ls -A "$TMPDIR")" " " \
    "no remote directory and no local temporary file is left"
no_leftovers "no remote vc-suite or benchmark is left" "$remote_tmp"
no_leftovers "no ssh is left" "ssh -o BatchMode=yes -F $ssh_config"

for t in 0.05 0.1 0.15 0.2 0.3 0.5; do
	vc-fleet -F "$ssh_config" -H alpha,beta -d "$tap_tmp/early" -- \
	    -P quick -p native -b memsweep -n 50 >/dev/null 2>&1 &
	fleet=$!
	sleep "$t"
	kill -TERM "$fleet"
	wait "$fleet"
	rc=$?
	sleep 0.2
	is "$rc:$(ls -A "$remote_tmp") $(ls -A "$TMPDIR")" "143: " \
	    "SIGTERM ${t} s after the start: 143, nothing left there or here"
	rm -rf "$tap_tmp/early"
done
done_testing
