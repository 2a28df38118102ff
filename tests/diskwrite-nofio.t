#!/bin/sh
# Without fio, diskwrite says so and how to install it: exit 1, one line,
# and no file left behind.
. "${top_srcdir:-.}/tests/tap.sh"

d=$tap_tmp/d
mkdir "$d"
touch "$tap_tmp/notexec"
chmod 644 "$tap_tmp/notexec"

# fails NAME PATTERN CMD...: exit 1, one line on stderr matching PATTERN,
# nothing on stdout, nothing left in $d.
fails() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	if [ "$rc" -eq 1 ] && [ -z "$out" ] &&
	    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
	    printf '%s\n' "$err" | grep -q "^diskwrite: .*$pattern" &&
	    [ -z "$(ls -A "$d")" ]; then
		pass "$name"
	else
		fail "$name" "rc=$rc" "stderr: $err" "left: $(ls -A "$d")"
	fi
}

plan 3
fails "fio not on PATH" "fio not found on PATH.*apt-get install fio" \
    env PATH="$top_builddir/diskwrite" diskwrite -d "$d" -s 1M -t 1
fails "-F names a missing program" \
    "cannot run $tap_tmp/nofio: No such file or directory.*apt-get install fio" \
    diskwrite -F "$tap_tmp/nofio" -d "$d" -s 1M -t 1
fails "-F names a file that is not executable" \
    "cannot run $tap_tmp/notexec: Permission denied" \
    diskwrite -F "$tap_tmp/notexec" -d "$d" -s 1M -t 1
done_testing
