#!/bin/sh
# vc-fleet's usage rules: -h and -V exit 0; bad options, host names and
# combinations exit 2 with one line, before any host is asked.
. "${top_srcdir:-.}/tests/tap.sh"

plan 15
own_tmpdir
run vc-fleet -h
is "$rc:$(printf '%s\n' "$out" | head -1 | cut -d' ' -f1-2)" \
    "0:usage: vc-fleet" "-h prints the usage and exits 0"
run vc-fleet -V
is "$rc:${out%% *}" "0:virtcost" "-V prints the version"
usage_error "no -H" vc-fleet
usage_error "an unknown option" vc-fleet -x -H a
usage_error "a host name with a slash" vc-fleet -H a,b/c
usage_error "a host name beginning with a dash" vc-fleet -H -oProxyCommand=x
usage_error "a host name of 65 bytes" vc-fleet \
    -H "$(printf 'h%.0s' $(seq 65))"
usage_error "an empty host name" vc-fleet -H a,,b
usage_error "a host given twice" vc-fleet -H a,b,a
usage_error "-j 0" vc-fleet -j 0 -H a
usage_error "vc-suite options without --" vc-fleet -H a -P quick
usage_error "an operand without --" vc-fleet -H a quick
usage_error "-r with -H" vc-fleet -r "$tap_tmp" -H a
usage_error "-F naming no file" vc-fleet -F "$tap_tmp/none" -H a
mkdir "$tap_tmp/d"
echo '{}' >"$tap_tmp/d/fleet.json"
usage_error "a directory that holds a fleet run" vc-fleet -d "$tap_tmp/d" \
    -H a
done_testing
