#!/bin/sh
# A platform whose runs did other work than native's (a refused fork,
# another linpack order, another diskwrite block size) gets no ratio in
# any format: the reason stands in its place (csv: the note column).
# Native's own refused forks make its row say "degraded". -x exports
# every run as before.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd python3
plan 16
d=$tap_tmp/r
unequal_results "$d"

# row PLATFORM: a text row of the block that starts with $1, blanks
# squeezed.
row() { printf '%s\n' "$out" | sed -n "/^$1/,/^\$/p" | grep "^$2 " | tr -s ' '; }

run vc-report "$d"
is "$rc:$err" "0:" "text: exit 0, nothing on stderr"
is "$(row forksum container)" \
    "container 3 0.23333 0.25000 0.0379 0.19000 0.26000 16.2%! [0.13929, 0.32738] unequal work: 1411 forks refused - 0" \
    "text: refused forks, the phrase for the ratio, no CI"
is "$(row forksum qemu | cut -d' ' -f11-)" "43.81 [39.41, 49.25] 0" \
    "text: qemu did native's work: its ratio is there"
is "$(row linpack qemu | cut -d' ' -f11-)" "unequal work: order 100 vs 200 - 0" \
    "text: another linpack order, with both"
is "$(printf '%s\n' "$out" | grep -c '^unequal work: ')" 1 \
    "text: the legend says what it means"

run vc-report -a "$d"
is "$(printf '%s\n' "$out" | grep -c '^container .* unequal work: 1411 forks refused ')" 4 \
    "-a: every forksum metric of the cell without a ratio"

run vc-report -f markdown "$d"
is "$(printf '%s\n' "$out" | grep -c '^| container | 3 | .* | unequal work: 1411 forks refused | - | 0 |$')" 1 \
    "markdown: the phrase in the ratio cell"

run vc-report -f csv "$d"
got=$(printf '%s\n' "$out" | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert all(len(r) == len(rows[0]) for r in rows)
for r in rows:
    print(r["benchmark"], r["platform"], r["ratio"] or "-",
          r["ratio_low"] or "-", r["ratio_high"] or "-", r["note"] or "-")
')
is "$got" "linpack native 1 - - -
linpack container 0.9925124792 0.9899640423 0.9950649074 -
linpack qemu - - - unequal work: order 100 vs 200
forksum native 1 - - -
forksum container - - - unequal work: 1411 forks refused
forksum qemu 43.80952381 39.40887824 49.24879875 -" \
    "csv: ratio fields empty and the phrase in the note column"
is "$(printf '%s\n' "$out" | head -1 | sed 's/.*,\(.*,.*\)$/\1/')" note,variant \
    "csv: note, then the variant, are the last columns"

run vc-report -x -o "$tap_tmp/x" "$d"
is "$rc:$(wc -l <"$tap_tmp/x/container-forksum.csv")" "0:4" \
    "-x: the cell's runs exported as before"

# Native refused forks itself: its row says so, and a platform that
# refused none did other work.
d2=$tap_tmp/degraded
unequal_results "$d2"
awk -F, -v OFS=, '$3 == "native" && $8 == 2 && $5 == "processes" { $7 = 3978 }
    $3 == "native" && $8 == 2 && $5 == "fork_failures" { $7 = 20 }
    $3 == "container" && $8 == 2 && $5 == "processes" { $7 = 3998 }
    $3 == "container" && $8 == 2 && $5 == "fork_failures" { $7 = 0 }
    { print }' "$d/results.csv" >"$d2/results.csv"
run vc-report "$d2"
is "$(row forksum native | cut -d' ' -f11-)" "degraded: 20 forks refused - 0" \
    "native refused forks: degraded, no ratio of 1"
is "$(row forksum container | cut -d' ' -f11-)" "unequal work: processes 3998 vs 3978 - 0" \
    "a platform with all its forks: unequal to a degraded native"
is "$(row forksum qemu | cut -d' ' -f11-)" "unequal work: processes 3998 vs 3978 - 0" \
    "every other platform too"

# diskwrite: the params that fix a write's work; versions differ freely.
d3=$tap_tmp/disk
mkdir -p "$d3"
{
	echo "$HEADER,params"
	for r in 1 2 3; do
		echo "2026-11-27T03:0$r:00Z,h,native,diskwrite,iops,1/s,5000$r,$r,block_size=4096 iodepth=64 size=33554432 runtime=3 directory=/tmp method=direct ioengine=libaio fio_version=fio-3.33"
		echo "2026-11-27T03:0$r:00Z,h,container,diskwrite,iops,1/s,4900$r,$r,block_size=4096 iodepth=64 size=33554432 runtime=3 directory=/mnt method=direct ioengine=libaio fio_version=fio-3.35"
		echo "2026-11-27T03:0$r:00Z,h,qemu,diskwrite,iops,1/s,900$r,$r,block_size=1048576 iodepth=64 size=33554432 runtime=3 directory=/mnt method=direct ioengine=libaio fio_version=fio-3.33"
	done
} >"$d3/results.csv"
run vc-report "$d3"
is "$(row diskwrite container | cut -d' ' -f11- | cut -d' ' -f1)" 0.9800 \
    "diskwrite: another directory and fio version, the same work: a ratio"
is "$(row diskwrite qemu | cut -d' ' -f11-)" "unequal work: block_size 1048576 vs 4096 - 0" \
    "diskwrite: another block size: no ratio"

# An older file, without params or the count metrics: nothing to compare.
small_results "$tap_tmp/old"
run vc-report -f csv "$tap_tmp/old"
is "$(printf '%s\n' "$out" | awk -F, 'NR > 1 && $NF != "" ' | wc -l)" 0 \
    "an older file: no notes"
done_testing
