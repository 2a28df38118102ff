#!/bin/sh
# vc-plot of hosts (a fleet directory, or several directories): each
# chart's columns grouped by host, under its name, each platform in its
# colour on every host; the overhead chart a slot per benchmark and
# host, against each host's native or, with -R, the reference host.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd gnuplot

plan 10
d=$tap_tmp/fleet
fleet_results "$d"

run vc-plot -f svg "$d"
is "$rc:$out" "0:$d/charts/memsweep.svg
$d/charts/overhead.svg" "vc-plot draws a fleet directory"
svg=$d/charts/memsweep.svg
is "$(grep -o 'host [a-c]' "$svg" | tr '\n' ' ')" "host a host b " \
    "the columns under their host's name (c, which failed, has none)"
# native's colour (78,121,167) on both hosts, qemu's (225,87,89) too
is "$(grep -o "color='rgb([ 0-9,]*)'" "$svg" | tr -d ' ' | grep -e '225,87,89' -e '78,121,167' | sort | uniq -c | awk '{ print $1, $2 }' | tr '\n' ' ')" \
    "2 color='rgb(225,87,89)' 2 color='rgb(78,121,167)' " \
    "each platform in its colour on every host"
is "$(grep -c "stroke='rgb(136, 136, 136)' stroke-dasharray" "$svg")" 1 "a dashed line between the two hosts"
is "$(grep -o 'host [ab]' "$d/charts/overhead.svg" | sort -u | tr '\n' ' ')" "host a host b " \
    "overhead: a slot per benchmark and host"

run vc-plot -f svg -R a -o "$tap_tmp/r" "$d"
is "$rc:$(grep -o 'Overhead relative to host a[^<]*' "$tap_tmp/r/overhead.svg")" \
    "0:Overhead relative to host a, the same platform: how many times slower" \
    "-R a: the overhead of b's platforms against a's"
ok_if "-R a: no slot of the reference host itself" \
    sh -c '! grep -q "<text>host a</text>" "$1" && grep -q "<text>host b</text>" "$1"' sh "$tap_tmp/r/overhead.svg"

usage_error "several directories without -o" vc-plot "$d" "$d/hosts/a"
usage_error "-R of a host that is not there" vc-plot -R zz -o "$tap_tmp/z" "$d"
usage_error "-b with a fleet directory" vc-plot -b "$d" -o "$tap_tmp/b" "$d"
