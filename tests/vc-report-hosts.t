#!/bin/sh
# vc-report on a fleet directory (hosts/NAME/ and a merged results.csv,
# meta.json of kind "fleet"): a row per host and column, each host's
# ratio to its own native, or with -R HOST to that host's same
# platform; skips and failures per host; a host that failed listed
# with its reason; -b refused. Known data (report-data.sh, fleet_results):
# a: native 10 11 12, qemu 300 310 320 -> qemu/native = 310/11 = 28.18
# b: native 20 22 24, qemu 100 110 120 -> qemu/native = 110/22 = 5.000
# -R a: b/native = 22/11 = 2.000, b/qemu = 110/310 = 0.3548
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd python3

plan 18
d=$tap_tmp/fleet
fleet_results "$d"

run vc-report "$d"
is "$rc:$err" "0:" "vc-report reads a fleet directory"
is "$(printf '%s\n' "$out" | sed -n '1,8p')" "memsweep: seconds (s), lower is better
platform  n     mean   median    sd      min      max    cv              95% CI  ratio    ratio 95% CI  outliers
a/native  3   11.000   11.000  1.00   10.000   12.000  9.1%     [8.516, 13.484]  1.000               -  0
a/kvm     skipped: no usable /dev/kvm
a/qemu    3  310.000  310.000  10.0  300.000  320.000  3.2%  [285.159, 334.841]  28.18  [23.40, 35.02]  0
b/native  3   22.000   22.000  2.00   20.000   24.000  9.1%    [17.032, 26.968]  1.000               -  0
b/qemu    3  110.000  110.000  10.0  100.000  120.000  9.1%   [85.159, 134.841]  5.000  [4.061, 6.156]  0
b/qemu: 1 of 4 reps failed (rep 4): vc-qemu: guest did not boot" \
    "a row per host and platform, each host's ratio to its own native; a's skip and b's failure are theirs"
is "$(printf '%s\n' "$out" | grep '^ratio:')" "ratio: HOST/PLATFORM mean / HOST/native mean, each host's own native; its CI by Fieller's theorem (Welch-Satterthwaite df)." \
    "the legend says whose native"
is "$(printf '%s\n' "$out" | sed -n '/^hosts (/,$p')" "hosts (how each host's run ended, its machine):
a: complete; a.example, CPU a, 2 CPUs
b: complete; b.example, CPU b, 4 CPUs
c: failed: ssh: connect to host c port 22: Connection refused" \
    "each host with its status and machine; the host that failed with its reason"

# ratios PLATFORM RATIO RATIO-CI per row of the first table.
ratios() {
	printf '%s\n' "$out" | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n\n")[0].splitlines()[1:]
head = re.split(r"\s{2,}", lines[0].strip())
for l in lines[1:]:
    f = re.split(r"\s{2,}", l.strip())
    if len(f) == len(head):
        print(f[0], f[head.index("ratio")], f[head.index("ratio 95% CI")])
'
}
run vc-report -R a "$d"
is "$rc:$(ratios)" "0:a/native 1.000 -
a/qemu 1.000 -
b/native 2.000 [1.625, 2.462]
b/qemu 0.3548 [0.2855, 0.4273]" "-R a: each platform of b against a's same platform"
run vc-report -R b "$d"
is "$(ratios)" "a/native 0.5000 [0.4061, 0.6156]
a/qemu 2.818 [2.340, 3.502]
b/native 1.000 -
b/qemu 1.000 -" "-R b: a against b (11/22, 310/110)"
usage_error "-R of a host that is not there" vc-report -R zz "$d"

run vc-report -f csv "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(list(rows[0].keys())[-1])
for r in rows:
    print(r["host"], r["platform"], r["status"], r["ratio"][:5])
')" "host
a native ok 1
a kvm skipped 
a qemu ok 28.18
b native ok 1
b qemu partial 5" "csv: platform and host apart, host the last column"

run vc-report -f json "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sorted({r["host"] for r in d["rows"]}))
print([(h["name"], h["status"], h["reason"]) for h in d["hosts"]])
print([(s["host"], s["platform"]) for s in d["skipped"]])
print([(f["host"], f["platform"], f["rep"]) for f in d["failures"]])
')" "['a', 'b']
[('a', 'complete', None), ('b', 'complete', None), ('c', 'failed', 'ssh: connect to host c port 22: Connection refused')]
[('a', 'kvm')]
[('b', 'qemu', 4)]" "json: rows, skips and failures with their host; the hosts with their status"

run vc-report -x -o "$tap_tmp/x" "$d"
is "$rc:$out" "0:$tap_tmp/x/a/native-memsweep.csv
$tap_tmp/x/a/qemu-memsweep.csv
$tap_tmp/x/b/native-memsweep.csv
$tap_tmp/x/b/qemu-memsweep.csv" "-x: each host's classic files in a directory of its own"
is "$(cat "$tap_tmp/x/b/qemu-memsweep.csv")" "time,value
2026-11-27T03:01:00Z,100
2026-11-27T03:02:00Z,110
2026-11-27T03:03:00Z,120" "-x: a host's file is the classic time,value"

usage_error "-b with a fleet directory" vc-report -b "$d" "$d"
run vc-report -b "$d" "$d"
is "$err" "vc-report: -b compares two runs of one host; $d holds 3 hosts" "-b says why"

# One host in a fleet directory looks as that host's own directory.
one=$tap_tmp/one
mkdir -p "$one"
cp -R "$d/hosts" "$one/"
rm -rf "$one/hosts/b"
cp "$d/hosts/a/results.csv" "$one/results.csv"
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
m["hosts"] = m["hosts"][:1]
json.dump(m, open(sys.argv[2], "w"))
' "$d/meta.json" "$one/meta.json"
run vc-report "$one"
is "$rc:$out" "0:$(vc-report "$d/hosts/a")" "a fleet of one host: no host dimension, as its own directory"

run vc-report -f html "$d"
is "$rc:$(printf '%s\n' "$out" | grep -o '<h3>Host [a-c]</h3>' | tr '\n' ' ')" "0:<h3>Host a</h3> <h3>Host b</h3> <h3>Host c</h3> " \
    "html: each host's machine under its name"
run vc-report -f html "$one"
ok_if "html of a fleet of one host: that host's machine, as its own directory's" \
    sh -c 'printf "%s\n" "$1" | grep -q "on host <strong>a.example</strong> (CPU a, 2 CPUs)"' sh "$out"
run vc-report -f html -R b "$d"
ok_if "html -R b: the overhead section names the reference host" \
    sh -c 'printf "%s\n" "$1" | grep -q "<h2>Overhead relative to host b</h2>"' sh "$out"
usage_error "-R of the host that failed, which has no results" vc-report -R c "$d"
