# slurm.sh - a real Slurm cluster of the test's own, on this one
# machine: munged, slurmctld and a slurmd per node, each started in the
# foreground (so their pids are ours), with everything private in
# $slurm_dir: the munge key, socket and seed, a generated slurm.conf
# (free ports, state, spool and pid files), the daemons' logs (their
# standard error: they run in the foreground, with no log file).
# Nothing of /etc is written, and no configuration there is read:
# SLURM_CONF names the private slurm.conf, and its AuthInfo the private
# munge socket. Sourced after tap.sh; without one of the programs, the
# test is skipped (failed in CI), saying which.
#
#   slurm_start [NODE...]
#                     start munged, slurmctld and one slurmd per node
#                     (default: one node, `hostname -s`; other names
#                     are nodes whose NodeHostname is this machine's,
#                     as on clusters that name nodes otherwise than
#                     their hosts, each slurmd on a port of its own);
#                     wait until sinfo shows every node idle (bail out
#                     with the daemons' logs when they do not come up).
#                     Several nodes on one machine each have all of
#                     it: a cluster to test how a job spreads and what
#                     it gathers, not to measure.
#   slurm CMD...      run a Slurm command (sbatch, sinfo...) against it
#   slurm_stop        cancel its jobs, stop the daemons, wait for them
#   slurm_leftovers   the pids and command lines of any process still
#                     running with this cluster's SLURM_CONF (the
#                     daemons, slurmstepd, a job's processes): none
#                     after slurm_stop
#   $slurm_nodes      the nodes' names, slurmd's -N (after slurm_start)
#   $slurm_node       the first of them
#
# What it needs of the machine: the programs of Debian's slurm-wlm and
# munge packages; free TCP ports on 127.0.0.1, one for slurmctld and
# one per node. Not root: the daemons run as the user who runs the
# test (SlurmUser, SlurmdUser), whose jobs they are (checked as root
# and as nobody). Not systemd, not cgroups
# (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none,
# JobAcctGatherType=jobacct_gather/none), not a database (no
# accounting), not /etc/munge or /etc/slurm.
#
# The daemons carry SLURM_CONF=$slurm_dir/slurm.conf in their
# environment (munged too, though it does not read it), and slurmd
# hands it on to slurmstepd and the job, as sbatch's environment
# holds it: that one string finds whatever of this cluster still runs.
# This shell does not export it (slurm CMD passes it to CMD alone), so
# that it is not one of them.

need_cmd munged munge mungekey slurmctld slurmd sbatch srun sinfo squeue scancel python3

slurm_dir=$tap_tmp/slurm
slurm_host=$(hostname -s)
slurm_nodes=
slurm_node=
slurm_pids=
slurm_ctld=

# (The daemons are started as simple commands, not through slurm CMD:
# the shell runs a function in the background in a subshell of its
# own, and $! would be that subshell's pid, not the daemon's.)
slurm() { SLURM_CONF=$slurm_dir/slurm.conf "$@"; }

