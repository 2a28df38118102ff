#!/bin/sh
# vc-report -b BASE NEW: known data with exact numbers. An unchanged
# pair has no significant mark; qemu 20% slower is marked, worse, and
# -g 5 fails while -g 50 passes; linpack faster is better; cells of one
# run are listed; other work between the runs gives no change; CSV and
# JSON carry the same rows; bad input exits 2 with one line.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 21

# mk DIR QEMU_FACTOR LINPACK_FACTOR PLATFORMS ORDER: memsweep seconds
# on native (about 10 s) and qemu (about 100 s times QEMU_FACTOR),
# linpack kflops on native (times LINPACK_FACTOR) with its order, on
# each of PLATFORMS besides.
mk() {
	mkdir -p "$1"
	{
		echo time,host,platform,benchmark,metric,unit,value,rep
		awk -v q="$2" -v l="$3" -v plats="$4" -v order="$5" 'BEGIN {
			split("1.00 1.02 0.98 1.01 0.99", f, " ")
			np = split(plats, p, " ")
			for (i = 1; i <= 5; i++) {
				t = sprintf("2026-11-27T03:%02d:00Z", i)
				printf "%s,h,native,memsweep,seconds,s,%.4f,%d\n", t, 10 * f[i], i
				printf "%s,h,qemu,memsweep,seconds,s,%.4f,%d\n", t, 100 * q * f[i], i
				printf "%s,h,native,linpack,kflops,KFLOPS,%.1f,%d\n", t, 1000 * l * f[i], i
				printf "%s,h,native,linpack,order,,%s,%d\n", t, order, i
				for (j = 1; j <= np; j++)
					printf "%s,h,%s,memsweep,seconds,s,%.4f,%d\n", t, p[j], 11 * f[i], i
			}
		}'
	} >"$1/results.csv"
}
b=$tap_tmp/base
mk "$b" 1 1 container 200
mk "$tap_tmp/same" 1 1 container 200
mk "$tap_tmp/slow" 1.2 1.3 kvm 200
mk "$tap_tmp/other" 1.2 1 container 500

# qemu's change, worked by hand: sd of the factors 0.015811, so sd 1.5811
# (base) and 1.8974 (new), se = sqrt(1.5811^2/5 + 1.8974^2/5) = 1.1045,
# Welch df = 1.22^2 / (0.5^2/4 + 0.72^2/4) = 7.748, t(0.975) = 2.32:
# 20 -/+ 2.56 of 100, so [+17.4%, +22.6%].

# cells BASE NEW BENCHMARK FIELD...: -f csv's FIELDs of BENCHMARK's
# rows, one line per row, an empty field shown as ".".
cells() {
	_b=$1 _n=$2 _bench=$3
	shift 3
	vc-report -f csv -b "$_b" "$_n" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["benchmark"] == sys.argv[1]:
        print(" ".join(r[f] or "." for f in sys.argv[2:]))
' "$_bench" platform "$@"
}

run vc-report -b "$b" "$tap_tmp/same"
is "$rc:$err" "0:" "an unchanged pair: exit 0, nothing on stderr"
is "$(cells "$b" "$tap_tmp/same" memsweep change significant verdict)" "native 0 0 .
container 0 0 .
qemu 0 0 ." "an unchanged pair: 0%, not significant, no verdict"
case $(printf '%s\n' "$out" | grep -v '^sig: ') in
*"*"*) fail "text: no mark" "$out" ;; *) pass "text: no mark" ;; esac

is "$(cells "$b" "$tap_tmp/slow" memsweep status base_mean new_mean change significant verdict)" \
    "native both 10 10 0 0 .
container base_only 11 . . 0 .
qemu both 100 120 20 1 worse
kvm new_only . 11 . 0 ." \
    "qemu 20% slower: significant, worse; the cells of one run listed"
run vc-report -b "$b" "$tap_tmp/slow"
is "$(printf '%s\n' "$out" | sed -n '/^memsweep/,/^$/p' | sed 's/  */ /g')" \
    "memsweep: seconds (s), lower is better
