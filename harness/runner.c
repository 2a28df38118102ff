/*
 * runner.c - the parts every runner shares: the common options (same
 * letters everywhere), the host half of nginxbench, and running the
 * platform's helper programs. Waiting, deadlines and exit codes are
 * lib/run.c's.
 */
#include "config.h"

#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

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

/* Runners recognise a benchmark by its name, whatever its directory. */
enum bench_kind
bench_kind(const char *cmd)
{
	const char *slash = strrchr(cmd, '/');
	const struct bench_def *b;

	b = catalog_bench(slash != NULL ? slash + 1 : cmd);
	return b != NULL ? b->kind : BENCH_OTHER;
}

/*
 * The platform half of nginxbench: the same arguments with -S, so that
 * it serves (on all of the guest's addresses) instead of measuring.
 */
char **
server_argv(char *const argv[])
{
	char **v;
	size_t n, i;

	for (n = 0; argv[n] != NULL; n++)
		;
	if ((v = calloc(n + 6, sizeof(*v))) == NULL)
		diesys(RUN_PLATFORM, "calloc");
	v[0] = argv[0];
	v[1] = "-S";
	v[2] = "-a";
	v[3] = "0.0.0.0";
	v[4] = "-p";
	v[5] = GUEST_HTTP_PORT;
	for (i = 1; i < n; i++)
		v[i + 5] = argv[i];
	return v;
}

/*
 * The host half of nginxbench: measure the platform's server through
 * the forwarded loopback port, with the user's arguments. Its status is
 * the run's status; at the deadline (0: none) it is stopped and the run
 * has timed out (RUN_TIMEOUT).
 */
int
measure_server(int port, const char *path, char *const argv[],
    double deadline)
{
	char **v, url[600];
	size_t n, i;
	pid_t pid;
	int rc;

	for (n = 0; argv[n] != NULL; n++)
		;
	if ((v = calloc(n + 3, sizeof(*v))) == NULL)
		diesys(RUN_PLATFORM, "calloc");
	snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", port, path);
	v[0] = argv[0];
	v[1] = "-u";
	v[2] = url;
	for (i = 1; i < n; i++)
		v[i + 2] = argv[i];
	if ((pid = spawn_cmd(v, NULL)) == -1) {
		warnsys("%s", v[0]);
		free(v);
		return exec_status(errno);
	}
	free(v);
	cleanup_add_pid(pid);
	if ((rc = wait_or_stop(pid, deadline, NULL, RUN_GRACE, NULL)) == -1)
		diesys(RUN_PLATFORM, "wait");
	return rc;
}

/*
 * How long the measuring half of nginxbench may take when the user set
 * no timeout: twice its hard limit, which is -l, by default 600 s or -d
 * if that is longer (nginxbench(1)), so that only a run that hangs is
 * ever cut. Values that do not parse are nginxbench's to refuse.
 */
double
measure_timeout(char *const argv[])
{
	double limit = 600.0, v;
	const char *val;
	int i;

	for (i = 1; argv[i] != NULL && strcmp(argv[i], "--") != 0; i++) {
		if (argv[i][0] != '-' ||
		    (argv[i][1] != 'd' && argv[i][1] != 'l'))
			continue;
		val = argv[i][2] != '\0' ? argv[i] + 2 : argv[i + 1];
		if (argv[i][2] == '\0' && val != NULL)
			i++;
		if (val != NULL && parse_time(val, 0.0, 1e9, &v) == NULL &&
		    v > limit)
			limit = v;
	}
	return 2.0 * limit;
}

/*
 * The path the platform's server serves, from the line nginxbench -S
 * prints when it is ready ("nginxbench: ready: http://ADDR:PORT/PATH
 * serves N bytes\n"). Returns 0 until a whole ready line is in buf.
 */
int
ready_path(const char *buf, size_t len, char *path, size_t size)
{
	const char *p, *end = buf + len, *slash, *sp;

	if ((p = memmem(buf, len, "ready: http://", 14)) == NULL ||
	    memchr(p, '\n', (size_t)(end - p)) == NULL)
		return 0;
	p += 14;
	if ((slash = memchr(p, '/', (size_t)(end - p))) == NULL ||
	    (sp = memchr(slash, ' ', (size_t)(end - slash))) == NULL ||
	    (size_t)(sp - slash) >= size)
		return 0;
	memcpy(path, slash, (size_t)(sp - slash));
	path[sp - slash] = '\0';
	return 1;
}

/*
 * Feeds the platform server's stdout, as it comes (split anywhere), into
 * lines; returns 1 once its ready line has come, with the path it serves
 * in path (see ready_path()).
 */
int
ready_line(struct server_lines *l, const char *data, size_t len,
    char *path, size_t size)
{
	size_t i;

	for (i = 0; i < len; i++) {
		/* A line too long for buf is cut; its newline still ends it. */
		if (l->len < sizeof(l->buf) - 1 || data[i] == '\n')
			l->buf[l->len++] = data[i];
		if (data[i] != '\n')
			continue;
		if (ready_path(l->buf, l->len, path, size))
			return 1;
		l->len = 0;
	}
	return 0;
}

/* A free loopback port (bound, read, released) for a forward. */
int
free_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int s, port;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1)
		diesys(RUN_PLATFORM, "choosing a port");
	port = ntohs(sin.sin_port);
	close(s);
	return port;
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
