#!/bin/sh
# linpack -k blocked, the fast kernel: it passes the same self-check as
# the classic kernel at orders around its blocking, records its kernel
# and SIMD kernel, runs each SIMD kernel the CPU has
# and refuses one it lacks.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 9

# check: "kernel:simd:residual<100" of the run in $out.
check() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x["value"] for x in r["metrics"]}
p = r["params"]
print(p.get("kernel"), p.get("simd"), m["residual_normalised"] < 100, sep=":")'
}

# Orders around the blocking: below, at and past 16 columns (the small
# case), odd, and past one packed block of rows (192) and depth (256).
for n in 2 17 33 301; do
	run linpack -k blocked -n $n -l $((n + 3)) -t 0 -o json
	case $rc in
	0) is "$rc:$(check | cut -d: -f1,3)" "0:blocked:True" "order $n, lda $((n + 3)): checks out" ;;
	*) fail "order $n" "rc=$rc" "$err" ;;
	esac
done

# Each SIMD kernel: run where the CPU has it, refused (exit 2) where not.
flags=$(grep -m1 '^flags' /proc/cpuinfo)
has() { case " $flags " in *" $1 "*) true ;; *) false ;; esac; }
for s in avx512 avx2 base; do
	case $s in
	avx512) has avx512f && has fma ;;
	avx2) has avx2 && has fma ;;
	base) true ;;
	esac && want=yes || want=no
	run linpack -k blocked -s $s -n 200 -t 0 -o json
	if [ $want = yes ]; then
		is "$rc:$(check)" "0:blocked:$s:True" "-s $s: the CPU has it, it checks out"
	else
		is "$rc:$out" "2:" "-s $s: the CPU lacks it, refused"
	fi
done

usage_error "-s without -k blocked" linpack -s base
usage_error "unknown kernel" linpack -k lapack
done_testing