platform base n base mean new n new mean change change 95% CI sig verdict base ratio new ratio ratio change
native 5 10.000 5 10.000 +0.0% [-2.3%, +2.3%] 1.000 1.000 +0
container only in the base run
qemu 5 100.00 5 120.00 +20.0% [+17.4%, +22.6%] * worse 10.00 [9.772, 10.23] 12.00 [11.73, 12.28] +2
kvm only in the new run" "text: the change, its CI, the mark, the verdict, each run's ratio to native with its CI, and its change"
is "$(cells "$b" "$tap_tmp/slow" linpack change significant verdict)" \
    "native 30 1 better" "linpack 30% more kflops: better"

run vc-report -g 5 -b "$b" "$tap_tmp/slow"
is "$rc:$(printf '%s\n' "$err" | wc -l)" "1:1" "-g 5: a 20% regression exits 1, one line"
case $err in "vc-report: 1 significant regression beyond 5%: memsweep seconds on qemu +20.0% ["*) pass "-g 5: the line names it" ;;
*) fail "-g 5: the line names it" "$err" ;; esac
case $out in *"qemu "*"+20.0%"*) pass "-g 5: the report is written all the same" ;;
*) fail "-g 5: the report is written all the same" "$out" ;; esac
run vc-report -g 50 -b "$b" "$tap_tmp/slow"
is "$rc:$err" "0:" "-g 50: a 20% regression passes"
run vc-report -g 0 -b "$b" "$tap_tmp/same"
is "$rc" 0 "-g 0: an unchanged pair passes"

# Another linpack order in the new run: no change for it, and why.
run vc-report -g 5 -m kflops -b "$b" "$tap_tmp/other"
is "$rc:$(cells "$b" "$tap_tmp/other" linpack change verdict note)" \
    "0:native . . unequal work: order 500 vs 200 (new vs base)" \
    "other work between the runs: no change, the reason, no regression"

# CSV and JSON: the same rows, names and values.
vc-report -f csv -b "$b" "$tap_tmp/slow" >"$tap_tmp/c"
vc-report -f json -b "$b" "$tap_tmp/slow" >"$tap_tmp/j"
is "$(python3 - "$tap_tmp/c" "$tap_tmp/j" <<'PY'
import csv, json, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
doc = json.load(open(sys.argv[2]))
assert doc["schema"] == 1 and doc["kind"] == "comparison"
assert len(rows) == len(doc["rows"])
for c, j in zip(rows, doc["rows"]):
    assert list(c) == list(j)
    for k in c:
        x = j[k]
        if x is None:
            assert c[k] == "", k
        elif isinstance(x, bool):
            assert c[k] == str(int(x)), k
        elif isinstance(x, (int, float)):
            assert math.isclose(float(c[k]), x, rel_tol=1e-9), k
        else:
            assert c[k] == x, k
q = [r for r in doc["rows"] if r["platform"] == "qemu"][0]
print(len(rows), [r["status"] for r in doc["rows"]], float(q["change"]),
      q["significant"], q["verdict"], float(q["ratio_change"]))
PY
)" "5 ['both', 'both', 'base_only', 'both', 'new_only'] 20.0 True worse 2.0" \
    "CSV and JSON: the same rows and values"
run vc-report -f markdown -b "$b" "$tap_tmp/slow"
case $out in *"| qemu | 5 | 100.00 | 5 | 120.00 | +20.0% | [+"*"] | * | worse |"*) pass "Markdown: the row" ;;
*) fail "Markdown: the row" "$out" ;; esac

# A real run, against itself: every change 0, nothing significant.
d=$tap_tmp/run
run vc-suite -q -p native -b memsweep -a memsweep='-s 1M -r 1' -n 3 -w 0 -d "$d"
is "$rc" 0 "vc-suite measures memsweep on native"
run vc-report -a -g 0 -f csv -b "$d" "$d"
is "$rc:$(printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows) > 3, {(r["status"], r["change"], r["significant"], r["verdict"]) for r in rows})
')" "0:True {('both', '0', '0', '')}" "a real run against itself: every metric 0%, none significant, -g 0 passes"

usage_error "one directory with -b: exit 2" vc-report -b "$b"
usage_error "-g 5x: exit 2" vc-report -g 5x -b "$b" "$tap_tmp/slow"
usage_error "-g without -b: exit 2" vc-report -g 5 "$b"
usage_error "-b with -f html: exit 2" vc-report -f html -b "$b" "$tap_tmp/slow"
usage_error "a base that does not exist: exit 2, one line" \
    vc-report -b "$tap_tmp/nope" "$tap_tmp/slow"
done_testing
