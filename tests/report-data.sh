# report-data.sh - synthetic results directories for the vc-report and
# vc-plot tests, sourced after tap.sh. Known data, no benchmark runs.

# The header of an older results.csv, without params: its rows are
# simpler to write, and that it is still read is tested too.
HEADER=time,host,platform,benchmark,metric,unit,value,rep

# small_results DIR: memsweep seconds with known values (one outlier on
# qemu, rep 5), its checksum, and linpack kflops with a nan on qemu.
small_results() {
	mkdir -p "$1"
	{
		echo "$HEADER"
		awk 'BEGIN {
			split("10 11 12 13 14", nat, " ")
			split("10.5 11.5 12 13.5 14.5", con, " ")
			split("300 310 320 305 900", qem, " ")
			for (i = 1; i <= 5; i++) {
				t = sprintf("2026-11-27T03:%02d:00Z", i)
				printf "%s,h,native,memsweep,seconds,s,%s,%d\n", t, nat[i], i
				printf "%s,h,native,memsweep,checksum,,123,%d\n", t, i
				printf "%s,h,container,memsweep,seconds,s,%s,%d\n", t, con[i], i
				printf "%s,h,qemu,memsweep,seconds,s,%s,%d\n", t, qem[i], i
				printf "%s,h,native,linpack,kflops,KFLOPS,%d,%d\n", t, 1200000 + 1000 * i, i
				printf "%s,h,container,linpack,kflops,KFLOPS,%d,%d\n", t, 1190000 + 1500 * i, i
				printf "%s,h,qemu,linpack,kflops,KFLOPS,%s,%d\n", t, i == 3 ? "nan" : 40000 + 100 * i, i
			}
		}'
	} >"$1/results.csv"
	printf '{"benchmarks": {"linpack": "-n 500 -t 10", "memsweep": "-s 32M"}, "platforms": {}}\n' >"$1/meta.json"
}

# full_results DIR: every benchmark on every platform, 8 runs each,
# with plausible overheads (qemu tens of times slower).
full_results() {
	mkdir -p "$1"
	{
		echo "$HEADER"
		awk 'BEGIN {
			nb = split("linpack memsweep forksum diskwrite nginxbench", b, " ")
			split("kflops seconds seconds iops seconds_per_file", m, " ")
			split("KFLOPS s s 1/s s", u, " ")
			split("1200000 0.9 0.25 52000 0.6", base, " ")
			split("1 0 0 1 0", rate, " ")	# more is better
			np = split("native container kvm qemu", p, " ")
			# how many times slower than native, per benchmark
			slow["native"] = "1 1 1 1 1"
			slow["container"] = "1.01 1.02 1.04 1.01 1.03"
			slow["kvm"] = "1.03 1.05 1.6 1.4 1.2"
			slow["qemu"] = "30 35 45 60 8"
			for (r = 1; r <= 8; r++)
				for (j = 1; j <= np; j++) {
					split(slow[p[j]], f, " ")
					for (i = 1; i <= nb; i++) {
						noise = 1 + 0.04 * sin(r * 7 + i * 3 + j)
						v = rate[i] ? base[i] / f[i] : base[i] * f[i]
						printf "2026-11-27T%02d:%02d:00Z,h,%s,%s,%s,%s,%.6g,%d\n", r, 10 * j + i, p[j], b[i], m[i], u[i], v * noise, r
					}
				}
		}'
	} >"$1/results.csv"
	printf '{"benchmarks": {"linpack": "-n 500 -t 10", "memsweep": "-s 32M", "forksum": "1 100000", "diskwrite": "-b 4k -t 10", "nginxbench": "-s 512M -d 20"}}\n' >"$1/meta.json"
}

