#!/bin/sh
# linpack solves correctly (its residual check passes) and a small order
# runs fast; the record carries KFLOPS and the residual.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3
plan 5
run linpack -n 100 -t 0.05 -o json
is "$rc" 0 "linpack -n 100 exits 0"
fields=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x["value"] for x in r["metrics"]}
print(r["params"]["n"], r["params"]["lda"], m["kflops"] > 0,
      0 <= m["residual_normalised"] < 100, m["seconds"] >= 0.05)')
is "$fields" "100 1000 True True True" "order, lda, positive KFLOPS, small residual, target met"

# Reps double: the reported batch lasts at least the target time.
run linpack -n 50 -l 50 -t 0.2 -o json
fields=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x["value"] for x in r["metrics"]}
reps = r["params"]["reps"]
print(reps & (reps - 1) == 0, m["seconds"] >= 0.2)')
is "$rc:$fields" "0:True True" "repetitions are a power of two and the batch lasts the target"

# The work done: solves of the order asked, as many as the reported batch
# repeated, the ones kflops and seconds_per_solve are figures of.
fields=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
m = {x["metric"]: x for x in r["metrics"]}
o, s = m["order"], m["solves"]
assert o["unit"] == s["unit"] == "count", (o, s)
assert type(o["value"]) is int and type(s["value"]) is int, (o, s)
n = s["value"]
ops = 2 * 50**3 / 3 + 2 * 50**2
assert abs(m["seconds_per_solve"]["value"] * n - m["seconds"]["value"]) \
    <= 1e-6 * m["seconds"]["value"], m
assert abs(m["kflops"]["value"] * m["seconds"]["value"] * 1000 - ops * n) \
    <= 1e-6 * ops * n, m
print(o["value"], n == r["params"]["reps"])')
is "$rc:$fields" "0:50 True" "order and solves: the work the batch timed"

# The default order is the classic 500 with leading dimension 1000.
run linpack -t 0 -o json
fields=$(printf '%s\n' "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["params"]["n"], r["params"]["lda"])')
is "$rc:$fields" "0:500 1000" "classic defaults: order 500, leading dimension 1000"
done_testing
