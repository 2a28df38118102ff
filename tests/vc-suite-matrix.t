#!/bin/sh
# A tiny quick suite end to end on native, container and qemu: the CSV's
# header and row count, every row parses, vc-report's statistics agree
# with awk's from the CSV, ratios are against native, and the charts are
# valid PNG and SVG.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3 gnuplot qemu-system-x86_64 fio wrk nginx
vc-image -q kernel >/dev/null 2>&1 || skip_all "no guest kernel"
docker info >/dev/null 2>&1 || podman info >/dev/null 2>&1 ||
	skip_all "no container engine answers"

plan 9
d=$tap_tmp/r
run vc-suite -P quick -p native,container,qemu -n 2 \
    -a linpack='-n 50 -t 0.05' -a memsweep='-s 1M -r 2' \
    -a forksum='1 200' -a diskwrite='-s 8M -t 1' -a nginxbench='-s 2M -d 1' \
    -d "$d"
is "$rc:$out" "0:$d" "vc-suite runs the matrix and prints its directory"
is "$(head -n 1 "$d/results.csv")" "time,host,platform,benchmark,metric,unit,value,rep,params,variant" \
    "results.csv starts with the tidy header"

# Rows: metrics per record x 3 platforms x 2 reps, one record per cell.
cells=$(python3 - "$d/results.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
bad = [r for r in rows if not r["rep"].isdigit() or r["platform"] not in
       ("native", "container", "qemu")]
for r in rows:
    float(r["value"])
keys = {(r["platform"], r["benchmark"], r["rep"]) for r in rows}
per = {}
for r in rows:
    per.setdefault((r["platform"], r["benchmark"], r["rep"]), set()).add(r["metric"])
same = all(per[k] == per[(("native",) + k[1:])] for k in per)
print(len(keys), len(bad), same)
PY
)
is "$cells" "30 0 True" "30 measurements (5 benchmarks x 3 platforms x 2), every row parses, same metrics everywhere"

# vc-report's numbers against awk's, for forksum seconds on each platform:
# the count exactly, the mean to the 6 significant digits vc-report
# prints (a mean that ends in 5 past them may round either way).
run vc-report -f csv -m seconds "$d"
ok=yes
for p in native container qemu; do
	want=$(awk -F, -v p="$p" '$3 == p && $4 == "forksum" && $5 == "seconds" {
		n++; s += $7 }
		END { printf "%d %.10g", n, s / n }' "$d/results.csv")
	got=$(printf '%s\n' "$out" | awk -F, -v p="$p" '$1 == "forksum" && $4 == p { printf "%d %s", $5, $6 }')
	echo "$want $got" | awk '{ d = $2 - $4; if (d < 0) d = -d
		exit !($1 == $3 && $4 != "" && d <= 1e-5 * $2) }' ||
		{ ok=no; echo "# $p: report '$got' awk '$want'"; }
done
is "$ok" yes "vc-report's count and mean agree with awk's"
ratio=$(printf '%s\n' "$out" | awk -F, '$1 == "forksum" && $4 == "qemu" { print $14 }')
want=$(awk -F, '$4 == "forksum" && $5 == "seconds" { s[$3] += $7; n[$3]++ }
	END { printf "%.4g", (s["qemu"] / n["qemu"]) / (s["native"] / n["native"]) }' "$d/results.csv")
is "$(printf '%.4g' "$ratio")" "$want" "the ratio is qemu's mean over native's"

run vc-plot "$d"
is "$rc" 0 "vc-plot draws the charts"
png=$(python3 - "$d/charts" <<'PY'
import os, struct, sys
ok = 0
for f in sorted(os.listdir(sys.argv[1])):
    if f.endswith(".png"):
        b = open(os.path.join(sys.argv[1], f), "rb").read(24)
        w, h = struct.unpack(">II", b[16:24])
        ok += b[:8] == b"\x89PNG\r\n\x1a\n" and w >= 600 and h >= 400
print(ok)
PY
)
is "$png" 6 "six valid PNG charts (five benchmarks and the overhead)"
svg=$(python3 - "$d/charts" <<'PY'
import os, sys, xml.etree.ElementTree as ET
n = 0
for f in os.listdir(sys.argv[1]):
    if f.endswith(".svg"):
        n += ET.parse(os.path.join(sys.argv[1], f)).getroot().tag.endswith("svg")
print(n)
PY
)
is "$svg" 6 "six well-formed SVG charts"
python3 -c 'import json, sys; m = json.load(open(sys.argv[1])); assert m["platforms"]["qemu"]["commands"]["forksum"].startswith("vc-qemu forksum"); assert m["software"]["qemu"]' "$d/meta.json" &&
	pass "meta.json records the exact commands and the software" ||
	fail "meta.json records the exact commands and the software"
done_testing
