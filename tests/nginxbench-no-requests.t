#!/bin/sh
# A run in which no download has completed when the hard limit (-l) has
# passed is a failure: nothing on stdout (a number that would be rejected
# is never printed), one line on stderr says what was tried, exit 1. A
# 100 GiB file (sparse: no disk space) cannot be fetched in 2 seconds.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk pgrep
need_nginx
own_tmpdir

plan 5
t0=$(date +%s)
run nginxbench -s 100G -d 1 -l 2 -o json
t1=$(date +%s)
is "$rc" 1 "no download completed within the limit: exit 1"
is "$out" "" "no record is printed"
case $err in
"nginxbench: no download of the 107374182400-byte file completed within the limit of 2 s (-l): 3 connections read "*" MiB/s in all, about "*" s per download; use a smaller -s or a larger -l")
	pass "one line on stderr says what was tried" ;;
*)	fail "one line on stderr says what was tried" "$err" ;;
esac
ok_if "the run ended at the limit, not at the target (took $((t1 - t0)) s)" \
    test $((t1 - t0)) -ge 2 -a $((t1 - t0)) -le 8
procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
is "$(ls -A "$TMPDIR")$procs" "" "nothing left behind"
done_testing
