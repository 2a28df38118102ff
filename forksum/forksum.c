/*
 * forksum - sum the integers START..END with a tree of processes.
 *
 * Unless START == END, a process forks two children, each of which sums
 * one half of the range the same way, and reads their partial sums from
 * pipes. When fork fails for lack of processes (EAGAIN, ENOMEM), that
 * process computes the half itself, still forking for its sub-halves
 * where it can, so the sum is always right; the failures are counted.
 */
#include "config.h"

#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "msg.h"
#include "parse.h"
#include "record.h"
#include "timing.h"

struct options {
	int64_t		lo, hi;		/* the range summed: start, end */
	enum out_format	fmt;
};

/* What a subtree reports to its parent through the pipe. */
struct part {
	int64_t		sum;
	uint64_t	procs;		/* processes created in the subtree */
	uint64_t	failures;	/* forks refused in the subtree */
};

struct half {
	int64_t		lo, hi;
	pid_t		pid;		/* -1: computed in this process */
	int		fd;		/* read end of the child's pipe */
};

static int	sum_range(int64_t, int64_t, int, struct part *);

/* The write end this process reports on; closed in its own children. */
static int report_fd = -1;

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] [-o text|csv|json] start end\n",
	    progname);
}

static int
write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
read_all(int fd, void *buf, size_t len)
{
	char *p = buf;
	ssize_t n;

	while (len > 0) {
		if ((n = read(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0) {
			errno = EPIPE;	/* child died without reporting */
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * Starts a child for h; leaves h->pid = -1 if the system refused a new
 * process. Returns -1 only on an error that is not a resource shortage.
 */
static int
start_half(struct half *h, int other_fd)
{
	struct part p;
	int fds[2];

	h->pid = -1;
	if (pipe(fds) == -1)
		return errno == EMFILE || errno == ENFILE ? 0 : -1;
	switch (h->pid = fork()) {
	case -1:
		close(fds[0]);
		close(fds[1]);
		return errno == EAGAIN || errno == ENOMEM ? 0 : -1;
	case 0:
		close(fds[0]);
		if (report_fd != -1)
			close(report_fd);
		if (other_fd != -1)
			close(other_fd);
		report_fd = fds[1];
		if (sum_range(h->lo, h->hi, 1, &p) == -1 ||
		    write_all(report_fd, &p, sizeof(p)) == -1)
			_exit(EXIT_FAIL);
		_exit(EXIT_OK);
	default:
		close(fds[1]);
		h->fd = fds[0];
		return 0;
	}
}

/* Reads a started child's report and reaps it. */
static int
finish_half(struct half *h, struct part *p)
{
	int rc, status;

	rc = read_all(h->fd, p, sizeof(*p));
	close(h->fd);
	while (waitpid(h->pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (rc == -1)
		return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		errno = ECHILD;
		return -1;
	}
	p->procs++;
	return 0;
}

static int
sum_range(int64_t lo, int64_t hi, int may_fork, struct part *out)
{
	struct half h[2];
	struct part p[2];
	int64_t mid;
	int i, rc = 0;

	out->sum = lo;
	out->procs = 0;
	out->failures = 0;
	if (lo == hi)
		return 0;
	mid = lo + (int64_t)(((uint64_t)hi - (uint64_t)lo) / 2);
	h[0].lo = lo;
	h[0].hi = mid;
	h[1].lo = mid + 1;
	h[1].hi = hi;
	h[0].pid = h[1].pid = -1;
	if (may_fork && start_half(&h[0], -1) == -1)
		return -1;
	if (may_fork && start_half(&h[1], h[0].pid != -1 ? h[0].fd : -1) == -1)
		rc = -1;
	for (i = 0; i < 2; i++) {
		if (h[i].pid != -1) {
			if (finish_half(&h[i], &p[i]) == -1)
				rc = -1;
		} else if (rc == 0) {
			if (sum_range(h[i].lo, h[i].hi, 0, &p[i]) == -1)
				rc = -1;
			p[i].failures += may_fork;
		}
	}
	if (rc == -1)
		return -1;
	/* Checked in main, but a wrong sum must never be printed. */
	if (__builtin_add_overflow(p[0].sum, p[1].sum, &out->sum)) {
		errno = EOVERFLOW;
		return -1;
	}
	out->procs = p[0].procs + p[1].procs;
	out->failures = p[0].failures + p[1].failures;
	return 0;
}

/*
 * Every partial sum lies between the sum of the range's negative part
 * and the sum of its positive part; if both fit, no addition overflows.
 */
static int
sums_fit(int64_t lo, int64_t hi)
{
	__int128 pos = 0, neg = 0, a, b;

	if (hi > 0) {
		a = lo > 0 ? lo : 1;
		pos = (a + hi) * (hi - a + 1) / 2;
	}
	if (lo < 0) {
		b = hi < 0 ? hi : -1;
		neg = ((__int128)lo + b) * (b - lo + 1) / 2;
	}
	return pos <= INT64_MAX && neg >= INT64_MIN;
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'h':
		usage(stdout);
		exit(close_stdout());
	case 'o':
		if ((why = parse_format(arg, &o->fmt)) != NULL)
			usage_error("-o %s: %s", arg, why);
		break;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	default:
		exit(EXIT_USAGE);
	}
}

static void
parse_options(int argc, char *argv[], struct options *o)
{
	const char *why;
	int ch;

	*o = (struct options){ .lo = 0, .hi = 0, .fmt = OUT_TEXT };
	/* Options come first; a negative number starts the operands. */
	while (!(optind < argc && argv[optind][0] == '-' &&
	    isdigit((unsigned char)argv[optind][1])) &&
	    (ch = getopt(argc, argv, "+ho:V")) != -1)
		set_option(o, ch, optarg);
	argc -= optind;
	argv += optind;
	if (argc != 2)
		usage_error(argc < 2 ? "missing operand (need start end)" :
		    "extra operand '%s'", argc > 2 ? argv[2] : "");
	if ((why = parse_int(argv[0], INT64_MIN, INT64_MAX, &o->lo)) != NULL)
		usage_error("start '%s': %s", argv[0], why);
	if ((why = parse_int(argv[1], INT64_MIN, INT64_MAX, &o->hi)) != NULL)
		usage_error("end '%s': %s", argv[1], why);
	if (o->hi < o->lo)
		usage_error("end %lld is less than start %lld",
		    (long long)o->hi, (long long)o->lo);
	if (!sums_fit(o->lo, o->hi))
		usage_error("the sum of %lld..%lld does not fit in 64 bits",
		    (long long)o->lo, (long long)o->hi);
}

static void
write_record(const struct options *o, struct record *rec,
    const struct part *total, double secs)
{
	record_param(rec, "start", "%lld", (long long)o->lo);
	record_param(rec, "end", "%lld", (long long)o->hi);
	record_metric_int(rec, "sum", "", total->sum);
	record_metric(rec, "seconds", "s", secs);
	record_metric_int(rec, "processes", "count", (int64_t)total->procs);
	record_metric(rec, "forks_per_second", "1/s",
	    secs > 0 ? (double)total->procs / secs : 0.0);
	record_metric_int(rec, "fork_failures", "count",
	    (int64_t)total->failures);
	if (o->fmt == OUT_TEXT)
		printf("%lld\n", (long long)total->sum);
	record_write(rec, stdout, o->fmt);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct record rec;
	struct part total;
	double t0, secs;

	msg_init(argv[0]);
	parse_options(argc, argv, &o);

	record_init(&rec, "forksum");
	fflush(stdout);		/* nothing buffered may be duplicated by fork */
	t0 = wall_now();
	if (sum_range(o.lo, o.hi, 1, &total) == -1)
		diesys(EXIT_FAIL, "computing the sum failed");
	secs = wall_now() - t0;
	write_record(&o, &rec, &total, secs);
	return close_stdout();
}
