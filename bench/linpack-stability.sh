#!/bin/sh
# linpack-stability.sh - run-to-run spread (CV) and rate of linpack and
# memsweep beside an anchor, from paired, interleaved runs in this one
# session: round i runs the anchor then ours, so that a busy spell of the
# machine falls on both. Prints each side's median and CV, and the
# median of the rounds' ratios ours/anchor. Run by `make bench`.
#
#   1. linpack -k blocked at n=2000 vs LAPACK's dgesv from Debian's
#      serial (single-thread) OpenBLAS, through bench/dgesv-anchor.c,
#      compiled here; left out, with a note, without liblapacke-dev and
#      libopenblas-serial-dev.
#   2. linpack's classic kernel at n=200 (the quick suite's order) vs the
#      classic netlib C linpack, if LINPACK_C names its source (it is not
#      ours to ship): fed array size 2n, it solves order n with leading
#      dimension 2n, as ours with -l 2n. Without it, the anchor is ours
#      timed by wall clock, as linpack was before it took CPU time: the
#      same runs, the other clock.
#   3. memsweep's wall time vs its CPU time, the same runs; and the
#      course's memsweep.c if MEMSWEEP_C names it (the last number it
#      prints is taken as its seconds).
#
# usage: bench/linpack-stability.sh [rounds]
#   BUILDDIR: where the tools were built; SRCDIR: the source tree;
#   CC: the compiler for the anchors; LINPACK_TIME: linpack's -t (1).
set -eu
rounds=${1:-7}
b=${BUILDDIR:-.}
src=${SRCDIR:-$(dirname "$0")/..}
cc=${CC:-cc}
t=${LINPACK_TIME:-1}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/linpack-stability.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# metric NAME: the value of metric NAME in the CSV record on stdin.
metric() { awk -F, -v m="$1" 'NR > 1 && $4 == m { print $6 }'; }

# show LABEL FILE SCALE UNIT: median and CV of FILE's numbers times SCALE.
show() {
	sort -g "$2" | awk -v l="$1" -v s="$3" -v u="$4" '
	{ v[NR] = $1 * s; sum += $1 * s }
	END {
		if (NR == 0) { printf "  %-34s no runs\n", l; exit }
		med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		mean = sum / NR
		for (i = 1; i <= NR; i++) ss += (v[i] - mean) ^ 2
		sd = NR > 1 ? sqrt(ss / (NR - 1)) : 0
		printf "  %-34s median %9.4g %-7s cv %5.2f%%\n", l, med, u, 100 * sd / mean
	}'
}

# ratio LABEL OURS ANCHOR: the median of the rounds' ratios ours/anchor.
ratio() {
	paste "$2" "$3" | awk '$2 > 0 { print $1 / $2 }' | sort -g | awk -v l="$1" '
	{ v[NR] = $1 }
	END {
		if (NR == 0) exit
		med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "  %-34s %.3f (median of %d paired rounds)\n", l, med, NR
	}'
}

lp=$b/linpack/linpack
ms=$b/memsweep/memsweep

# 1. The fast kernel vs OpenBLAS's dgesv.
echo "== linpack -k blocked vs OpenBLAS dgesv (serial), n=2000, -t $t, CPU time, $rounds rounds"
ma=$($cc -print-multiarch 2>/dev/null || true)
ob=/usr/lib/${ma:-x86_64-linux-gnu}/openblas-serial
if $cc -O2 -I"$src/lib" -o "$tmp/dgesv-anchor" "$src/bench/dgesv-anchor.c" \
    "$b/lib/libvc.a" -lm -llapacke -L"$ob" -Wl,-rpath,"$ob" -lopenblas \
    >"$tmp/cc.log" 2>&1; then
	: >"$tmp/a1" && : >"$tmp/o1"
	i=0
	while [ "$i" -lt "$rounds" ]; do
		"$tmp/dgesv-anchor" 2000 "$t" >>"$tmp/a1"
		"$lp" -k blocked -n 2000 -t "$t" -o csv >"$tmp/rec"
		metric kflops <"$tmp/rec" >>"$tmp/o1"
		i=$((i + 1))
	done
	simd=$(awk -F, 'NR == 2 { print $7 }' "$tmp/rec" | tr ' ' '\n' | sed -n 's/^simd=//p')
	show "anchor: OpenBLAS dgesv" "$tmp/a1" 1e-6 GFLOPS
	show "ours: linpack -k blocked ($simd)" "$tmp/o1" 1e-6 GFLOPS
	ratio "ratio ours/anchor" "$tmp/o1" "$tmp/a1"
