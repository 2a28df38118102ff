#!/bin/sh
# vc-qemu trusts nothing the guest sends: a malformed exit record is a
# platform failure (125, one line), a ready line may come split across
# records, and the measuring half of nginxbench has a deadline. A fake
# qemu (tests/fake-qemu.py) plays the guest, so no VM boots here.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 13
# malformed RECORD: vc-qemu must give 125 and one line naming the fault.
malformed() {
	FAKE_RECORDS="R 0:|$1" run timeout 30 vc-qemu -Q "$fake" forksum 1 10
	nlines=$(printf '%s\n' "$err" | wc -l)
	case $rc:$nlines:$err in
	125:1:vc-qemu:*malformed*) pass "$1 is a platform failure" ;;
	*) fail "$1 is a platform failure" "rc=$rc" "stderr: $err" ;;
	esac
}
malformed "X 3:abc"
malformed "X 0:"
malformed "X 3:256"
malformed "X 3:513"
malformed "X -1:0"
FAKE_RECORDS="R 0:|O 5:hello|X 1:7" run timeout 30 vc-qemu -Q "$fake" forksum 1 10
is "$rc:$out" "7:hello" "a well-formed exit record is relayed"
nothing_left_fake "nothing left after a fake guest"

# The ready line in two records: the host half runs (and finds nothing
# listening on the forward), instead of waiting for the run timeout.
FAKE_RECORDS='R 0:|O 18:nginxbench: ready:|O 38: http://10.0.2.15:80/x serves 1 bytes\n' \
	run timeout 60 vc-qemu -Q "$fake" -t 20 nginxbench -d 1s
case $rc:$err in
1:*"cannot connect to 127.0.0.1"*) pass "a ready line split over two records is seen" ;;
*) fail "a ready line split over two records is seen" "rc=$rc" "stderr: $err" ;;
esac

# A server that accepts and never answers: -t ends the measuring half.
start=$(date +%s)
FAKE_LISTEN=1 FAKE_RECORDS='R 0:|O 56:nginxbench: ready: http://10.0.2.15:80/x serves 1 bytes\n' \
	run timeout 60 vc-qemu -Q "$fake" -t 3 nginxbench -d 1s
took=$(( $(date +%s) - start ))
case $rc:$err in
124:*"timed out after 3 s"*) pass "-t bounds the measuring half (took ${took} s)" ;;
*) fail "-t bounds the measuring half" "rc=$rc took=${took}s" "stderr: $err" ;;
esac
nothing_left_fake "nothing left after a measuring timeout"

# Without -t, the deadline is twice nginxbench's hard limit: -l, by
# default 600 s or -d if longer. (Nothing listens: the run ends at once.)
deadline() {
	want=$1
	shift
	FAKE_RECORDS='R 0:|O 56:nginxbench: ready: http://10.0.2.15:80/x serves 1 bytes\n' \
		run timeout 60 vc-qemu -v -Q "$fake" nginxbench "$@"
	case $err in
	*"vc-qemu: deadline $want s after the guest is up"*) pass "nginxbench $*: deadline $want s" ;;
	*) fail "nginxbench $*: deadline $want s" "rc=$rc" "$(printf '%s\n' "$err" | grep deadline)" ;;
	esac
}
deadline 1200 -d 1
deadline 1800 -d 900
deadline 3000 -s 1M -l1500 -d 2
done_testing
