#!/bin/sh
# vc-container -s volume and -s bind, stopped by SIGINT or SIGTERM while
# diskwrite runs: it dies of the signal, and the container, the volume
# and the host directory it made are gone. On every engine that answers.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/engines.sh"

plan $((3 * 3 * nengines))
for E in $engines; do
	for case in "volume INT 130" "bind INT 130" "volume TERM 143"; do
		set -- $case
		s=$1 sig=$2 want=$3
		name="$E: -s $s, SIG$sig mid-run"
		vc-container -v -e "$E" -s "$s" diskwrite -s 16M -t 120 \
		    >/dev/null 2>"$tap_tmp/err" &
		pid=$!
		# Mid-run: the container runs, with the volume or directory.
		c= it= i=0
		while [ $i -lt 300 ]; do
			err=$(cat "$tap_tmp/err")
			c=$(container_of)
			it=$(made "$s")
			[ -n "$c" ] && [ -n "$it" ] &&
			    [ "$("$E" container inspect --format '{{.State.Running}}' "$c" 2>/dev/null)" = true ] &&
			    break
			sleep 0.1
			i=$((i + 1))
		done
		case $s in
		volume) "$E" volume inspect "$it" >/dev/null 2>&1 ;;
		bind) [ -d "$it" ] ;;
		esac
		if [ $? -eq 0 ] && [ -n "$c" ]; then
			pass "$name: the container runs on the $s made for it"
		else
			fail "$name: the container runs on the $s made for it" \
			    "container '$c', $s '$it'" "$(cat "$tap_tmp/err")"
		fi
		sleep 1
		kill -"$sig" "$pid"
		wait "$pid"
		is "$?" "$want" "$name: vc-container dies of the signal"
		case $s in
		volume) ! "$E" volume inspect "$it" >/dev/null 2>&1 ;;
		bind) [ ! -e "$it" ] ;;
		esac
		if [ $? -eq 0 ] && [ -n "$c" ] &&
		    ! "$E" container inspect "$c" >/dev/null 2>&1; then
			pass "$name: the container and the $s are gone"
		else
			fail "$name: the container and the $s are gone" \
			    "container '$c', $s '$it'"
			"$E" rm -f "$c" >/dev/null 2>&1
		fi
	done
done
done_testing
