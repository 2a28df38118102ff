#!/bin/sh
# suite-time.sh - does the quick suite spend its time measuring? Runs
# `vc-suite -P quick` on every platform this machine has (or with the
# vc-suite options given, e.g. -p native,qemu) into a temporary
# directory, and prints from its meta.json where the time went: per
# platform its runs, their wall time, the benchmarks' measured work in
# it and the overhead per run, then the whole session's measured share
# beside the goal (80%) and whether the machine looked quiet.
# Run by `make bench`; BUILDDIR is the build tree.
set -eu
. "$(dirname "$0")/env.sh"
VIRTCOST_DATADIR=${VIRTCOST_DATADIR:-$(cd "$(dirname "$0")/../nginxbench" && pwd)}
export VIRTCOST_DATADIR
command -v python3 >/dev/null || { echo "$0: python3 not found" >&2; exit 1; }

dir=$(mktemp -d "${TMPDIR:-/tmp}/suite-time.XXXXXX")
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
vc-suite -P quick -d "$dir/r" "$@" >/dev/null 2>"$dir/err" || {
	tail -n 5 "$dir/err" >&2
	echo "$0: vc-suite failed; the share below counts what it measured" >&2
}
python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["sessions"][-1]
print("%-10s %5s %9s %11s %13s %12s" % ("platform", "runs", "check s",
    "runs s", "measured s", "overhead/run"))
tot = {"check_seconds": 0, "warmup_seconds": 0, "run_seconds": 0,
    "measured_seconds": 0}
for name, t in s["platforms"].items():
    for k in tot:
        tot[k] += t[k]
    if t["runs"] == 0:
        print("%-10s %5s  (skipped or nothing measured)" % (name, 0))
        continue
    print("%-10s %5d %9.1f %11.1f %13.1f %11.2fs" % (name, t["runs"],
        t["check_seconds"], t["run_seconds"], t["measured_seconds"],
        (t["run_seconds"] - t["measured_seconds"]) / t["runs"]))
wall = s["seconds"]
share = 100 * tot["measured_seconds"] / wall if wall else 0
print("session %.1f s: measured work %.1f s = %.0f%% of the wall time "
    "(goal: at least 80%%); checks %.1f s, warm-up %.1f s, platform "
    "overhead %.1f s, suite %.1f s" % (wall, tot["measured_seconds"],
    share, tot["check_seconds"], tot["warmup_seconds"],
    tot["run_seconds"] - tot["measured_seconds"],
    wall - tot["check_seconds"] - tot["warmup_seconds"] - tot["run_seconds"]))
print("machine: " + ("noisy: " + "; ".join(s["why"]) if s["noisy"]
    else "quiet"))' "$dir/r/meta.json"
