#!/bin/sh
# container-start.sh - what vc-container adds to a container run. For
# each engine that answers (docker, podman), N pairs (default 11) of
# interleaved runs, who goes first alternating: the engine's own
# `ENGINE run --rm` by hand, with exactly the flags and image that
# vc-container gives it (read from its -v output), and
# `vc-container -e ENGINE`, both running forksum 1 1. Prints each
# side's median wall time, command to exit, and their ratio (vc-container
# / by hand; the goal is at most 1.10).
# Run by `make bench`; BUILDDIR is the build tree.
#
# usage: bench/container-start.sh [-n pairs]
set -u
n=11
while getopts n: opt; do
	case $opt in
	n) n=$OPTARG ;;
	*) echo "usage: $0 [-n pairs]" >&2; exit 2 ;;
	esac
done
. "$(dirname "$0")/env.sh"
command -v python3 >/dev/null || { echo "$0: python3 not found" >&2; exit 1; }
set -f		# the engine's flags are words, never patterns

work=$(mktemp -d "${TMPDIR:-/tmp}/cstart.XXXXXX")
engine=
# Nothing left behind: a run by hand cut short is removed.
trap 'rm -rf "$work"; [ -n "$engine" ] && "$engine" rm -f "virtcost-hand-$$" >/dev/null 2>&1' EXIT
trap 'exit 1' HUP INT TERM

# seconds CMD...: the wall time of CMD, which must succeed
seconds() {
	t0=$(date +%s.%N)
	"$@" >/dev/null 2>"$work/err" || {
		echo "$0: failed: $*" >&2
		cat "$work/err" >&2
		exit 1
	}
	t1=$(date +%s.%N)
	echo "$t1 - $t0" | bc -l
}

for engine in docker podman; do
	command -v "$engine" >/dev/null 2>&1 &&
	    "$engine" version >/dev/null 2>&1 || {
		printf '%s: does not answer, left out\n' "$engine"
		continue
	}
	# Two warm-up runs: the first may import the image and probe.
	vc-container -e "$engine" forksum 1 1 >/dev/null 2>&1
	vc-container -e "$engine" -v forksum 1 1 2>"$work/v" >/dev/null || {
		echo "$0: vc-container -e $engine forksum 1 1 failed:" >&2
		cat "$work/v" >&2
		exit 1
	}
	# Its run command, with a name of our own for the container.
	hand=$(sed -n "s/^vc-container: \($engine run .*\)/\1/p" "$work/v" |
	    tail -n 1 | sed "s/ --name [^ ]* / --name virtcost-hand-$$ /")
	[ -n "$hand" ] || { echo "$0: no run command in vc-container -v" >&2; exit 1; }
	echo "$engine by hand: $hand"
	: >"$work/hand"
	: >"$work/ours"
	i=0
	while [ "$i" -lt "$n" ]; do
		if [ $((i % 2)) -eq 0 ]; then
			seconds $hand >>"$work/hand"
			seconds vc-container -e "$engine" forksum 1 1 >>"$work/ours"
		else
			seconds vc-container -e "$engine" forksum 1 1 >>"$work/ours"
			seconds $hand >>"$work/hand"
		fi
		i=$((i + 1))
	done
	python3 -c '
import statistics as st, sys
name, hand, ours = sys.argv[1], sys.argv[2], sys.argv[3]
h = [float(x) for x in open(hand)]
o = [float(x) for x in open(ours)]
mh, mo = st.median(h), st.median(o)
print("%-30s %6.3f s  (median of %d; %s)" % (name + " run --rm by hand", mh,
    len(h), " ".join("%.2f" % x for x in h)))
print("%-30s %6.3f s  (median of %d; %s)" % ("vc-container -e " + name, mo,
    len(o), " ".join("%.2f" % x for x in o)))
print("%-30s %6.3f  (%+.1f%%; goal: at most 1.10)" % ("ratio vc-container/by hand",
    mo / mh, 100 * (mo / mh - 1)))' "$engine" "$work/hand" "$work/ours"
done
engine=
