/*
 * nginxbench - HTTP download throughput: wrk fetching one file, again and
 * again, from nginx.
 *
 * By default nginxbench starts the system's nginx with a private
 * configuration in a temporary directory (nginx.c), serving a sparse file
 * on a free loopback port, and measures it. With -u it measures a server
 * that is already running instead; with -S it only serves, until a
 * signal, for a runner to measure from outside a VM or container. Before
 * wrk runs, one HEAD request checks that the URL answers 2xx and gives
 * the file's size (http.c). wrk's results come from report.lua, its
 * done() hook, as one JSON line (wrkreport.c), never from wrk's text.
 * The classic metric is the time to transfer the file once at the
 * aggregate rate measured: file size / (bytes read / duration).
 *
 * A run is defined by work done: at least one whole download. -d is a
 * target; wrk runs with -d set to the limit (-l) and report.lua's
 * delay() writes a byte to a FIFO as each download completes. Once the
 * target has passed and a download has completed, nginxbench sends wrk
 * SIGINT: wrk's main thread sleeps for its -d in sleep(3), its SIGINT
 * handler ends that sleep, and wrk then stops its threads, measures its
 * real runtime and calls done() as at the end of a full run. A slow
 * platform thus gives a slow number, not a failure.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>

#include <arpa/inet.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "http.h"
#include "limit.h"
#include "msg.h"
#include "nginx.h"
#include "parse.h"
#include "record.h"
#include "run.h"
#include "slurp.h"
#include "timing.h"
#include "wrkreport.h"

#ifndef PKGDATADIR
#define PKGDATADIR	"/usr/local/share/virtcost"
#endif
#define SCRIPT_NAME	"report.lua"
#define SYSTEM_NGINX	"/usr/sbin/nginx"

#define PROBE_SECONDS	5.0	/* for the HEAD request before the run */
#define LIMIT_MIN	60.0	/* -l's default, when memory is short, not below */
#define LIMIT_MAX	86400.0
#define TIMEOUT_SLACK	2.0	/* wrk's timeout beyond the limit */
#define TIMEOUT_BYTES	8.0	/* wrk reserves this per microsecond of it */
#define POLL_MS		100	/* how often wrk's exit is looked for */
#define MIB		1048576.0

struct options {
	int64_t		 threads;	/* wrk -t */
	int64_t		 connections;	/* wrk -c */
	double		 duration;	/* -d: the target, whole seconds */
	double		 limit;		/* -l, wrk -d; 0: from memory */
	double		 timeout;	/* wrk --timeout; 0: from limit */
	uint64_t	 size;		/* of the file served, or expected */
	int		 size_given;	/* -s: with -u, a size to check */
	int64_t		 port;		/* nginx's; 0: a free one */
	int64_t		 workers;	/* nginx's worker_processes */
	const char	*addr;		/* nginx's listen address */
	const char	*nginx;		/* -N */
	const char	*script;	/* -L */
	const char	*url;		/* -u: measure only */
	int		 serve;		/* -S: serve only */
	enum out_format	 fmt;
};

/* The programs used, where they were found, and their versions. */
struct tools {
	const char	*wrk;
	const char	*script;	/* wrk's, report.lua */
	char		 wrkbuf[PATH_MAX];
	char		 scriptbuf[PATH_MAX];
	char		 nginxbuf[PATH_MAX];
	char		 wrkver[64];
	char		 nginxver[64];
};

static void
usage(FILE *fp)
{
	int w = (int)strlen(progname);

	fprintf(fp, "usage: %s [-hV] [-a address] [-c connections] "
	    "[-d duration] [-L script] [-l limit]\n"
	    "       %*s [-N nginx] [-o text|csv|json] [-p port] [-s size] "
	    "[-T timeout]\n"
	    "       %*s [-t threads] [-w workers]\n"
	    "       %s [-hV] [-c connections] [-d duration] [-L script] "
	    "[-l limit]\n"
	    "       %*s [-o text|csv|json] [-s size] [-T timeout] "
	    "[-t threads] -u url\n"
	    "       %s -S [-a address] [-N nginx] [-p port] [-s size] "
	    "[-w workers]\n",
	    progname, w, "", w, "", progname, w, "", progname);
}

