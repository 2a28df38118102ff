#!/bin/sh
# vc-envelope in a TCG micro-VM: the guest has the vCPUs and the memory
# that -c and -m give it (MemTotal a little less: the kernel keeps some).
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

# val KEY: its value in $out.
val() { printf '%s\n' "$out" | sed -n "s/^$1 //p"; }

plan 4
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
done_testing
