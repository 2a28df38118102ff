#!/bin/sh
# An unavailable platform is skipped with its reason, shown and recorded;
# the others still run.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 5
d=$tap_tmp/r
VIRTCOST_ENGINE=no-such-engine
export VIRTCOST_ENGINE
run vc-suite -P quick -p native,container -b forksum -n 1 -a forksum='1 10' -d "$d"
is "$rc" 0 "the suite succeeds on the platforms it has"
case $err in *"skipping container: vc-container: VIRTCOST_ENGINE=no-such-engine: use docker or podman"*)
	pass "the skip and its reason are shown" ;;
*) fail "the skip and its reason are shown" "$err" ;; esac
reason=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["platforms"]["container"]["skipped"])' "$d/meta.json")
case $reason in *"VIRTCOST_ENGINE=no-such-engine: use docker or podman"*) pass "the reason is recorded in meta.json" ;;
*) fail "the reason is recorded in meta.json" "$reason" ;; esac
is "$(cut -d, -f3 "$d/results.csv" | sort -u | tr '\n' ' ')" "native platform " "native still ran"
run vc-report "$d"
case $(printf '%s\n' "$out" | grep '^container ') in
"container  skipped: vc-container: VIRTCOST_ENGINE=no-such-engine: use docker or podman"*)
	pass "vc-report shows the skipped platform's row" ;;
*) fail "vc-report shows the skipped platform's row" "$out" ;; esac
done_testing
