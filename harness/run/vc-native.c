/*
 * vc-native - run a benchmark on the host: the baseline platform.
 *
 * A prefix command like nice(1) or timeout(1): it runs the command with
 * the same relaying and timeout rules as the other runners (output goes
 * straight through; exit status is the command's, 128+N if killed by
 * signal N, 124 on timeout, 126/127 if it cannot be run).
 */
#include "config.h"

#include <sys/resource.h>

#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cleanup.h"
#include "msg.h"
#include "run.h"
#include "runner.h"
#include "timing.h"

/* -c: run on the first n online CPUs only. */
static void
limit_cpus(int64_t n)
{
	cpu_set_t all, some;
	int cpu, taken = 0;

	if (sched_getaffinity(0, sizeof(all), &all) == -1)
		diesys(RUN_PLATFORM, "sched_getaffinity");
	CPU_ZERO(&some);
	for (cpu = 0; cpu < CPU_SETSIZE && taken < n; cpu++)
		if (CPU_ISSET(cpu, &all)) {
			CPU_SET(cpu, &some);
			taken++;
		}
	if (taken < n)
		usage_error("-c %lld: only %d CPUs available", (long long)n,
		    taken);
	if (sched_setaffinity(0, sizeof(some), &some) == -1)
		diesys(RUN_PLATFORM, "sched_setaffinity");
}

/* -m: an address-space limit, the nearest native analogue of VM memory. */
static void
limit_mem(uint64_t bytes)
{
	struct rlimit rl = { (rlim_t)bytes, (rlim_t)bytes };

	if (setrlimit(RLIMIT_AS, &rl) == -1)
		diesys(RUN_PLATFORM, "setrlimit");
}

int
main(int argc, char *argv[])
{
	struct runopts o = { 0, 0, 0.0, 0, 0 };
	double deadline = 0.0;
	pid_t pid;
	int ch, status, late;

	msg_init(argv[0]);
	while ((ch = getopt(argc, argv, "+" RUNNER_OPTSTRING)) != -1) {
		if (ch == 'h')
			runner_usage("");
		if (!runner_option(ch, optarg, &o))
			return EXIT_USAGE;
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage_error("missing command");
	if (o.cpus > 0)
		limit_cpus(o.cpus);
	if (o.mem > 0)
		limit_mem(o.mem);

	cleanup_signals();
	if ((pid = spawn_cmd(argv, NULL)) == -1) {
		warnsys("%s", argv[0]);
		return exec_status(errno);
	}
	cleanup_add_pid(pid);
	if (o.timeout > 0)
		deadline = wall_now() + o.timeout;
	if ((status = wait_or_stop(pid, deadline, NULL, RUN_GRACE, &late))
	    == -1)
		diesys(RUN_PLATFORM, "wait");
	if (late)
		warnmsg("%s: timed out after %g s", argv[0], o.timeout);
	return status;
}
