#!/bin/sh
# The vc-suite options reach the remote vc-suite word for word, whatever
# they hold: quotes, $(...), backquotes and ; are never code for the
# remote shell.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/sshd.sh"

plan 4
sshd_start
d=$tap_tmp/fleet
p=$tap_tmp/pwned
hostile="'\$(touch\${IFS}$p.1)'\"\`touch\${IFS}$p.2\`\";touch\${IFS}$p.3;'"
run vc-fleet -F "$ssh_config" -H alpha -d "$d" -- -P quick -p native \
    -b forksum -n 1 -a "forksum=1 $hostile"
is "$(ls "$tap_tmp" | grep -c pwned)" 0 "nothing in the words ran"
is "$rc" 1 "forksum refused the word: the host failed, exit 1"
case $err in
*"alpha: "*"$hostile"*) pass "the word reached forksum as it was given" ;;
*)	fail "the word reached forksum as it was given" "$err" ;;
esac
is "$(python3 -c '
import json, sys
print(json.load(open(sys.argv[1]))["suite_args"][-1])' "$d/fleet.json")" \
    "forksum=1 $hostile" "fleet.json keeps the word as it was given"
done_testing
