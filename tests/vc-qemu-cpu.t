#!/bin/sh
# vc-qemu -M: the TCG guest's CPU model. Under -M qemu64 forksum runs,
# and linpack in the guest refuses -s avx2, which the default model
# (max) has: the guest sees another CPU. -v says which model it was.
# A model qemu does not know fails the platform (125) with qemu's
# reason; a word that is no model name, or -M under KVM, is a usage
# error.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 7
run vc-qemu -v -M qemu64 forksum -o json 1 100
is "$rc:$(field "$out" sum)" "0:5050" "-M qemu64: forksum runs"
case $err in
*"cpu qemu64"*) pass "-M qemu64: -v says so" ;;
*) fail "-M qemu64: -v says so" "stderr: $err" ;;
esac
run vc-qemu -M qemu64 linpack -k blocked -s avx2 -n 100 -t 0.1 -o json
is "$rc" 2 "-M qemu64: linpack -s avx2 is refused in the guest"
run vc-qemu linpack -k blocked -s avx2 -n 100 -t 0.1 -o json
is "$rc" 0 "default model (max): linpack -s avx2 runs"
run vc-qemu -M no-such-cpu forksum 1 2
case $rc:$err in
125:*"no-such-cpu"*) pass "-M an unknown model: qemu's reason, 125" ;;
*) fail "-M an unknown model: qemu's reason, 125" "rc=$rc" "stderr: $err" ;;
esac
usage_error "-M with a comma (a qemu option riding in)" \
    vc-qemu -M qemu64,+avx forksum 1 2
usage_error "-M under KVM" vc-kvm -M qemu64 forksum 1 2
done_testing
