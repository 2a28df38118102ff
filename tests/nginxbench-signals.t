#!/bin/sh
# SIGINT, SIGTERM or SIGHUP in the middle of a run: nginxbench stops wrk
# and nginx (master and workers), removes its directory and dies of the
# signal, so that its parent sees 128+n.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk pgrep
need_nginx
own_tmpdir

plan 12
for sig in INT TERM HUP; do
	case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
	nginxbench -s 8M -d 30 -w 2 >"$tap_tmp/out" 2>"$tap_tmp/err" &
	pid=$!
	# In the middle of a run: wrk, the master and its workers are
	# running. Look again until all are seen: on a loaded machine, or
	# one out of processes, pgrep itself may come back empty.
	i=0
	while :; do
		wrk=$(pgrep -P $pid -x wrk)
		master=$(pgrep -P $pid -x nginx)
		workers=
		[ -n "$master" ] && workers=$(pgrep -P "$master" | tr '\n' ' ')
		set -- $workers
		[ -n "$wrk" ] && [ -n "$master" ] && [ $# -eq 2 ] && break
		[ $i -ge 150 ] && break
		sleep 0.1
		i=$((i + 1))
	done
	is "${wrk:+wrk}:${master:+master}:$#" "wrk:master:2" \
	    "SIG$sig: caught with wrk, the nginx master and its 2 workers running"
	kill -$sig $pid
	wait $pid
	is "$?" "$want" "SIG$sig: nginxbench dies of the signal ($want)"
	alive=
	for p in $wrk $master $workers; do
		kill -0 "$p" 2>/dev/null && alive="$alive $p"
	done
	is "$alive" "" "SIG$sig: wrk, master and workers are gone"
	is "$(ls -A "$TMPDIR")" "" "SIG$sig: the temporary directory is gone"
done
done_testing
