#!/bin/sh
# vc-report on bad input: exit 1 with one line naming the problem (and
# the line of results.csv), exit 2 for bad usage.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 21

# fails NAME PATTERN CMD...: exit 1, one line on stderr matching PATTERN.
fails() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
	    printf '%s\n' "$err" | grep -q "^vc-report: .*$pattern"; then
		pass "$name"
	else
		fail "$name" "rc=$rc (want 1)" "stderr: $err"
	fi
}

# bad NAME LINE: results.csv = the small data set with LINE after line 3.
bad() {
	mkdir -p "$tap_tmp/$1"
	small_results "$tap_tmp/good"
	sed "3a\\
$2" "$tap_tmp/good/results.csv" >"$tap_tmp/$1/results.csv"
}

fails "missing directory" "nonexistent: No such file" vc-report "$tap_tmp/nonexistent"
mkdir "$tap_tmp/empty"
fails "no results.csv" "results.csv: No such file" vc-report "$tap_tmp/empty"
: >"$tap_tmp/empty/results.csv"
fails "empty results.csv" "empty file" vc-report "$tap_tmp/empty"
echo "time,host,platform,benchmark,metric,unit,value,rep" >"$tap_tmp/empty/results.csv"
fails "header only" "no results" vc-report "$tap_tmp/empty"

mkdir "$tap_tmp/hdr"
echo "time,platform,benchmark,metric,value" >"$tap_tmp/hdr/results.csv"
fails "wrong header" "line 1: header is not" vc-report "$tap_tmp/hdr"
bad num "2026-11-27T03:09:00Z,h,native,memsweep,seconds,s,12x,9"
fails "a value that is not a number" "line 4: value '12x': not a number" vc-report "$tap_tmp/num"
bad cols "2026-11-27T03:09:00Z,h,native,memsweep,seconds,s,12"
fails "a missing column" "line 4: 7 fields, expected 8" vc-report "$tap_tmp/cols"
bad rep "2026-11-27T03:09:00Z,h,native,memsweep,seconds,s,12,0"
fails "a rep below 1" "line 4: rep '0': out of range" vc-report "$tap_tmp/rep"
bad quote '2026-11-27T03:09:00Z,h,native,memsweep,seconds,s,"12,9'
fails "an unterminated quote" "line 4: unterminated quoted field" vc-report "$tap_tmp/quote"
bad unit "2026-11-27T03:09:00Z,h,kvm,memsweep,seconds,ms,12,1"
fails "a unit that changes" "line 4: unit 'ms' of memsweep seconds differs" vc-report "$tap_tmp/unit"
bad slash "2026-11-27T03:09:00Z,h,../x,memsweep,seconds,s,12,1"
fails "a platform that is not a file name" "line 4: platform" vc-report "$tap_tmp/slash"
small_results "$tap_tmp/good"
fails "an unknown metric" "no metric 'nope'" vc-report -m nope "$tap_tmp/good"

usage_error "unknown option" vc-report -z "$tap_tmp/good"
usage_error "unknown format" vc-report -f pdf "$tap_tmp/good"
usage_error "-a with -m" vc-report -a -m seconds "$tap_tmp/good"
usage_error "-b with two new directories" vc-report -b "$tap_tmp/good" "$tap_tmp/good" "$tap_tmp/good"
usage_error "-R and -b" vc-report -R h -b "$tap_tmp/good" "$tap_tmp/good"
usage_error "-R of a bad host name" vc-report -R 'h/x' "$tap_tmp/good"
usage_error "-R of one host's results" vc-report -R h "$tap_tmp/good"
run vc-report -h
is "$rc:$(printf '%s\n' "$out" | grep -c '^usage: vc-report ')" "0:1" "-h prints usage on stdout, exit 0"
is "$out" "usage: vc-report [-hV] [-f text|markdown|csv|json|html] [-m metric | -a] [-R host] results_dir ...
       vc-report -b base_dir [-g percent] [-f format] [-m metric | -a] new_dir
       vc-report -x [-o outdir] [-R host] results_dir ..." "one usage line per form, as in the SYNOPSIS"
done_testing
