#!/bin/sh
# Platform variants in the reports: vc-report gives each column
# (qemu:disk=raw) a row of its own with its ratio to native, ends text
# and Markdown with what each variant changes, and keeps the platform
# and the variant apart in its CSV; vc-plot draws a bar for each column,
# a variant in a shade of its platform's colour. Known data.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3 gnuplot

plan 13
d=$tap_tmp/r
mkdir -p "$d"
{
	echo time,host,platform,benchmark,metric,unit,value,rep,params,variant
	for rep in 1 2 3; do
		t=2026-11-27T03:0$rep:00Z
		echo "$t,h,native,forksum,seconds,s,$((8 + rep)),$rep,,"
		echo "$t,h,qemu,forksum,seconds,s,$((98 + rep)),$rep,,"
		echo "$t,h,qemu,forksum,seconds,s,$((198 + rep)),$rep,,cpus=1"
		echo "$t,h,qemu,forksum,seconds,s,$((48 + rep)),$rep,,disk=raw:net=passt"
		echo "$t,h,native,forksum,seconds,s,$((18 + rep)),$rep,,cpus=1"
	done
} >"$d/results.csv"
printf '%s\n' '{"platforms": {"qemu:net=tap": {"skipped": "vc-qemu: tap needs root"}}}' >"$d/meta.json"

run vc-report "$d"
is "$rc" 0 "vc-report reads a file with variants"
is "$(printf '%s\n' "$out" | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n\n")[0].splitlines()[1:]
head = re.split(r"\s{2,}", lines[0].strip())
for l in lines[1:]:
    f = re.split(r"\s{2,}", l.strip())
    if len(f) != len(head):
        print(f[0], "-")
        continue
    print(f[0], f[head.index("ratio")], f[head.index("ratio 95% CI")])
')" "native 1.000 -
native:cpus=1 2.000 [1.643, 2.500]
qemu 10.00 [8.028, 13.24]
qemu:cpus=1 20.00 [16.03, 26.57]
qemu:disk=raw:net=passt 5.000 [4.037, 6.530]
qemu:net=tap -" \
    "a row per column, the plain platform first, each with its ratio to native and its CI"
case $out in *"qemu:net=tap "*" skipped: vc-qemu: tap needs root"*) pass "a skipped variant: its reason" ;;
*) fail "a skipped variant: its reason" "$out" ;; esac
legend=$(printf '%s\n' "$out" | sed -n '/^variants/,/^$/p')
is "$legend" "variants (what each column changes):
native:cpus=1 — CPUs: 1
qemu:cpus=1 — CPUs: 1
qemu:disk=raw:net=passt — guest disk: raw image file
qemu:disk=raw:net=passt — guest network: passt, a separate user-mode process that maps guest frames onto host sockets
qemu:net=tap — guest network: a host tap device through the host kernel's stack, virtio served by QEMU (tap without vhost-net)" \
    "the legend: one line per setting of each variant shown"

run vc-report -f markdown "$d"
case $out in *"### Variants"*"- qemu:disk=raw:net=passt — guest disk: raw image file"*) pass "Markdown: the legend as a list" ;;
*) fail "Markdown: the legend as a list" "$out" ;; esac

run vc-report -f csv "$d"
is "$(printf '%s\n' "$out" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    print(r["platform"], r["variant"] or "-", r["ratio"] or "-", r["status"])
')" "native - 1 ok
native cpus=1 2 ok
qemu - 10 ok
qemu cpus=1 20 ok
qemu disk=raw:net=passt 5 ok
qemu net=tap - skipped" "CSV: the platform, the variant in a column of its own, the ratio"

# Variants in the order vc-suite ran them, from meta.json's columns.
mkdir -p "$tap_tmp/o" && cp "$d/results.csv" "$tap_tmp/o/"
printf '%s\n' '{"columns": [{"name": "native"}, {"name": "qemu"}, {"name": "qemu:disk=raw:net=passt"}, {"name": "qemu:cpus=1"}]}' >"$tap_tmp/o/meta.json"
run vc-report "$tap_tmp/o"
is "$(printf '%s\n' "$out" | sed -n '/^platform/,/^$/p' | cut -d' ' -f1 | tr '\n' ' ')" \
    "platform native native:cpus=1 qemu qemu:disk=raw:net=passt qemu:cpus=1  " \
    "a platform's variants in the order of meta.json's columns"