/* Copies as much of s as fits, always terminated. */
static void
copy_str(char *buf, size_t size, const char *s)
{
	size_t len = strlen(s);

	if (len >= size)
		len = size - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

/* A program on PATH, or NULL. An empty PATH entry is ".", as for sh. */
static char *
find_program(const char *name, char *buf, size_t size)
{
	const char *p, *end, *path = getenv("PATH");
	struct stat st;
	size_t len;

	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path;; p = end + 1) {
		if ((end = strchr(p, ':')) == NULL)
			end = p + strlen(p);
		len = (size_t)(end - p);
		if (len == 0)
			snprintf(buf, size, "./%s", name);
		else
			snprintf(buf, size, "%.*s/%s", (int)len, p, name);
		if (stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(buf, X_OK) == 0)
			return buf;
		if (*end == '\0')
			return NULL;
	}
}

static const char *
find_nginx(const char *given, char *buf, size_t size)
{
	struct stat st;

	if (given != NULL) {
		if (stat(given, &st) == -1)
			diesys(EXIT_FAIL, "nginx not found at %s (-N)", given);
		if (!S_ISREG(st.st_mode) || access(given, X_OK) == -1)
			die(EXIT_FAIL, "nginx %s (-N) is not an executable file",
			    given);
		return given;
	}
	if (find_program("nginx", buf, size) != NULL)
		return buf;
	if (access(SYSTEM_NGINX, X_OK) == 0)
		return SYSTEM_NGINX;
	die(EXIT_FAIL, "nginx not found on PATH or at %s; install it with "
	    "'apt-get install nginx-light', or give its path with -N",
	    SYSTEM_NGINX);
}

/* -L, else $VIRTCOST_DATADIR/report.lua, else the installed one. */
static const char *
find_script(const char *given, char *buf, size_t size)
{
	const char *dir = getenv("VIRTCOST_DATADIR");

	if (given == NULL) {
		if (dir == NULL || *dir == '\0')
			dir = PKGDATADIR;
		snprintf(buf, size, "%s/%s", dir, SCRIPT_NAME);
		given = buf;
	}
	if (access(given, R_OK) == -1)
		diesys(EXIT_FAIL, "wrk report script %s (installed with "
		    "nginxbench; set VIRTCOST_DATADIR or use -L)", given);
	return given;
}

/*
 * Runs argv; the first line of what it wrote (stdout and stderr) goes
 * to buf. Returns its exit code, 128+signal if it was killed.
 */
static int
first_line(char *const argv[], char *buf, size_t size)
{
	char *out;
	int rc;

	if ((rc = run_read(argv, RUN_MERGE, &out, size - 1, NULL, 0)) == -1)
		diesys(EXIT_FAIL, "cannot run %s", argv[0]);
	copy_str(buf, size, out);
	buf[strcspn(buf, "\n")] = '\0';
	free(out);
	signal_check();
	return rc;
}

/* "nginx version: nginx/1.22.1" -> "1.22.1" */
static void
nginx_version(const char *nginx, char *buf, size_t size)
{
	static const char pfx[] = "nginx version: ";
	char *argv[] = { (char *)nginx, "-v", NULL };
	char line[256], *v;

	if (first_line(argv, line, sizeof(line)) != 0 ||
	    strncmp(line, pfx, sizeof(pfx) - 1) != 0)
		die(EXIT_FAIL, "%s does not look like nginx: '%s -v' said "
		    "'%.60s'", nginx, nginx, line);
	v = line + sizeof(pfx) - 1;
	if (strncmp(v, "nginx/", 6) == 0)
		v += 6;
	copy_str(buf, size, v);
}

/* "wrk debian/4.1.0-3+b2 [epoll] Copyright ..." -> "debian/4.1.0-3+b2" */
static void
wrk_version(const char *wrk, char *buf, size_t size)
{
	char *argv[] = { (char *)wrk, "-v", NULL };
	char line[256];

	first_line(argv, line, sizeof(line));	/* wrk -v exits 1 */
	if (strncmp(line, "wrk ", 4) != 0 || line[4] == ' ' ||
	    line[4] == '\0')
		die(EXIT_FAIL, "%s does not look like wrk: '%s -v' said "
		    "'%.60s'", wrk, wrk, line);
	snprintf(buf, size, "%.*s", (int)strcspn(line + 4, " "), line + 4);
}

