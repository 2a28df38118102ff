#!/bin/sh
# vc-report's statistics agree with an independent computation in awk.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

small_results "$tap_tmp/r"

# n mean median sd min max ci_low ci_high ratio of each primary metric,
# from results.csv, with Student's t from a printed table.
awk -F, 'NR > 1 && $7 != "nan" &&
    (($4 == "memsweep" && $5 == "seconds") || ($4 == "linpack" && $5 == "kflops")) {
	k = $4 "," $3
	if (!(k in n))
		keys[++nk] = k
	v[k, ++n[k]] = $7 + 0
}
END {
	t[3] = 3.182446; t[4] = 2.776445
	for (i = 1; i <= nk; i++) {
		k = keys[i]; m = n[k]; s = 0
		for (j = 1; j <= m; j++) { x[j] = v[k, j]; s += x[j] }
		for (a = 2; a <= m; a++)	# insertion sort
			for (b = a; b > 1 && x[b - 1] > x[b]; b--) {
				y = x[b]; x[b] = x[b - 1]; x[b - 1] = y
			}
		mean[k] = s / m; ss = 0
		for (j = 1; j <= m; j++) ss += (x[j] - mean[k]) ^ 2
		sd = sqrt(ss / (m - 1))
		med = m % 2 ? x[(m + 1) / 2] : (x[m / 2] + x[m / 2 + 1]) / 2
		h = t[m - 1] * sd / sqrt(m)
		split(k, kk, ",")
		out[k] = sprintf("%d %.10g %.10g %.10g %.10g %.10g %.10g %.10g",
		    m, mean[k], med, sd, x[1], x[m], mean[k] - h, mean[k] + h)
		bench[k] = kk[1]
	}
	for (i = 1; i <= nk; i++) {
		k = keys[i]
		printf "%s %s %.10g\n", k, out[k], mean[k] / mean[bench[k] ",native"]
	}
}' "$tap_tmp/r/results.csv" | sort >"$tap_tmp/want"

run vc-report -f csv "$tap_tmp/r"
printf '%s\n' "$out" | awk -F, 'NR > 1 {
	print $1 "," $4, $5, $6, $7, $8, $9, $10, $12, $13, $14
}' | sort >"$tap_tmp/got"

nwant=$(wc -l <"$tap_tmp/want")
plan $((nwant + 3))
is "$rc" 0 "vc-report -f csv exits 0"
is "$(wc -l <"$tap_tmp/got")" "$nwant" "one row per benchmark and platform"

# Field by field, to a relative 1e-6 (the CSV has 10 digits).
while read -r key rest; do
	got=$(grep "^$key " "$tap_tmp/got" | cut -d' ' -f2-)
	bad=$(printf '%s\n%s\n' "$rest" "$got" | awk '
	    NR == 1 { for (i = 1; i <= NF; i++) w[i] = $i; nw = NF }
	    NR == 2 {
		split("n mean median sd min max ci_low ci_high ratio", name, " ")
		for (i = 1; i <= nw; i++) {
			d = w[i] - $i; if (d < 0) d = -d
			a = w[i] < 0 ? -w[i] : w[i]
			if (d > 1e-6 * a + 1e-12 || $i == "")
				printf "%s: got %s, want %s; ", name[i], $i, w[i]
		}
	    }')
	if [ -z "$got" ]; then
		fail "$key: statistics" "no row in vc-report's output"
	elif [ -z "$bad" ]; then
		pass "$key: n, mean, median, sd, min, max, CI, ratio"
	else
		fail "$key: statistics" "$bad"
	fi
done <"$tap_tmp/want"

# The native row: ratio 1, no CI of a ratio to itself.
row=$(printf '%s\n' "$out" | grep '^memsweep,seconds,s,native,')
is "$(printf '%s\n' "$row" | cut -d, -f14-16)" "1,," "native: ratio 1, no ratio CI"
done_testing