# An unknown variant (a newer vc-suite's) is shown, and said to be unknown.
sed 's/,cpus=1$/,cpus=1:turbo=on/' "$d/results.csv" >"$tap_tmp/x.csv"
mkdir -p "$tap_tmp/x" && mv "$tap_tmp/x.csv" "$tap_tmp/x/results.csv"
run vc-report "$tap_tmp/x"
case $rc:$out in "0:"*"qemu:cpus=1:turbo=on — not a variant this vc-report knows"*) pass "an unknown setting: shown, and said to be unknown" ;;
*) fail "an unknown setting: shown, and said to be unknown" "$out" ;; esac
# A variant a spreadsheet would run, or with a comma: the file is refused.
sed '2s/,$/,=cmd()/' "$d/results.csv" >"$tap_tmp/bad.csv"
mkdir -p "$tap_tmp/b" && mv "$tap_tmp/bad.csv" "$tap_tmp/b/results.csv"
run vc-report "$tap_tmp/b"
case $rc:$err in "1:vc-report: "*"line 2: variant '=cmd()'"*) pass "a hostile variant: refused, with its line" ;;
*) fail "a hostile variant: refused, with its line" "$rc $err" ;; esac

run vc-plot -o "$tap_tmp/c" "$d"
is "$rc" 0 "vc-plot draws the charts"
# The forksum chart: one bar per column, each its own colour; the
# variants' are lighter shades of their platform's (qemu #e15759).
is "$(python3 - "$tap_tmp/c/forksum.svg" <<'PY'
import re, sys, xml.etree.ElementTree as ET
text = open(sys.argv[1]).read()
ET.fromstring(text)
fills = []
for m in re.finditer(r"fill\s*=\s*['\"]rgb\((\d+),\s*(\d+),\s*(\d+)\)['\"]", text):
    c = tuple(int(x) for x in m.groups())
    if c not in fills:
        fills.append(c)
qemu = (0xe1, 0x57, 0x59)
shades = [c for c in fills if c != qemu and c[0] >= qemu[0] and c[1] > qemu[1] and c[2] > qemu[2] and abs((c[1] - qemu[1]) - (c[2] - qemu[2])) <= 3]
print(qemu in fills, len(shades))
PY
)" "True 2" "SVG: qemu's bar in its colour, its two variants' in two lighter shades"
is "$(python3 - "$tap_tmp/c/forksum.png" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read(24)
print(b[:8] == b"\x89PNG\r\n\x1a\n", struct.unpack(">II", b[16:24]))
PY
)" "True (900, 600)" "PNG: a valid 900x600 image"

# Nine columns or more: their names alone, upright, so that they fit.
mkdir -p "$tap_tmp/many"
{
	echo time,host,platform,benchmark,metric,unit,value,rep,params,variant
	for v in "" cpus=1 cpus=2 cpus=3 cpus=4 cpus=5 cpus=6 cpus=7 cpus=8; do
		echo "2026-11-27T03:01:00Z,h,native,forksum,seconds,s,1,1,,$v"
	done
} >"$tap_tmp/many/results.csv"
printf '#!/bin/sh\ncat >"%s"\n' "$tap_tmp/script.gp" >"$tap_tmp/gnuplot"
chmod +x "$tap_tmp/gnuplot"
run vc-plot -G "$tap_tmp/gnuplot" -o "$tap_tmp/mc" "$tap_tmp/many"
is "$(grep -c '^set xtics rotate by 90 right' "$tap_tmp/script.gp"):$(grep -c "'native:cpus=8' 8)" "$tap_tmp/script.gp")" \
    "2:2" "a crowded chart: its names alone, upright, in the PNG and the SVG"
done_testing
