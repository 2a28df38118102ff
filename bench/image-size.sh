#!/bin/sh
# image-size.sh - the io initramfs part as small as its job: its size and
# what it costs a guest's start, beside the anchors. Builds the io part
# with the fio that vc-image takes (built by ./bootstrap --deps with only
# the engines that need no library) and with Debian's own fio
# (VIRTCOST_FIO=$(command -v fio): every engine linked in, with their
# libraries: the io part as it was), then starts N rounds (default 5) of
# paired, interleaved TCG guests:
#   core only   vc-qemu -v forksum 1 1    (the core part alone)
#   io, Debian  vc-qemu -v diskwrite -V   (core + the old io part)
#   io, ours    vc-qemu -v diskwrite -V   (core + the io part)
# and prints each part's file and unpacked size, the medians of the
# guests' start to ready (vc-qemu's "guest up in"), and the ratios.
# Run by `make bench`; BUILDDIR is the build tree.
set -u
n=${1:-5}
. "$(dirname "$0")/env.sh"
VIRTCOST_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/image-size.XXXXXX")
export VIRTCOST_CACHE
trap 'rm -rf "$VIRTCOST_CACHE"' EXIT
trap 'exit 1' HUP INT TERM


# unpacked PART: the bytes the kernel unpacks
unpacked() {
	case $1 in
	*.gz) gzip -dc "$1" ;;
	*) cat "$1" ;;
	esac | wc -c
}

debfio=$(command -v fio) || { echo "image-size: no fio in PATH" >&2; exit 1; }
core=$(vc-image -q core) && core=${core#core } &&
ours=$(vc-image -q io) && ours=${ours#io } &&
old=$(VIRTCOST_FIO=$debfio vc-image -q io) && old=${old#io } || {
	echo "image-size: vc-image failed" >&2
	exit 1
}
if [ "$ours" = "$old" ]; then
	echo "image-size: the io part holds $debfio (no fio built by" \
	    "./bootstrap --deps): nothing to compare"
	exit 0
fi
printf '%-26s %12s %12s\n' part "file bytes" "unpacked"
for p in "core:$core" "io, Debian's fio:$old" "io, ours:$ours"; do
	f=${p#*:}
	printf '%-26s %12d %12d  %s\n' "${p%%:*}" "$(wc -c <"$f")" \
	    "$(unpacked "$f")" "${f##*/}"
done

# up [VAR=VALUE] COMMAND...: one guest's start to ready, in seconds
up() {
	env "$@" 2>&1 >/dev/null |
	    sed -n 's/^vc-qemu: guest up in \([0-9.]*\) s$/\1/p'
}
t=$VIRTCOST_CACHE/times
i=0
while [ "$i" -lt "$n" ]; do
	c=$(up vc-qemu -v forksum 1 1)
	o=$(up VIRTCOST_FIO="$debfio" vc-qemu -v diskwrite -V)
	u=$(up vc-qemu -v diskwrite -V)
	echo "${c:-nan} ${o:-nan} ${u:-nan}" >>"$t"
	i=$((i + 1))
done
mc=$(awk '$1 != "nan" { print $1 }' "$t" | median)
mo=$(awk '$2 != "nan" { print $2 }' "$t" | median)
mu=$(awk '$3 != "nan" { print $3 }' "$t" | median)
echo "start to ready, TCG, median of $n paired interleaved runs:"
printf '%-26s %8s s\n' "core only (anchor)" "$mc" "io, Debian's fio" "$mo" \
    "io, ours" "$mu"
awk -v c="$mc" -v o="$mo" -v u="$mu" 'BEGIN {
	if (c + 0 > 0 && o + 0 > 0 && u + 0 > 0)
		printf "io part cost over core: Debian %.2f s, ours %.2f s; ours/Debian %.2f\n", o - c, u - c, u / o
}'
