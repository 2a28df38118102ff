#!/bin/sh
# A host that refuses the connection is reported in one line with its
# reason and recorded as failed; the other host completes; exit 1.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"

plan 9
sshd_start
own_tmpdir
d=$tap_tmp/fleet
# A staging directory of a vc-fleet killed with SIGKILL (a dead owner).
mkdir "$TMPDIR/vc-fleet.dead01"
echo "999999999 1" >"$TMPDIR/vc-fleet.dead01/.vc-owner"
run vc-fleet -F "$ssh_config" -H closed,alpha -d "$d" -- -P quick \
    -p native -b forksum -n 1
is "$rc:$out" "1:$d" "a host failed: exit 1, the directory on stdout"
is "$(printf '%s\n' "$err" | grep -v "^alpha: \|^$d: ")" \
    "vc-fleet: closed: unreachable: ssh: connect to host 127.0.0.1 port $closed_port: Connection refused" \
    "the unreachable host, in one line with ssh's reason"
is "$(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))
print([(h["name"], h["status"], (h["reason"] or "")[:12]) for h in f["hosts"]])
' "$d/fleet.json")" \
    "[('closed', 'failed', 'unreachable:'), ('alpha', 'complete', '')]" \
    "fleet.json: closed failed as unreachable, alpha complete"
is "$(sed 1d "$d/results.csv" | cut -d, -f2,3,4,8 | sort -u)" \
    "alpha,native,forksum,1" "the other host's results are merged"
is "$(ls -A "$d/hosts")" "alpha" "nothing was fetched from the closed host"
is "$(ls -A "$TMPDIR")" "" \
    "a dead vc-fleet's staging directory is swept, its own removed"
# Without -d: results/STAMP, as vc-suite's, with results/latest.
mkdir "$tap_tmp/w"
out=$(cd "$tap_tmp/w" && vc-fleet -F "$ssh_config" -H closed 2>/dev/null)
case $out in
results/[0-9]*-[0-9]*)
	is "$(readlink "$tap_tmp/w/results/latest") $(ls "$tap_tmp/w/$out")" \
	    "${out#results/} fleet.json" \
	    "without -d: results/STAMP, results/latest names it" ;;
*)	fail "without -d: results/STAMP, results/latest names it" "$out" ;;
esac
# The host comes up (its alias now names the sshd): -r runs it afresh
# with the recorded vc-suite options, as it has nothing to resume.
sed "s/Port $closed_port\$/Port $sshd_port/" "$ssh_config" >"$ssh_config.new"
mv "$ssh_config.new" "$ssh_config"
cp "$d/hosts/alpha/results.csv" "$tap_tmp/alpha.csv"
run vc-fleet -F "$ssh_config" -r "$d"
is "$rc:$(sed 1d "$d/results.csv" | cut -d, -f2,3,4,8 | sort -u |
    tr '\n' ' ')" "0:alpha,native,forksum,1 closed,native,forksum,1 " \
    "-r: the host that was down runs the recorded matrix; exit 0"
ok_if "-r: the complete host is left alone" \
    cmp -s "$d/hosts/alpha/results.csv" "$tap_tmp/alpha.csv"
done_testing
