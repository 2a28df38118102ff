#!/bin/sh
# The boot watchdog: a guest that is not up in time ends with exit 125
# and a clear message, never a hang. (Where KVM cannot work, vc-kvm
# does not get this far: tests/vc-kvm-check.t.)
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 3
run vc-qemu -W 0.2 forksum 1 10
is "$rc" 125 "a guest not up within the watchdog gives 125"
case $err in *"did not boot within 0.2 s"*) pass "and says so" ;;
	*) fail "and says so" "$err" ;; esac
nothing_left "nothing left after the watchdog fired"

done_testing