# failed_results DIR: small_results, plus what vc-suite records when
# cells fail: kvm skipped (meta.json), memsweep failed on every rep on
# container (its rows removed), linpack failed on 2 of 7 reps on qemu.
# The reasons hold what CSV and Markdown must quote.
failed_results() {
	small_results "$1"
	grep -v ',container,memsweep,' "$1/results.csv" >"$1/r.tmp"
	mv "$1/r.tmp" "$1/results.csv"
	cat >"$1/failures.csv" <<'EOS'
time,platform,benchmark,rep,status,reason
2026-11-27T03:01:00Z,container,memsweep,1,1,"vc-container: ""memsweep"" killed, out of memory"
2026-11-27T03:02:00Z,container,memsweep,2,137,"vc-container: ""memsweep"" killed, out of memory"
2026-11-27T03:06:00Z,qemu,linpack,6,1,"vc-qemu: guest *panic* | <b>"
2026-11-27T03:07:00Z,qemu,linpack,7,1,"vc-qemu: guest *panic* | <b>"
EOS
	printf '{"benchmarks": {"linpack": "-n 500 -t 10", "memsweep": "-s 32M"}, "platforms": {"native": {}, "kvm": {"skipped": "no usable /dev/kvm"}}}\n' >"$1/meta.json"
}

# with_params DIR CELL: DIR/results.csv in today's format, with CELL (as
# CSV, quoted if it must be) as every row's params.
with_params() {
	P=$2 awk 'NR == 1 { print $0 ",params"; next }
	    { print $0 "," ENVIRON["P"] }' "$1/results.csv" >"$1/r.tmp" &&
		mv "$1/r.tmp" "$1/results.csv"
}

# envelope_results DIR: small_results, with the envelope vc-suite
# records for each platform in meta.json: native as vc-envelope gives
# it, qemu with one vCPU of the guest's two, a cgroup's limits on
# container, and a kernel release holding what Markdown must escape and
# a line break.
envelope_results() {
	small_results "$1"
	cat >"$1/meta.json" <<'EOS'
{"benchmarks": {"linpack": "-n 500 -t 10", "memsweep": "-s 32M"},
 "platforms": {
  "native": {"envelope": {"cpus_usable": 2, "cpus_online": 2,
   "memory_total": 25275990016, "nofile_soft": 1024, "nofile_hard": 524288,
   "nproc_soft": 96363, "nproc_hard": 96363, "pid_max": 4194304,
   "threads_max": 192726, "cgroup_pids_max": "max", "cgroup_memory_max": "max",
   "cgroup_cpu_max": "max 100000", "kernel": "6.1.0-28-amd64"},
   "commands": {}},
  "container": {"engine": "podman", "envelope": {"cpus_usable": 2,
   "cpus_online": 2, "memory_total": 25275990016, "nofile_soft": 1024,
   "nofile_hard": 524288, "nproc_soft": 96363, "nproc_hard": 96363,
   "pid_max": 4194304, "threads_max": 192726, "cgroup_pids_max": 2048,
   "cgroup_memory_max": 536870912, "cgroup_cpu_max": "150000 100000",
   "kernel": "6.1.0-28-amd64"}},
  "qemu": {"envelope": {"cpus_usable": 1, "cpus_online": 2,
   "memory_total": 1019506688, "nofile_soft": 1024, "nofile_hard": 4096,
   "nproc_soft": 3717, "nproc_hard": 3717, "pid_max": 32768,
   "threads_max": 7434, "cgroup_pids_max": "unknown", "cgroup_memory_max": "unknown",
   "cgroup_cpu_max": "unknown", "kernel": "6.1 *x* <b>\nsecond"}}}}
EOS
}

