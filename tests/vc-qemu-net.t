#!/bin/sh
# nginxbench through each network of vc-qemu -N, for real: the guest's
# nginx measured from the host through SLIRP, passt and a tap device,
# and -v saying which. Afterwards no tap device, no passt process and
# no file of the run's is left. -N vhost without /dev/vhost-net is
# refused (125) before anything boots, and -N tap without
# CAP_NET_ADMIN.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"
need_cmd fio wrk
need_nginx

# net_left NET NAME: nothing of a -N NET run is left (its -v lines in
# $err name its tap device or passt's forward).
net_left() {
	ifname=$(printf '%s\n' "$err" |
	    sed -n 's/.*: network [a-z]*: \(vcq[0-9]*\),.*/\1/p')
	port=$(printf '%s\n' "$err" |
	    sed -n 's/.*: network passt: .*forward 127\.0\.0\.1:\([0-9]*\)$/\1/p')
	sleep 0.2
	if [ "$1" = tap ] && [ -z "$ifname" ]; then
		fail "$2" "-v named no tap device: $err"
	elif [ -n "$ifname" ] && [ -e "/sys/class/net/$ifname" ]; then
		fail "$2" "tap device $ifname left"
	elif [ "$1" = passt ] && [ -z "$port" ]; then
		fail "$2" "-v named no passt forward: $err"
	elif [ -n "$port" ] && pgrep -f "passt.*127\.0\.0\.1/$port:" >/dev/null; then
		fail "$2" "passt left running: $(pgrep -af "passt.*/$port:")"
	else
		nothing_left "$2"
	fi
}

plan 13
for net in user passt tap; do
	if [ "$net" = passt ] && ! command -v passt >/dev/null 2>&1; then
		for i in 1 2 3; do
			pass "-N passt # SKIP passt not found (apt-get install passt)"
		done
		continue
	fi
	run vc-qemu -v -N "$net" nginxbench -s 4M -d 2 -o json
	is "$rc:$(field "$out" mib_per_second | awk '{ print ($1 > 0) }')" "0:1" \
	    "-N $net: nginxbench measures the guest's nginx"
	case $err in
	*"vc-qemu: network $net: "*) pass "-N $net: -v says which network" ;;
	*) fail "-N $net: -v says which network" "stderr: $err" ;;
	esac
	net_left "$net" "-N $net: nothing left"
done

if [ -e /dev/vhost-net ]; then
	run vc-qemu -N vhost nginxbench -s 4M -d 2 -o json
	is "$rc:$(field "$out" mib_per_second | awk '{ print ($1 > 0) }')" "0:1" \
	    "-N vhost: nginxbench measures the guest's nginx"
	run vc-qemu -N vhost forksum 1 10
	is "$rc" 0 "-N vhost: any other command runs too"
else
	run vc-qemu -N vhost nginxbench -s 4M -d 2 -o json
	is "$rc:$err" "125:vc-qemu: -N vhost: no /dev/vhost-net (modprobe vhost_net): No such file or directory" \
	    "-N vhost without /dev/vhost-net: refused, saying why"
	run vc-qemu -N vhost forksum 1 10
	is "$rc:$err" "125:vc-qemu: -N vhost: no /dev/vhost-net (modprobe vhost_net): No such file or directory" \
	    "-N vhost: refused for any command, so vc-suite's check skips the column"
fi
is "$(ls -A "$TMPDIR")" "" "-N vhost: nothing left"

# A tap device needs CAP_NET_ADMIN: without it, the reason, and 125.
if command -v setpriv >/dev/null 2>&1; then
	run setpriv --inh-caps=-net_admin --bounding-set=-net_admin \
	    vc-qemu -N tap nginxbench -s 4M -d 2 -o json
	is "$rc:$err" "125:vc-qemu: tap: needs CAP_NET_ADMIN" \
	    "-N tap without CAP_NET_ADMIN: refused, saying why"
else
	pass "-N tap without CAP_NET_ADMIN # SKIP setpriv not found"
fi
done_testing
