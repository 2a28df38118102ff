/*
 * diskwrite - random-write IOPS of a file system, measured by fio.
 *
 * The classic job: one file, random 4 KiB writes, direct I/O through
 * libaio with 64 in flight, for about 10 seconds. fio is given the job
 * as options on its command line (explicit argv, no shell, no job file)
 * and its JSON report is read from a pipe with json-c (fiojson.c).
 *
 * The test file lives in a private directory made with mkdtemp in the
 * target directory, so its name can clash with nothing, and that
 * directory and fio's pid are registered with lib/cleanup: they go on
 * success, on failure and on SIGINT, SIGTERM or SIGHUP.
 *
 * Problems fio would report obscurely, or only after a while, are
 * checked first: the directory must exist and be writable, its file
 * system must have room for the file, and, for direct I/O, must accept
 * O_DIRECT (tmpfs before Linux 6.6 and ramfs refuse it).
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>

#include <linux/magic.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "fiojson.h"
#include "msg.h"
#include "parse.h"
#include "record.h"
#include "run.h"

#define OUT_MAX		(16 << 20)	/* fio's report is about 10 KiB */
#define ERR_KEEP	8192		/* tail of fio's stderr we keep */
#define ERR_LINES	3		/* lines of it passed on */

struct options {
	const char	*fio;		/* program, looked up on PATH */
	const char	*dir;
	const char	*ioengine;
	uint64_t	 bs;
	uint64_t	 size;
	int64_t		 iodepth;
	double		 runtime;	/* seconds */
	int		 buffered;	/* -B: no O_DIRECT, fsync each write */
	enum out_format	 fmt;
};

/* What fio wrote, read from its two pipes. */
struct capture {
	char	*out;
	size_t	 outlen, outcap;
	char	 err[2 * ERR_KEEP];
	size_t	 errlen;
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-BhV] [-b blocksize] [-d directory] "
	    "[-e ioengine] [-F fio]\n"
	    "                 [-o text|csv|json] [-q iodepth] [-s size] "
	    "[-t time]\n", progname);
}

/* "16 MiB", "1.5 GiB": for messages about space. */
static const char *
human_size(uint64_t n, char *buf, size_t len)
{
	static const char *units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	size_t u = 0;

	while (v >= 1024 && u < sizeof(units) / sizeof(units[0]) - 1) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v == floor(v))
		snprintf(buf, len, "%.0f %s", v, units[u]);
	else
		snprintf(buf, len, "%.1f %s", v, units[u]);
	return buf;
}

/* The file systems known to refuse O_DIRECT, to name them in the message. */
static const char *
fs_name(const char *dir)
{
	struct statfs sf;

	if (statfs(dir, &sf) == -1)
		return NULL;
	switch (sf.f_type) {
	case TMPFS_MAGIC:
		return "tmpfs";
	case RAMFS_MAGIC:
		return "ramfs";
	default:
		return NULL;
	}
}

/* The directory, made absolute for the record and fio's file name. */
static char *
check_dir(const char *dir)
{
	struct stat st;
	char *real;

	if (stat(dir, &st) == -1) {
		if (errno == ENOENT)
			die(EXIT_FAIL, "directory %s does not exist", dir);
		diesys(EXIT_FAIL, "directory %s", dir);
	}
	if (!S_ISDIR(st.st_mode))
		die(EXIT_FAIL, "%s is not a directory", dir);
	if ((real = realpath(dir, NULL)) == NULL)
		diesys(EXIT_FAIL, "directory %s", dir);
	return real;
}

