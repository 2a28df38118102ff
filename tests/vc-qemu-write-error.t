#!/bin/sh
# What vc-qemu cannot write of the command's output is its own failure,
# exit 125, never the command's exit status 1; a command that exits 1
# still gives 1. A fake qemu (tests/fake-qemu.py) plays the guest.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"
[ -w /dev/full ] || skip_all "/dev/full not available"

FAKE_POWEROFF=1
export FAKE_POWEROFF
plan 5
FAKE_RECORDS='R 0:|O 6:hello\n|X 1:0' \
	timeout 30 vc-qemu -Q "$fake" forksum 1 10 >/dev/full 2>"$tap_tmp/err"
rc=$?
is "$rc:$(cat "$tap_tmp/err")" "125:vc-qemu: write error: No space left on device" \
    "stdout on a full device: exit 125 and a write error, though the command exited 0"
FAKE_RECORDS='R 0:|O 6:hello\n|X 1:1' \
	timeout 30 vc-qemu -Q "$fake" forksum 1 10 >/dev/full 2>/dev/null
is "$?" 125 "stdout on a full device: exit 125, though the command exited 1"
FAKE_RECORDS='R 0:|E 5:oops\n|X 1:0' \
	timeout 30 vc-qemu -Q "$fake" forksum 1 10 2>/dev/full
is "$?" 125 "stderr on a full device: exit 125"
FAKE_RECORDS='R 0:|X 1:1' \
	timeout 30 vc-qemu -Q "$fake" forksum 1 10 >/dev/full 2>"$tap_tmp/err"
is "$?:$(cat "$tap_tmp/err")" "1:" \
    "a command that exits 1 and writes nothing gives 1, with no message"
nothing_left_fake "nothing left after write errors"
done_testing
