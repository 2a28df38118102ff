#!/bin/sh
# A part is reused while its inputs are unchanged, and rebuilt under a
# new name when one changes; equal inputs give byte-identical parts.
. "${top_srcdir:-.}/tests/tap.sh"

image_env

plan 9
run vc-image core
first=$out
part=${out#core }
before=$(stat -c '%i %Y %s' "$part" 2>/dev/null)
case $err in
*"core: building $part"*) pass "first run builds the part" ;;
*) fail "first run builds the part" "rc=$rc" "$err" ;;
esac
sleep 1		# a rewrite would show in the mtime
run vc-image core
is "$rc:$out" "0:$first" "second run prints the same path"
case $err in
*"core: cached $part"*) pass "second run says it is cached" ;;
*) fail "second run says it is cached" "$err" ;;
esac
is "$(stat -c '%i %Y %s' "$part")" "$before" "second run does not rewrite it"

run vc-image -q -C "$tap_tmp/other" core
if [ "$rc" -eq 0 ] && [ "${out#core }" != "$part" ] &&
    cmp -s "${out#core }" "$part"; then
	pass "the same inputs give the same bytes in another cache"
else
	fail "the same inputs give the same bytes" "rc=$rc" "$out"
fi
is "${out##*/}" "${part##*/}" "... under the same name"

# A build tree with one byte more in forksum.
b=$tap_tmp/build
core_copy "$b"
printf x >>"$b/forksum/forksum"
VIRTCOST_BUILDDIR=$b run vc-image -q core
new=${out#core }
if [ "$rc" -eq 0 ] && [ "$new" != "$part" ] && [ -f "$new" ] &&
    [ -f "$part" ]; then
	pass "a changed input gives a new part ($(basename "$new"))"
else
	fail "a changed input gives a new part" "rc=$rc" "$out" "$err"
fi

# Where the cache is when not given.
env -u VIRTCOST_CACHE XDG_CACHE_HOME="$tap_tmp/xdg" vc-image -q core \
    >"$tap_tmp/out" 2>&1
is "$(cat "$tap_tmp/out")" "core $tap_tmp/xdg/virtcost/${part##*/}" \
    "\$XDG_CACHE_HOME/virtcost without VIRTCOST_CACHE"
env -u VIRTCOST_CACHE -u XDG_CACHE_HOME HOME="$tap_tmp/home" \
    vc-image -q core >"$tap_tmp/out" 2>&1
is "$(cat "$tap_tmp/out")" "core $tap_tmp/home/.cache/virtcost/${part##*/}" \
    "\$HOME/.cache/virtcost without either"
done_testing
