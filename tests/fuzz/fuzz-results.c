/*
 * fuzz-results.c - libFuzzer: a results directory as vc-report and
 * vc-plot read it. The input is split at FS bytes (0x1c) into
 * results.csv, failures.csv and meta.json (a missing part: no file),
 * written to a private directory, and read by results_read.
 *
 * results_read dies (exit 1) on bad data, which is right for the tools
 * but ends a fuzzer. So results.c and msg.c are built for this program
 * with exit, fopen and fclose renamed to the fuzz_ functions below (see
 * fuzz.mk): a die jumps back here, and the streams the reader had open
 * are closed. What else it had allocated is lost, so this harness runs
 * without leak detection (FUZZ_EXTRA in fuzz.mk).
 */
#include "config.h"

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <unistd.h>

#include "report/results.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

static const char *const part[] = { "results.csv", FAILURES_CSV,
    "meta.json" };
#define NPART	(sizeof(part) / sizeof(part[0]))

static char	 dir[] = "/tmp/fuzz-results.XXXXXX";
static jmp_buf	 died;
static int	 armed;
static FILE	*open_fp[8];	/* the reader holds two at most */

static void
remove_dir(void)
{
	char path[sizeof(dir) + 32];
	size_t i;

	for (i = 0; i < NPART; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, part[i]);
		unlink(path);
	}
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL) {
		perror("fuzz-results: mkdtemp");
		abort();
	}
	atexit(remove_dir);
	return 0;
}

noreturn void	fuzz_exit(int);
FILE		*fuzz_fopen(const char *, const char *);
int		 fuzz_fclose(FILE *);

noreturn void
fuzz_exit(int status)
{
	if (armed)
		longjmp(died, 1);
	exit(status);
}

FILE *
fuzz_fopen(const char *path, const char *mode)
{
	FILE *fp = fopen(path, mode);
	size_t i;

	for (i = 0; fp != NULL && i < sizeof(open_fp) / sizeof(open_fp[0]);
	    i++)
		if (open_fp[i] == NULL) {
			open_fp[i] = fp;
			break;
		}
	return fp;
}

int
fuzz_fclose(FILE *fp)
{
	size_t i;

	for (i = 0; i < sizeof(open_fp) / sizeof(open_fp[0]); i++)
		if (open_fp[i] == fp)
			open_fp[i] = NULL;
	return fclose(fp);
}

static void
put(const char *name, const uint8_t *p, size_t len)
{
	char path[sizeof(dir) + 32];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL ||
	    fwrite(p, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct results r;	/* static: survives the longjmp */
	const uint8_t *sep;
	char path[sizeof(dir) + 32];
	size_t i, off = 0, len;
	int more = 1;

	for (i = 0; i < NPART; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, part[i]);
		unlink(path);
		if (!more)
			continue;
		sep = memchr(data + off, 0x1c, size - off);
		len = sep != NULL ? (size_t)(sep - (data + off)) : size - off;
		put(part[i], data + off, len);
		off += len + (sep != NULL);
		more = sep != NULL;
	}
	armed = 1;
	if (setjmp(died) == 0)
		results_read(&r, dir);
	armed = 0;
	for (i = 0; i < sizeof(open_fp) / sizeof(open_fp[0]); i++)
		if (open_fp[i] != NULL) {
			fclose(open_fp[i]);
			open_fp[i] = NULL;
		}
	results_free(&r);
	return 0;
}
