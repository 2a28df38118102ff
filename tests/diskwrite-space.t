#!/bin/sh
# Not enough space for the test file: found before fio runs (statvfs),
# and also when the file system fills up under fio (ENOSPC from fio).
# Either way: exit 1, one line, nothing left.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio
[ "$(id -u)" -eq 0 ] || skip_all "needs root to mount a small tmpfs"
mnt=$tap_tmp/small
mkdir "$mnt"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$tap_tmp"' EXIT
trap 'exit 1' HUP INT TERM
mount -t tmpfs -o size=1m tmpfs "$mnt" || skip_all "cannot mount a tmpfs"

plan 4
# -B: tmpfs refuses direct I/O on kernels before 6.6.
run diskwrite -B -d "$mnt" -s 16M -t 1
is "$rc:$err" "1:diskwrite: not enough space in $mnt: the test file needs 16 MiB, 1 MiB available" \
    "16 MiB file on a 1 MiB file system: refused before fio runs"
is "$(ls -A "$mnt")" "" "nothing left"

# A fio that first fills the file system: the check passes, fio fails.
cat >"$tap_tmp/fio" <<EOS
#!/bin/sh
dd if=/dev/zero of="$mnt/filler" bs=64k count=16 2>/dev/null
exec fio "\$@"
EOS
chmod +x "$tap_tmp/fio"
run diskwrite -B -F "$tap_tmp/fio" -d "$mnt" -s 512k -t 1
is "$rc:$err" "1:diskwrite: not enough space in $mnt (fio: No space left on device)" \
    "the file system fills up under fio: fio's ENOSPC reported as such"
rm -f "$mnt/filler"
if pgrep -f "$mnt/diskwrite\\." >/dev/null || [ -n "$(ls -A "$mnt")" ]; then
	fail "nothing left after fio's failure" "$(ls -A "$mnt")"
else
	pass "nothing left after fio's failure"
fi
done_testing
