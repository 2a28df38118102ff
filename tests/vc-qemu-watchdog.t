#!/bin/sh
# The boot watchdog: a guest that is not up in time ends with exit 125
# and a clear message, never a hang. vc-kvm either runs forksum or ends
# exactly that way (on these build machines KVM cannot boot the guest).
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 5
start=$(date +%s)
run vc-qemu -W 0.2 forksum 1 10
is "$rc" 125 "a guest not up within the watchdog gives 125"
case $err in *"did not boot within 0.2 s"*) pass "and says so" ;;
	*) fail "and says so" "$err" ;; esac
nothing_left "nothing left after the watchdog fired"

start=$(date +%s)
run vc-kvm -W 20 forksum 1 1000
took=$(($(date +%s) - start))
if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = 500500 ]; then
	pass "vc-kvm ran forksum correctly"
elif [ "$rc" -eq 125 ] && [ "$took" -lt 40 ] && {
	case $err in *"did not boot within 20 s"*|*"qemu exited before the guest was up"*) true ;;
	*) false ;; esac; }; then
	pass "vc-kvm ended with the documented boot error in ${took}s # $(printf '%s' "$err" | head -n 1)"
else
	fail "vc-kvm: neither a correct run nor the boot error" "rc=$rc took=${took}s" "$err"
fi
nothing_left "nothing left after vc-kvm"
done_testing
