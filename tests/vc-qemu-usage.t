#!/bin/sh
# Every kind of bad input to vc-qemu and vc-kvm, a command too long for
# the guest included (more than 65536 bytes or 256 words): one line on
# stderr, exit 2, before anything is started or made. A command at the
# limits is not refused.
. "${top_srcdir:-.}/tests/tap.sh"

own_tmpdir
# arg N: a word of N bytes.
arg() { head -c "$1" /dev/zero | tr '\0' a; }

plan 28
usage_error "missing command" vc-qemu
usage_error "vc-kvm: missing command" vc-kvm
usage_error "unknown option" vc-qemu -Z forksum 1 2
usage_error "-A neither tcg nor kvm" vc-qemu -A xen forksum 1 2
usage_error "-f neither qcow2 nor raw" vc-qemu -f vmdk diskwrite
usage_error "-D below 64M" vc-qemu -D 1M diskwrite
usage_error "-D trailing junk" vc-qemu -D 2Gx diskwrite
usage_error "-W zero" vc-qemu -W 0 forksum 1 2
usage_error "-c zero" vc-qemu -c 0 forksum 1 2
usage_error "-m unknown suffix" vc-qemu -m 1Q forksum 1 2
usage_error "-t zero" vc-qemu -t 0 forksum 1 2
usage_error "-N no such network" vc-qemu -N slirp nginxbench
usage_error "-C no such cache mode" vc-qemu -C unsafe diskwrite
usage_error "-B no such disk device" vc-qemu -B ide diskwrite
usage_error "-M with a comma" vc-qemu -M max,+avx forksum 1 2
usage_error "-M an option" vc-qemu -M -help forksum 1 2
usage_error "-M empty" vc-qemu -M "" forksum 1 2
usage_error "vc-kvm -M" vc-kvm -M qemu64 forksum 1 2
usage_error "-M with -A kvm" vc-qemu -A kvm -M qemu64 forksum 1 2

# The guest's /vc/argv: each word and its NUL. "forksum" takes 8 bytes.
usage_error "a command of 65537 bytes" vc-qemu forksum "$(arg 65528)"
is "$err" "vc-qemu: command too long for the guest: 65537 bytes, at most 65536" \
    "it says how long and how long it may be"
usage_error "a command of 257 words" vc-qemu forksum $(seq 256)
is "$err" "vc-qemu: command too long for the guest: 257 words, at most 256" \
    "it says how many and how many there may be"
# nginxbench's serving half in the guest has 5 words more: -S -a 0.0.0.0 -p 80.
usage_error "nginxbench with 252 words, 257 in the guest" \
    vc-qemu nginxbench $(seq 251)
usage_error "vc-kvm: a command of 257 words" vc-kvm forksum $(seq 256)
is "$(ls -A "$TMPDIR")" "" "nothing was made"

# At the limits the command is taken: here the missing qemu (-Q) fails.
atlimit() {
	name=$1
	shift
	run vc-qemu -Q "$tap_tmp/no-qemu" "$@"
	case $rc:$err in
	125:*"no-qemu not found"*|125:*vc-image*) pass "$name is taken" ;;
	*) fail "$name is taken" "rc=$rc" "stderr: $err" ;;
	esac
}
atlimit "a command of 65536 bytes" forksum "$(arg 65527)"
atlimit "a command of 256 words" forksum $(seq 255)
done_testing
