#!/bin/sh
# vc-envelope in a TCG micro-VM: the guest has the vCPUs and the memory
# that -c and -m give it (MemTotal a little less: the kernel keeps some);
# by default the host's CPUs, and its memory up to 4 GiB.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

# val KEY: its value in $out.
val() { printf '%s\n' "$out" | sed -n "s/^$1 //p"; }

plan 7
run vc-qemu -c 1 -m 256M vc-envelope
is "$rc:$(val cpus_usable):$(val cpus_online)" "0:1:1" "-c 1: one CPU, usable and online"
mem=$(val memory_total)
case $mem in
*[!0-9]* | "") fail "-m 256M: MemTotal between 200 and 256 MiB" "memory_total '$mem'" ;;
*)	if [ "$mem" -gt $((200 << 20)) ] && [ "$mem" -le $((256 << 20)) ]; then
		pass "-m 256M: MemTotal between 200 and 256 MiB ($mem bytes)"
	else
		fail "-m 256M: MemTotal between 200 and 256 MiB" "$mem bytes"
	fi ;;
esac
# The guest has no cgroup hierarchy mounted: its limits are unknown,
# and that is no failure.
is "$(val cgroup_pids_max):$(val cgroup_memory_max)" "unknown:unknown" \
    "no cgroup in the guest: unknown"
nothing_left "nothing left after the run"

run vc-qemu vc-envelope
is "$rc:$(val cpus_usable)" "0:$(getconf _NPROCESSORS_ONLN)" "by default as many CPUs as the host has online"
host=$(awk '/^MemTotal:/ { printf "%.0f", $2 * 1024 }' /proc/meminfo)
want=$((4 << 30))
[ "$host" -lt "$want" ] && want=$host
mem=$(val memory_total)
case $mem in
*[!0-9]* | "") fail "by default the host's memory, at most 4 GiB" "memory_total '$mem'" ;;
*)	if [ "$mem" -gt $((want / 8 * 7)) ] && [ "$mem" -le "$want" ]; then
		pass "by default the host's memory, at most 4 GiB ($mem of $want bytes)"
	else
		fail "by default the host's memory, at most 4 GiB" "$mem bytes, want 7/8 of $want to $want"
	fi ;;
esac
nothing_left "nothing left after the default run"
done_testing
