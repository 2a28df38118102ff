#!/bin/sh
# vc-plot draws a chart per benchmark and the overhead chart, as PNG
# (900x600) and SVG, into RESULTS_DIR/charts, and prints their paths.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot python3
plan 7
full_results "$tap_tmp/r"

run vc-plot "$tap_tmp/r"
is "$rc" 0 "exits 0"
is "$err" "" "nothing on stderr"
names="diskwrite forksum linpack memsweep nginxbench overhead"
want=$(for n in $names; do
	printf '%s\n' "$tap_tmp/r/charts/$n.png" "$tap_tmp/r/charts/$n.svg"
done | sort)
is "$(printf '%s\n' "$out" | sort)" "$want" "prints the path of each chart"

missing=
for f in $want; do [ -s "$f" ] || missing="$missing $f"; done
is "$missing" "" "every chart exists and is not empty"

# PNG: the 8-byte signature, then IHDR with width and height.
got=$(python3 -c '
import struct, sys
for path in sys.argv[1:]:
    b = open(path, "rb").read(24)
    if b[:8] != b"\x89PNG\r\n\x1a\n" or b[12:16] != b"IHDR":
        print(path, "is not a PNG")
        continue
    w, h = struct.unpack(">II", b[16:24])
    if (w, h) != (900, 600):
        print(path, w, h)
' $(printf '%s\n' "$want" | grep 'png$'))
is "$got" "" "PNGs are PNG images of 900x600"

# SVG: well-formed XML whose root is <svg> with a width and height.
got=$(python3 -c '
import sys, xml.etree.ElementTree as ET
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(path, e)
        continue
    if root.tag != "{http://www.w3.org/2000/svg}svg" or \
            root.get("width") is None or root.get("height") is None:
        print(path, root.tag, root.attrib)
' $(printf '%s\n' "$want" | grep 'svg$'))
is "$got" "" "SVGs are well-formed <svg> documents with width and height"

# The title carries the parameters from meta.json, the axis the unit.
svg=$tap_tmp/r/charts/linpack.svg
if grep -q -- "-n 500 -t 10" "$svg" && grep -q "kflops (KFLOPS), higher is better" "$svg"; then
	pass "title with parameters, axis with unit and direction"
else
	fail "title with parameters, axis with unit and direction"
fi
done_testing