/* A private directory in dir, removed at exit with all it holds. */
static char *
make_private_dir(const char *dir, const char *real)
{
	char *sub;

	if (asprintf(&sub, "%s/diskwrite.XXXXXX", real) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if (mkdtemp(sub) == NULL) {
		if (errno == EACCES || errno == EPERM || errno == EROFS)
			diesys(EXIT_FAIL, "directory %s is not writable", dir);
		if (errno == ENOSPC || errno == EDQUOT)
			diesys(EXIT_FAIL, "not enough space in %s", dir);
		diesys(EXIT_FAIL, "cannot make a directory in %s", dir);
	}
	cleanup_add_path(sub);
	cleanup_check();	/* a signal before the line above */
	return sub;
}

/*
 * The file system must hold the whole file. One that reports no blocks
 * at all (ramfs) does not count its space, so there is nothing to check.
 */
static void
check_space(const char *dir, const char *sub, uint64_t size)
{
	struct statvfs sv;
	uint64_t avail;
	char need[32], have[32];

	if (statvfs(sub, &sv) == -1)
		diesys(EXIT_FAIL, "statvfs %s", dir);
	if (sv.f_blocks == 0)
		return;
	if (__builtin_mul_overflow((uint64_t)sv.f_bavail,
	    (uint64_t)sv.f_frsize, &avail))
		avail = UINT64_MAX;
	if (avail < size)
		die(EXIT_FAIL, "not enough space in %s: the test file needs %s, "
		    "%s available", dir, human_size(size, need, sizeof(need)),
		    human_size(avail, have, sizeof(have)));
}

/*
 * Opens and writes one block with O_DIRECT, as fio will: tmpfs (before
 * Linux 6.6) and ramfs refuse the open with EINVAL, and a block smaller
 * than the device's sector is refused at the write.
 */
static void
probe_direct(const char *dir, const char *sub, uint64_t bs)
{
	const char *fs;
	char *path;
	void *buf;
	ssize_t n;
	int fd, rc;

	if (asprintf(&path, "%s/probe", sub) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_DIRECT |
	    O_CLOEXEC, 0600)) == -1) {
		if (errno != EINVAL)
			diesys(EXIT_FAIL, "cannot create a file in %s", dir);
		fs = fs_name(sub);
		die(EXIT_FAIL, "direct I/O not supported on %s (%s); use -B to "
		    "run buffered with fsync", dir,
		    fs != NULL ? fs : "its file system refuses O_DIRECT");
	}
	if ((rc = posix_memalign(&buf, 4096, (size_t)bs)) != 0) {
		errno = rc;
		diesys(EXIT_FAIL, "allocating %llu bytes", (unsigned long long)bs);
	}
	memset(buf, 0, (size_t)bs);
	while ((n = write(fd, buf, (size_t)bs)) == -1 && errno == EINTR)
		cleanup_check();
	if (n == -1) {
		if (errno == EINVAL)
			die(EXIT_FAIL, "direct I/O of %llu-byte blocks refused on "
			    "%s; use a larger -b, or -B to run buffered with "
			    "fsync", (unsigned long long)bs, dir);
		if (errno == ENOSPC || errno == EDQUOT)
			diesys(EXIT_FAIL, "not enough space in %s", dir);
		diesys(EXIT_FAIL, "direct write to %s", path);
	}
	free(buf);
	close(fd);
	unlink(path);
	free(path);
}

/* fio splits file names at ':'; a literal one is written "\:". */
static char *
fio_filename(const char *path)
{
	const char *p;
	char *s, *q;

	if ((s = malloc(2 * strlen(path) + sizeof("--filename="))) == NULL)
		diesys(EXIT_FAIL, "malloc");
	q = stpcpy(s, "--filename=");
	for (p = path; *p != '\0'; p++) {
		if (*p == ':')
			*q++ = '\\';
		*q++ = *p;
	}
	*q = '\0';
	return s;
}

static void
take_output(struct capture *c, const char *buf, size_t n)
{
	if (c->outlen + n > OUT_MAX)
		die(EXIT_FAIL, "fio's output is larger than %d MiB; not a report "
		    "of one job", OUT_MAX >> 20);
	if (c->outlen + n > c->outcap) {
		c->outcap = c->outcap ? 2 * c->outcap : 65536;
		while (c->outcap < c->outlen + n)
			c->outcap *= 2;
		if ((c->out = realloc(c->out, c->outcap)) == NULL)
			diesys(EXIT_FAIL, "realloc");
	}
	memcpy(c->out + c->outlen, buf, n);
	c->outlen += n;
}

