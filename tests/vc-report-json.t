#!/bin/sh
# vc-report -f json: the CSV's rows as JSON, checked with python3's json
# module against -f csv: the same field names, row count and values
# (null where the CSV is empty), on a real run of vc-suite (native,
# memsweep) and on known data with failed and skipped cells; -a too.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/report-data.sh"
need_cmd python3

plan 9

# same_as_csv JSON CSV: python3 says "ok", or what differs.
same_as_csv() {
	python3 - "$1" "$2" <<'PY'
import csv, json, math, sys
doc = json.load(open(sys.argv[1]))
rows = list(csv.reader(open(sys.argv[2])))
head, rows = rows[0], rows[1:]
assert doc["schema"] == 1 and doc["kind"] == "summary", "schema, kind"
js = doc["rows"]
assert len(js) == len(rows), "rows: %d in JSON, %d in CSV" % (len(js), len(rows))
for j, c in zip(js, rows):
    assert list(j) == head, "names: %s" % list(j)
    for k, v in zip(head, c):
        x = j[k]
        if isinstance(x, list):
            x = " ".join(str(i) for i in x)
        if x is None:
            assert v in ("", "inf", "-inf"), "%s: null for %r" % (k, v)
        elif isinstance(x, bool):
            assert False, k
        elif isinstance(x, (int, float)):
            assert not isinstance(x, int) or k in ("n", "outliers",
                "missing", "failed") or float(x) == x, k
            assert math.isclose(float(v), x, rel_tol=1e-9), "%s: %r vs %r" % (k, x, v)
        else:
            assert x == v, "%s: %r vs %r" % (k, x, v)
print("ok")
PY
}

# A real run: memsweep on native, 2 reps.
d=$tap_tmp/run
run vc-suite -q -p native -b memsweep -a memsweep='-s 1M -r 1' -n 2 -w 0 -d "$d"
is "$rc" 0 "vc-suite measures memsweep on native"

vc-report -f json "$d" >"$tap_tmp/j" 2>"$tap_tmp/e"
is "$?:$(cat "$tap_tmp/e")" "0:" "-f json exits 0, nothing on stderr"
vc-report -f csv "$d" >"$tap_tmp/c"
is "$(same_as_csv "$tap_tmp/j" "$tap_tmp/c" 2>&1 | tail -1)" ok \
    "the CSV's field names, rows and values, as JSON"

vc-report -a -f json "$d" >"$tap_tmp/j"
vc-report -a -f csv "$d" >"$tap_tmp/c"
is "$(same_as_csv "$tap_tmp/j" "$tap_tmp/c" 2>&1 | tail -1):$(python3 -c '
import json, sys; print(len(json.load(open(sys.argv[1]))["rows"]))' "$tap_tmp/j")" \
    "ok:$(($(wc -l <"$tap_tmp/c") - 1))" "-a: every metric, as the CSV's"

# Known data: a failed, a partial and a skipped cell, an outlier, a nan.
failed_results "$tap_tmp/f"
vc-report -a -f json "$tap_tmp/f" >"$tap_tmp/j" 2>/dev/null
vc-report -a -f csv "$tap_tmp/f" >"$tap_tmp/c" 2>/dev/null
is "$(same_as_csv "$tap_tmp/j" "$tap_tmp/c" 2>&1 | tail -1)" ok \
    "failed and skipped cells: the CSV's rows too"
is "$(python3 - "$tap_tmp/j" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
r = {(x["benchmark"], x["metric"], x["platform"]): x for x in d["rows"]}
q = r[("memsweep", "seconds", "qemu")]
c = r[("memsweep", "seconds", "container")]
k = r[("linpack", "kflops", "kvm")]
print(q["mean"], q["outlier_reps"], q["ratio"] > 20, q["variant"])
print(c["status"], c["n"], c["mean"], c["reason"])
print(k["status"], k["reason"], k["ratio_low"])
print(d["skipped"])
print(len(d["failures"]), d["failures"][0]["rep"], d["failures"][0]["platform"], "host=%s" % d["failures"][0]["host"])
PY
)" '427 [5] True None
failed 0 None vc-container: "memsweep" killed, out of memory
skipped no usable /dev/kvm None
[{'"'"'platform'"'"': '"'"'kvm'"'"', '"'"'reason'"'"': '"'"'no usable /dev/kvm'"'"'}]
4 1 container host=None' "numbers are numbers, reps an array, absent values null, the skips and failures listed"

usage_error "-f jsonx: exit 2, one line" vc-report -f jsonx "$d"
one_line_fail "a missing directory: exit 1, one line" "No such file" \
    vc-report -f json "$tap_tmp/nope"
printf 'time,host\n' >"$tap_tmp/bad.csv"
mkdir "$tap_tmp/bad" && mv "$tap_tmp/bad.csv" "$tap_tmp/bad/results.csv"
one_line_fail "a bad results.csv: exit 1, one line, no JSON" "results.csv" \
    vc-report -f json "$tap_tmp/bad"
done_testing
