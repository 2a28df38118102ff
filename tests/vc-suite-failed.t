#!/bin/sh
# A cell that fails is recorded in failures.csv as it happens, and the
# run ends with one line per failed cell and exit 1; -r retries the
# failed reps only, and records them again if they fail again.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 12
d=$tap_tmp/r
want="vc-suite: failed: native diskwrite (2 of 2 reps): diskwrite: directory /nonexistent does not exist"
run vc-suite -P quick -p native -b forksum,diskwrite -n 2 -a forksum='1 10' \
    -a diskwrite='-d /nonexistent -s 1M -t 1' -d "$d"
is "$rc:$out" "1:$d" "a failed cell: exit 1, the directory on stdout"
is "$(printf '%s\n' "$err" | tail -n 1)" "$want" \
    "the run ends with the failed cell, its count and its reason"
# the summary, its lines per platform (and a noisy machine's), the failures
case $(printf '%s\n' "$err" | sed -n '/measurements (2 failed)/,$p' | tail -n 1) in
"$want") pass "after the summary line" ;;
*) fail "after the summary line" "$err" ;; esac

# rows: platform benchmark rep status reason, one line each
rows() {
	python3 - "$1" <<'PY'
import csv, socket, sys
rows = list(csv.reader(open(sys.argv[1])))
assert rows[0] == "time,platform,benchmark,rep,status,reason,variant,host".split(","), rows[0]
for r in rows[1:]:
    assert r[6] == "" and r[7] == socket.gethostname(), r
    print(" ".join(r[1:6]))
PY
}
is "$(rows "$d/failures.csv")" "native diskwrite 1 1 diskwrite: directory /nonexistent does not exist
native diskwrite 2 1 diskwrite: directory /nonexistent does not exist" \
    "failures.csv: one row per failed rep, with status and reason"
is "$(grep ',native,forksum,' "$d/results.csv" | awk -F, '{ print $8 }' | sort -u | tr '\n' ' ')" \
    "1 2 " "the other cell still ran, both reps"

forksum_before=$(grep ',native,forksum,' "$d/results.csv")
run vc-suite -r "$d"
is "$rc:$out" "1:$d" "-r: retries the failed reps, fails again, exit 1"
is "$(printf '%s\n' "$err" | tail -n 1)" "$want" "-r: the failed cell listed again"
is "$(rows "$d/failures.csv" | wc -l)" 4 "-r: the new failures appended"
is "$(grep ',native,forksum,' "$d/results.csv")" "$forksum_before" \
    "-r: the measured cell is not run again"

run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^diskwrite/,/^$/p' | grep '^native ' | sed 's/  */ /')" \
    "0:native failed: diskwrite: directory /nonexistent does not exist" \
    "vc-report shows the failed cell with its reason"

# An older vc-suite's failures.csv, without host: -r appends in its form.
python3 - "$d/failures.csv" <<'PY'
import csv, sys
rows = [r[:7] for r in csv.reader(open(sys.argv[1]))]
csv.writer(open(sys.argv[1], "w"), lineterminator="\n").writerows(rows)
PY
run vc-suite -r "$d"
is "$rc:$(python3 -c 'import csv, sys; print(sorted({len(r) for r in csv.reader(open(sys.argv[1]))}), len(list(csv.reader(open(sys.argv[1])))))' "$d/failures.csv")" \
    "1:[7] 7" "-r on a failures.csv without host: its rows stay without, 2 more"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^diskwrite/,/^$/p' | grep '^native ' | sed 's/  */ /')" \
    "0:native failed: diskwrite: directory /nonexistent does not exist" \
    "and vc-report reads it"
done_testing