/* Only the end of stderr matters: fio's final word on what went wrong. */
static void
take_errors(struct capture *c, const char *buf, size_t n)
{
	if (n > ERR_KEEP) {
		buf += n - ERR_KEEP;
		n = ERR_KEEP;
	}
	if (c->errlen + n > sizeof(c->err)) {
		memmove(c->err, c->err + c->errlen - ERR_KEEP, ERR_KEEP);
		c->errlen = ERR_KEEP;
	}
	memcpy(c->err + c->errlen, buf, n);
	c->errlen += n;
}

/* Reads fio's stdout and stderr until both close; a signal ends us. */
static void
drain(int outfd, int errfd, struct capture *c)
{
	struct pollfd pfd[2];
	char buf[65536];
	ssize_t n;
	int i;

	pfd[0].fd = outfd;
	pfd[1].fd = errfd;
	pfd[0].events = pfd[1].events = POLLIN;
	while (pfd[0].fd != -1 || pfd[1].fd != -1) {
		if (poll(pfd, 2, -1) == -1) {
			if (errno != EINTR)
				diesys(EXIT_FAIL, "poll");
			cleanup_check();
			continue;
		}
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			if ((n = read(pfd[i].fd, buf, sizeof(buf))) == -1) {
				if (errno == EINTR || errno == EAGAIN)
					continue;
				diesys(EXIT_FAIL, "reading from fio");
			}
			if (n == 0) {
				close(pfd[i].fd);
				pfd[i].fd = -1;
			} else if (i == 0)
				take_output(c, buf, (size_t)n);
			else
				take_errors(c, buf, (size_t)n);
		}
	}
}

/* Passes on the last few distinct lines of what fio wrote. */
static void
relay_lines(const char *buf, size_t len)
{
	const char *start[ERR_LINES], *stop[ERR_LINES];
	const char *p, *e;
	int n = 0, i;

	/* Walk back over the lines, newest first. */
	for (e = buf + len; e > buf && n < ERR_LINES; e = p) {
		while (e > buf && (e[-1] == '\n' || e[-1] == '\r'))
			e--;
		if (e == buf)
			break;
		for (p = e; p > buf && p[-1] != '\n'; p--)
			;
		if (n > 0 && e - p == stop[n - 1] - start[n - 1] &&
		    memcmp(p, start[n - 1], (size_t)(e - p)) == 0)
			continue;
		start[n] = p;
		stop[n] = e;
		n++;
	}
	fflush(stdout);
	for (i = n - 1; i >= 0; i--)
		fprintf(stderr, "%.*s\n", (int)(stop[i] - start[i]), start[i]);
}

/*
 * fio's messages: its stderr, and its stdout when that holds no report
 * (fio 3.33 prints some errors there, e.g. an engine that will not load).
 */
static void
relay_errors(const struct capture *c, int report)
{
	relay_lines(c->err, c->errlen);
	if (!report)
		relay_lines(c->out, c->outlen);
}

static int
has_text(const struct capture *c, const char *s)
{
	return memmem(c->err, c->errlen, s, strlen(s)) != NULL;
}

