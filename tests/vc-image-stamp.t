#!/bin/sh
# The stamp: a part whose inputs stat the same is named without reading
# them, and any change to an input, its path or the environment that
# finds it is noticed, even one that keeps the size.
. "${top_srcdir:-.}/tests/tap.sh"

# A build tree of our own, to change one byte of in place.
b=$tap_tmp/build
core_copy "$b"
image_env "$b"

plan 9
# Inputs changed in the second before a run are not stamped.
run vc-image core
first=${out#core }
is "$rc:$(test -e "$VIRTCOST_CACHE/core.stamp" && echo stamped)" "0:" \
    "inputs just copied: no stamp"
sleep 2
run vc-image core
is "$rc:${out#core }:$(test -s "$VIRTCOST_CACHE/core.stamp" && echo stamped)" \
    "0:$first:stamped" "inputs older than the run: hashed again, stamped"
run vc-image core
case $rc:$err in
"0:vc-image: core: cached $first (inputs unchanged)") pass "then named by the stamp" ;;
*) fail "then named by the stamp" "rc=$rc" "$err" ;;
esac

# One byte of forksum changed in place: same path, inode and size.
printf '\001' | dd of="$b/forksum/forksum" bs=1 seek=100 conv=notrunc 2>/dev/null
run vc-image core
second=${out#core }
if [ "$rc" -eq 0 ] && [ "$second" != "$first" ] && [ -f "$second" ]; then
	pass "a byte changed in place gives a new part"
else
	fail "a byte changed in place gives a new part" "rc=$rc" "$out" "$err"
fi
run vc-image core
is "$rc:${out#core }" "0:$second" "and the next run names the new part"

PATH="$tap_tmp:$PATH" run vc-image core
case $err in
*"(inputs unchanged)"*) fail "another PATH is not trusted" "$err" ;;
*) is "$rc:${out#core }" "0:$second" "another PATH is not trusted" ;;
esac

# A stamp that names a part no longer there is not used.
sleep 2
run vc-image core
rm -f "$second"
run vc-image core
is "$rc:${out#core }:$(test -f "$second" && echo there)" "0:$second:there" \
    "a removed part is made again"
# A stamp cut short, or naming a file that is not a part, is not used.
head -n 3 "$VIRTCOST_CACHE/core.stamp" >"$tap_tmp/cut"
mv "$tap_tmp/cut" "$VIRTCOST_CACHE/core.stamp"
run vc-image core
case $rc:$err in
"0:vc-image: core: cached $second") pass "a stamp cut short is not trusted" ;;
*) fail "a stamp cut short is not trusted" "rc=$rc" "$err" ;;
esac
sed 's|^part .*|part /etc/passwd|' "$VIRTCOST_CACHE/core.stamp" >"$tap_tmp/bad"
mv "$tap_tmp/bad" "$VIRTCOST_CACHE/core.stamp"
run vc-image core
is "$rc:${out#core }" "0:$second" "a stamp naming another file is not trusted"
done_testing
