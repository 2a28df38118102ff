#!/bin/sh
# The core part: a newc cpio with /init, the compute benchmarks,
# vc-envelope, the console node and the empty directories, every parent
# listed first.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
image_env

plan 9
run vc-image -q core
part=${out#core }
if [ "$rc" -eq 0 ] && [ -z "$err" ] &&
    case $out in "core $VIRTCOST_CACHE/core-"*.cpio*) true ;;
    *) false ;; esac && [ -f "$part" ]; then
	pass "vc-image core prints 'core PATH' in the cache"
else
	fail "vc-image core" "rc=$rc" "stdout: $out" "stderr: $err"
fi

[ -f "$part" ] || exit 1	# the rest would only repeat it

# Lists "MODE NAME [MAJOR,MINOR]", one entry a line, from a newc archive.
python3 - "$part" >"$tap_tmp/list" <<'PY' || fail "cpio reader" "$(cat "$tap_tmp/list")"
import os, sys
sys.path.insert(0, os.environ['top_srcdir'] + '/tests')
import cpio
for mode, name, body, major, minor in cpio.entries(sys.argv[1]):
    dev = ' %d,%d' % (major, minor) if mode & 0o170000 == 0o020000 else ''
    print('%o %s%s' % (mode, name, dev))
PY
has() { grep -qx "$1" "$tap_tmp/list"; }
if has "100755 init" && has "100755 bin/linpack" &&
    has "100755 bin/memsweep" && has "100755 bin/forksum"; then
	pass "init and the compute benchmarks, executable"
else
	fail "init and the compute benchmarks" "$(cat "$tap_tmp/list")"
fi
if has "100755 bin/vc-envelope"; then
	pass "vc-envelope, the platform check, executable"
else
	fail "vc-envelope, the platform check" "$(grep bin/ "$tap_tmp/list")"
fi
if has "20600 dev/console 5,1"; then
	pass "/dev/console is the character device 5,1"
else
	fail "/dev/console" "$(grep dev/ "$tap_tmp/list")"
fi
ok=yes
for d in 40755\ proc 40755\ sys 40755\ dev 41777\ tmp 40755\ mnt 40755\ etc; do
	has "$d" || ok="no: $d"
done
is "$ok" yes "the empty directories, /tmp with mode 1777"
if has "100644 etc/passwd" && has "100644 etc/group"; then
	pass "/etc/passwd and /etc/group"
else
	fail "/etc/passwd and /etc/group"
fi
bad=$(cut -d' ' -f2 "$tap_tmp/list" | grep -E '^/|(^|/)\.\.?(/|$)')
is "$bad" "" "no absolute, . or .. names"
# Every parent directory comes before what it holds.
orphans=$(cut -d' ' -f2 "$tap_tmp/list" | awk '{
	seen[$0] = 1
	n = split($0, c, "/"); p = c[1]
	for (i = 2; i <= n; i++) {
		if (!(p in seen)) print $0 " before " p
		p = p "/" c[i]
	}
}')
is "$orphans" "" "parents first"
# TCG boot time grows with the initramfs: static binaries keep it small.
size=$(wc -c <"$part")
if [ -n "${VC_SANITIZER:-}" ]; then
	pass "size not checked in a sanitizer build ($size bytes)"
elif [ "$size" -lt 3000000 ]; then
	pass "core is under 3 MB ($size bytes)"
else
	fail "core is under 3 MB" "$size bytes"
fi
done_testing
