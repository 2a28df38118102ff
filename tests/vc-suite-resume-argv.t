#!/bin/sh
# -r takes a run's options from meta.json's argv; anything there that
# is no option of a run (not a string; -h, -V, -r) is refused with one
# line and exit 1: no crash, no usage text, nothing run.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 5
d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 1 -a forksum='1 10' -d "$d"
is "$rc:$out" "0:$d" "a small run to resume"
# argv JSON WANT NAME: -r with meta.json's argv replaced by JSON.
argv() {
	python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); m["argv"]=json.loads(sys.argv[2]); json.dump(m, open(sys.argv[1], "w"))' "$d/meta.json" "$1"
	run vc-suite -r "$d"
	is "$rc:$out:$err" "1::vc-suite: $d/meta.json: $2" "$3"
}
argv '[null]' "argv[0] is not a string" "argv [null]: refused"
argv '["-P", "quick", 5]' "argv[2] is not a string" "a number in argv: refused"
argv '["-h"]' "argv holds -h, which is no option of a run" "argv -h: refused, no usage"
argv '["-qV"]' "argv holds -V, which is no option of a run" "argv -V in a cluster: refused"
done_testing
