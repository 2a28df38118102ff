#!/bin/sh
# vc-suite records how quiet the machine looked in meta.json's
# "sessions", one entry per session (-r adds one and keeps the
# earlier), and a machine kept busy by other programs is called noisy,
# on stderr and in meta.json, with the reason.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

# check DIR N RUNS: the N-th session's entry, checked for its keys and
# ranges, and for RUNS measured runs on native; prints "noisy" or
# "quiet" and the reasons, or what is wrong.
check() {
	python3 -c 'import json, sys
c = json.load(open(sys.argv[1] + "/meta.json"))["sessions"]
e = c[int(sys.argv[2])]
bad = []
for k in ("steal_percent", "others_before_percent", "others_after_percent"):
    if not (isinstance(e[k], (int, float)) and 0 <= e[k] <= 100):
        bad.append("%s=%r" % (k, e[k]))
if e["mhz_samples"] > 0 and not 0 < e["mhz_min"] <= e["mhz_max"]:
    bad.append("mhz %r..%r" % (e["mhz_min"], e["mhz_max"]))
if len(e["load_start"]) != 3 or len(e["load_end"]) != 3:
    bad.append("load")
t = e["platforms"]["native"]
if not (t["runs"] == int(sys.argv[3]) and 0 <= t["measured_seconds"] <= t["run_seconds"]
        and t["check_seconds"] >= 0 and t["run_seconds"] > 0):
    bad.append("times %r" % t)
if e["noisy"] != (len(e["why"]) > 0):
    bad.append("noisy %r but why %r" % (e["noisy"], e["why"]))
print("sessions=%d" % len(c), "bad: " + " ".join(bad) if bad else
    ("noisy: " + "; ".join(e["why"]) if e["noisy"] else "quiet"))' "$1" "$2" "$3"
}

plan 5
d=$tap_tmp/r
run vc-suite -P quick -p native -b memsweep -n 1 -a memsweep='-s 1M -r 1' -d "$d"
res=$(check "$d" 0 1)
case $rc:$res in
0:sessions=1\ quiet|0:sessions=1\ noisy:*) pass "one session, its figures in range ($res)" ;;
*)	fail "one session, its figures in range" "$rc: $res" ;;
esac
first=$(python3 -c 'import json, sys
print(json.dumps(json.load(open(sys.argv[1]))["sessions"][0]))' "$d/meta.json")

# -r on a finished run measures nothing more but is a session: it adds
# its entry and keeps the first as it was.
run vc-suite -r "$d"
again=$(python3 -c 'import json, sys
print(json.dumps(json.load(open(sys.argv[1]))["sessions"][0]))' "$d/meta.json")
is "$rc:$(check "$d" 1 0 | cut -d' ' -f1):$again" "0:sessions=2:$first" \
    "-r adds a session and keeps the earlier one"

# A busy loop on every CPU, started before and ended after the suite:
# other programs used the CPUs, so the machine looked noisy.
hogs=
for i in $(seq "$(nproc)"); do
	sh -c 'while :; do :; done' &
	hogs="$hogs $!"
done
d2=$tap_tmp/busy
run vc-suite -P quick -p native -b memsweep -n 1 -a memsweep='-s 1M -r 1' -d "$d2"
# shellcheck disable=SC2086
kill $hogs
wait 2>/dev/null
res=$(check "$d2" 0 1)
case $rc:$res in
0:sessions=1\ noisy:*"other programs used"*"before the run"*"after the run"*)
	pass "busy CPUs: noisy, other programs named before and after" ;;
*)	fail "busy CPUs: noisy, other programs named before and after" "$rc: $res" ;;
esac
is "$(printf '%s\n' "$err" | grep -c '^vc-suite: the machine looked noisy: other programs used')" 1 \
    "busy CPUs: one line on stderr says so"
run vc-report "$d2"
is "$rc:$(printf '%s\n' "$out" | grep -c ': noisy: other programs used')" "0:1" \
    "vc-report shows the noisy session without -a"
done_testing
