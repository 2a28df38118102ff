#!/bin/sh
# vc-report is linear in the series: 20,000 of them (10,000 metrics on
# 2 platforms, 3 reps) take about a second, where every lookup walking
# every series took 15 to 40. A 10 s limit tells the two apart (60 s in
# a sanitizer build, where it takes about 11).
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd timeout

plan 2
mkdir "$tap_tmp/d"
awk 'BEGIN {
	print "time,host,platform,benchmark,metric,unit,value,rep"
	for (rep = 1; rep <= 3; rep++)
		for (p = 0; p < 2; p++)
			for (m = 0; m < 10000; m++)
				printf "2026-01-01T00:00:00Z,h,%s,linpack,m%d,s,%d.%d,%d\n",
				    p ? "kvm" : "native", m, 1 + m % 7, rep, rep
}' >"$tap_tmp/d/results.csv"
limit=10
[ -n "${VC_SANITIZER:-}" ] && limit=60
run timeout "$limit" vc-report -a -f csv "$tap_tmp/d"
is "$rc" 0 "20,000 series reported within $limit s"
is "$(printf '%s\n' "$out" | wc -l)" 20001 "one CSV row per series, and the header"
done_testing
