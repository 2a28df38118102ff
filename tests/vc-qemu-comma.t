#!/bin/sh
# A TMPDIR with a comma in it: the paths in QEMU's option strings
# (-chardev, -drive) have their commas doubled, as qemu(1) says.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

TMPDIR=$tap_tmp/a,b,,c
mkdir -p "$TMPDIR"
export TMPDIR

plan 4
run vc-qemu forksum 1 1000
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:500500" \
	"the serial ports' paths hold commas (TMPDIR=.../a,b,,c)"
run vc-qemu -D 256M diskwrite -s 16M -t 2 -o json
is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }')" "0:1" \
	"the disk's path holds commas"
case $err in *qemu*) fail "nothing from qemu on stderr" "$err" ;;
*) pass "nothing from qemu on stderr" ;; esac
nothing_left "nothing left"
done_testing