else
	echo "  anchor left out: cannot build bench/dgesv-anchor.c against $ob"
	echo "  (apt-get install liblapacke-dev libopenblas-serial-dev): $(head -1 "$tmp/cc.log")"
fi

# 2. The classic kernel at a small order.
n=200
echo
: >"$tmp/a2" && : >"$tmp/o2"
if [ -n "${LINPACK_C:-}" ]; then
	echo "== linpack (classic kernel) vs netlib C linpack ($LINPACK_C), n=$n lda=$((2 * n)), $rounds rounds"
	$cc -O2 -DDP -DUNROLL -o "$tmp/clinpack" "$LINPACK_C" -lm
	i=0
	while [ "$i" -lt "$rounds" ]; do
		printf '%s\nq\n' $((2 * n)) | "$tmp/clinpack" 2>&1 |
		    awk 'NF >= 6 && $NF ~ /^[0-9.]+$/ && $1 ~ /^[0-9]+$/ { k = $NF } END { if (k != "") print k }' >>"$tmp/a2"
		"$lp" -n $n -l $((2 * n)) -t "$t" -o csv | metric kflops >>"$tmp/o2"
		i=$((i + 1))
	done
	show "anchor: netlib C linpack" "$tmp/a2" 1e-6 GFLOPS
	show "ours: linpack" "$tmp/o2" 1e-6 GFLOPS
	ratio "ratio ours/anchor" "$tmp/o2" "$tmp/a2"
else
	echo "== linpack (classic kernel), n=$n -t $t, $rounds runs: CPU time (now) vs wall time (before)"
	echo "  (no LINPACK_C given: set it to the netlib C linpack's source for that anchor)"
	i=0
	while [ "$i" -lt "$rounds" ]; do
		"$lp" -n $n -t "$t" -o csv >"$tmp/rec"
		k=$(metric kflops <"$tmp/rec")
		s=$(metric seconds <"$tmp/rec")
		w=$(metric wall_seconds <"$tmp/rec")
		echo "$k" >>"$tmp/o2"
		echo "$k $s $w" | awk '{ print $1 * $2 / $3 }' >>"$tmp/a2"
		i=$((i + 1))
	done
	show "anchor: the same runs by wall time" "$tmp/a2" 1e-6 GFLOPS
	show "ours: by CPU time" "$tmp/o2" 1e-6 GFLOPS
	ratio "ratio ours/anchor" "$tmp/o2" "$tmp/a2"
fi

# 3. memsweep.
echo
: >"$tmp/a3" && : >"$tmp/o3" && : >"$tmp/w3"
if [ -n "${MEMSWEEP_C:-}" ]; then
	echo "== memsweep vs the course's memsweep.c ($MEMSWEEP_C), $rounds rounds"
	$cc -O2 -o "$tmp/cmemsweep" "$MEMSWEEP_C"
else
	echo "== memsweep, $rounds runs: wall time vs CPU time, the same runs"
	echo "  (no MEMSWEEP_C given: set it to the course's memsweep.c for that anchor)"
fi
i=0
while [ "$i" -lt "$rounds" ]; do
	if [ -n "${MEMSWEEP_C:-}" ]; then
		"$tmp/cmemsweep" 2>&1 | tr -cs '0-9.' '\n' | grep -E '^[0-9]*\.[0-9]+$' | tail -1 >>"$tmp/a3"
	fi
	"$ms" -o csv >"$tmp/rec"
	metric seconds <"$tmp/rec" >>"$tmp/w3"
	metric cpu_seconds <"$tmp/rec" >>"$tmp/o3"
	i=$((i + 1))
done
if [ -n "${MEMSWEEP_C:-}" ]; then
	show "anchor: course memsweep.c" "$tmp/a3" 1 s
	show "ours: memsweep, wall time" "$tmp/w3" 1 s
	ratio "ratio ours/anchor" "$tmp/w3" "$tmp/a3"
else
	show "memsweep, wall time (seconds)" "$tmp/w3" 1 s
	show "memsweep, CPU time (cpu_seconds)" "$tmp/o3" 1 s
	ratio "ratio wall/CPU" "$tmp/w3" "$tmp/o3"
fi
