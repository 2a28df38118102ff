#!/bin/sh
# diskwrite on each disk of vc-qemu -C and -B, for real: with -C none
# qemu holds the image with O_DIRECT (no host page cache), with -C
# writeback (the default) without; -B virtio-scsi puts the disk behind
# a virtio SCSI adapter, where the guest finds it all the same. -v says
# which disk it was. Nothing is left behind.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"
need_cmd fio

# disk_flags: the open flags (octal, from /proc) of the disk image in
# the running qemu of ours, once it has it open.
disk_flags() {
	for i in $(seq 600); do
		for q in $(pgrep -f "qemu-system.*$TMPDIR"); do
			for fd in /proc/"$q"/fd/*; do
				case $(readlink "$fd" 2>/dev/null) in
				*/disk.qcow2|*/disk.raw)
					sed -n 's/^flags:[[:space:]]*//p' \
					    "/proc/$q/fdinfo/${fd##*/}"
					return ;;
				esac
			done
		done
		sleep 0.1
	done
}

plan 10
for cache in none writeback; do
	vc-qemu -v -C "$cache" -D 256M diskwrite -s 16M -t 2 -o json \
	    >"$tap_tmp/out" 2>"$tap_tmp/err" &
	pid=$!
	flags=$(disk_flags)
	wait "$pid"
	rc=$?
	out=$(cat "$tap_tmp/out")
	is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }')" "0:1" \
	    "-C $cache: diskwrite reports IOPS"
	direct=$(( ${flags:-0} & 040000 ))
	want=0
	[ "$cache" = none ] && want=16384
	is "${flags:+found}:$direct" "found:$want" \
	    "-C $cache: O_DIRECT on the host's image is $([ $want = 0 ] && echo off || echo on)"
	case $(cat "$tap_tmp/err") in
	*"disk virtio-blk, cache $cache"*) pass "-C $cache: -v says so" ;;
	*) fail "-C $cache: -v says so" "stderr: $(cat "$tap_tmp/err")" ;;
	esac
done
# The guest kernel needs the SCSI drivers built in (bootstrap's has
# them since build-aux/guest-kernel.config asked; an older build not).
kernel=$(vc-image -q kernel | sed -n 's/^kernel //p')
config=${kernel%/*}/config-${kernel##*/vmlinuz-}
if [ -f "$config" ] && ! grep -qx 'CONFIG_SCSI_VIRTIO=y' "$config"; then
	why="guest kernel without virtio-scsi built in (rebuild it: build-aux/guest-kernel)"
	for i in 1 2 3; do pass "-B virtio-scsi # SKIP $why"; done
else
	run vc-qemu -v -B virtio-scsi -D 256M diskwrite -s 16M -t 2 -o json
	is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }')" "0:1" \
	    "-B virtio-scsi: diskwrite reports IOPS"
	case $err in
	*"disk virtio-scsi, cache writeback"*) pass "-B virtio-scsi: -v says so" ;;
	*) fail "-B virtio-scsi: -v says so" "stderr: $err" ;;
	esac
	run vc-qemu -B virtio-scsi -C none -f raw -D 256M diskwrite -s 16M \
	    -t 2 -o json
	is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }')" "0:1" \
	    "-B virtio-scsi -C none -f raw: diskwrite reports IOPS"
fi
nothing_left "no disk image or qemu left"
done_testing
