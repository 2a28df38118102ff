#!/bin/sh
# vc-qemu leaves nothing behind when it dies of a closed pipe or when its
# parent is killed; qemu never outlives vc-qemu; vc-suite sweeps up the
# directories of runners that died of SIGKILL.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/qemu.sh"

# Whatever happens, no VM of this test runs on (by pid, ours only).
stop_ours() {
	for p in $(pgrep -f "qemu-system.*$TMPDIR"); do kill -9 "$p"; done
}
trap 'stop_ours; rm -rf "$tap_tmp"' EXIT

# wait_qemu: until a qemu of ours runs (30 s at most).
wait_qemu() {
	i=0
	while ! pgrep -f "qemu-system.*$TMPDIR" >/dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}

# gone NAME: no qemu of ours within 5 s.
gone() {
	i=0
	while pgrep -f "qemu-system.*$TMPDIR" >/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if pgrep -f "qemu-system.*$TMPDIR" >/dev/null; then
		fail "$1" "qemu still running"
		stop_ours
	else
		pass "$1"
	fi
}

plan 8
{ vc-qemu forksum 1 100; echo $? >"$tap_tmp/st"; } | true
is "$(cat "$tap_tmp/st")" 141 "vc-qemu | true dies of SIGPIPE"
nothing_left "nothing left after SIGPIPE"

# Its parent (vc-suite, say) killed: vc-qemu stops its VM and cleans up.
sh -c 'vc-qemu linpack -n 100 -t 600 >/dev/null 2>&1 & wait' &
parent=$!
wait_qemu
kill -9 "$parent"
gone "parent killed with SIGKILL: no qemu left"
sleep 1
nothing_left "parent killed with SIGKILL: nothing left"

# vc-qemu itself killed: its VM dies with it, its directory stays...
vc-qemu linpack -n 100 -t 600 >/dev/null 2>&1 &
runner=$!
wait_qemu
kill -9 "$runner"
wait "$runner" 2>/dev/null
gone "vc-qemu killed with SIGKILL: no qemu left"
# ... until vc-suite sweeps it, with the dead owner's fake; a directory
# with a live owner, or none, is not touched.
dead=$(sh -c 'echo $$')
mkdir "$TMPDIR/vc-qemu.dead01" "$TMPDIR/vc-qemu.live01" "$TMPDIR/vc-qemu.none01"
echo "$dead 1" >"$TMPDIR/vc-qemu.dead01/.vc-owner"
echo "$$ $(awk '{ print $22 }' /proc/$$/stat)" >"$TMPDIR/vc-qemu.live01/.vc-owner"
run vc-suite -P quick -p native -b forksum -n 1 -a forksum='1 10' -d "$tap_tmp/r"
case $rc:$err in
0:*"removed 2 temporary directories of dead runners"*) pass "vc-suite says it swept" ;;
*) fail "vc-suite says it swept" "rc=$rc" "$err" ;;
esac
is "$(ls -A "$TMPDIR" | tr '\n' ' ')" "vc-qemu.live01 vc-qemu.none01 " \
	"the dead runners' directories are gone, the others stay"
rm -rf "$TMPDIR/vc-qemu.live01" "$TMPDIR/vc-qemu.none01"
# -k: a kept directory is never swept.
run vc-qemu -k forksum 1 10
kept=$(printf '%s\n' "$err" | sed -n 's/^vc-qemu: kept //p')
run vc-suite -P quick -p native -b forksum -n 1 -a forksum='1 10' -d "$tap_tmp/r2"
if [ -n "$kept" ] && [ -d "$kept" ]; then pass "a kept directory is not swept"
else fail "a kept directory is not swept" "kept=$kept"; fi
rm -rf "$kept"
done_testing
