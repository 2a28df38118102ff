#!/bin/sh
# vc-report -a ends with each platform's envelope from meta.json, one
# line each, in text; Markdown (escaped there) always ends with it, CSV
# never; text without -a, or an older meta.json without envelopes, has
# none.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 9
d=$tap_tmp/r
envelope_results "$d"

run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^envelope /,$p')" "0:envelope (what vc-envelope saw on each platform):
native: cpus 2, memory 24105 MiB, nofile 1024/524288, nproc 96363/96363, pid_max 4194304, threads_max 192726, cgroup pids max, memory max, cpu max, kernel 6.1.0-28-amd64
container: cpus 2, memory 24105 MiB, nofile 1024/524288, nproc 96363/96363, pid_max 4194304, threads_max 192726, cgroup pids 2048, memory 512 MiB, cpu 150000/100000, kernel 6.1.0-28-amd64
qemu: cpus 1 of 2 online, memory 972 MiB, nofile 1024/4096, nproc 3717/3717, pid_max 32768, threads_max 7434, cgroup pids unknown, memory unknown, cpu unknown, kernel 6.1 *x* <b> second" \
    "text: after the tables and the legend, a line per platform, in order"
is "$(printf '%s\n' "$out" | tail -n 5 | head -n 1)" "" "text: a blank line before them"

run vc-report -a -f markdown "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^### Envelope$/,$p')" '0:### Envelope

- native: cpus 2, memory 24105 MiB, nofile 1024/524288, nproc 96363/96363, pid\_max 4194304, threads\_max 192726, cgroup pids max, memory max, cpu max, kernel 6.1.0-28-amd64
- container: cpus 2, memory 24105 MiB, nofile 1024/524288, nproc 96363/96363, pid\_max 4194304, threads\_max 192726, cgroup pids 2048, memory 512 MiB, cpu 150000/100000, kernel 6.1.0-28-amd64
- qemu: cpus 1 of 2 online, memory 972 MiB, nofile 1024/4096, nproc 3717/3717, pid\_max 32768, threads\_max 7434, cgroup pids unknown, memory unknown, cpu unknown, kernel 6.1 \*x\* \<b\> second' \
    "markdown: under a heading, a list item per platform, escaped"

run vc-report -a -f csv "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c -i 'envelope\|nofile')" "0:0" "csv: no envelope"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c -i 'envelope\|nofile')" "0:0" "text without -a: no envelope"
run vc-report -f markdown "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c '^### Envelope$\|^- qemu: cpus 1 of 2')" "0:2" \
    "markdown without -a: the envelope all the same"

# An older meta.json, without envelopes: the report as before.
small_results "$d"
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | tail -n 1)" "0:outliers: runs beyond Tukey's fences (1.5 IQR outside the quartiles); kept in every statistic." \
    "an older meta.json: the legend ends the report"
# A long value is cut at a character, not within its UTF-8 bytes.
small_results "$d"
long=a$(printf 'é%.0s' $(seq 40))
printf '{"platforms": {"native": {"envelope": {"kernel": "%s"}}}}\n' "$long" >"$d/meta.json"
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^native: .*, kernel //p')" \
    "0:a$(printf 'é%.0s' $(seq 21))..." "a long value: cut at a character, with ..."
# An envelope that is not an object, a platform name that is no name:
# left out, and no failure.
printf '{"platforms": {"native": {"envelope": [1]}, "../x": {"envelope": {"cpus_usable": 1}}}}\n' >"$d/meta.json"
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c 'envelope')" "0:0" \
    "an envelope that is no object: left out"
done_testing