# unequal_results DIR: forksum 1 2000 and linpack in today's format, 3
# reps each: container refused 1411 forks in rep 2 (native none), qemu
# did native's work; linpack ran order 100 on qemu, 200 elsewhere.
unequal_results() {
	mkdir -p "$1"
	{
		echo "$HEADER,params"
		awk 'BEGIN {
			split("0.21 0.22 0.20", nat, " ")
			split("0.25 0.19 0.26", con, " ")
			split("9.1 9.3 9.2", qem, " ")
			for (i = 1; i <= 3; i++) {
				t = sprintf("2026-11-27T03:%02d:00Z", i)
				rec(t, "native", nat[i], 3998, 0, i)
				rec(t, "container", con[i], i == 2 ? 2587 : 3998, i == 2 ? 1411 : 0, i)
				rec(t, "qemu", qem[i], 3998, 0, i)
				lin(t, "native", 1200000 + 1000 * i, 200, i)
				lin(t, "container", 1190000 + 1500 * i, 200, i)
				lin(t, "qemu", 40000 + 100 * i, 100, i)
			}
		}
		function rec(t, p, s, procs, fails, i,    par) {
			par = "start=1 end=2000"
			printf "%s,h,%s,forksum,sum,,2001000,%d,%s\n", t, p, i, par
			printf "%s,h,%s,forksum,seconds,s,%s,%d,%s\n", t, p, s, i, par
			printf "%s,h,%s,forksum,processes,count,%d,%d,%s\n", t, p, procs, i, par
			printf "%s,h,%s,forksum,fork_failures,count,%d,%d,%s\n", t, p, fails, i, par
		}
		function lin(t, p, k, n, i) {
			printf "%s,h,%s,linpack,kflops,KFLOPS,%d,%d,n=%d\n", t, p, k, i, n
			printf "%s,h,%s,linpack,order,count,%d,%d,n=%d\n", t, p, n, i, n
		}'
	} >"$1/results.csv"
}

# host_results DIR HOST NATIVE QEMU: one host's vc-suite directory,
# memsweep seconds on native and qemu, three reps each (values given as
# "a b c"), its rows' host column HOST, a meta.json naming the machine.
host_results() {
	mkdir -p "$1"
	echo "$HEADER" >"$1/results.csv"
	for p in native qemu; do
		[ "$p" = native ] && vals=$3 || vals=$4
		r=0
		for v in $vals; do
			r=$((r + 1))
			echo "2026-11-27T03:0$r:00Z,$2,$p,memsweep,seconds,s,$v,$r"
		done
	done >>"$1/results.csv"
	printf '{"host": "%s.example", "cpu_model": "CPU %s", "cpus": 2, "platforms": {}}\n' "$2" "$2" >"$1/meta.json"
}

# fleet_results DIR: a fleet directory as vc-merge writes it (see
# /work/notes/fleet-format.md): host a (native 10 11 12, qemu 300 310
# 320; kvm skipped), host b (native 20 22 24, qemu 100 110 120; qemu
# rep 4 failed, in its own failures.csv), host c failed before any run.
fleet_results() {
	host_results "$1/hosts/a" a "10 11 12" "300 310 320"
	host_results "$1/hosts/b" b "20 22 24" "100 110 120"
	printf '{"host": "a.example", "cpu_model": "CPU a", "cpus": 2, "platforms": {"native": {}, "kvm": {"skipped": "no usable /dev/kvm"}}}\n' >"$1/hosts/a/meta.json"
	cat >"$1/hosts/b/failures.csv" <<'EOS'
time,platform,benchmark,rep,status,reason
2026-11-27T03:04:00Z,qemu,memsweep,4,125,vc-qemu: guest did not boot
EOS
	{
		echo "$HEADER"
		tail -n +2 "$1/hosts/a/results.csv"
		tail -n +2 "$1/hosts/b/results.csv"
	} >"$1/results.csv"
	cat >"$1/meta.json" <<'EOS'
{"schema": 1, "kind": "fleet", "merged": "2026-11-27T04:00:00Z", "hosts": [
 {"name": "a", "hostname": "a.example", "status": "complete", "reason": null,
  "meta": {"host": "a.example", "cpu_model": "CPU a", "cpus": 2,
   "platforms": {"native": {}, "kvm": {"skipped": "no usable /dev/kvm"}}}},
 {"name": "b", "hostname": "b.example", "status": "complete", "reason": null,
  "meta": {"host": "b.example", "cpu_model": "CPU b", "cpus": 4, "platforms": {}}},
 {"name": "c", "hostname": null, "status": "failed",
  "reason": "ssh: connect to host c port 22: Connection refused", "meta": null}]}
EOS
}
