#!/bin/sh
# The path end to end: two real vc-suite runs (native, forksum) as two
# hosts' directories, reported together and as a fleet directory built
# in the fleet format (hosts/NAME/, results.csv with the host column
# NAME, meta.json of kind "fleet" keeping each host's meta.json).
# Both runs are on this machine, so the two directories give one host
# name: NAME@BASE tells them apart.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3 gnuplot

plan 8
for h in left right; do
	run vc-suite -q -p native -b forksum -a forksum='1 1000' -n 2 -w 0 \
	    -d "$tap_tmp/$h"
	is "$rc" 0 "vc-suite measures forksum on native as host $h"
done
me=$(sed -n '2s/^[^,]*,\([^,]*\),.*/\1/p' "$tap_tmp/left/results.csv")

run vc-report "$tap_tmp/left" "$tap_tmp/right"
is "$rc:$(printf '%s\n' "$out" | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n\n")[0].splitlines()[1:]
head = re.split(r"\s{2,}", lines[0].strip())
for l in lines[1:]:
    f = re.split(r"\s{2,}", l.strip())
    print(f[0], f[1], f[head.index("ratio")])
')" \
    "0:$me@left/native 2 1.000
$me@right/native 2 1.000" "vc-report of the two directories: a row per host, each its own native"

# The same runs as a fleet directory: hosts/left, hosts/right.
f=$tap_tmp/fleet
mkdir -p "$f/hosts"
cp -R "$tap_tmp/left" "$tap_tmp/right" "$f/hosts/"
python3 - "$f" <<'EOP'
import csv, json, os, sys
f = sys.argv[1]
rows, hosts = [], []
for name in ("left", "right"):
    d = os.path.join(f, "hosts", name)
    with open(os.path.join(d, "results.csv"), newline="") as fp:
        r = list(csv.reader(fp))
    head = r[0]
    for row in r[1:]:
        row[1] = name
        rows.append(row)
    meta = json.load(open(os.path.join(d, "meta.json")))
    hosts.append({"name": name, "hostname": meta.get("host"),
                  "status": "complete", "reason": None, "meta": meta})
with open(os.path.join(f, "results.csv"), "w", newline="") as fp:
    w = csv.writer(fp, lineterminator="\n")
    w.writerow(head)
    w.writerows(rows)
hosts.append({"name": "down", "hostname": None, "status": "failed",
              "reason": "ssh: Could not resolve hostname down", "meta": None})
json.dump({"schema": 1, "kind": "fleet", "merged": "2026-12-06T00:00:00Z",
           "hosts": hosts}, open(os.path.join(f, "meta.json"), "w"))
EOP
run vc-report -f csv "$f"
is "$rc:$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["host"], r["platform"], r["metric"], r["n"], r["ratio"])
')" "0:left native seconds 2 1
right native seconds 2 1" "the fleet directory: a row per host, the host in its column"
run vc-report -R left "$f"
ok_if "-R left: right's native against left's native, a ratio with its CI" \
    sh -c 'printf "%s\n" "$1" | grep -q "^right/native  *2 .*\[.*\]  *0$"' sh "$out"
is "$(printf '%s\n' "$out" | grep '^down:')" "down: failed: ssh: Could not resolve hostname down" \
    "the failed host is listed with its reason"
run vc-report -f html "$f"
ok_if "html: each host's machine and the suite it ran" sh -c '
	printf "%s\n" "$1" | grep -q "<h3>Host left</h3>" &&
	printf "%s\n" "$1" | grep -q "<h3>Host right</h3>" &&
	printf "%s\n" "$1" | grep -q "The suite on right, as it was started"' sh "$out"
run vc-plot -o "$tap_tmp/charts" "$f"
is "$rc:$(ls "$tap_tmp/charts" | tr '\n' ' ')" "0:forksum.png forksum.svg " \
    "vc-plot draws the fleet (one platform: no overhead chart)"
