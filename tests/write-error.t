#!/bin/sh
# Output to a full device is a write error: exit 1, a message on stderr.
. "${top_srcdir:-.}/tests/tap.sh"

[ -w /dev/full ] || skip_all "/dev/full not available"
plan 4
full() {
	name=$1
	shift
	"$@" >/dev/full 2>"$tap_tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "write error" "$tap_tmp/err"; then
		pass "$name >/dev/full fails with a write error"
	else
		fail "$name >/dev/full" "rc=$rc" "$(cat "$tap_tmp/err")"
	fi
}
full forksum forksum 1 10
full linpack linpack -n 20 -t 0
full memsweep memsweep -s 4k -r 1
full "forksum -h" forksum -h
done_testing
