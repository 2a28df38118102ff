/*
 * runner.c - the parts every runner shares: the common options (same
 * letters everywhere), waiting for a child with a deadline, and mapping
 * a failed exec to the 126/127 convention of the shell and env(1).
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "msg.h"
#include "parse.h"
#include "runner.h"
#include "timing.h"

/*
 * Handles one of the common options; returns 1 if it was one, 0 if the
 * caller must handle ch itself. -h and -V exit here.
 */
int
runner_option(int ch, const char *arg, struct runopts *o)
{
	const char *why;

	switch (ch) {
	case 'c':
		if ((why = parse_int(arg, 1, 1024, &o->cpus)) != NULL)
			usage_error("-c %s: %s", arg, why);
		return 1;
	case 'k':
		o->keep = 1;
		return 1;
	case 'm':
		if ((why = parse_size(arg, UINT64_C(16) << 20,
		    UINT64_C(1) << 40, &o->mem)) != NULL)
			usage_error("-m %s: %s", arg, why);
		return 1;
	case 't':
		if ((why = parse_time(arg, 0.001, 1e7, &o->timeout)) != NULL)
			usage_error("-t %s: %s", arg, why);
		return 1;
	case 'v':
		o->verbose = 1;
		return 1;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	}
	return 0;
}

/* The usage line: the common options, then the runner's own. */
void
runner_usage(const char *extra)
{
	printf("usage: %s [-hkvV] [-c cpus] [-m memory] [-t timeout]%s%s "
	    "command [arg ...]\n", progname, *extra ? " " : "", extra);
	exit(close_stdout());
}

int64_t
host_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? n : 1;
}

/*
 * Waits for pid until the deadline (a wall_now() time; 0: none). Returns
 * 0 with *status set, or 1 if the deadline passed first (pid still runs).
 * A caught SIGINT/SIGTERM ends the wait through cleanup_check().
 */
int
wait_deadline(pid_t pid, double deadline, int *status)
{
	struct timespec ts = { 0, 0 };
	double left, step = 0.0005;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, deadline > 0 ? WNOHANG : 0);
		if (r == pid)
			return 0;
		if (r == -1 && errno != EINTR)
			diesys(RUN_PLATFORM, "wait");
		cleanup_check();
		if (deadline <= 0)
			continue;
		if ((left = deadline - wall_now()) <= 0)
			return 1;
		/* Short sleeps first: most runs of a quick command end soon. */
		if (step < 0.02)
			step *= 2;
		if (step > left)
			step = left;
		ts.tv_sec = 0;
		ts.tv_nsec = (long)(step * 1e9);
		nanosleep(&ts, NULL);
	}
}

/* Exit code for a spawn that failed with errno e, as the shell gives. */
int
exec_status(int e)
{
	return e == ENOENT || e == ENOTDIR ? RUN_NOTFOUND : RUN_NOEXEC;
}

/* "linpack" for "/usr/bin/linpack": how runners recognise benchmarks. */
const char *
benchmark_name(const char *cmd)
{
	const char *slash = strrchr(cmd, '/');

	return slash != NULL ? slash + 1 : cmd;
}
