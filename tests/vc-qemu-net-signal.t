#!/bin/sh
# SIGINT to vc-qemu while the host measures the guest's nginx through
# passt or a tap device: vc-qemu dies of it, and no passt process, tap
# device, qemu or file of the run's is left.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"
need_cmd fio wrk
need_nginx

plan 6
for net in passt tap; do
	if [ "$net" = passt ] && ! command -v passt >/dev/null 2>&1; then
		for i in 1 2 3; do
			pass "-N passt # SKIP passt not found (apt-get install passt)"
		done
		continue
	fi
	vc-qemu -v -N "$net" nginxbench -s 4M -d 600 -o json \
	    >/dev/null 2>"$tap_tmp/err" &
	pid=$!
	# The -v line names the device or the forward; the host's
	# nginxbench -u measuring through it means the guest is serving.
	url=
	for i in $(seq 1200); do
		url=$(sed -n -e 's/.*: network tap: .*guest \([0-9.]*\)\/.*/http:\/\/\1:80\//p' \
		    -e 's/.*: network passt: .*forward \(127\.0\.0\.1:[0-9]*\)$/http:\/\/\1\//p' \
		    "$tap_tmp/err")
		[ -n "$url" ] && pgrep -f "nginxbench -u $url" >/dev/null && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	err=$(cat "$tap_tmp/err")
	ifname=$(printf '%s\n' "$err" |
	    sed -n 's/.*: network tap: \(vcq[0-9]*\),.*/\1/p')
	port=$(printf '%s\n' "$err" |
	    sed -n 's/.*: network passt: .*forward 127\.0\.0\.1:\([0-9]*\)$/\1/p')
	# ... and what is to go is there: the tap device, or passt.
	if pgrep -f "nginxbench -u ${url:-none}" >/dev/null && {
	    [ -n "$ifname" ] && [ -e "/sys/class/net/$ifname" ] ||
	    { [ -n "$port" ] && pgrep -f "passt.*127\.0\.0\.1/$port:" >/dev/null; }; }; then
		pass "-N $net: the host measures the guest through it"
	else
		fail "-N $net: the host measures the guest through it" "stderr: $err"
	fi
	kill -INT "$pid"
	wait "$pid"
	is "$?" 130 "-N $net: vc-qemu dies of SIGINT"
	sleep 0.2
	if [ -n "$ifname" ] && [ -e "/sys/class/net/$ifname" ]; then
		fail "-N $net: nothing left after SIGINT" "tap device $ifname left"
	elif [ -n "$port" ] && pgrep -f "passt.*127\.0\.0\.1/$port:" >/dev/null; then
		fail "-N $net: nothing left after SIGINT" "passt left running"
	else
		nothing_left "-N $net: nothing left after SIGINT"
	fi
done
done_testing
