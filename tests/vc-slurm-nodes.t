#!/bin/sh
# doc/virtcost.sbatch on a real two-node Slurm cluster (tests/slurm.sh:
# two slurmd on this machine, nodes virtcost-node-1 and virtcost-node-2,
# named otherwise than the machine, NodeHostname this one): sbatch -N 2
# runs one vc-suite on each node at once, each into DIR/hosts/NODE with
# the machine's gethostname() in its own rows; vc-merge's results.csv
# has both nodes' rows, node by node, under the node names, and its
# meta.json both nodes, each with the machine as its hostname; vc-report
# reads it host by host. A node
# whose vc-suite fails does not stop the other.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/slurm.sh"

plan 10
machine=$(python3 -c 'import socket; print(socket.gethostname())')
slurm_start virtcost-node-1 virtcost-node-2

d=$tap_tmp/fleet
run slurm sbatch --wait --quiet -N 2 --output="$tap_tmp/job.out" --chdir="$tap_tmp" \
    "$top_srcdir/doc/virtcost.sbatch" "$d" -p native -b forksum -n 1 -w 0 -a forksum='1 200'
is "$rc:$(ls "$d/hosts" | tr '\n' ' ')" "0:virtcost-node-1 virtcost-node-2 " \
    "the two-node job succeeds: a host directory per node, named after it"
[ "$rc" -eq 0 ] || sed 's/^/# job: /' "$tap_tmp/job.out"
is "$(grep -c '^vc-suite: \[1/1\] native forksum rep 1: ok' "$tap_tmp/job.out")" 2 \
    "each node ran its own vc-suite"

# hosts FILE: the host cells of a results.csv in file order, one per
# run of equal hosts, and the row count.
hosts() {
	python3 -c '
import csv, itertools, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print([k for k, _ in itertools.groupby(r["host"] for r in rows)], len(rows))' "$1" 2>&1
}
is "$(hosts "$d/hosts/virtcost-node-1/results.csv")" "['$machine'] 5" \
    "node 1's own results.csv: 5 rows, host = the machine's hostname"
is "$(hosts "$d/hosts/virtcost-node-2/results.csv")" "['$machine'] 5" \
    "node 2's own results.csv: 5 rows, host = the machine's hostname"
is "$(hosts "$d/results.csv")" "['virtcost-node-1', 'virtcost-node-2'] 10" \
    "the merged results.csv: node 1's rows, then node 2's, host = the node name"
is "$(python3 -c '
import json, sys
print([(h["name"], h["hostname"], h["status"]) for h in json.load(open(sys.argv[1]))["hosts"]])' "$d/meta.json" 2>&1)" \
    "[('virtcost-node-1', '$machine', 'complete'), ('virtcost-node-2', '$machine', 'complete')]" \
    "meta.json: both nodes, each run on this machine, complete"
run vc-report -f csv "$d"
is "$rc:$(printf '%s\n' "$out" | python3 -c '
import csv, sys
print(sorted({(r["host"], r["platform"], r["ratio"]) for r in csv.DictReader(sys.stdin)
              if r["metric"] == "seconds"}))' 2>&1)" \
    "0:[('virtcost-node-1', 'native', '1'), ('virtcost-node-2', 'native', '1')]" \
    "vc-report reads the merged directory: each node's native, host by host"

# A node whose vc-suite fails does not stop the others, even where the
# cluster kills a step whose task fails (KillOnBadExit=1): node 2's
# host directory holds an earlier run, which its vc-suite refuses to
# overwrite (exit 2) at once; node 1 measures to the end; the merge has
# both, node 2's earlier rows as they were.
e=$tap_tmp/again
vc-suite -p native -b forksum -n 1 -w 0 -a forksum='1 100' \
    -d "$e/hosts/virtcost-node-2" >/dev/null 2>&1
run slurm sbatch --wait --quiet -N 2 --output="$tap_tmp/again.out" --chdir="$tap_tmp" \
    "$top_srcdir/doc/virtcost.sbatch" "$e" -p native -b forksum -n 1 -w 0 -a forksum='1 200'
is "$rc:$(grep -c 'already holds results' "$tap_tmp/again.out")" "2:1" \
    "node 2's vc-suite refuses its used directory: the job exits 2, saying why"
is "$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sorted({(r["host"], r["params"]) for r in rows}), len(rows))' "$e/results.csv" 2>&1)" \
    "[('virtcost-node-1', 'start=1 end=200'), ('virtcost-node-2', 'start=1 end=100')] 10" \
    "node 1 measured to the end all the same, and the merge holds both nodes"

slurm_stop
is "$(slurm_leftovers)" "" "once stopped, no process of the cluster is left"
done_testing
