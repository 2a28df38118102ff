/*
 * runner.c - the parts every runner shares: the common options (same
 * letters everywhere) and running the platform's helper programs. The
 * host half of nginxbench is serve.c's; waiting, deadlines and exit
 * codes are lib/run.c's.
 */
#include "config.h"

#include <sys/sysinfo.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cleanup.h"
#include "msg.h"
#include "parse.h"
#include "run.h"
#include "runner.h"
#include "xalloc.h"

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
		if ((why = parse_int(arg, 1, RUNNER_CPUS_MAX, &o->cpus)) != NULL)
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

/* The host's memory (MemTotal) in bytes, or 0 if it cannot be told. */
uint64_t
host_memory(void)
{
	struct sysinfo si;

	if (sysinfo(&si) == -1)
		return 0;
	return (uint64_t)si.totalram * (si.mem_unit > 0 ? si.mem_unit : 1);
}

/*
 * Runners recognise a benchmark by its name, whatever its directory;
 * the platform check, in the core part, needs no more than a compute
 * benchmark (a VM boots without the io part for it).
 */
enum bench_kind
bench_kind(const char *cmd)
{
	const char *slash = strrchr(cmd, '/'), *name;
	const struct bench_def *b;

	name = slash != NULL ? slash + 1 : cmd;
	if (strcmp(name, ENVELOPE_PROG) == 0)
		return BENCH_CPU;
	b = catalog_bench(name);
	return b != NULL ? b->kind : BENCH_OTHER;
}

/*
 * Runs a helper program (mkfs, qemu-img, an engine command); its output
 * is shown only with -v, its errors always. Failure is the platform's.
 */
void
run_quiet(char *const argv[], int verbose)
{
	struct spawn_io io = SPAWN_INHERIT;
	int null = -1, rc;

	if (!verbose) {
		if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
			diesys(RUN_PLATFORM, "/dev/null");
		io.fd[1] = null;
	}
	rc = run_cmd(argv, &io);
	if (null != -1)
		close(null);
	if (rc == -1)
		diesys(RUN_PLATFORM, "%s", argv[0]);
	cleanup_check();
	if (rc != 0)
		die(RUN_PLATFORM, "%s failed (exit %d)", argv[0], rc);
}

/*
 * run_read() as the runners and vc-suite take a command's output: one
 * that cannot be run exits 126 or 127 (exec_status()) with the reason
 * as its output (and its kept stderr).
 */
int
runner_read(char *const argv[], int flags, char **out, char **err,
    size_t errmax)
{
	int rc, e;

	if ((rc = run_read(argv, flags, out, 0, err, errmax)) != -1)
		return rc;
	e = errno;
	*out = xasprintf("%s: %s\n", argv[0], strerror(e));
	if (err != NULL)
		*err = xstrdup(*out);
	return exec_status(e);
}

/* Runs argv and returns its standard output; failure is the platform's. */
char *
capture(char *const argv[])
{
	char *out;
	int rc;

	if ((rc = runner_read(argv, 0, &out, NULL, 0)) != 0)
		die(RUN_PLATFORM, "%s failed%s", argv[0],
		    rc == RUN_NOTFOUND ? ": not found" : "");
	return out;
}

/*
 * The value of "key value" line key in vc-image's output, as a static
 * copy (one at a time), or NULL.
 */
const char *
image_field(const char *out, const char *key)
{
	static char val[4096];
	size_t klen = strlen(key), vlen;
	const char *p, *nl;

	for (p = out; *p != '\0'; p = *nl ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		if (strncmp(p, key, klen) == 0 && p[klen] == ' ') {
			vlen = (size_t)(nl - p) - klen - 1;
			if (vlen >= sizeof(val))
				return NULL;
			memcpy(val, p + klen + 1, vlen);
			val[vlen] = '\0';
			return val;
		}
	}
	return NULL;
}
