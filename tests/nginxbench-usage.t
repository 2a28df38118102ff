#!/bin/sh
# Every kind of bad input to nginxbench: one line on stderr, exit 2, and
# nothing started or made.
. "${top_srcdir:-.}/tests/tap.sh"

own_tmpdir

plan 30
usage_error "unknown option" nginxbench -x
usage_error "extra operand" nginxbench file
usage_error "-c not a number" nginxbench -c many
usage_error "-c zero" nginxbench -c 0
usage_error "-c trailing junk" nginxbench -c 3x
usage_error "-t zero" nginxbench -t 0
usage_error "more threads than connections" nginxbench -t 4 -c 2
usage_error "-d not whole seconds" nginxbench -d 1.5
usage_error "-d zero" nginxbench -d 0
usage_error "-d unknown unit" nginxbench -d 2m
usage_error "-T not whole seconds" nginxbench -T 500ms
usage_error "-l zero" nginxbench -l 0
usage_error "-l shorter than the target -d" nginxbench -d 30 -l 10
usage_error "-s unknown suffix" nginxbench -s 8Q
usage_error "-s zero" nginxbench -s 0
usage_error "-s negative" nginxbench -s -1
usage_error "-s beyond 1T" nginxbench -s 2T
usage_error "-p zero" nginxbench -p 0
usage_error "-p beyond 65535" nginxbench -p 65536
usage_error "-w zero" nginxbench -w 0
usage_error "-o unknown format" nginxbench -o xml
usage_error "-u without its argument" nginxbench -u
usage_error "-S and -u together" nginxbench -S -u http://127.0.0.1:9/file
usage_error "-a not an address" nginxbench -a localhost
usage_error "-a an IPv4 address with junk" nginxbench -a 127.0.0.1x
usage_error "-a without its argument" nginxbench -S -a
run nginxbench -h
is "$rc:$(printf '%s\n' "$out" | grep -c '^usage: nginxbench')::$err" "0:1::" \
    "-h prints the usage on stdout, exit 0"
run nginxbench -V
is "$rc:$out" "0:virtcost 0.1.0" "-V prints the version"
nginxbench -h >/dev/full 2>"$tap_tmp/err"
is "$?:$(grep -c 'write error' "$tap_tmp/err")" "1:1" "-h to a full device is a write error"
is "$(ls -A "$TMPDIR")" "" "no temporary directory was made"
done_testing
