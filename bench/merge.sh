#!/bin/sh
# merge.sh - what does vc-merge cost? A synthetic fleet of HOSTS hosts
# (100), each a copy of one real results directory that a small vc-suite
# run makes here (forksum on native, REPS reps), its values varied per
# host; vc-merge merges it, and an anchor does the plain work: one awk
# that concatenates the hosts' results.csv and failures.csv, setting
# the host column, without checking anything. They take turns PAIRS
# times (7), who goes first alternating. Prints each pair's times, the
# medians side by side, the rows merged and the cost per row in
# microseconds (vc-merge's, the anchor's, and the difference).
#
# Environment: HOSTS (100), PAIRS (7), REPS (10), BUILDDIR (the build
# tree, default .).
set -eu

. "$(dirname "$0")/env.sh"
hosts=${HOSTS:-100}
pairs=${PAIRS:-7}
reps=${REPS:-10}
for prog in vc-suite vc-merge awk; do
	command -v "$prog" >/dev/null 2>&1 ||
	    { echo "$0: $prog not found" >&2; exit 1; }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/merge-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One real run; failures.csv made by a cell that fails (no such directory).
vc-suite -P quick -p native -b forksum,diskwrite -n "$reps" \
    -a forksum='1 10' -a diskwrite='-d /nonexistent -s 1M -t 1' \
    -d "$dir/src" >/dev/null 2>&1 || :
[ -s "$dir/src/results.csv" ] && [ -s "$dir/src/failures.csv" ] ||
    { echo "$0: vc-suite made no results in $dir/src" >&2; exit 1; }
f=$dir/fleet
mkdir -p "$f/hosts"
i=1
while [ "$i" -le "$hosts" ]; do
	h=$f/hosts/$(printf 'node%03d' "$i")
	mkdir "$h"
	cp "$dir/src/meta.json" "$dir/src/failures.csv" "$h/"
	# Each host's values its own: scaled by 1 + i/1000.
	awk -F, -v OFS=, -v k="$i" 'NR > 1 && $7 + 0 == $7 { $7 = $7 * (1 + k / 1000) } { print }' \
	    "$dir/src/results.csv" >"$h/results.csv"
	i=$((i + 1))
done

now() { date +%s%N; }

# The anchor: the same rows concatenated, host = the directory's name.
anchor() {
	awk -F, -v OFS=, 'FNR == 1 { n = split(FILENAME, p, "/"); h = p[n - 1] }
	    FNR == 1 && NR > 1 { next } { if (FNR > 1) $2 = h; print }' \
	    "$f"/hosts/*/results.csv >"$f/anchor-results.csv"
	awk 'FNR == 1 { n = split(FILENAME, p, "/"); h = p[n - 1] }
	    FNR == 1 && NR > 1 { next } { print $0 "," (FNR > 1 ? h : "host") }' \
	    "$f"/hosts/*/failures.csv >"$f/anchor-failures.csv"
}

# ms CMD...: the wall time of CMD in milliseconds.
ms() {
	t0=$(now)
	"$@" >/dev/null
	t1=$(now)
	echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.2f\n", $1 / 1000 }'
}

vc-merge "$f" >/dev/null	# warm the page cache, check it works
rows=$(($(wc -l <"$f/results.csv") - 1))
frows=$(($(wc -l <"$f/failures.csv") - 1))
anchor
# The same bytes: the anchor does the same work, unchecked.
cmp -s "$f/anchor-results.csv" "$f/results.csv" ||
    { echo "$0: the anchor's results.csv differs from vc-merge's" >&2; exit 1; }
echo "$hosts hosts, $rows results rows and $frows failures rows merged, $pairs pairs"
m= a= r=1
while [ "$r" -le "$pairs" ]; do
	if [ $((r % 2)) -eq 1 ]; then
		x=$(ms vc-merge "$f"); y=$(ms anchor)
	else
		y=$(ms anchor); x=$(ms vc-merge "$f")
	fi
	printf 'pair %d: vc-merge %s ms, anchor %s ms\n' "$r" "$x" "$y"
	m="$m $x" a="$a $y" r=$((r + 1))
done
mm=$(printf '%s\n' $m | median)
am=$(printf '%s\n' $a | median)
all=$((rows + frows))
awk -v m="$mm" -v a="$am" -v n="$all" 'BEGIN {
	printf "median: vc-merge %.2f ms, anchor (awk concatenation) %.2f ms, ratio %.2f\n", m, a, m / a
	printf "per row (%d rows): vc-merge %.2f us, anchor %.2f us, difference %.2f us\n", n, m * 1000 / n, a * 1000 / n, (m - a) * 1000 / n
}'
