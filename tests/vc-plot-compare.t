#!/bin/sh
# vc-plot -b BASE NEW draws, per benchmark, the change of its primary
# metric's mean from BASE to NEW: a bar per column in its platform's
# colour, whiskers at the CI, the change under each column. Known data:
# container's memsweep 50% slower in NEW, qemu only in BASE.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"
need_cmd gnuplot python3

plan 7
b=$tap_tmp/base
n=$tap_tmp/new
small_results "$b"
mkdir -p "$n"
cp "$b/meta.json" "$n/"
awk -F, -v OFS=, '$3 == "container" && $5 == "seconds" { $7 = $7 * 1.5 }
    $3 != "qemu" { print }' "$b/results.csv" >"$n/results.csv"

run vc-plot -o "$tap_tmp/c" -b "$b" "$n"
is "$rc:$err" "0:" "exits 0, nothing on stderr"
is "$(printf '%s\n' "$out" | sort)" "$tap_tmp/c/compare-linpack.png
$tap_tmp/c/compare-linpack.svg
$tap_tmp/c/compare-memsweep.png
$tap_tmp/c/compare-memsweep.svg" "a chart per benchmark, PNG and SVG, their paths printed"

svg=$tap_tmp/c/compare-memsweep.svg
is "$(python3 - "$svg" <<'PY'
import re, sys, xml.etree.ElementTree as ET
text = open(sys.argv[1]).read()
ET.fromstring(text)
fills = set()
for m in re.finditer(r"fill\s*=\s*['\"]rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\)['\"]", text):
    fills.add(tuple(int(x) for x in m.groups()))
# native #4e79a7, container #59a14f (harness/catalog.c)
print((0x4e, 0x79, 0xa7) in fills, (0x59, 0xa1, 0x4f) in fills)
PY
)" "True True" "SVG: a bar in native's colour and one in container's"
case $(cat "$svg") in *"+50.0% *"*worse*) pass "SVG: container's change, marked, worse" ;;
*) fail "SVG: container's change, marked, worse" ;; esac
case $(cat "$svg") in *"only in the base run"*) pass "SVG: qemu, only in the base run, said so" ;;
*) fail "SVG: qemu, only in the base run, said so" ;; esac
is "$(python3 - "$tap_tmp/c/compare-memsweep.png" <<'PY'
import struct, sys, zlib
b = open(sys.argv[1], "rb").read()
assert b[:8] == b"\x89PNG\r\n\x1a\n" and b[12:16] == b"IHDR"
print(*struct.unpack(">II", b[16:24]))
PY
)" "900 600" "PNG: a 900x600 image"

usage_error "-b with no new directory: exit 2" vc-plot -b "$b"
done_testing
