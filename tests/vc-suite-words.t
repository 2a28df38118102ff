#!/bin/sh
# -a and -O are split at white space and every word reaches the runner
# and meta.json: none dropped, however many.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-runner.sh"
need_cmd python3

plan 3
printf '%s\n' '{"benchmark":"forksum","time":"2026-01-01T00:00:00Z","metrics":[{"metric":"seconds","unit":"s","value":1}]}' >"$tap_tmp/rec.json"
fake_runner "$tap_tmp/rec.json"
opts=$(seq -f 'o%g' 40 | tr '\n' ' ')
args=$(seq -f 'a%g' 40 | tr '\n' ' ')
d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 1 -O native="$opts" \
    -a forksum="$args" -d "$d"
is "$rc:$out" "0:$d" "40 runner options and 40 benchmark arguments: the run works"
want="${opts}forksum -o json ${args% }"
is "$(tail -n 1 "$tap_tmp/runner-args")" "$want" "the runner got every word, in order"
is "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["platforms"]["native"]["commands"]["forksum"])' "$d/meta.json")" \
    "vc-native $want" "meta.json records the whole command"
done_testing
