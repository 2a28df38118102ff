#!/bin/sh
# vc-image's bad usage: one line on stderr, exit 2, nothing built.
. "${top_srcdir:-.}/tests/tap.sh"

image_env

plan 11
usage_error "no target" vc-image
usage_error "unknown target" vc-image initrd
usage_error "unknown target after a good one" vc-image core initrd
usage_error "unknown option" vc-image -x core
usage_error "-C without its argument" vc-image -C
usage_error "empty -C" vc-image -C "" core
usage_error "empty -k" vc-image -k "" kernel
if [ -e "$VIRTCOST_CACHE" ]; then
	fail "bad usage builds nothing" "$VIRTCOST_CACHE was created"
else
	pass "bad usage builds nothing"
fi
run vc-image -h
is "$rc:$(printf '%s\n' "$out" | grep -c '^usage: vc-image')" "0:1" \
    "-h prints usage on stdout, exit 0"
run vc-image -V
is "$rc:${out%% *}" "0:virtcost" "-V prints the version"
vc-image -h >/dev/full 2>"$tap_tmp/err"
is "$?:$(grep -c 'write error' "$tap_tmp/err")" "1:1" \
    "-h >/dev/full is a write error"
done_testing
