#!/bin/sh
# A new image replaces only its own cache's older ones: an image that
# another cache imported (another checkout, CI beside a user) stays,
# while an older image of this cache goes. With a real engine.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/engines.sh"

plan $((4 * nengines))
mkdir "$tap_tmp/empty"
tar -cf "$tap_tmp/empty.tar" -C "$tap_tmp/empty" .
export VIRTCOST_CACHE="$tap_tmp/cache"
other=virtcost:0000000000000001 older=virtcost:0000000000000002

for E in $engines; do
	# The image of these binaries, imported afresh for this cache.
	"$E" rmi -f "virtcost:$(vc-image -q rootfs | sed -n 's/^rootfs .*rootfs-\([0-9a-f]*\)\.tar$/\1/p')" >/dev/null 2>&1
	run vc-container -v -e "$E" forksum 1 10
	tag=$(printf '%s\n' "$err" | sed -n 's/^vc-container: importing .* as \(virtcost:[0-9a-f]*\)$/\1/p')
	label=$("$E" image inspect --format '{{index .Config.Labels "virtcost.cache"}}' "$tag" 2>/dev/null)
	case $rc:$label in
	0:[0-9a-f]*) pass "$E: the image is labelled with its cache ($label)" ;;
	*)	fail "$E: the image is labelled with its cache" "rc $rc, tag '$tag', label '$label'" "$err" ;;
	esac

	# Another cache's image, and an older one of this cache.
	"$E" import --change "LABEL virtcost.cache=feedfacefeedface" \
	    "$tap_tmp/empty.tar" "$other" >/dev/null 2>&1
	"$E" import --change "LABEL virtcost.cache=$label" \
	    "$tap_tmp/empty.tar" "$older" >/dev/null 2>&1
	# A new import of this cache's image prunes.
	"$E" rmi -f "$tag" >/dev/null 2>&1
	run vc-container -e "$E" forksum 1 10
	is "$rc" 0 "$E: a new import runs"
	if "$E" image inspect "$other" >/dev/null 2>&1; then
		pass "$E: another cache's image stays"
	else
		fail "$E: another cache's image stays"
	fi
	if "$E" image inspect "$older" >/dev/null 2>&1; then
		fail "$E: this cache's older image goes"
	else
		pass "$E: this cache's older image goes"
	fi
	"$E" rmi -f "$other" "$older" "$tag" >/dev/null 2>&1
done
done_testing
