#!/bin/sh
# A benchmark's title shows the params of its rows in results.csv (the
# pairs all its rows share, quotes and commas as they are), not
# meta.json's; an older results.csv, without params, still takes them
# from meta.json. A params cell a spreadsheet would run, or with a
# control character, is refused naming its line.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

plan 6
d=$tap_tmp/r
small_results "$d"
awk 'NR == 1 { print $0 ",params"; next }
    /,linpack,/ { print $0 ",n=500 reps=" (100 + substr($0, length($0))) " dir=/tmp/a b"; next }
    { print $0 ",\"size=32M note=\"\"q\"\",x\"" }' \
    "$d/results.csv" >"$tap_tmp/csv" && mv "$tap_tmp/csv" "$d/results.csv"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | grep '^linpack')" \
    "0:linpack (n=500 dir=/tmp/a b): kflops (KFLOPS), higher is better" \
    "the pairs all rows share: not reps, which differ; a value with a blank"
is "$(printf '%s\n' "$out" | grep '^memsweep')" \
    'memsweep (size=32M note="q",x): seconds (s), lower is better' \
    "a quote and a comma in params: read back as they were"

small_results "$tap_tmp/old"
run vc-report "$tap_tmp/old"
is "$rc:$(printf '%s\n' "$out" | grep '^linpack')" \
    "0:linpack (-n 500 -t 10): kflops (KFLOPS), higher is better" \
    "an older results.csv, without params: meta.json's"

small_results "$tap_tmp/none"
with_params "$tap_tmp/none" ""
run vc-report "$tap_tmp/none"
is "$rc:$(printf '%s\n' "$out" | grep '^linpack')" \
    "0:linpack: kflops (KFLOPS), higher is better" \
    "empty params: none shown, meta.json not asked"

small_results "$tap_tmp/ctl"
with_params "$tap_tmp/ctl" "$(printf '"a\033[2Jb"')"
run vc-report "$tap_tmp/ctl"
is "$rc:$err" "1:vc-report: $tap_tmp/ctl/results.csv: line 2: params 'a?[2Jb' holds a control character" \
    "a control character in params: refused, its line named"

small_results "$tap_tmp/cols"
with_params "$tap_tmp/cols" "a=1,b=2"
run vc-report "$tap_tmp/cols"
is "$rc:$err" "1:vc-report: $tap_tmp/cols/results.csv: line 2: 10 fields, expected 9" \
    "a row with more fields than the header: refused"
done_testing
