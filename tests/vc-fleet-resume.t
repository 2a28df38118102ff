#!/bin/sh
# A host whose remote vc-suite is killed mid-run is recorded as failed
# with what it measured fetched; -r then gives its results back to it
# and runs vc-suite -r there, which measures only the missing cells,
# and leaves the complete host alone.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"

plan 10
sshd_start
own_tmpdir
d=$tap_tmp/fleet
# -j 1: alpha runs alone first, so the one remote directory is its.
vc-fleet -F "$ssh_config" -j 1 -H alpha,beta -d "$d" -- -P quick \
    -p native -b memsweep -n 6 >"$tap_tmp/out" 2>"$tap_tmp/err" &
fleet=$!
# Once alpha has measured two reps, its vc-suite is killed (-r measures
# again a lone last record, which it cannot compare with another).
until [ "$(cat "$remote_tmp"/vc-fleet.*/results/results.csv 2>/dev/null |
    grep -c ',memsweep,seconds,')" -ge 2 ]; do
	sleep 0.1
done
pkill -KILL -f "^vc-suite -P quick .* -d $remote_tmp/vc-fleet\.[^/]*/results\$"
wait "$fleet"
rc=$?
is "$rc:$(cat "$tap_tmp/out")" "1:$d" "alpha failed: exit 1"
case $(cat "$tap_tmp/err") in
*"vc-fleet: alpha: run died"*) pass "alpha's death is reported" ;;
*)	fail "alpha's death is reported" "$(cat "$tap_tmp/err")" ;;
esac
before=$(sed 1d "$d/hosts/alpha/results.csv" | wc -l)
full=$(sed 1d "$d/hosts/beta/results.csv" | wc -l)
ok_if "what alpha measured before it died is fetched" \
    [ "$before" -gt 0 ] && [ "$before" -lt "$full" ]
cp "$d/hosts/alpha/results.csv" "$tap_tmp/alpha-before.csv"
cp "$d/hosts/beta/results.csv" "$tap_tmp/beta-before.csv"

run vc-fleet -F "$ssh_config" -r "$d"
is "$rc:$out" "0:$d" "-r completes the fleet: exit 0"
is "$(sed 1d "$d/hosts/alpha/results.csv" | wc -l)" "$full" \
    "alpha now has every row of the matrix"
is "$(head -n $((before + 1)) "$d/hosts/alpha/results.csv" |
    cmp - "$tap_tmp/alpha-before.csv" && echo kept)" kept \
    "its earlier rows are kept as they were (only the missing ones measured)"
is "$(sed 1d "$d/hosts/alpha/results.csv" | cut -d, -f5,8 | sort | uniq -d)" \
    "" "no cell was measured twice"
ok_if "the complete host was left alone" \
    cmp -s "$d/hosts/beta/results.csv" "$tap_tmp/beta-before.csv"
is "$(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))
print([(h["name"], h["status"]) for h in f["hosts"]])
' "$d/fleet.json") $(ls -A "$remote_tmp")" \
    "[('alpha', 'complete'), ('beta', 'complete')] " \
    "fleet.json: both complete; no remote directory left"
cp "$d/results.csv" "$tap_tmp/merged.csv"
run vc-fleet -F "$ssh_config" -r "$d"
is "$rc:$out:$(cmp "$d/results.csv" "$tap_tmp/merged.csv" && echo same)" \
    "0:$d:same" "-r of a complete fleet run measures nothing: exit 0"
done_testing
