#!/bin/sh
# When nginx itself fails, nginxbench says what nginx said (its error log
# goes away with the temporary directory), exits 1 and leaves nothing.
# Two real failures, as an unprivileged user: a port below 1024, which
# nginx may not bind (it exits at once), and a process limit that lets
# nginx start but not fork its worker (it runs, and never answers).
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep setpriv prlimit
need_nginx
[ "$(id -u)" -eq 0 ] || skip_all "needs root to switch to an unprivileged user"

# A uid of its own: RLIMIT_NPROC counts every process of the user.
uid=40123
[ -z "$(pgrep -u $uid)" ] || skip_all "uid $uid has processes"
as_user() {
	setpriv --reuid=$uid --regid=$uid --clear-groups "$@"
}

# The user must read the binary and the script wherever the build tree is.
chmod 755 "$tap_tmp"
mkdir "$tap_tmp/bin" "$tap_tmp/tmp"
chmod 1777 "$tap_tmp/tmp"
cp "$(command -v nginxbench)" "$top_srcdir/nginxbench/report.lua" "$tap_tmp/bin/"
chmod 755 "$tap_tmp/bin" "$tap_tmp/bin/nginxbench"
chmod 644 "$tap_tmp/bin/report.lua"
nb=$tap_tmp/bin/nginxbench
VIRTCOST_DATADIR=$tap_tmp/bin
TMPDIR=$tap_tmp/tmp
export VIRTCOST_DATADIR TMPDIR

left() {
	procs=$(pgrep -u $uid || true)
	is "$(ls -A "$TMPDIR")$procs" "" "$1: no nginx, no temporary directory left"
}

plan 4
low=$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)
if [ "$low" -gt 80 ]; then
	run as_user "$nb" -p 80 -s 1M -d 1
	first=$(printf '%s\n' "$err" | head -n 1)
	case $rc:$first in
	"1:nginxbench: nginx failed to start (exit status 1); nginx says: [emerg] bind() to 127.0.0.1:80 failed (13: Permission denied)")
		pass "port 80 as a user: nginx's own words, exit 1" ;;
	*)	fail "port 80 as a user" "rc=$rc" "$err" ;;
	esac
	left "port 80"
else
	pass "port 80 as a user # SKIP any user may bind port 80 here"
	pass "port 80: nothing left # SKIP"
fi

run as_user prlimit --nproc=2 "$nb" -s 1M -d 1
first=$(printf '%s\n' "$err" | head -n 1)
case $rc:$first in
"1:nginxbench: http://127.0.0.1:"*"/file: no answer to a HEAD request within 5 s; nginx says: [alert] fork() failed while spawning \"worker process\" (11: Resource temporarily unavailable)")
	pass "no worker process: nginx's own words, exit 1" ;;
*)	fail "no worker process" "rc=$rc" "$err" ;;
esac
# Such a master ignores SIGTERM: it was killed after the grace period.
left "no worker process"
done_testing
