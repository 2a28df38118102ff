#!/bin/sh
# vc-merge on hosts measured by real vc-suite runs: every row of every
# host, hosts in byte order of their names, host = NAME; failures with
# a host column; meta.json lists the hosts and their own meta.json. The
# same files again on a second merge, nothing else left in the directory.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3 jq

plan 12
f=$tap_tmp/fleet
mkdir -p "$f/hosts"
# node9 measured first, node10 sorts first (byte order); node10 has a
# failed cell.
run vc-suite -P quick -p native -b forksum -n 2 -a forksum='1 10' \
    -d "$f/hosts/node9"
is "$rc" 0 "a real vc-suite run on host node9"
run vc-suite -P quick -p native -b forksum,diskwrite -n 2 \
    -a forksum='1 10' -a diskwrite='-d /nonexistent -s 1M -t 1' \
    -d "$f/hosts/node10"
is "$rc" 1 "and one on node10, with a failed cell"

run vc-merge "$f"
is "$rc:$out:$err" "0:$f: 2 hosts, 20 rows, 2 failures:" \
    "merged: exit 0, one line says what"

# The merged rows are the hosts' rows, in order, host set to NAME.
is "$(python3 - "$f" <<'PY'
import csv, sys
d = sys.argv[1]
def rows(p):
    return list(csv.reader(open(p, newline="")))
for name in ("results.csv", "failures.csv"):
    got = rows(f"{d}/{name}")
    want = []
    for h in ("node10", "node9"):
        try:
            r = rows(f"{d}/hosts/{h}/{name}")
        except FileNotFoundError:
            continue
        col = r[0].index("host")
        assert r[0] == got[0], (r[0], got[0])
        for row in r[1:]:
            row[col] = h
            want.append(row)
    assert got[1:] == want, (name, got[1:3], want[:2])
    print(name, got[0][-1], len(want))
PY
)" "results.csv variant 20
failures.csv host 2" "every row of each host, in byte order of NAME, host = NAME"
is "$(cut -d, -f2 "$f/results.csv" | uniq | tr '\n' ' ')" "host node10 node9 " \
    "results.csv: node10's rows, then node9's"
is "$(awk -F, 'NR > 1 { print $NF }' "$f/failures.csv" | sort -u)" node10 \
    "failures.csv: the failed cell's rows, host node10 last"

is "$(jq -r --arg h "$(hostname)" '[.schema, .kind, (.merged | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")),
    (.hosts[] | .name, (.hostname == $h), .status, .reason)] | map(tostring) | join(" ")' "$f/meta.json")" \
    "1 fleet true node10 true complete null node9 true complete null" \
    "meta.json: kind fleet, the hosts in order, their hostname, complete"
is "$(python3 - "$f" <<'PY'
import json, sys
d = sys.argv[1]
m = json.load(open(f"{d}/meta.json"))
for h in m["hosts"]:
    assert h["meta"] == json.load(open(f"{d}/hosts/{h['name']}/meta.json")), h["name"]
print("same")
PY
)" same "each host's meta.json whole, as \"meta\""

sums=$(cd "$f" && md5sum results.csv failures.csv meta.json)
sleep 1
run vc-merge "$f"
is "$rc:$(cd "$f" && md5sum results.csv failures.csv meta.json)" "0:$sums" \
    "merged again a second later: the same three files"
is "$(ls -A "$f" | tr '\n' ' ')" "failures.csv hosts meta.json results.csv " \
    "no temporary file left"

# vc-report reads a merged fleet; one host here (two hosts' rows of a
# cell are the host x platform report's).
mkdir -p "$tap_tmp/one/hosts"
cp -R "$f/hosts/node9" "$tap_tmp/one/hosts/node9"
vc-merge "$tap_tmp/one" >/dev/null
run vc-report "$tap_tmp/one"
is "$rc:$(printf '%s\n' "$out" | grep -c 'forksum')" "0:1" \
    "vc-report reads a merged directory"
run vc-report -f json "$tap_tmp/one"
is "$rc" 0 "vc-report -f json too"
done_testing
