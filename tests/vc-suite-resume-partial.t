#!/bin/sh
# -r counts a rep as done only when its record is whole: a partial last
# record (a crash in mid-write: some rows and part of one) is cut off
# and measured again; an incomplete record inside the file is refused.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 6
d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 3 -a forksum='1 10' -d "$d"
is "$rc:$(tail -n +2 "$d/results.csv" | wc -l)" "0:15" "3 reps of forksum, 5 rows each"
whole=$(sed -n 2,11p "$d/results.csv")
# rep 3: its first 2 rows and half of the third, as a crash leaves it
head -n 13 "$d/results.csv" >"$tap_tmp/partial"
sed -n 14p "$d/results.csv" | cut -c1-20 | tr -d '\n' >>"$tap_tmp/partial"
cp "$tap_tmp/partial" "$d/results.csv"
run vc-suite -r "$d"
is "$rc:$out" "0:$d" "-r resumes"
case $err in
*"line 12: dropping the last record (native forksum rep 3, 2 rows): fewer than its benchmark's, to measure it again"*)
	pass "it says it drops the incomplete record" ;;
*) fail "it says it drops the incomplete record" "$err" ;;
esac
is "$(python3 -c 'import csv,sys,collections; c=collections.Counter(r["rep"] for r in csv.DictReader(open(sys.argv[1]))); print(sorted(c.items()))' "$d/results.csv")" \
    "[('1', 5), ('2', 5), ('3', 5)]" "rep 3 measured again: every rep whole, none twice"
is "$(sed -n 2,11p "$d/results.csv")" "$whole" "reps 1 and 2 kept as they were"

# An incomplete record inside the file: refused, the file untouched.
sed 3d "$d/results.csv" >"$tap_tmp/inside"
cp "$tap_tmp/inside" "$d/results.csv"
run vc-suite -r "$d"
is "$rc:$err:$(cmp "$tap_tmp/inside" "$d/results.csv" && echo same)" \
    "1:vc-suite: $d/results.csv: line 2: native forksum rep 1 has 4 rows, its benchmark's records 5: an incomplete record inside the file:same" \
    "an incomplete record inside the file: refused with its line"
done_testing
