#!/bin/sh
# A file system that refuses O_DIRECT: diskwrite says so and suggests
# -B, with which it runs buffered with fsync and records that method.
# tmpfs refuses O_DIRECT only before Linux 6.6; ramfs refuses it always.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio python3
[ "$(id -u)" -eq 0 ] || skip_all "needs root to mount a ramfs"
mnt=$tap_tmp/ram
mkdir "$mnt"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$tap_tmp"' EXIT
trap 'exit 1' HUP INT TERM
mount -t ramfs ramfs "$mnt" || skip_all "cannot mount a ramfs"

plan 4
run diskwrite -d "$mnt" -s 4M -t 1
is "$rc:$err" "1:diskwrite: direct I/O not supported on $mnt (ramfs); use -B to run buffered with fsync" \
    "direct I/O refused, -B suggested"
is "$(ls -A "$mnt")" "" "nothing left after the refusal"

run diskwrite -B -d "$mnt" -s 4M -t 1 -o json
if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
m = {x["metric"]: x["value"] for x in r["metrics"]}
assert r["params"]["method"] == "buffered+fsync", r["params"]
assert m["iops"] > 0 and m["clat_p99"] >= m["clat_p50"] > 0, m
'; then
	pass "-B runs there, recorded as method buffered+fsync"
else
	fail "-B on ramfs" "rc=$rc" "$err" "$out"
fi
if pgrep -f "$mnt/diskwrite\\." >/dev/null || [ -n "$(ls -A "$mnt")" ]; then
	fail "nothing left after the buffered run" "$(ls -A "$mnt")"
else
	pass "nothing left after the buffered run"
fi
done_testing
