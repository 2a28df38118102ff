/* msg.c - "prog: what failed: why" on stderr, and a checked stdout */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

const char *progname = "virtcost";

/* What die() exits with for EXIT_FAIL: see msg_fail_status. */
static int fail_status = EXIT_FAIL;

/*
 * A program whose status 1 means something else (vc-report -b: a
 * regression) makes every other failure exit with status instead.
 */
void
msg_fail_status(int status)
{
	fail_status = status;
}

void
msg_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash != NULL ? slash + 1 : argv0;
}

static void
vmsg(int errnum, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

void
warnsys(const char *fmt, ...)
{
	va_list ap;
	int errnum = errno;

	va_start(ap, fmt);
	vmsg(errnum, fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	exit(status == EXIT_FAIL ? fail_status : status);
}

void
diesys(int status, const char *fmt, ...)
{
	va_list ap;
	int errnum = errno;

	va_start(ap, fmt);
	vmsg(errnum, fmt, ap);
	va_end(ap);
	exit(status == EXIT_FAIL ? fail_status : status);
}

void
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	exit(EXIT_USAGE);
}

/*
 * Flush and close stdout, reporting a write error (ENOSPC on /dev/full,
 * EPIPE, ...) that stdio would otherwise swallow. Returns the exit code.
 */
int
close_stdout(void)
{
	int failed;

	errno = 0;
	failed = fflush(stdout) != 0 || ferror(stdout);
	if (fclose(stdout) != 0)
		failed = 1;
	if (failed) {
		if (errno == 0)
			warnmsg("write error");
		else
			warnsys("write error");
		return fail_status;
	}
	return EXIT_OK;
}
