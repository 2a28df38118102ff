#!/bin/sh
# Nothing a spreadsheet would run (a cell starting with = + - or @)
# reaches a CSV cell or an -x file name: vc-suite refuses such names
# and times from a runner, vc-report refuses them (and such params) in
# results.csv, and a reason (runner output) is kept as text with a
# quote in front.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
. "$top_srcdir/tests/fake-runner.sh"
need_cmd python3

plan 9
# refused NAME FIELD VALUE WANT: one row of the small set with FIELD
# (awk column) set to VALUE; vc-report -x must refuse it with WANT.
refused() {
	small_results "$tap_tmp/$1"
	awk -F, -v OFS=, -v f="$2" -v v="$3" 'NR == 2 { $f = v } { print }' \
	    "$tap_tmp/$1/results.csv" >"$tap_tmp/csv" &&
		mv "$tap_tmp/csv" "$tap_tmp/$1/results.csv"
	run vc-report -x -o "$tap_tmp/$1/x" "$tap_tmp/$1"
	is "$rc:$out:$err" "1::vc-report: $tap_tmp/$1/results.csv: line 2: $4" \
	    "results.csv: $1 refused"
}
refused platform 3 -cmd "platform '-cmd' starts with + or -"
refused metric 5 +1 "metric '+1' starts with + or -"
refused unit 6 -s "unit '-s' starts with + or -"
refused time 1 '=1+2' "time '=1+2' is not an ISO 8601 time"
# params: vc-suite writes key=value pairs, each key a name; a cell that
# starts with = is not its.
small_results "$tap_tmp/params"
with_params "$tap_tmp/params" '=cmd|x'
run vc-report -x -o "$tap_tmp/params/x" "$tap_tmp/params"
is "$rc:$out:$err" "1::vc-report: $tap_tmp/params/results.csv: line 2: params '=cmd|x' starts with = + - or @" \
    "results.csv: params refused"

small_results "$tap_tmp/f"
printf '%s\n' 'time,platform,benchmark,rep,status,reason' \
    '2026-01-01T00:00:00Z,kvm,linpack,1,1,"=HYPERLINK(""http://x"")"' \
    >"$tap_tmp/f/failures.csv"
run vc-report -f csv "$tap_tmp/f"
is "$(printf '%s\n' "$out" | python3 -c 'import csv,sys; print([r["reason"] for r in csv.DictReader(sys.stdin) if r["platform"] == "kvm"][0])')" \
    "'=HYPERLINK(\"http://x\")" "a planted reason: text in vc-report's CSV"

# vc-suite: a runner's metric named -x is refused; a runner's message
# that starts with = is kept as text.
printf '%s\n' '{"time":"2026-01-01T00:00:00Z","metrics":[{"metric":"-x","unit":"s","value":1}]}' >"$tap_tmp/rec.json"
fake_runner "$tap_tmp/rec.json"
run vc-suite -P quick -p native -b forksum -n 1 -d "$tap_tmp/s"
is "$rc:$(cut -d, -f2-7 "$tap_tmp/s/failures.csv" | tail -n 1)" \
    "1:native,forksum,1,0,\"metric 1's name starts with + or -\"," \
    "vc-suite: a metric named -x is refused"
cat >"$tap_tmp/bin/vc-native" <<'EOF2'
#!/bin/sh
case " $* " in *" -o json "*) echo '@SUM(1+1)*cmd' >&2; exit 1 ;; esac
exit 0
EOF2
run vc-suite -P quick -p native -b forksum -n 1 -d "$tap_tmp/t"
is "$rc:$(cut -d, -f2-7 "$tap_tmp/t/failures.csv" | tail -n 1)" \
    "1:native,forksum,1,1,\"'@SUM(1+1)*cmd\"," \
    "vc-suite: a runner's message starting with @ is kept as text"
run vc-report -f csv "$tap_tmp/t"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
print(list(csv.DictReader(sys.stdin))[-1]["reason"])')" \
    "'@SUM(1+1)*cmd" "and so it is in vc-report's CSV (its reason column)"
done_testing
