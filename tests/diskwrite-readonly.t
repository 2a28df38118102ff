#!/bin/sh
# A read-only directory: exit 1, "not writable", before fio runs.
# Root writes through any mode bits, so the directory is a read-only
# tmpfs mount, which refuses even root.
. "${top_srcdir:-.}/tests/tap.sh"

[ "$(id -u)" -eq 0 ] || skip_all "needs root to mount a read-only tmpfs"
mnt=$tap_tmp/ro
mkdir "$mnt"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$tap_tmp"' EXIT
trap 'exit 1' HUP INT TERM
mount -t tmpfs -o ro,size=1m tmpfs "$mnt" || skip_all "cannot mount a tmpfs"

plan 1
run diskwrite -d "$mnt" -s 16k -t 1
is "$rc:$err" \
    "1:diskwrite: directory $mnt is not writable: Read-only file system" \
    "read-only directory"
done_testing
