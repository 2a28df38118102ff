#!/bin/sh
# The programs and image parts that vc-fleet copies are enough for a
# remote QEMU run: the remote vc-image finds its inputs in the copied
# build tree, and the copied parts serve as its cache.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"
. "$top_srcdir/tests/qemu.sh"

plan 4
sshd_start
d=$tap_tmp/fleet
run vc-fleet -F "$ssh_config" -H alpha -d "$d" -- -P quick -p native,qemu \
    -b forksum -n 1
is "$rc:$out" "0:$d" "a native and qemu run on the host completes"
is "$(sed 1d "$d/results.csv" | cut -d, -f2,3,4,8 | sort -u | tr '\n' ' ')" \
    "alpha,native,forksum,1 alpha,qemu,forksum,1 " \
    "both platforms measured there, merged under the host's name"
is "$(ls -A "$remote_tmp")" "" "no remote directory is left"
nothing_left "no qemu and no local temporary file left"
done_testing
