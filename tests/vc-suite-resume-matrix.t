#!/bin/sh
# -r refuses a results.csv row outside the run's matrix (a platform or
# benchmark the run does not have, a rep beyond its repetitions) with
# one line naming the line, exit 1, and leaves the file as it was.
. "${top_srcdir:-.}/tests/tap.sh"

plan 7
d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 2 -a forksum='1 10' -d "$d"
is "$rc:$out" "0:$d" "a small run to resume"
row=$(sed -n 2p "$d/results.csv")
# plant NAME SED-EXPR: a copy of the run with one more row, edited.
plant() {
	rm -rf "$tap_tmp/$1"
	cp -R "$d" "$tap_tmp/$1"
	printf '%s\n' "$row" | sed "$2" >>"$tap_tmp/$1/results.csv"
	cp "$tap_tmp/$1/results.csv" "$tap_tmp/$1.before"
}
line=$(($(wc -l <"$d/results.csv") + 1))
# refused NAME WANT: -r on the planted copy exits 1 with one line WANT.
refused() {
	run vc-suite -r "$tap_tmp/$1"
	if [ "$rc" -eq 1 ] && [ "$err" = "vc-suite: $tap_tmp/$1/results.csv: line $line: $2" ] &&
	    cmp -s "$tap_tmp/$1.before" "$tap_tmp/$1/results.csv"; then
		pass "$1: refused"
	else
		fail "$1: refused" "rc=$rc" "stderr: $err"
	fi
}
plant rep 's/^\(\([^,]*,\)\{7\}\)[0-9]*,/\199999,/'
refused rep "rep 99999 is beyond this run's 2 repetitions"
plant rep3 's/^\(\([^,]*,\)\{7\}\)[0-9]*,/\13,/'
refused rep3 "rep 3 is beyond this run's 2 repetitions"
plant plat 's/,native,/,foo,/'
refused plat "platform 'foo' is not in this run"
plant qemu 's/,native,/,qemu,/'
refused qemu "platform 'qemu' is not in this run"
plant bench 's/,forksum,/,linpack,/'
refused bench "benchmark 'linpack' is not in this run"
run vc-suite -r "$d"
is "$rc:$out" "0:$d" "a file inside the matrix resumes"
done_testing
