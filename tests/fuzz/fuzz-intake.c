/*
 * fuzz-intake.c - libFuzzer: vc-suite's intake of a runner's output
 * (results_rows). The input is what a runner printed. What the intake
 * takes must be what the reader of results.csv takes back: accepted rows
 * go under the header into a file that results_scan reads, and a
 * refusal there (its exit) is a finding.
 *
 * results.c comes from tests/fuzz/libfuzzresults.a, built with exit,
 * fopen and fclose renamed (fuzz.mk): here exit aborts, for neither
 * function may die on this input.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <unistd.h>

#include "report/results.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

noreturn void	fuzz_exit(int);
FILE		*fuzz_fopen(const char *, const char *);
int		 fuzz_fclose(FILE *);

noreturn void
fuzz_exit(int status)
{
	(void)status;
	abort();
}

FILE *
fuzz_fopen(const char *path, const char *mode)
{
	return fopen(path, mode);
}

int
fuzz_fclose(FILE *fp)
{
	return fclose(fp);
}

static void
count_row(const struct csv_row *row, void *arg)
{
	(void)row;
	(*(size_t *)arg)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *header;
	char path[] = "/tmp/fuzz-intake.XXXXXX", *out;
	struct results_rows r;
	size_t i, lines = 0, rows = 0;
	FILE *fp;
	int fd;

	if (header == NULL)
		header = csv_header_line(results_cols, R_NCOLS);
	out = malloc(size + 1);
	memcpy(out, data, size);
	out[size] = '\0';
	if (results_rows(out, "host", "native", "", catalog_bench("linpack"),
	    1, R_NCOLS, &r) == NULL) {
		if (r.len == 0 || r.p[r.len - 1] != '\n')
			__builtin_trap();
		for (i = 0; i < r.len; i++)
			lines += r.p[i] == '\n';
		if ((fd = mkstemp(path)) == -1 ||
		    (fp = fdopen(fd, "w")) == NULL)
			abort();
		fputs(header, fp);
		fwrite(r.p, 1, r.len, fp);
		fclose(fp);
		results_scan(path, count_row, &rows);
		unlink(path);
		/* Quoted newlines would make rows fewer than lines. */
		if (rows == 0 || rows > lines)
			__builtin_trap();
	}
	free(r.p);
	work_free(&r.did);
	free(out);
	return 0;
}
