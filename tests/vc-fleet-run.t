#!/bin/sh
# Two hosts (two aliases of a real sshd of the test's own) run a small
# matrix in parallel: each host's results land in DIR/hosts/NAME, the
# merged results.csv holds both, the remote stderr comes prefixed with
# the host's name, and nothing is left there or here.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"

plan 10
sshd_start
own_tmpdir
d=$tap_tmp/fleet
run vc-fleet -F "$ssh_config" -H alpha,beta -d "$d" -- -P quick -p native \
    -b forksum,memsweep -n 2
is "$rc:$out" "0:$d" "both hosts complete: exit 0, the directory on stdout"
for h in alpha beta; do
	is "$(sed 1d "$d/hosts/$h/results.csv" | cut -d, -f3,4,8 | sort -u |
	    tr '\n' ' ')" \
	    "native,forksum,1 native,forksum,2 native,memsweep,1 native,memsweep,2 " \
	    "$h: its own results.csv, every cell measured"
done
is "$(sed 1d "$d/results.csv" | cut -d, -f2 | sort | uniq -c |
    awk '{ print $2 }' | tr '\n' ' ')" "alpha beta " \
    "the merged results.csv names both hosts"
is "$(sed 1d "$d/results.csv" | wc -l)" \
    "$(($(sed 1d "$d/hosts/alpha/results.csv" | wc -l) + \
    $(sed 1d "$d/hosts/beta/results.csv" | wc -l)))" \
    "every row of both hosts is merged"
is "$(python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))
print(f["schema"], f["suite_args"], [(h["name"], h["status"], h["reason"]) for h in f["hosts"]])
' "$d/fleet.json")" \
    "1 ['-P', 'quick', '-p', 'native', '-b', 'forksum,memsweep', '-n', '2'] [('alpha', 'complete', None), ('beta', 'complete', None)]" \
    "fleet.json: the suite's options, both hosts complete"
case $err in
*"alpha: vc-suite: ["*"beta: vc-suite: ["*|*"beta: vc-suite: ["*"alpha: vc-suite: ["*)
	pass "each host's progress comes prefixed with its name" ;;
*)	fail "each host's progress comes prefixed with its name" "$err" ;;
esac
is "$(printf '%s\n' "$err" | grep -v '^alpha: \|^beta: ')" \
    "$d: 2 hosts, 40 rows, 0 failures" \
    "nothing on stderr but the hosts' own lines and vc-merge's summary"
is "$(ls -A "$remote_tmp")" "" "no remote directory is left"
is "$(ls -A "$TMPDIR")" "" "no local temporary file is left"
done_testing
