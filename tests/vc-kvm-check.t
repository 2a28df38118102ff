#!/bin/sh
# Where KVM cannot run a guest, that is known from the KVM check at once
# (lib/kvm.c), not from a guest that never boots: vc-kvm exits 125 with
# the step that failed, and vc-suite skips kvm with that reason without
# running anything on it. Where KVM works, vc-kvm runs forksum.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

# The steps lib/kvm.c names: the device, or one of its ioctls.
names_kvm_step() {
	case $1 in
	*"KVM cannot run a guest here: /dev/kvm: "*) true ;;
	*"KVM cannot run a guest here: KVM_"*) true ;;
	*) false ;;
	esac
}

plan 5
run vc-kvm -W 600 forksum 1 1000
if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | head -n 1)" = 500500 ]; then
	pass "vc-kvm ran forksum correctly"
	kvm=yes
else
	kvm=no
	is "$rc:$(printf '%s\n' "$err" | wc -l)" "125:1" \
	    "vc-kvm where KVM cannot work: exit 125, one line"
fi
if [ "$kvm" = yes ]; then
	pass "(KVM works here: no failure to name)"
elif names_kvm_step "$err" &&
    case $err in *"did not boot"*|*"qemu exited"*) false ;; *) true ;; esac
then
	pass "it names the KVM step that failed, not the watchdog # $err"
else
	fail "it names the KVM step that failed, not the watchdog" "$err"
fi
nothing_left "nothing left after vc-kvm"

d=$tap_tmp/r
run vc-suite -P quick -p kvm -b forksum -n 1 -d "$d"
skipped=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["platforms"]["kvm"].get("skipped", ""))' "$d/meta.json" 2>&1)
if [ "$kvm" = yes ]; then
	is "$rc:$skipped" "0:" "vc-suite measures on kvm where it works"
elif names_kvm_step "$skipped" &&
    ! printf '%s\n' "$err" | grep -q 'checking kvm'; then
	pass "vc-suite skips kvm with the KVM check's reason, booting nothing # $skipped"
else
	fail "vc-suite skips kvm with the KVM check's reason, booting nothing" \
	    "skipped: $skipped" "$err"
fi
nothing_left "nothing left after vc-suite"
done_testing