# slurm_bail WHY: the cluster did not come up: say why, with the tail of
# each log, and stop what was started.
slurm_bail() {
	echo "Bail out! $1"
	for f in "$slurm_dir"/*.log; do
		[ -f "$f" ] || continue
		echo "# --- $f"
		tail -n 15 "$f" | sed 's/^/# /'
	done
	exit 1
}

# slurm_free_ports N: N distinct TCP ports free on 127.0.0.1 now (the
# kernel's choice; another program could take one before slurmctld
# binds it, which then fails to start, saying so in its log).
slurm_free_ports() {
	python3 -c '
import socket, sys
ss = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in ss:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in ss))' "$1"
}

slurm_start() {
	slurm_nodes=${*:-$slurm_host}
	slurm_node=${slurm_nodes%% *}
	mkdir -p "$slurm_dir/state" "$slurm_dir/spool"
	chmod 700 "$slurm_dir"
	# A Unix socket's path holds at most 107 bytes: munged's, and
	# slurmstepd's in the spool directory (spool/NODE/NODE_JOB.STEP).
	[ ${#slurm_dir} -le 50 ] ||
	    slurm_bail "TMPDIR is too long for Unix sockets under $slurm_dir"
	# munge: a key of our own, a socket of our own. munged refuses a
	# socket in a directory that not everyone may search ("Socket is
	# inaccessible: execute permissions for all required"): this one's
	# is private (tap_tmp is 0700), and --force makes that a warning.
	# (It is not about root: munged runs as root without --force.)
	mungekey -c -k "$slurm_dir/munge.key" ||
	    slurm_bail "mungekey could not create a key"
	SLURM_CONF=$slurm_dir/slurm.conf munged -F --force \
	    --key-file="$slurm_dir/munge.key" \
	    --socket="$slurm_dir/munge.socket" \
	    --pid-file="$slurm_dir/munged.pid" \
	    --seed-file="$slurm_dir/munged.seed" \
	    >"$slurm_dir/munged.log" 2>&1 &
	slurm_pids=$!

	# The node as slurmd finds it (CPUs, sockets, cores, threads,
	# RealMemory): a node configured with more than it has is drained.
	hw=$(slurmd -C | sed -n '1s/^NodeName=[^ ]* //p')
	[ -n "$hw" ] || slurm_bail "slurmd -C did not describe this node"
	n=0
	for node in $slurm_nodes; do
		n=$((n + 1))
	done
	# slurmctld's port, then one per node: each node's slurmd listens
	# on its own (Port=), as several slurmd on one machine must.
	ports=$(slurm_free_ports $((n + 1)))
	: >"$slurm_dir/plugstack.conf"
	{
		echo "# A cluster of tests/slurm.sh on one machine, private to one test."
		echo "ClusterName=virtcost"
		echo "SlurmctldHost=$slurm_host(127.0.0.1)"
		echo "SlurmctldPort=${ports%% *}"
		echo "SlurmUser=$(id -un)"
		echo "SlurmdUser=$(id -un)"
		echo "AuthType=auth/munge"
		echo "CredType=cred/munge"
		echo "AuthInfo=socket=$slurm_dir/munge.socket"
		echo "StateSaveLocation=$slurm_dir/state"
		echo "SlurmdSpoolDir=$slurm_dir/spool/%n"
		echo "SlurmctldPidFile=$slurm_dir/slurmctld.pid"
		echo "SlurmdPidFile=$slurm_dir/slurmd.%n.pid"
		echo "PlugStackConfig=$slurm_dir/plugstack.conf"
		echo "MailProg=/bin/true"
		echo "ProctrackType=proctrack/linuxproc"
		echo "TaskPlugin=task/none"
		echo "JobAcctGatherType=jobacct_gather/none"
		echo "AccountingStorageType=accounting_storage/none"
		echo "JobCompType=jobcomp/none"
		echo "MpiDefault=none"
		echo "SchedulerType=sched/builtin"
		echo "SelectType=select/cons_tres"
		echo "SelectTypeParameters=CR_Core"
		echo "ReturnToService=2"
		# As on many clusters: a step whose task fails is killed
		# whole, unless srun says otherwise (--kill-on-bad-exit=0).
		echo "KillOnBadExit=1"
		set -- ${ports#* }
		for node in $slurm_nodes; do
			echo "NodeName=$node NodeHostname=$slurm_host NodeAddr=127.0.0.1 Port=$1 $hw State=UNKNOWN"
			shift
		done
		echo "PartitionName=virtcost Nodes=$(echo $slurm_nodes | tr ' ' ,) Default=YES MaxTime=INFINITE State=UP"
	} >"$slurm_dir/slurm.conf"
	for node in $slurm_nodes; do
		mkdir -p "$slurm_dir/spool/$node"
	done
	# munged is up when its socket answers.
	i=0
	until slurm munge -n -S "$slurm_dir/munge.socket" </dev/null >/dev/null 2>&1; do
		kill -0 "$slurm_pids" 2>/dev/null || slurm_bail "munged exited"
		i=$((i + 1))
		[ "$i" -lt 300 ] || slurm_bail "munged did not answer in 60 s"
		sleep 0.2
	done
	# Newest first in slurm_pids: the order slurm_stop stops them in.
	SLURM_CONF=$slurm_dir/slurm.conf slurmctld -D >"$slurm_dir/slurmctld.log" 2>&1 &
	slurm_ctld=$!
	slurm_pids="$slurm_ctld $slurm_pids"
	for node in $slurm_nodes; do
		SLURM_CONF=$slurm_dir/slurm.conf slurmd -D -N "$node" \
		    >"$slurm_dir/slurmd.$node.log" 2>&1 &
		slurm_pids="$! $slurm_pids"
	done
	# The nodes are idle once each slurmd has registered with slurmctld.
	i=0
	until [ "$(slurm sinfo -h -N -o %t 2>/dev/null | sort -u)" = idle ] &&
	    [ "$(slurm sinfo -h -N -o %N 2>/dev/null | wc -l)" -eq "$n" ]; do
		for p in $slurm_pids; do
			kill -0 "$p" 2>/dev/null || slurm_bail "a Slurm daemon exited (pid $p)"
		done
		i=$((i + 1))
		[ "$i" -lt 300 ] ||
		    slurm_bail "nodes not idle in 60 s: $(slurm sinfo -h -N -o '%N %t %E' 2>&1 | tr '\n' ';')"
		sleep 0.2
	done
}

slurm_stop() {
	[ -n "$slurm_pids" ] || return 0
	# Jobs first: slurmstepd outlives slurmd, so a running job would
	# outlive the cluster. (Asked only of a live slurmctld: a client
	# waits minutes for a dead one.)
	if [ -n "$slurm_ctld" ] && kill -0 "$slurm_ctld" 2>/dev/null; then
		slurm scancel --partition=virtcost >/dev/null 2>&1
		i=0
		while [ -n "$(slurm squeue -h -o %i 2>/dev/null)" ] &&
		    [ "$i" -lt 150 ]; do
			i=$((i + 1))
			sleep 0.2
		done
	fi
	# slurmd (each), slurmctld, munged: in that order, each waited for.
	for p in $slurm_pids; do
		kill -TERM "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	slurm_pids=
}

slurm_leftovers() {
	python3 - "SLURM_CONF=$slurm_dir/slurm.conf" <<'EOF'
import os, sys
mark = sys.argv[1].encode()
for p in os.listdir("/proc"):
    if not p.isdigit() or int(p) == os.getpid():
        continue
    try:
        with open("/proc/%s/environ" % p, "rb") as f:
            env = f.read().split(b"\0")
        with open("/proc/%s/cmdline" % p, "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        continue
    if mark in env:
        print(p, cmd.strip())
EOF
}

# Whatever happens, nothing of the cluster outlives the test.
trap 'slurm_stop; rm -rf "$tap_tmp"' EXIT
trap 'exit 1' HUP INT TERM
