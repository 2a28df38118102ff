#!/bin/sh
# vc-report handles 20,000 series (10,000 metrics on 2 platforms, 3
# reps): about a second now, where a lookup walking every series took 15
# to 40. Speed is no test's business on a shared machine (the figures
# are in the commit); the timeout only keeps a hang from blocking.
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
run timeout 600 vc-report -a -f csv "$tap_tmp/d"
is "$rc" 0 "20,000 series reported"
is "$(printf '%s\n' "$out" | wc -l)" 20001 "one CSV row per series, and the header"
done_testing