/* Runs fio on the file in sub; returns its exit status, 128+sig if killed. */
static int
run_fio(const struct options *o, const char *sub, struct capture *c)
{
	char *argv[20], *file, *name, *engine, sbuf[6][48];
	struct spawn_io io;
	int outp[2], errp[2], nullfd, argc = 0, rc;
	pid_t pid;

	if (asprintf(&file, "%s/testfile", sub) == -1)
		diesys(EXIT_FAIL, "asprintf");
	name = fio_filename(file);
	if (asprintf(&engine, "--ioengine=%s", o->ioengine) == -1)
		diesys(EXIT_FAIL, "asprintf");
	snprintf(sbuf[1], sizeof(sbuf[1]), "--iodepth=%lld",
	    (long long)o->iodepth);
	snprintf(sbuf[2], sizeof(sbuf[2]), "--bs=%llu",
	    (unsigned long long)o->bs);
	snprintf(sbuf[3], sizeof(sbuf[3]), "--size=%llu",
	    (unsigned long long)o->size);
	snprintf(sbuf[4], sizeof(sbuf[4]), "--runtime=%lldms",
	    llround(o->runtime * 1000));
	snprintf(sbuf[5], sizeof(sbuf[5]), "--direct=%d", !o->buffered);
	argv[argc++] = (char *)o->fio;
	argv[argc++] = "--name=diskwrite";
	argv[argc++] = name;
	argv[argc++] = "--rw=randwrite";
	argv[argc++] = engine;
	argv[argc++] = sbuf[1];
	argv[argc++] = sbuf[2];
	argv[argc++] = sbuf[3];
	argv[argc++] = sbuf[5];
	if (o->buffered)
		argv[argc++] = "--fsync=1";
	argv[argc++] = "--time_based";
	argv[argc++] = sbuf[4];
	argv[argc++] = "--output-format=json";
	argv[argc++] = "--eta=never";
	argv[argc] = NULL;

	if ((nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "/dev/null");
	if (pipe2(outp, O_CLOEXEC) == -1 || pipe2(errp, O_CLOEXEC) == -1)
		diesys(EXIT_FAIL, "pipe");
	io.fd[0] = nullfd;
	io.fd[1] = outp[1];
	io.fd[2] = errp[1];
	if ((pid = spawn_cmd(argv, &io)) == -1) {
		if (errno == ENOENT && strchr(o->fio, '/') == NULL)
			die(EXIT_FAIL, "%s not found on PATH; install fio "
			    "(apt-get install fio) or name it with -F", o->fio);
		if (errno == ENOENT || errno == EACCES)
			die(EXIT_FAIL, "cannot run %s: %s; install fio "
			    "(apt-get install fio) or correct -F", o->fio,
			    strerror(errno));
		diesys(EXIT_FAIL, "cannot run %s", o->fio);
	}
	cleanup_add_pid(pid);
	close(nullfd);
	close(outp[1]);
	close(errp[1]);
	drain(outp[0], errp[0], c);
	rc = wait_exit(pid);
	cleanup_del_pid(pid);
	if (rc == -1)
		diesys(EXIT_FAIL, "waiting for fio");
	cleanup_check();
	free(engine);
	free(name);
	free(file);
	return rc;
}

/* The record keeps 79 characters of a value: keep a long path's end. */
static const char *
short_path(const char *path)
{
	size_t len = strlen(path);

	return len < RECORD_VALLEN ? path : path + len - (RECORD_VALLEN - 4);
}

/* -d, -e and -F name something: an empty name is refused. */
static const char *
name_arg(int opt, const char *arg, const char *what)
{
	if (*arg == '\0')
		usage_error("-%c: empty %s name", opt, what);
	return arg;
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'B':
		o->buffered = 1;
		break;
	case 'b':
		if ((why = parse_size(arg, 512, 64 << 20, &o->bs)) != NULL)
			usage_error("-b %s: %s (512 to 64M)", arg, why);
		if (o->bs % 512 != 0)
			usage_error("-b %s: not a multiple of 512 bytes", arg);
		break;
	case 'd':
		o->dir = name_arg(ch, arg, "directory");
		break;
	case 'e':
		o->ioengine = name_arg(ch, arg, "ioengine");
		break;
	case 'F':
		o->fio = name_arg(ch, arg, "program");
		break;
	case 'h':
		usage(stdout);
		exit(close_stdout());
	case 'o':
		if ((why = parse_format(arg, &o->fmt)) != NULL)
			usage_error("-o %s: %s", arg, why);
		break;
	case 'q':
		if ((why = parse_int(arg, 1, 4096, &o->iodepth)) != NULL)
			usage_error("-q %s: %s (1 to 4096)", arg, why);
		break;
	case 's':
		if ((why = parse_size(arg, 1, UINT64_C(1) << 50,
		    &o->size)) != NULL)
			usage_error("-s %s: %s (1 to 1024T)", arg, why);
		break;
	case 't':
		if ((why = parse_time(arg, 0.1, 86400, &o->runtime)) != NULL)
			usage_error("-t %s: %s (0.1 s to 24 h)", arg, why);
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
	int ch;

	*o = (struct options){
		.fio = "fio",
		.dir = ".",
		.ioengine = "libaio",
		.bs = 4096,
		.size = 256 << 20,
		.iodepth = 64,
		.runtime = 10,
		.buffered = 0,
		.fmt = OUT_TEXT,
	};
	while ((ch = getopt(argc, argv, "Bb:d:e:F:ho:q:s:t:V")) != -1)
		set_option(o, ch, optarg);
	argc -= optind;
	argv += optind;
	if (argc > 0)
		usage_error("extra operand '%s'", argv[0]);
	if (o->size < o->bs)
		usage_error("size %llu is smaller than the block size %llu",
		    (unsigned long long)o->size, (unsigned long long)o->bs);
}

/*
 * Dies, with one line saying why, unless fio's exit status rc and its
 * report in c give figures to trust; res then holds them.
 */
static void
verdict(const struct options *o, int rc, const struct capture *c,
    struct fio_result *res)
{
	const char *why;
	int report;

	why = fio_parse(c->out, c->outlen, res);
	report = why == NULL || res->error != 0;
	if (res->error == ENOSPC || (rc != 0 &&
	    has_text(c, "No space left on device")))
		die(EXIT_FAIL, "not enough space in %s (fio: %s)", o->dir,
		    strerror(ENOSPC));
	if (rc >= 128) {
		relay_errors(c, report);
		die(EXIT_FAIL, "fio was killed by signal %d", rc - 128);
	}
	if (rc != 0) {
		relay_errors(c, report);
		if (c->errlen == 0 && c->outlen == 0)
			die(EXIT_FAIL, "fio failed with exit status %d: %s", rc,
			    why);
		die(EXIT_FAIL, "fio failed with exit status %d", rc);
	}
	if (why != NULL) {
		if (res->error != 0)
			relay_errors(c, report);
		die(EXIT_FAIL, "%s", why);
	}
	/* Every write was one block: the rates must say so. */
	if (fabs(res->bw_bytes - res->iops * (double)o->bs) >
	    0.01 * res->bw_bytes)
		die(EXIT_FAIL, "fio's figures disagree: %.0f IOPS of %llu bytes "
		    "but %.0f bytes/s", res->iops, (unsigned long long)o->bs,
		    res->bw_bytes);
}

/* real is the test directory's absolute path. */
static void
write_record(const struct options *o, struct record *rec, const char *real,
    const struct fio_result *res)
{
	const char *dirpath = short_path(real);

	record_param(rec, "block_size", "%llu", (unsigned long long)o->bs);
	record_param(rec, "iodepth", "%lld", (long long)o->iodepth);
	record_param(rec, "size", "%llu", (unsigned long long)o->size);
	record_param(rec, "runtime", "%g", o->runtime);
	record_param(rec, "directory", "%s%s", dirpath != real ? "..." : "",
	    dirpath);
	record_param(rec, "method", "%s", o->buffered ? "buffered+fsync" :
	    "direct");
	record_param(rec, "ioengine", "%s", o->ioengine);
	record_param(rec, "fio_version", "%s", res->version);
	record_metric(rec, "iops", "1/s", res->iops);
	record_metric(rec, "bandwidth", "MiB/s", res->bw_bytes / 1048576);
	record_metric(rec, "clat_mean", "us", res->clat_mean_ns / 1000);
	record_metric(rec, "clat_p50", "us", res->clat_p50_ns / 1000);
	record_metric(rec, "clat_p99", "us", res->clat_p99_ns / 1000);
	record_metric(rec, "seconds", "s", res->runtime_ms / 1000);
	record_metric_int(rec, "writes", "count", res->total_ios);
	record_metric_int(rec, "bytes", "B", (int64_t)res->io_bytes);
	record_write(rec, stdout, o->fmt);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct capture cap;
	struct fio_result res;
	struct record rec;
	char *real, *sub;
	int rc;

	msg_init(argv[0]);
	parse_options(argc, argv, &o);

	cleanup_signals();
	record_init(&rec, "diskwrite");
	real = check_dir(o.dir);
	sub = make_private_dir(o.dir, real);
	check_space(o.dir, sub, o.size);
	if (!o.buffered)
		probe_direct(o.dir, sub, o.bs);

	memset(&cap, 0, sizeof(cap));
	rc = run_fio(&o, sub, &cap);
	cleanup_run();		/* the file goes before anything else */
	cleanup_check();

	verdict(&o, rc, &cap, &res);
	write_record(&o, &rec, real, &res);
	free(cap.out);
	free(sub);
	free(real);
	return close_stdout();
}