/* The last non-empty line of a small file, for an error message. */
static void
last_line(const char *file, char *buf, size_t size)
{
	char all[4096], *p;
	ssize_t n;

	buf[0] = '\0';
	if ((n = slurp(file, all, sizeof(all))) <= 0)
		return;
	while (n > 0 && (all[n - 1] == '\n' || all[n - 1] == ' '))
		all[--n] = '\0';
	p = strrchr(all, '\n');
	copy_str(buf, size, p != NULL ? p + 1 : all);
}

/*
 * The connections wrk really opens: each thread gets connections /
 * threads of them, rounded down. delay() runs once on each before its
 * first request, so the first bytes in the FIFO are not downloads.
 */
static uint64_t
wrk_connections(const struct options *o)
{
	return (uint64_t)(o->threads * (o->connections / o->threads));
}

/* Reads all that is in the FIFO (non-blocking); returns how much. */
static uint64_t
drain(int fd)
{
	char buf[4096];
	uint64_t total = 0;
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
		total += (uint64_t)n;
	if (n == -1 && errno != EAGAIN && errno != EINTR)
		diesys(EXIT_FAIL, "reading wrk's progress");
	return total;
}

/*
 * Waits for wrk, and stops it early once the target has passed and a
 * download has completed. SIGINT goes to wrk's main thread (its tid is
 * its pid), the one asleep for -d: sent to the process it could be
 * taken by another thread, leaving the sleep to run on and the idle
 * time to count in wrk's duration. It is sent again each second, for
 * wrk ignores SIGINT until its threads are running. The FIFO is read
 * until wrk exits, so that its writes never block: once a download is
 * known, only each POLL_MS, which would take 655,360 downloads a second
 * to fill a 64 KiB pipe. Returns wrk's exit status as wait_exit does.
 */
static int
supervise(pid_t pid, int fifo, const struct options *o)
{
	uint64_t seen = 0, before = wrk_connections(o);
	double now, target = wall_now() + o->duration, next_int = 0.0;
	struct pollfd pfd;
	int status, ms;
	pid_t w;

	pfd.fd = fifo;
	pfd.events = POLLIN;
	for (;;) {
		while ((w = waitpid(pid, &status, WNOHANG)) == -1 &&
		    errno == EINTR)
			;
		if (w == -1)
			diesys(EXIT_FAIL, "waitpid");
		if (w == pid)
			break;
		now = wall_now();
		if (seen > before && now >= target && now >= next_int) {
			if (tgkill(pid, pid, SIGINT) == -1 && errno != ESRCH)
				diesys(EXIT_FAIL, "cannot stop wrk");
			next_int = now + 1.0;
		}
		/* A download is known: now the FIFO is only drained. */
		if (seen > before)
			pfd.fd = -1;
		ms = POLL_MS;
		if (now < target && (target - now) * 1000.0 < POLL_MS)
			ms = (int)ceil((target - now) * 1000.0);
		if (poll(&pfd, 1, ms) == -1) {
			if (errno != EINTR)
				diesys(EXIT_FAIL, "poll");
			signal_check();
		}
		seen += drain(fifo);
	}
	return exit_code(status);
}

