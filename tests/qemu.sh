# qemu.sh - what the vc-qemu tests share: skip (fail in CI) without qemu
# or a guest kernel; no qemu of ours may outlive a test.
need_cmd qemu-system-x86_64 qemu-img mkfs.ext4 python3
vc-image -q kernel >/dev/null 2>"$tap_tmp/kernel.err" ||
	skip_all "no guest kernel: $(cat "$tap_tmp/kernel.err")"
# Temporary directories of the runner go here, to check they are gone.
own_tmpdir

# nothing_left NAME: no qemu started from our temporary directory, and
# the directory is empty.
nothing_left() {
	sleep 0.2
	if pgrep -f "qemu-system.*$TMPDIR" >/dev/null; then
		fail "$1" "qemu left running"
	elif [ -n "$(ls -A "$TMPDIR")" ]; then
		fail "$1" "left behind: $(ls -A "$TMPDIR")"
	else
		pass "$1"
	fi
}

# $fake: a qemu for -Q that plays the guest with tests/fake-qemu.py
# (records, console, exit as its FAKE_* variables say), so no VM boots.
fake=$tap_tmp/qemu
printf '#!/bin/sh\nexec python3 "%s" "$@"\n' "$top_srcdir/tests/fake-qemu.py" >"$fake"
chmod +x "$fake"

# nothing_left_fake NAME: nothing_left, and no fake guest either.
nothing_left_fake() {
	if pgrep -f "fake-qemu.py.*$TMPDIR" >/dev/null; then
		fail "$1" "fake qemu left running"
	else
		nothing_left "$1"
	fi
}
