#!/bin/sh
# linpack never prints a figure it then denies: an order whose classic
# matrix repeats columns (singular: n=1024's column j+16 is column j) is
# refused under -g classic before any work, with nothing on stdout, and
# by default gets the SplitMix64 generator, whose matrix is solved.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 9

# params NAME...: those params of the record in $out, space-separated.
params() {
	printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(" ".join(str(r["params"].get(k)) for k in sys.argv[1:]))' "$@"
}

usage_error "n=1024 under -g classic: columns repeat" \
    linpack -g classic -n 1024 -t 0
usage_error "n=2000 under -g classic: columns repeat, rounding would hide it" \
    linpack -g classic -n 2000 -t 0
usage_error "the same refusal for the blocked kernel" \
    linpack -k blocked -g classic -n 1024 -t 0
usage_error "n=256 under -g classic: column j+64 is column j" \
    linpack -g classic -n 256 -t 0
usage_error "unknown generator" linpack -g lcg

# The classic generator where it serves: 128 (2^7, the largest power of
# two), 1000 (the classic big order), an odd order.
run linpack -g classic -n 128 -t 0 -o json
is "$rc:$(params generator n)" "0:classic 128" "n=128: the classic generator serves it"

# By default: the classic generator where it serves, else SplitMix64.
run linpack -n 1000 -k blocked -t 0 -o json
is "$rc:$(params generator)" "0:classic" "n=1000 by default: classic"
run linpack -n 1024 -t 0 -o json
is "$rc:$(params generator kernel)" "0:splitmix64 classic" \
    "n=1024 by default: SplitMix64, solved by the classic kernel"
run linpack -n 2000 -k blocked -t 0 -o json
small=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(0 <= {x["metric"]: x["value"] for x in r["metrics"]}["residual_normalised"] < 100)')
is "$rc:$(params generator):$small" "0:splitmix64:True" \
    "n=2000 by default: SplitMix64, and it checks out"
done_testing
