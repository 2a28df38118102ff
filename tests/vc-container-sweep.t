#!/bin/sh
# vc-container killed with SIGKILL cannot remove what it made: the
# nginx server's container keeps running, the volume and the bind
# directory stay. vc-container -S removes them, leaves a live run and a
# kept (-k) container alone, and vc-suite runs it once per suite. On
# every engine that answers.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/engines.sh"

plan $((7 * nengines + 3))

# started WHAT: waits (up to 60 s) until the run whose -v output is in
# $tap_tmp/err.WHAT has its container running; sets $c (and $it, the
# volume or directory it made, if any).
started() {
	i=0
	while [ $i -lt 600 ]; do
		err=$(cat "$tap_tmp/err.$1")
		c=$(container_of)
		it=$(made "$1")
		[ -n "$c" ] &&
		    [ "$("$E" container inspect --format '{{.State.Running}}' "$c" 2>/dev/null)" = true ] &&
		    return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# there ENGINE CONTAINER VOLUME DIR: how many of them exist.
there() {
	n=0
	"$1" container inspect "$2" >/dev/null 2>&1 && n=$((n + 1))
	"$1" volume inspect "$3" >/dev/null 2>&1 && n=$((n + 1))
	[ -d "$4" ] && n=$((n + 1))
	echo "$n"
}

for E in $engines; do
	# Three runs, killed mid-run: a server, a volume, a bind directory.
	vc-container -v -e "$E" nginxbench -s 1M -d 60 >/dev/null \
	    2>"$tap_tmp/err.net" &
	p1=$!
	vc-container -v -e "$E" -s volume diskwrite -s 16M -t 120 \
	    >/dev/null 2>"$tap_tmp/err.volume" &
	p2=$!
	vc-container -v -e "$E" -s bind diskwrite -s 16M -t 120 \
	    >/dev/null 2>"$tap_tmp/err.bind" &
	p3=$!
	started net && cnet=$c
	started volume && cvol=$c vol=$it
	started bind && cbind=$c dir=$it
	if [ -n "$cnet" ] && [ -n "$vol" ] && [ -n "$dir" ]; then
		pass "$E: three runs started"
	else
		fail "$E: three runs started" "'$cnet' '$vol' '$dir'" \
		    "$(cat "$tap_tmp"/err.*)"
	fi

	# A live run: -S leaves it.
	run vc-container -e "$E" -S
	is "$rc:$(there "$E" "$cvol" "$vol" "$dir")" "0:3" \
	    "$E: -S leaves live runs alone"

	kill -KILL $p1 $p2 $p3
	wait $p1 $p2 $p3 2>/dev/null
	sleep 1
	is "$(there "$E" "$cnet" "$vol" "$dir"):$(there "$E" "$cvol" x x)" \
	    "3:1" "$E: after SIGKILL the server, the volume and the directory stay"

	# A kept run's container is the user's: -S does not take it.
	run vc-container -k -e "$E" forksum 1 10
	kept=$(printf '%s\n' "$err" | sed -n 's/^vc-container: kept container //p')
	run vc-container -e "$E" -S
	is "$rc" 0 "$E: -S exits 0"
	removed=$(printf '%s\n' "$err" | grep -c '^vc-container: removed ')
	is "$removed" 5 "$E: -S names what it removed (3 containers, a volume, a directory)" \
	    "$err"
	is "$(there "$E" "$cnet" "$vol" "$dir"):$(there "$E" "$cvol" x x):$(there "$E" "$cbind" x x)" \
	    "0:0:0" "$E: nothing of the killed runs is left"
	if [ -n "$kept" ] && "$E" container inspect "$kept" >/dev/null 2>&1; then
		pass "$E: the kept container stays"
	else
		fail "$E: the kept container stays" "kept '$kept'"
	fi
	"$E" rm -f "$kept" >/dev/null 2>&1
done

# vc-suite sweeps before it runs the container platform.
E=${engines# }
E=${E%% *}
vc-container -v -e "$E" -s volume diskwrite -s 16M -t 120 >/dev/null \
    2>"$tap_tmp/err.volume" &
p=$!
started volume
kill -KILL $p
wait $p 2>/dev/null
run vc-suite -P quick -p container -O container="-e $E" -b forksum -n 1 \
    -a forksum='1 10' -d "$tap_tmp/suite"
case $err in
*"vc-container: removed volume $it, left by a run that was killed"*)
	pass "vc-suite sweeps what a killed vc-container left" ;;
*)	fail "vc-suite sweeps what a killed vc-container left" "volume '$it'" \
	    "$err" ;;
esac
is "$rc:$(there "$E" "$c" "$it" x)" "0:0" "vc-suite's run went well, nothing left"

usage_error "-S takes no command" vc-container -S forksum 1 10
done_testing
