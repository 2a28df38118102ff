#!/bin/sh
# overhead.sh - what each platform adds to a run: the wall time of a
# trivial benchmark (forksum 1 1) under each runner, median of N runs
# (default 5), after one warm-up run that fills the image cache; and for
# vc-qemu the guest boot time (start to the guest's ready record).
# Run by `make bench`; BUILDDIR is the build tree.
set -u
n=${1:-5}
. "$(dirname "$0")/env.sh"

now() { date +%s.%N; }

measure() {
	label=$1
	shift
	if ! "$@" forksum 1 1 >/dev/null 2>&1; then
		printf '%-24s unavailable (%s forksum 1 1 failed)\n' "$label" "$*"
		return
	fi
	i=0
	while [ "$i" -lt "$n" ]; do
		t0=$(now)
		"$@" forksum 1 1 >/dev/null 2>&1
		t1=$(now)
		echo "$t1 - $t0" | bc -l
		i=$((i + 1))
	done | median | awk -v l="$label" '{ printf "%-24s %8.3f s per run (median)\n", l, $1 }'
}

measure vc-native vc-native
for e in docker podman; do
	"$e" info >/dev/null 2>&1 && measure "vc-container ($e)" vc-container -e "$e"
done
measure "vc-qemu (TCG)" vc-qemu
i=0
while [ "$i" -lt "$n" ]; do
	vc-qemu -v forksum 1 1 2>&1 >/dev/null | sed -n 's/.*guest up in \([0-9.]*\) s.*/\1/p'
	i=$((i + 1))
done | median | awk '{ printf "%-24s %8.3f s (median)\n", "vc-qemu guest boot", $1 }'
