#!/bin/sh
# A full disk loses nothing for good: a measurement's rows land whole or
# not at all (results.csv is cut back to its last whole record, and the
# message says why), and -r, once there is room, completes the matrix
# with every rep whole and none twice. Needs root, for a tiny tmpfs.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3
[ "$(id -u)" -eq 0 ] || skip_all "needs root to mount a small tmpfs"
mnt=$tap_tmp/mnt
mkdir "$mnt"
mount -t tmpfs -o size=16k tmpfs "$mnt" 2>/dev/null ||
	skip_all "cannot mount a tmpfs here"
trap 'umount "$mnt"; rm -rf "$tap_tmp"' EXIT

plan 6
d=$mnt/r
# reps CSV: "reps rows-per-rep-set duplicates last-byte", by python3
reps() {
	python3 - "$1" <<'PY'
import csv, sys, collections
data = open(sys.argv[1], "rb").read()
rows = list(csv.DictReader(open(sys.argv[1])))
c = collections.Counter(r["rep"] for r in rows)
dup = collections.Counter((r["rep"], r["metric"]) for r in rows)
print(len(c), sorted(set(c.values())), max(dup.values()), repr(data[-1:]))
PY
}
run vc-suite -P quick -p native -b forksum -n 60 -a forksum='1 10' -d "$d"
is "$rc:$(printf '%s\n' "$err" | tail -n 1)" \
    "1:vc-suite: $d/results.csv: cannot write a record: No space left on device; cut back to the last whole record" \
    "the disk fills: exit 1, the real reason"
got=$(reps "$d/results.csv")
case $got in
"5"[0-9]" [5] 1 b'\n'" | [1-4][0-9]" [5] 1 b'\n'") pass "what was written is whole records of 5 rows ($got)" ;;
*) fail "what was written is whole records of 5 rows" "$got" ;;
esac
before=$(tail -n +2 "$d/results.csv")
mount -o remount,size=1m "$mnt"
run vc-suite -r "$d"
is "$rc:$out" "0:$d" "-r with room again completes the run"
is "$(reps "$d/results.csv")" "60 [5] 1 b'\n'" "60 reps of 5 rows each, none twice"
is "$(tail -n +2 "$d/results.csv" | head -n "$(printf '%s\n' "$before" | wc -l)")" \
    "$before" "the rows written before the disk filled are kept as they were"
case $err in
*"dropping"*) fail "nothing to drop on -r" "$err" ;;
*) pass "nothing to drop on -r" ;;
esac
done_testing
