#!/bin/sh
# A cache directory that cannot be written is a clear error (exit 1),
# and no partial part is ever left behind, even when interrupted.
. "${top_srcdir:-.}/tests/tap.sh"

VIRTCOST_BUILDDIR=$(cd "$top_builddir" && pwd)
export VIRTCOST_BUILDDIR
unset VIRTCOST_CACHE

# ro CMD...: run CMD with $ro a read-only file system. Root (which
# ignores permissions) gets a read-only tmpfs in a private mount
# namespace; anyone else a directory without write permission.
ro=$tap_tmp/ro
mkdir "$ro"
if [ "$(id -u)" -eq 0 ]; then
	ro() {
		unshare -m sh -c 'mount -t tmpfs -o ro tmpfs "$0" &&
		    exec "$@"' "$ro" "$@"
	}
	why="Read-only file system"
else
	chmod 555 "$ro"
	ro() { "$@"; }
	why="Permission denied"
fi

plan 6
one_line_fail "a read-only cache directory" \
    "cannot create a file in the cache directory $ro: $why" \
    ro vc-image -q -C "$ro" core
one_line_fail "a cache directory that cannot be created" \
    "cannot create the cache directory $ro/cache: $why" \
    ro vc-image -q -C "$ro/cache" core
: >"$tap_tmp/file"
one_line_fail "a file as the cache directory" \
    "cannot create the cache directory $tap_tmp/file/cache/: $tap_tmp/file is not a directory" \
    vc-image -q -C "$tap_tmp/file/cache/" core

# Interrupted builds, early and late: a complete part or nothing.
c=$tap_tmp/cache
for delay in 0.05 0.15; do
	vc-image -q -C "$c" rootfs >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -TERM "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rc=$?
	left=$(find "$c" -name '.*' -type f 2>/dev/null)
	case $rc in
	0 | 143) is "$left" "" "TERM after ${delay}s: no temporary file" ;;
	*) fail "TERM after ${delay}s" "rc=$rc" ;;
	esac
done
run vc-image -C "$c" rootfs
part=${out#rootfs }
if [ "$rc" -eq 0 ] && tar -tf "$part" >/dev/null 2>&1; then
	pass "the part in the cache is complete"
else
	fail "the part in the cache is complete" "rc=$rc" "$err"
fi
done_testing
