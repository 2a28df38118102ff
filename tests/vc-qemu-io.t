#!/bin/sh
# The I/O benchmarks in a TCG micro-VM: diskwrite on a virtio disk
# (qcow2 and raw), nginxbench serving in the guest, measured from the host.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"
need_cmd fio nginx wrk

plan 7
for fmt in qcow2 raw; do
	run vc-qemu -f "$fmt" -D 256M diskwrite -s 16M -t 2 -o json
	is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }')" "0:1" \
	    "diskwrite on a $fmt virtio disk reports IOPS"
done
nothing_left "no disk image or qemu left"
run vc-qemu nginxbench -s 4M -d 2 -o json
is "$rc:$(field "$out" mib_per_second | awk '{ print ($1 > 0) }')" "0:1" \
    "nginxbench measures the guest's nginx through the forward"
is "$(field "$out" errors)" "0" "no HTTP or socket errors"
nothing_left "no qemu left after nginxbench"
if pgrep -x nginx >/dev/null && pgrep -af nginx | grep -q "$TMPDIR"; then
	fail "no host nginx of ours left"
else
	pass "no host nginx of ours left"
fi
done_testing
