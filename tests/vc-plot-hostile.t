#!/bin/sh
# Data is never code: names and parameters that would run a command if
# gnuplot expanded them (backquotes, $(...), system(), quotes, newlines)
# run nothing. A name in results.csv outside the safe set is refused
# (exit 1, one line); parameters from results.csv's params column, or
# from meta.json for an older results.csv, are drawn as text.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd gnuplot python3
m=$tap_tmp/marker
hostile="\`touch $m\`
\$(touch $m)
system(\"touch $m\")
x' . system('touch $m') . '
x\" . system(\"touch $m\") . \""
nhostile=$(printf '%s\n' "$hostile" | wc -l)
plan $((4 * nhostile + 7))

# A name in each field that reaches a chart: refused, nothing run.
for field in 3 4 5 6; do
	name=$(echo "$HEADER" | cut -d, -f$field)
	IFS='
'
	for bad in $hostile; do
		unset IFS
		d=$tap_tmp/f$field
		rm -rf "$d"
		small_results "$d"
		python3 - "$d/results.csv" "$field" "$bad" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
rows[1][int(sys.argv[2]) - 1] = sys.argv[3]
csv.writer(open(sys.argv[1], "w"), lineterminator="\n").writerows(rows)
PY
		run vc-plot "$d"
		if [ "$rc" -eq 1 ] && [ ! -e "$m" ] &&
		    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		    case $err in "vc-plot: $d/results.csv: line 2: $name "*) true ;; *) false ;; esac; then
			pass "$name $bad: refused in one line, nothing run"
		else
			fail "$name $bad: refused in one line, nothing run" \
			    "rc=$rc" "err: $err" "marker: $(ls "$m" 2>&1)"
		fi
		rm -f "$m"
	done
done

# Parameters (meta.json) with every trick and a newline: drawn as text.
d=$tap_tmp/meta
small_results "$d"
python3 - "$d/meta.json" "$hostile" <<'PY'
import json, sys
json.dump({"benchmarks": {"linpack": sys.argv[2], "memsweep": sys.argv[2]}},
          open(sys.argv[1], "w"))
PY
run vc-plot "$d"
is "$rc" 0 "hostile parameters: the charts are drawn"
ok_if "hostile parameters: nothing run" test ! -e "$m"
if grep -qF "system('touch $m')" "$d/charts/linpack.svg" &&
    grep -qF "\$(touch $m)" "$d/charts/linpack.svg"; then
	pass "hostile parameters: shown as text in the title"
else
	fail "hostile parameters: shown as text in the title"
fi

# The same in results.csv's params (one line: a cell holds no line
# break), with a quote and a comma: drawn as text.
p=$tap_tmp/params
small_results "$p"
python3 - "$p/results.csv" "$hostile" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
rows[0].append("params")
for r in rows[1:]:
    r.append("x=" + sys.argv[2].replace("\n", " "))
csv.writer(open(sys.argv[1], "w"), lineterminator="\n").writerows(rows)
PY
run vc-plot "$p"
is "$rc" 0 "hostile params: the charts are drawn"
ok_if "hostile params: nothing run" test ! -e "$m"
if grep -qF "system('touch $m')" "$p/charts/linpack.svg" &&
    grep -qF "\$(touch $m)" "$p/charts/linpack.svg"; then
	pass "hostile params: shown as text in the title"
else
	fail "hostile params: shown as text in the title"
fi

# An output directory with a backquote: quoted too (gnuplot runs in
# $tap_tmp, where `touch marker` would make $m).
cd "$tap_tmp" || exit 1
run vc-plot -f svg -o "\`touch marker\`" "$d"
ok_if "a backquote in -o: drawn there, nothing run" \
    test "$rc" -eq 0 -a ! -e "$m" -a -s "\`touch marker\`/overhead.svg"
done_testing
