#!/bin/sh
# spread.sh - run-to-run spread of the compute benchmarks: each tool runs
# N times (default 5) in this one session; prints mean, standard deviation
# and coefficient of variation of its primary metric. Run by `make bench`.
#
# usage: bench/spread.sh [runs]   (BUILDDIR: where the tools were built)
set -eu
runs=${1:-5}
b=${BUILDDIR:-.}

# name, primary metric, command
set_spread() {
	name=$1 metric=$2 prog=$3
	shift 3
	i=0 vals=
	while [ "$i" -lt "$runs" ]; do
		v=$("$prog" -o csv "$@" | awk -F, -v m="$metric" 'NR > 1 && $4 == m { print $6 }')
		vals="$vals $v"
		i=$((i + 1))
	done
	echo "$vals" | awk -v n="$name" -v m="$metric" '{
		for (i = 1; i <= NF; i++) { s += $i; v[i] = $i }
		mean = s / NF
		for (i = 1; i <= NF; i++) ss += (v[i] - mean) ^ 2
		sd = NF > 1 ? sqrt(ss / (NF - 1)) : 0
		printf "%-9s %-8s runs=%d mean=%.6g sd=%.4g cv=%.2f%%\n", n, m, NF, mean, sd, 100 * sd / mean
	}'
}

set_spread linpack kflops "$b/linpack/linpack" -t "${LINPACK_TIME:-10}"
set_spread memsweep seconds "$b/memsweep/memsweep"
set_spread forksum seconds "$b/forksum/forksum" 1 10000
