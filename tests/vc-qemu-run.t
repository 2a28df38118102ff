#!/bin/sh
# The compute benchmarks run in a TCG micro-VM, with their results and
# exit statuses relayed (bad input: vc-qemu-usage.t).
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

plan 11
run vc-qemu forksum 1 1000
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:500500" "vc-qemu forksum 1 1000 prints 500500"
nothing_left "nothing left after a run"
run vc-qemu -c 1 -m 256M linpack -n 50 -t 0.01 -o json
is "$rc:$(field "$out" residual_normalised | awk '{ print ($1 < 100) }')" "0:1" "linpack in the guest passes its residual check"
run vc-qemu memsweep -s 1M -r 1 -o json
is "$rc:$(field "$out" seconds | awk '{ print ($1 > 0) }')" "0:1" "memsweep in the guest reports seconds"
run vc-qemu forksum 5 1
is "$rc" 2 "the guest command's exit status 2 is relayed"
case $err in *"end 1 is less than start 5"*) pass "its stderr is relayed" ;;
	*) fail "its stderr is relayed" "$err" ;; esac
# A command of 64 KiB, the most the guest takes: "forksum\0" "1\0" and
# 65526 bytes; forksum's complaint shows the last word arrived whole.
big=$(head -c 65525 /dev/zero | tr '\0' 9)
run vc-qemu forksum 1 "$big"
case $rc:$err in 2:"forksum: end '$big': out of range") pass "a command of 65536 bytes reaches the guest whole" ;;
	*) fail "a command of 65536 bytes reaches the guest whole" "rc=$rc" "$(printf '%s' "$err" | cut -c1-200)" ;; esac
run vc-qemu no-such-command
is "$rc" 127 "a command not in the guest gives 127"
# Just below the guest's MemTotal touched in a 256 MiB guest: the kernel
# lets one mapping have that much (at most MemTotal), but it is more
# than is free, so the OOM killer's SIGKILL comes, and is relayed. The
# size is the guest kernel's: a smaller kernel leaves more.
total=$(vc-qemu -m 256M vc-envelope | sed -n 's/^memory_total //p')
run vc-qemu -m 256M memsweep -w -p -s "$((${total:-0} / 1048576 - 2))M" -r 1
is "$rc" 137 "a command killed in the guest gives 128+9"
run vc-qemu -t 1 linpack -n 100 -t 600
is "$rc" 124 "the run timeout gives 124"
nothing_left "nothing left after a timeout"
done_testing
