#!/bin/sh
# A run in which no download completes has no rate per file worth
# trusting: no record is printed, one line says why, exit 1. A 100 GiB
# file (sparse: no disk space) cannot be fetched in one second.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk pgrep
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] ||
    skip_all "nginx not found (apt-get install nginx-light)"
VIRTCOST_DATADIR=$top_srcdir/nginxbench
TMPDIR=$tap_tmp/tmp
export VIRTCOST_DATADIR TMPDIR
mkdir "$TMPDIR"

plan 4
run nginxbench -s 100G -d 1 -o json
is "$rc" 1 "no download completed: exit 1"
is "$out" "" "no record is printed"
is "$err" "nginxbench: no download completed in 1 s: the file is too large for this rate (use a smaller -s or a longer -d)" \
    "one line on stderr says why"
procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
is "$(ls -A "$TMPDIR")$procs" "" "nothing left behind"
done_testing
