#!/bin/sh
# doc/virtcost.sbatch names a host after its Slurm node, not after the
# machine: on a real single-node cluster (tests/slurm.sh) whose node is
# virtcost-node-1 on this machine (NodeHostname), the node's vc-suite
# writes into DIR/hosts/virtcost-node-1 with its own gethostname() in
# its rows, and vc-merge's results.csv and meta.json say
# virtcost-node-1, keeping the machine's name as the host's hostname.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/slurm.sh"

plan 5
machine=$(python3 -c 'import socket; print(socket.gethostname())')
slurm_start virtcost-node-1

d=$tap_tmp/fleet
run slurm sbatch --wait --quiet --output="$tap_tmp/job.out" --chdir="$tap_tmp" \
    "$top_srcdir/doc/virtcost.sbatch" "$d" -p native -b forksum -n 1 -w 0 -a forksum='1 200'
is "$rc:$(ls "$d/hosts")" "0:virtcost-node-1" "the job succeeds; its host directory is named after the node"
[ "$rc" -eq 0 ] || sed 's/^/# job: /' "$tap_tmp/job.out"

# hosts FILE: the distinct host cells of a results.csv, and its row count.
hosts() {
	python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
print(sorted({r["host"] for r in rows}), len(rows))' "$1" 2>&1
}
n=$(hosts "$d/hosts/virtcost-node-1/results.csv")
is "$n" "['$machine'] 5" "the node's own results.csv: 5 rows, host = the machine's hostname"
is "$(hosts "$d/results.csv")" "['virtcost-node-1'] 5" "the merged results.csv: the same 5 rows, host = the node name"
is "$(python3 -c '
import json, sys
print([(h["name"], h["hostname"], h["status"]) for h in json.load(open(sys.argv[1]))["hosts"]])' "$d/meta.json" 2>&1)" \
    "[('virtcost-node-1', '$machine', 'complete')]" "meta.json: the node, the machine it ran on, complete"

slurm_stop
is "$(slurm_leftovers)" "" "once stopped, no process of the cluster is left"
done_testing
