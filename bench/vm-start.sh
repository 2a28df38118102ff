#!/bin/sh
# vm-start.sh - how long a VM takes to start, against plain QEMU.
#
# The anchor boots the same kernel (the one vc-image gives vc-qemu) with
# the same accelerator, CPU model, memory and CPUs, and an initramfs
# holding only a static /init, compiled here from a few lines of C, that
# powers off: the least any VM of this kernel can cost, from qemu's exec
# to its exit. Ours is `vc-qemu forksum 1 1`, command to exit, and the
# guest-ready time it reports with -v (start to vc-init's ready record,
# i.e. to the benchmark's start). The io part (diskwrite's disk, the io
# initramfs) is booted too. Runs are paired and interleaved, N pairs
# (default 5) after one warm-up that fills the image cache; medians.
# Run by `make bench`; BUILDDIR is the build tree.
set -u
n=${1:-5}
. "$(dirname "$0")/env.sh"
mem=4096M
cpus=$(nproc)

now() { date +%s.%N; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

kernel=$(vc-image -q kernel | sed -n 's/^kernel //p')
if [ -z "$kernel" ]; then
	echo "vm-start: no guest kernel (vc-image kernel failed)"
	exit 0
fi

# The anchor's /init: power off at once (PID 1 must not exit).
cat >"$tmp/init.c" <<'EOF'
#include <sys/reboot.h>
#include <unistd.h>
int main(void) { reboot(RB_POWER_OFF); for (;;) pause(); }
EOF
${CC:-cc} -static -O2 -o "$tmp/init" "$tmp/init.c" || exit 1
# A newc cpio with /init, /dev and /dev/console, without cpio(1).
python3 - "$tmp/init" "$tmp/initrd" <<'EOF'
import sys
def entry(out, ino, name, mode, data=b"", rdev=(0, 0)):
    n = name.encode() + b"\0"
    hdr = "070701" + "".join("%08X" % v for v in (ino, mode, 0, 0, 1, 0,
        len(data), 0, 0, rdev[0], rdev[1], len(n), 0))
    out.write(hdr.encode() + n)
    out.write(b"\0" * ((4 - (110 + len(n)) % 4) % 4) + data)
    out.write(b"\0" * ((4 - len(data) % 4) % 4))
with open(sys.argv[2], "wb") as out:
    entry(out, 1, "dev", 0o40755)
    entry(out, 2, "dev/console", 0o20600, rdev=(5, 1))
    entry(out, 3, "init", 0o100755, open(sys.argv[1], "rb").read())
    entry(out, 4, "TRAILER!!!", 0)
EOF

# The machine as vc-qemu makes it (vc-qemu -v shows its command line).
anchor() {
	qemu-system-x86_64 -nodefaults -no-user-config -display none \
	    -accel tcg -cpu max -m "$mem" -smp "$cpus" \
	    -kernel "$kernel" -initrd "$tmp/initrd" \
	    -append "console=ttyS0 quiet panic=-1" -no-reboot \
	    -serial "file:$tmp/console.log" >/dev/null 2>&1
}

timed() {
	t0=$(now)
	"$@" >/dev/null 2>&1
	rc=$?
	t1=$(now)
	[ "$rc" -eq 0 ] || { echo "vm-start: failed: $*" >&2; return 1; }
	echo "$t1 - $t0" | bc -l
}

# "total S": command to exit; "up S": vc-qemu -v's guest-ready time.
ours() {
	t0=$(now)
	vc-qemu -v -m "$mem" -c "$cpus" "$@" >/dev/null 2>"$tmp/err"
	t1=$(now)
	echo "total $(echo "$t1 - $t0" | bc -l)"
	sed -n 's/.*guest up in \([0-9.]*\) s.*/up \1/p' "$tmp/err"
}

# Warm-up: the image parts are built and cached once.
anchor || { echo "vm-start: plain qemu failed to boot $kernel"; exit 0; }
vc-qemu -m "$mem" -c "$cpus" forksum 1 1 >/dev/null 2>&1 ||
	{ echo "vm-start: vc-qemu forksum 1 1 failed"; exit 0; }
vc-qemu -m "$mem" -c "$cpus" -D 256M diskwrite -s 1M -t 0.5 >/dev/null 2>&1 ||
	{ echo "vm-start: vc-qemu diskwrite failed"; exit 0; }

i=0
while [ "$i" -lt "$n" ]; do
	timed anchor >>"$tmp/anchor"
	ours forksum 1 1 >"$tmp/core"
	sed -n 's/^up //p' "$tmp/core" >>"$tmp/core.up"
	sed -n 's/^total //p' "$tmp/core" >>"$tmp/core.total"
	ours -D 256M diskwrite -s 1M -t 0.5 >"$tmp/io"
	sed -n 's/^up //p' "$tmp/io" >>"$tmp/io.up"
	i=$((i + 1))
done

a=$(median <"$tmp/anchor")
up=$(median <"$tmp/core.up")
total=$(median <"$tmp/core.total")
io=$(median <"$tmp/io.up")
echo "VM start, TCG, $cpus CPUs, $mem, kernel $kernel; medians of $n paired runs"
printf '%-44s %8.3f s\n' "anchor: plain qemu, init that powers off" "$a"
printf '%-44s %8.3f s  (%.2fx the anchor)\n' "vc-qemu forksum 1 1, command to exit" \
    "$total" "$(echo "$total / $a" | bc -l)"
printf '%-44s %8.3f s  (%.2fx the anchor)\n' "vc-qemu forksum 1 1, guest ready" \
    "$up" "$(echo "$up / $a" | bc -l)"
printf '%-44s %8.3f s  (%.2fx the anchor)\n' "vc-qemu diskwrite (io part), guest ready" \
    "$io" "$(echo "$io / $a" | bc -l)"