static void
run_wrk(const char *wrk, const char *script, const struct options *o,
    const char *url, const char *dir)
{
	char t[24], c[24], d[24], to[24], report[PATH_MAX], out[PATH_MAX];
	char fifo[PATH_MAX];
	char *argv[] = { (char *)wrk, "-t", t, "-c", c, "-d", d, "--timeout",
	    to, "-s", (char *)script, (char *)url, NULL };
	char why[256];
	struct spawn_io io;
	pid_t pid;
	int fd, null, rd, wr, rc;

	snprintf(t, sizeof(t), "%lld", (long long)o->threads);
	snprintf(c, sizeof(c), "%lld", (long long)o->connections);
	snprintf(d, sizeof(d), "%.0fs", o->limit);
	snprintf(to, sizeof(to), "%.0fs", o->timeout);
	snprintf(report, sizeof(report), "%s/report.json", dir);
	snprintf(out, sizeof(out), "%s/wrk.out", dir);
	snprintf(fifo, sizeof(fifo), "%s/progress", dir);
	if (setenv("NGINXBENCH_REPORT", report, 1) == -1 ||
	    setenv("NGINXBENCH_PROGRESS", fifo, 1) == -1)
		diesys(EXIT_FAIL, "setenv");
	/*
	 * Our own writer keeps the FIFO from ever reading as at its end, so
	 * that poll() only wakes for bytes; wrk's exit is seen by waitpid.
	 */
	if (mkfifo(fifo, 0600) == -1 ||
	    (rd = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1 ||
	    (wr = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "%s", fifo);
	if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1 ||
	    (fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1)
		diesys(EXIT_FAIL, "%s", out);
	io.fd[0] = null;
	io.fd[1] = fd;
	io.fd[2] = fd;
	pid = spawn_cmd(argv, &io);
	close(null);
	close(fd);
	if (pid == -1)
		diesys(EXIT_FAIL, "cannot run %s", wrk);
	cleanup_add_pid(pid);
	rc = supervise(pid, rd, o);
	cleanup_del_pid(pid);
	close(rd);
	close(wr);
	signal_check();
	if (rc != 0) {
		last_line(out, why, sizeof(why));
		die(EXIT_FAIL, "wrk failed (exit status %d): %s%s", rc,
		    *why != '\0' ? why : "it said nothing",
		    strstr(why, "Out of memory") == NULL ? "" :
		    " (wrk reserves 8 bytes per microsecond of its timeout: "
		    "use a smaller -l or -T)");
	}
}

static void
read_report(const char *dir, struct wrkreport *r)
{
	char file[PATH_MAX], out[PATH_MAX], buf[8192], why[256];
	const char *err;
	ssize_t n;
	int fd;

	snprintf(file, sizeof(file), "%s/report.json", dir);
	snprintf(out, sizeof(out), "%s/wrk.out", dir);
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		last_line(out, why, sizeof(why));
		die(EXIT_FAIL, "wrk wrote no report (its done() did not run); "
		    "wrk's last words: %s", *why != '\0' ? why : "none");
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n == -1)
		diesys(EXIT_FAIL, "%s", file);
	if ((err = wrkreport_parse(buf, (size_t)n, r)) != NULL)
		die(EXIT_FAIL, "wrk's report is unusable: %s", err);
}

/*
 * Whole seconds only: wrk's -d and --timeout take an integer and a unit,
 * and rounding silently would record a duration that was not asked for.
 */
static double
whole_seconds(int opt, const char *arg, double max)
{
	const char *why;
	double v;

	if ((why = parse_time(arg, 1.0, max, &v)) != NULL)
		usage_error("-%c %s: %s", opt, arg, why);
	if (v != floor(v))
		usage_error("-%c %s: must be a whole number of seconds", opt,
		    arg);
	return v;
}

/*
 * The limit unless -l gives one: NGINXBENCH_LIMIT, less where wrk's table
 * of latencies (8 bytes per microsecond of its timeout, reserved, not
 * touched) would not fit in half of the memory and swap, for the kernel
 * may refuse so large a reservation; not below LIMIT_MIN nor the target.
 */
static double
default_limit(double duration)
{
	struct sysinfo si;
	double mem, fit, limit = NGINXBENCH_LIMIT;

	if (sysinfo(&si) == 0) {
		mem = ((double)si.totalram + (double)si.totalswap) *
		    (double)si.mem_unit;
		fit = floor(mem / 2.0 / TIMEOUT_BYTES / 1e6 - TIMEOUT_SLACK);
		if (fit < limit)
			limit = fmax(fit, LIMIT_MIN);
	}
	return fmax(limit, duration);
}

/* Starts our nginx; u is then the URL of its file. */
static void
start_nginx(const struct options *o, struct nginx *n, const char *dir,
    char *ver, size_t verlen, struct url *u)
{
	char text[128];
	const char *why;

	if ((why = nginx_check_dir(dir)) != NULL)
		die(EXIT_FAIL, "temporary directory %s %s; set TMPDIR to a "
		    "plain path", dir, why);
	nginx_version(n->bin, ver, verlen);
	n->dir = dir;
	n->addr = o->addr;
	n->workers = o->workers;
	n->connections = o->connections;
	n->size = o->size;
	n->port = o->port;
	nginx_make_file(n);
	nginx_start(n);
	/* Listening on all addresses, it is reached through loopback. */
	snprintf(text, sizeof(text), "http://%s:%d%s",
	    strcmp(o->addr, "0.0.0.0") == 0 ? "127.0.0.1" : o->addr,
	    n->bound, NGINX_FILE);
	if ((why = url_parse(text, u)) != NULL)
		die(EXIT_FAIL, "%s: %s", text, why);
}

/* The HEAD request: the URL answers, with the size expected if any. */
static uint64_t
check_url(const struct options *o, struct nginx *n, const struct url *u)
{
	char msg[512];
	uint64_t size = 0;

	switch (http_probe(u, PROBE_SECONDS, &size, msg, sizeof(msg))) {
	case PROBE_OK:
		break;
	case PROBE_INTERRUPTED:
		signal_check();
		die(EXIT_FAIL, "interrupted");
	default:
		if (o->url != NULL)
			die(EXIT_FAIL, "%s", msg);
		nginx_stop(n);
		nginx_show_log(n, msg);
		exit(EXIT_FAIL);
	}
	if ((o->url == NULL || o->size_given) && size != o->size)
		die(EXIT_FAIL, "%s is %llu bytes long, not %llu%s", u->text,
		    (unsigned long long)size, (unsigned long long)o->size,
		    o->url != NULL ? " as -s says" : ": is it our nginx?");
	return size;
}

static void
write_record(const struct options *o, struct record *rec,
    const struct url *u, uint64_t size, const char *nginxver,
    const char *wrkver, const struct wrkreport *r)
{
	double secs = (double)r->duration_us / 1e6;
	double rate = (double)r->bytes / secs;

	record_param(rec, "url", "%s", o->url != NULL ? u->text :
	    "local-nginx");
	record_param(rec, "file_size", "%llu", (unsigned long long)size);
	record_param(rec, "threads", "%lld", (long long)o->threads);
	record_param(rec, "connections", "%lld", (long long)o->connections);
	record_param(rec, "duration", "%.0f", o->duration);
	record_param(rec, "limit", "%.0f", o->limit);
	record_param(rec, "timeout", "%.0f", o->timeout);
	if (o->url == NULL) {
		record_param(rec, "workers", "%lld", (long long)o->workers);
		record_param(rec, "nginx_version", "%s", nginxver);
	}
	record_param(rec, "wrk_version", "%s", wrkver);
	record_metric(rec, "seconds_per_file", "s",
	    rate > 0 ? (double)size / rate : NAN);
	record_metric(rec, "mib_per_second", "MiB/s", rate / MIB);
	record_metric(rec, "requests_per_second", "1/s",
	    (double)r->requests / secs);
	record_metric(rec, "latency_mean", "ms", r->latency_mean_us / 1000.0);
	record_metric(rec, "latency_p99", "ms", r->latency_p99_us / 1000.0);
	/*
	 * The work done. wrk counts a response when its last byte is in;
	 * verdict() has refused any error, so each is a whole download.
	 */
	record_metric_int(rec, "requests", "count", (int64_t)r->requests);
	record_metric_int(rec, "bytes", "B", (int64_t)r->bytes);
	record_metric(rec, "seconds", "s", secs);
	record_metric_int(rec, "errors", "count", (int64_t)(r->errors_status +
	    r->errors_connect + r->errors_read + r->errors_write +
	    r->errors_timeout));
	record_metric_int(rec, "errors_status", "count",
	    (int64_t)r->errors_status);
	record_metric_int(rec, "errors_connect", "count",
	    (int64_t)r->errors_connect);
	record_metric_int(rec, "errors_read", "count",
	    (int64_t)r->errors_read);
	record_metric_int(rec, "errors_write", "count",
	    (int64_t)r->errors_write);
	record_metric_int(rec, "errors_timeout", "count",
	    (int64_t)r->errors_timeout);
	record_write(rec, stdout, o->fmt);
}

/* Is the run to be trusted? 0 if so; if not, one line says why. */
static int
verdict(const struct options *o, uint64_t size, const struct wrkreport *r)
{
	double rate = (double)r->bytes / ((double)r->duration_us / 1e6);

	if (r->errors_status + r->errors_connect + r->errors_read +
	    r->errors_write + r->errors_timeout > 0) {
		warnmsg("wrk saw errors: %llu responses with status >= 400, "
		    "socket errors: connect %llu, read %llu, write %llu, "
		    "timeout %llu", (unsigned long long)r->errors_status,
		    (unsigned long long)r->errors_connect,
		    (unsigned long long)r->errors_read,
		    (unsigned long long)r->errors_write,
		    (unsigned long long)r->errors_timeout);
		return -1;
	}
	if (r->requests == 0 && rate > 0) {
		warnmsg("no download of the %llu-byte file completed within "
		    "the limit of %.0f s (-l): %llu connections read %.3g "
		    "MiB/s in all, about %.0f s per download; use a smaller "
		    "-s or a larger -l", (unsigned long long)size, o->limit,
		    (unsigned long long)wrk_connections(o), rate / MIB,
		    (double)size * (double)wrk_connections(o) / rate);
		return -1;
	}
	if (r->requests == 0) {
		warnmsg("no download of the %llu-byte file completed within "
		    "the limit of %.0f s (-l): wrk read nothing",
		    (unsigned long long)size, o->limit);
		return -1;
	}
	/* Each completed response held at least the file. */
	if ((double)r->requests * (double)size > (double)r->bytes) {
		warnmsg("wrk read %llu bytes for %llu responses of a %llu-byte "
		    "file: some answers were not the file",
		    (unsigned long long)r->bytes,
		    (unsigned long long)r->requests, (unsigned long long)size);
		return -1;
	}
	return 0;
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	struct in_addr in;
	const char *why;

	switch (ch) {
	case 'a':
		if (inet_pton(AF_INET, arg, &in) != 1)
			usage_error("-a %s: not an IPv4 address", arg);
		o->addr = arg;
		break;
	case 'c':
		if ((why = parse_int(arg, 1, 100000, &o->connections)) != NULL)
			usage_error("-c %s: %s", arg, why);
		break;
	case 'd':
		o->duration = whole_seconds('d', arg, 86400.0);
		break;
	case 'h':
		usage(stdout);
		exit(close_stdout());
	case 'L':
		o->script = arg;
		break;
	case 'l':
		o->limit = whole_seconds('l', arg, LIMIT_MAX);
		break;
	case 'N':
		o->nginx = arg;
		break;
	case 'o':
		if ((why = parse_format(arg, &o->fmt)) != NULL)
			usage_error("-o %s: %s", arg, why);
		break;
	case 'p':
		if ((why = parse_int(arg, 1, 65535, &o->port)) != NULL)
			usage_error("-p %s: %s", arg, why);
		break;
	case 'S':
		o->serve = 1;
		break;
	case 's':
		if ((why = parse_size(arg, 1, UINT64_C(1) << 40,
		    &o->size)) != NULL)
			usage_error("-s %s: %s", arg, why);
		o->size_given = 1;
		break;
	case 'T':
		o->timeout = whole_seconds('T', arg, 3600.0);
		break;
	case 't':
		if ((why = parse_int(arg, 1, 1024, &o->threads)) != NULL)
			usage_error("-t %s: %s", arg, why);
		break;
	case 'u':
		o->url = arg;
		break;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	case 'w':
		if ((why = parse_int(arg, 1, 512, &o->workers)) != NULL)
			usage_error("-w %s: %s", arg, why);
		break;
	default:
		exit(EXIT_USAGE);
	}
}

/* What no one option can check; the defaults that follow from others. */
static void
check_options(struct options *o, struct url *u)
{
	const char *why;

	if (o->serve && o->url != NULL)
		usage_error("-S serves and -u measures: give one of them");
	if (o->threads > o->connections)
		usage_error("%lld threads need at least as many connections "
		    "(-c %lld)", (long long)o->threads,
		    (long long)o->connections);
	if (o->url != NULL && (why = url_parse(o->url, u)) != NULL)
		usage_error("-u %s: %s", o->url, why);
	if (o->limit == 0.0)
		o->limit = default_limit(o->duration);
	else if (o->limit < o->duration)
		usage_error("-l %.0f: the limit is shorter than the target "
		    "(-d %.0f)", o->limit, o->duration);
	/* A download that ends within the run is never a timeout. */
	if (o->timeout == 0.0)
		o->timeout = o->limit + TIMEOUT_SLACK;
}

/* With -u, u is the URL parsed. */
static void
parse_options(int argc, char *argv[], struct options *o, struct url *u)
{
	int ch;

	*o = (struct options){
		.threads = 1,
		.connections = 3,
		.duration = 20.0,
		.limit = 0.0,
		.timeout = 0.0,
		.size = UINT64_C(512) << 20,
		.size_given = 0,
		.port = 0,
		.workers = 1,
		.addr = "127.0.0.1",
		.nginx = NULL,
		.script = NULL,
		.url = NULL,
		.serve = 0,
		.fmt = OUT_TEXT,
	};
	while ((ch = getopt(argc, argv, "a:c:d:hL:l:N:o:p:Ss:T:t:u:Vw:")) != -1)
		set_option(o, ch, optarg);
	argc -= optind;
	argv += optind;
	if (argc > 0)
		usage_error("extra operand '%s'", argv[0]);
	check_options(o, u);
}

/*
 * What each mode needs, before anything is started. A runner gives
 * both of its halves (-S in the guest, -u on the host) the user's
 * options, so those of the other half are accepted and unused.
 */
static void
find_tools(const struct options *o, struct tools *t, struct nginx *n)
{
	memset(t, 0, sizeof(*t));
	if (!o->serve) {
		if ((t->wrk = find_program("wrk", t->wrkbuf,
		    sizeof(t->wrkbuf))) == NULL)
			die(EXIT_FAIL, "wrk not found on PATH; install it with "
			    "'apt-get install wrk'");
		t->script = find_script(o->script, t->scriptbuf,
		    sizeof(t->scriptbuf));
	}
	memset(n, 0, sizeof(*n));
	n->pid = -1;
	if (o->url == NULL)
		n->bin = find_nginx(o->nginx, t->nginxbuf, sizeof(t->nginxbuf));
}

/*
 * wrk's version unless -S; our nginx started unless -u, u then its URL.
 * Returns the size of the file at u, once it has answered.
 */
static uint64_t
prepare(const struct options *o, struct tools *t, struct nginx *n,
    const char *dir, struct url *u)
{
	if (!o->serve)
		wrk_version(t->wrk, t->wrkver, sizeof(t->wrkver));
	if (o->url == NULL)
		start_nginx(o, n, dir, t->nginxver, sizeof(t->nginxver), u);
	return check_url(o, n, u);
}

/* -S: says where the file is, for the runner, and serves until a signal. */
static noreturn void
serve(const struct options *o, struct nginx *n, uint64_t size)
{
	printf("nginxbench: ready: http://%s:%d%s serves %llu bytes\n",
	    o->addr, n->bound, NGINX_FILE, (unsigned long long)size);
	if (fflush(stdout) != 0)
		diesys(EXIT_FAIL, "write error");
	nginx_wait(n);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct tools t;
	struct nginx n;
	struct url u;
	struct wrkreport r;
	struct record rec;
	const char *dir;
	uint64_t size;

	msg_init(argv[0]);
	parse_options(argc, argv, &o, &u);
	find_tools(&o, &t, &n);

	cleanup_signals();
	atexit(nginx_atexit);	/* after cleanup's: runs before it */
	if ((dir = cleanup_tempdir("nginxbench")) == NULL)
		diesys(EXIT_FAIL, "cannot make a temporary directory");
	size = prepare(&o, &t, &n, dir, &u);
	if (o.serve)
		serve(&o, &n, size);

	record_init(&rec, "nginxbench");
	run_wrk(t.wrk, t.script, &o, u.text, dir);
	nginx_stop(&n);
	signal_check();
	read_report(dir, &r);
	/* The verdict first: a number that is then rejected is never shown. */
	if (verdict(&o, size, &r) != 0)
		return EXIT_FAIL;
	write_record(&o, &rec, &u, size, t.nginxver, t.wrkver, &r);
	return close_stdout();
}
