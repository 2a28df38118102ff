#!/bin/sh
# A missing input stops vc-image with exit 1 and one line that names it
# and says how to get it; nothing is left in the cache.
. "${top_srcdir:-.}/tests/tap.sh"

top=$(cd "$top_builddir" && pwd)
VIRTCOST_CACHE=$tap_tmp/cache
export VIRTCOST_CACHE

plan 7
mkdir "$tap_tmp/empty"
VIRTCOST_BUILDDIR=$tap_tmp/empty one_line_fail "an empty build tree" \
    "no vc-init program: $tap_tmp/empty/harness/run/vc-init: No such file or directory (VIRTCOST_BUILDDIR=$tap_tmp/empty; run make there)" \
    vc-image core

# A build tree with everything but memsweep.
b=$tap_tmp/build
mkdir -p "$b/harness/run" "$b/linpack" "$b/memsweep" "$b/forksum"
for p in harness/run/vc-init linpack/linpack forksum/forksum; do
	cp "$top/$p" "$b/$p"
done
VIRTCOST_BUILDDIR=$b one_line_fail "a missing benchmark is named" \
    "no memsweep program: $b/memsweep/memsweep: No such file or directory" \
    vc-image core
mkdir "$b/memsweep/memsweep"
VIRTCOST_BUILDDIR=$b one_line_fail "a directory is no program" \
    "no memsweep program: $b/memsweep/memsweep: not a regular file" \
    vc-image core
rmdir "$b/memsweep/memsweep"
cp "$top/memsweep/memsweep" "$b/memsweep/memsweep"
VIRTCOST_BUILDDIR=$b one_line_fail "a missing vc-envelope is named" \
    "no vc-envelope program: $b/harness/run/vc-envelope: No such file or directory" \
    vc-image core

# Without fio in PATH (nginx is looked for in /usr/sbin first).
VIRTCOST_BUILDDIR=$top one_line_fail \
    "no fio: rootfs says how to install it" "apt-get install" \
    env PATH="$tap_tmp/empty" "$top/harness/image/vc-image" rootfs
VIRTCOST_BUILDDIR=$top one_line_fail \
    "no fio: io says how to install it" "apt-get install" \
    env PATH="$tap_tmp/empty" "$top/harness/image/vc-image" -k /nonexistent io
left=$(find "$VIRTCOST_CACHE" -type f 2>/dev/null)
is "$left" "" "nothing left in the cache"
done_testing
