#!/bin/sh
# doc/virtcost.sbatch on a real single-node Slurm cluster (tests/slurm.sh:
# munged, slurmctld and slurmd of the test's own): sbatch --wait runs one
# vc-suite on the node into DIR/hosts/NODE, then vc-merge DIR; the
# merged results.csv and meta.json name the node. With -r, the node
# resumes its own run. A vc-suite that fails fails the job, and the
# merge still records the node. Nothing of the cluster is left running.
. "${top_srcdir:-.}/tests/tap.sh"
sbatch_script=$top_srcdir/doc/virtcost.sbatch

plan 16

# Outside a job, the script refuses to run (no Slurm needed for that).
run env -u SLURM_JOB_NUM_NODES sh "$sbatch_script" "$tap_tmp/x" -p native
is "$rc:$err:$(ls -d "$tap_tmp/x" 2>/dev/null)" "2:virtcost.sbatch: not in a Slurm job (run it with sbatch):" \
    "outside a Slurm job: exit 2, one line, nothing created"
run env SLURM_JOB_NUM_NODES=1 sh "$sbatch_script" -p native
is "$rc:$err" "2:virtcost.sbatch: the results directory comes first, not option -p" \
    "an option where the directory belongs: exit 2"
run env SLURM_JOB_NUM_NODES=1 sh "$sbatch_script" -r "$tap_tmp/x" -n 3
is "$rc:$err:$(ls -d "$tap_tmp/x" 2>/dev/null)" \
    "2:virtcost.sbatch: -r takes no vc-suite option (each node resumes with its own): -n:" \
    "-r with a vc-suite option: exit 2, nothing created"
run env SLURM_JOB_NUM_NODES=1 sh "$sbatch_script"
is "$rc:$err" "2:usage: sbatch [-N nodes] virtcost.sbatch [-r] dir [vc-suite options]" \
    "no directory: the usage line, exit 2"

. "$top_srcdir/tests/slurm.sh"
slurm_start
node=$slurm_node

# The job: sbatch's own environment (this PATH, with the build tree's
# vc-suite and vc-merge) passes to the batch script and to srun's task.
# A cheap matrix; -a's value, two words, must reach vc-suite as one.
d=$tap_tmp/fleet
run slurm sbatch --wait --quiet --output="$tap_tmp/job.out" --chdir="$tap_tmp" \
    "$sbatch_script" "$d" -p native -b forksum -n 2 -w 0 -a forksum='1 200'
is "$rc:$(ls "$d/hosts")" "0:$node" "sbatch --wait: the job succeeds, one host directory named after the node"
[ "$rc" -eq 0 ] || sed 's/^/# job: /' "$tap_tmp/job.out"

# rows FILE: "HOST PLATFORM BENCHMARK REP PARAMS" of each record, and
# the row count.
rows() {
	python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for k in sorted({(r["host"], r["platform"], r["benchmark"], r["rep"], r["params"])
                 for r in rows}):
    print(" ".join(k))
print(len(rows), "rows")
PY
}
host_rows=$(rows "$d/hosts/$node/results.csv" 2>&1)
n=$(printf '%s\n' "$host_rows" | sed -n 's/ rows$//p')
is "$(printf '%s\n' "$host_rows" | sed '$d')" "$node native forksum 1 start=1 end=200
$node native forksum 2 start=1 end=200" "the node's vc-suite measured forksum 1 200 on native twice: the options passed through"
is "$(head -n 1 "$d/results.csv")" "$(head -n 1 "$d/hosts/$node/results.csv")" \
    "the merged results.csv has vc-suite's header"
is "$(rows "$d/results.csv" 2>&1)" "$host_rows" \
    "the merged results.csv holds the node's $n rows, host = the node name"

meta=$(python3 - "$d/meta.json" "$d/hosts/$node/meta.json" <<'PY' 2>&1
import json, sys
m = json.load(open(sys.argv[1]))
own = json.load(open(sys.argv[2]))
print(m["schema"], m["kind"], [h["name"] for h in m["hosts"]])
h = m["hosts"][0]
print(h["status"], h["reason"], h["hostname"] == own.get("host"), h["meta"] == own)
PY
)
is "$meta" "1 fleet ['$node']
complete None True True" "meta.json: a fleet of the one node, complete, with its own meta.json"
is "$(ls "$d")" "failures.csv
hosts
meta.json
results.csv" "the fleet directory holds the merged files and hosts/, and no fleet.json (a Slurm run)"

# -r: the node resumes its own run. Its second record is cut off, as by
# a job killed at its time limit; the resumed job measures it again, and
# the merge has both.
python3 - "$d/hosts/$node/results.csv" <<'PY'
import csv, sys
lines = open(sys.argv[1]).read().splitlines(True)
rep = next(csv.reader(lines[:1])).index("rep")
keep = lines[:1] + [l for l in lines[1:] if next(csv.reader([l]))[rep] == "1"]
open(sys.argv[1], "w").writelines(keep)
PY
cut=$(rows "$d/hosts/$node/results.csv" 2>&1 | sed -n 's/ rows$//p')
run slurm sbatch --wait --quiet --output="$tap_tmp/resume.out" --chdir="$tap_tmp" \
    "$sbatch_script" -r "$d"
is "$rc:$cut:$(rows "$d/results.csv" 2>&1)" "0:$((n / 2)):$host_rows" \
    "-r: the node's cut-off record is measured again, with the run's own options, and merged"
[ "$rc" -eq 0 ] || sed 's/^/# job: /' "$tap_tmp/resume.out"
is "$(python3 - "$d/meta.json" <<'PY' 2>&1
import json, sys
h = json.load(open(sys.argv[1]))["hosts"][0]
print(h["name"], h["status"], len(h["meta"]["sessions"]))
PY
)" "$node complete 2" "-r: the merged meta.json has the node's own, with its second session"

# A vc-suite that fails on the node (its one measurement fails) fails
# the job; the merge still runs.
f=$tap_tmp/bad
run slurm sbatch --wait --quiet --output="$tap_tmp/bad.out" --chdir="$tap_tmp" \
    "$sbatch_script" "$f" -p native -b forksum -n 1 -w 0 -a forksum='5 1'
is "$rc:$(grep -c '^vc-suite: failed: native forksum' "$tap_tmp/bad.out")" "1:1" \
    "a failing measurement: the job exits with vc-suite's status 1, its summary in the job's output"
is "$(python3 - "$f/failures.csv" <<'PY' 2>&1
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    print(r["host"], r["platform"], r["benchmark"], r["rep"], r["reason"])
PY
)" "$node native forksum 1 forksum: end 1 is less than start 5" \
    "vc-merge ran after it: the merged failures.csv holds the failure, host = the node name"
is "$(slurm squeue -h 2>&1)" "" "no job is left in the queue"
slurm_stop
is "$(slurm_leftovers)" "" "once stopped, no process of the cluster is left (daemons, slurmstepd, jobs)"
done_testing
