#!/bin/sh
# vc-report shows meta.json's "sessions", one line per vc-suite
# session: in text when one looked noisy or with -a, in Markdown always,
# in CSV never; an older meta.json without them changes nothing, and
# untrusted text is cleaned as a reason is.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

# conditions DIR JSON-ARRAY: small results with these conditions.
conditions() {
	small_results "$1"
	printf '{"benchmarks": {"linpack": "-n 500 -t 10", "memsweep": "-s 32M"}, "platforms": {}, "sessions": %s}\n' "$2" >"$1/meta.json"
}
quiet='{"started": "2026-11-27T03:00:00Z", "seconds": 61.4, "steal_percent": 0.25, "others_before_percent": 1.5, "others_after_percent": 0.4, "mhz_min": 2096, "mhz_max": 2096, "mhz_samples": 12, "load_start": [0.1, 0.2, 0.3], "load_end": [1, 1, 1], "noisy": false, "why": []}'
noisy='{"started": "2026-11-27T04:00:00Z", "seconds": 30, "steal_percent": 3.5, "noisy": true, "why": ["steal 3.5% of CPU time", 7, "CPU clock changed by 9%"]}'

plan 8
d=$tap_tmp/r
conditions "$d" "[$quiet]"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c '^machine')" "0:0" "quiet, text without -a: not shown"
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^machine /,$p')" "0:machine (how quiet it looked while vc-suite measured):
2026-11-27T03:00:00Z, 61 s: quiet: steal 0.2%, other programs 2% of the CPUs before and 0% after, CPU clock 2096-2096 MHz" \
    "quiet, text with -a: its figures, last in the report"
run vc-report -f markdown "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^### Machine$/,$p')" "0:### Machine

- 2026-11-27T03:00:00Z, 61 s: quiet: steal 0.2%, other programs 2% of the CPUs before and 0% after, CPU clock 2096-2096 MHz" \
    "markdown: always, under a heading"
run vc-report -f csv "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c -i 'quiet\|noisy')" "0:0" "csv: never"

conditions "$d" "[$quiet, $noisy]"
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^machine /,$p' | tail -n 2)" "0:2026-11-27T03:00:00Z, 61 s: quiet: steal 0.2%, other programs 2% of the CPUs before and 0% after, CPU clock 2096-2096 MHz
2026-11-27T04:00:00Z, 30 s: noisy: steal 3.5% of CPU time; CPU clock changed by 9%" \
    "a noisy session: shown without -a, every session, reasons that are no text left out"

# Control characters are blanked; an entry that is no object is left out.
conditions "$d" '[1, {"started": "x\u0007y", "seconds": 1, "noisy": true, "why": ["a\u001bb"]}]'
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^machine /,$p' | tail -n +2)" "0:x y, 1 s: noisy: a b" \
    "untrusted text cleaned, a non-object left out"
# Noisy with no reason given: the figures, unknown ones as nan.
conditions "$d" '[{"noisy": true}]'
run vc-report "$d"
is "$rc:$(printf '%s\n' "$out" | sed -n '/^machine /,$p' | tail -n +2)" \
    "0:unknown, nan s: noisy: steal nan%, other programs nan% of the CPUs before and nan% after, CPU clock nan-nan MHz" \
    "noisy without reasons: the figures"

small_results "$d"
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c '^machine')" "0:0" "an older meta.json: nothing"
done_testing
