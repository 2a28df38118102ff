#!/bin/sh
# vc-envelope on the host shows what the process was given: the rlimits
# it runs with, its CPU affinity, the kernel's memory; every key, in
# order; "unknown", never a failure, without /proc and /sys.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd prlimit nproc taskset

# val KEY: its value in $out.
val() { printf '%s\n' "$out" | sed -n "s/^$1 //p"; }

# A sanitizer build leaves out the case without /proc: its runtime cannot
# start without /proc, and the normal build's run checks that case.
if [ -n "${VC_SANITIZER:-}" ]; then plan 9; else plan 10; fi
run vc-envelope
is "$rc:$(printf '%s\n' "$out" | cut -d' ' -f1 | tr '\n' ' ')" \
    "0:cpus_usable cpus_online memory_total nofile_soft nofile_hard nproc_soft nproc_hard pid_max threads_max cgroup_pids_max cgroup_memory_max cgroup_cpu_max kernel " \
    "every key, one line each, in order"
is "$(val cpus_usable)" "$(nproc)" "cpus_usable is nproc's count"
is "$(val memory_total)" "$(awk '/^MemTotal:/ { printf "%.0f", $2 * 1024 }' /proc/meminfo)" \
    "memory_total is MemTotal in bytes"
is "$(val pid_max)" "$(cat /proc/sys/kernel/pid_max)" "pid_max is the kernel's"
is "$(val threads_max)" "$(cat /proc/sys/kernel/threads-max)" "threads_max is the kernel's"
is "$(val kernel)" "$(uname -r)" "kernel is the release"

run prlimit --nofile=100:200 vc-envelope
is "$rc:$(val nofile_soft)/$(val nofile_hard)" "0:100/200" \
    "prlimit --nofile=100:200: nofile 100 and 200"
# A hard limit can only be lowered (without CAP_SYS_RESOURCE): ours.
hard=$(prlimit --pid $$ --nproc --output HARD --noheadings | tr -d " ")
soft=300
[ "$hard" = unlimited ] || [ "$hard" -ge 300 ] || soft=$hard
run prlimit --nproc="$soft:$hard" vc-envelope
is "$rc:$(val nproc_soft)/$(val nproc_hard)" "0:$soft/$hard" \
    "prlimit --nproc=$soft:$hard: nproc $soft and $hard"

first=$(taskset -pc $$ | sed 's/.*: *//; s/[,-].*//')
run taskset -c "$first" vc-envelope
is "$rc:$(val cpus_usable)" "0:1" "taskset to one CPU: cpus_usable 1"

# No /proc, no /sys (empty tmpfs over them, in a mount namespace of its
# own): what cannot be read is unknown, and the exit status still 0.
if [ -n "${VC_SANITIZER:-}" ]; then
	:	# not planned: see the plan
elif unshare -m true 2>/dev/null; then
	run unshare -m sh -c 'mount -t tmpfs none /proc && mount -t tmpfs none /sys && exec "$0"' \
	    "$(command -v vc-envelope)"
	is "$rc:$(val memory_total):$(val pid_max):$(val threads_max):$(val cgroup_pids_max):$(val cgroup_memory_max):$(val cgroup_cpu_max)" \
	    "0:unknown:unknown:unknown:unknown:unknown:unknown" \
	    "without /proc and /sys: unknown values, exit 0"
else
	echo "ok $((tap_n += 1)) - without /proc and /sys # SKIP no mount namespace (needs root)"
fi
done_testing
