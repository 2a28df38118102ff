#!/bin/sh
# A long set of parameters (diskwrite's, nginxbench's) is drawn in the
# chart's title as lines of about 80 characters, broken between
# key=value pairs and never inside one, so that nothing is cut at the
# chart's edges.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot python3
plan 3
d=$tap_tmp/r
small_results "$d"
long="block_size=4096 iodepth=64 size=33554432 runtime=3 method=direct"
long="$long ioengine=libaio fio_version=fio-3.33 label=two words x=y"
python3 - "$d/results.csv" "$long" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
rows[0].append("params")
for r in rows[1:]:
    r.append(sys.argv[2])
csv.writer(open(sys.argv[1], "w"), lineterminator="\n").writerows(rows)
PY
run vc-plot -f svg "$d"
is "$rc" 0 "the charts are drawn"
# The title's lines, as the SVG holds them: one <text> element each.
lines=$(python3 - "$d/charts/linpack.svg" <<'PY'
import re, sys
svg = open(sys.argv[1]).read()
texts = [t for t in re.findall(r"<text[^>]*>([^<]*)", svg) if re.match(r"\w+=", t)]
print("\n".join(texts))
PY
)
n=$(printf '%s\n' "$lines" | grep -c .)
ok_if "the parameters take two lines, not one (got $n)" [ "$n" -eq 2 ]
joined=$(printf '%s\n' "$lines" | awk '{ printf "%s%s", (NR > 1 ? " " : ""), $0 }')
wide=$(printf '%s\n' "$lines" | awk 'length($0) > 80 { n++ } END { print n + 0 }')
is "$wide:$joined" "0:$long" "every line fits 80 characters, and they join to the parameters whole"
