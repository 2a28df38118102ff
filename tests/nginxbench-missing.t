#!/bin/sh
# A missing wrk, nginx or reporter script, or a script that reports
# nothing, is one clear line and exit 1, with nothing left behind.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3 pgrep
own_tmpdir
mkdir "$tap_tmp/empty" "$tap_tmp/onlywrk"
ln -s "$(command -v wrk)" "$tap_tmp/onlywrk/wrk"
nb=$(command -v nginxbench)

# fails NAME PATTERN CMD...: exit 1, one line on stderr matching PATTERN,
# nothing on stdout, no temporary directory or nginx of ours left.
fails() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	nlines=$(printf '%s\n' "$err" | wc -l)
	procs=$(pgrep -f "$TMPDIR/nginxbench" || true)
	if [ "$rc" -eq 1 ] && [ "$nlines" -eq 1 ] && [ -z "$out" ] &&
	    printf '%s\n' "$err" | grep -q -- "$pattern" &&
	    [ -z "$(ls -A "$TMPDIR")$procs" ]; then
		pass "$name"
	else
		fail "$name" "rc=$rc (want 1)" "stderr: $err" "stdout: $out" \
		    "left: $(ls -A "$TMPDIR") $procs"
	fi
}

plan 8
fails "no wrk on PATH: says how to install it" \
    "^nginxbench: wrk not found on PATH; install it with 'apt-get install wrk'$" \
    env PATH="$tap_tmp/empty" "$nb" -s 1M -d 1
fails "no wrk on PATH, with -u too" "wrk not found on PATH" \
    env PATH="$tap_tmp/empty" "$nb" -u http://127.0.0.1:9/file -d 1
fails "-N /nonexistent: nginx not found" \
    "^nginxbench: nginx not found at /nonexistent (-N): No such file or directory$" \
    nginxbench -N /nonexistent -s 1M -d 1
fails "-N a directory" "is not an executable file" \
    nginxbench -N "$tap_tmp" -s 1M -d 1
fails "-N a program that is not nginx" "/bin/true does not look like nginx" \
    nginxbench -N /bin/true -s 1M -d 1
fails "no report script where VIRTCOST_DATADIR says" \
    "wrk report script /nonexistent/report.lua .*No such file" \
    env VIRTCOST_DATADIR=/nonexistent "$nb" -s 1M -d 1
: >"$tap_tmp/silent.lua"
# Nor does it write nginxbench's progress: the run lasts until -l.
fails "a script without done(): wrk wrote no report" "wrk wrote no report" \
    nginxbench -L "$tap_tmp/silent.lua" -s 1M -d 1 -l 2

# Not an error: nginx is not on PATH here, but where Debian puts it.
if [ -x /usr/sbin/nginx ]; then
	run env PATH="$tap_tmp/onlywrk" "$nb" -s 1M -d 1
	is "$rc" 0 "nginx not on PATH: /usr/sbin/nginx is used"
else
	pass "nginx not on PATH: /usr/sbin/nginx is used # SKIP no /usr/sbin/nginx"
fi
done_testing
