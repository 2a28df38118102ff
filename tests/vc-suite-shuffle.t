#!/bin/sh
# -s shuffles the platforms of each round, reproducibly, for every seed:
# 0 too (xorshift's fixed point, which never shuffled).
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-runner.sh"
need_cmd python3

plan 4
printf '%s\n' '{"benchmark":"forksum","time":"2026-01-01T00:00:00Z","metrics":[{"metric":"seconds","unit":"s","value":1}]}' >"$tap_tmp/rec.json"
fake_runner "$tap_tmp/rec.json" vc-native
fake_runner "$tap_tmp/rec.json" vc-qemu
# No guest kernel to ask about: a stand-in vc-image that has none.
printf '#!/bin/sh\nexit 1\n' >"$tap_tmp/bin/vc-image"
chmod +x "$tap_tmp/bin/vc-image"
# firsts SEED DIR: in how many of 16 rounds qemu ran first
firsts() {
	run vc-suite -P quick -p native,qemu -b forksum -n 16 -s "$1" -d "$2"
	[ "$rc" -eq 0 ] || { echo "rc=$rc $err"; return; }
	awk -F, 'NR > 1 && !seen[$8]++ && $3 == "qemu" { n++ } END { print n + 0 }' "$2/results.csv"
}
for seed in 0 1; do
	n=$(firsts "$seed" "$tap_tmp/s$seed")
	[ "$n" -gt 0 ] 2>/dev/null && [ "$n" -lt 16 ] &&
		pass "-s $seed shuffles: qemu first in $n of 16 rounds" ||
		fail "-s $seed shuffles" "qemu first in $n of 16 rounds"
done
is "$(firsts 0 "$tap_tmp/again"):$(cut -d, -f3,8 "$tap_tmp/again/results.csv")" \
    "$(firsts 0 "$tap_tmp/s0b"):$(cut -d, -f3,8 "$tap_tmp/s0/results.csv")" \
    "the same seed, the same order"
is "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["parameters"]["seed"])' "$tap_tmp/s0/meta.json")" \
    0 "meta.json records the seed given"
done_testing
