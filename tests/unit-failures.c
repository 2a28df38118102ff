/*
 * unit-failures.c - failures.csv round trip: what vc-suite appends is
 * what vc-report and vc-plot read back, hostile reasons cleaned.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "report/results.h"
#include "tap.h"

static void
put(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL || fputs(text, fp) == EOF ||
	    fclose(fp) != 0)
		diesys(EXIT_FAIL, "%s", path);
}

static char *
slurp(const char *dir, const char *name)
{
	static char buf[8192];
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fd = open(path, O_RDONLY)) == -1 ||
	    (n = read(fd, buf, sizeof(buf) - 1)) < 0)
		diesys(EXIT_FAIL, "%s", path);
	close(fd);
	buf[n] = '\0';
	return buf;
}

int
main(void)
{
	char dir[] = "/tmp/unit-failures.XXXXXX", out[REASON_MAX + 4];
	char long_reason[400];
	const struct failure *f;
	struct results r;
	size_t i;
	size_t ncols;
	int fd;

	msg_init("unit-failures");
	if (mkdtemp(dir) == NULL)
		diesys(EXIT_FAIL, "mkdtemp");

	reason_clean(out, sizeof(out), "  a\tb\033[31mc\r\n  ");
	TAP_OK(strcmp(out, "a b [31mc") == 0, "control characters blank, "
	    "ends trimmed: '%s'", out);
	reason_clean(out, sizeof(out), "\n\t ");
	TAP_OK(strcmp(out, "no message") == 0, "nothing left: no message");
	/* 199 x then a 2-byte é across the cut at 200 bytes. */
	memset(long_reason, 'x', 199);
	strcpy(long_reason + 199, "\xc3\xa9 and more");
	reason_clean(out, sizeof(out), long_reason);
	TAP_OK(strlen(out) == 199 + 3 && strcmp(out + 199, "...") == 0,
	    "cut at %d bytes, not inside a character, marked ...", REASON_MAX);

	put(dir, "results.csv", "time,host,platform,benchmark,metric,unit,"
	    "value,rep\n2026-01-01T00:00:00Z,h,native,linpack,kflops,KFLOPS,"
	    "5,1\n");
	fd = failures_open(dir, &ncols);
	failures_append(fd, ncols, "h1", "native", "", "linpack", 1, 1,
	    "superseded by -r");
	failures_append(fd, ncols, "h1", "kvm", "", "diskwrite", 2, 1, "first try");
	failures_append(fd, ncols, "h1", "kvm", "", "diskwrite", 2, 3,
	    "vc-kvm: \"quoted\", comma\nsecond line");
	failures_append(fd, ncols, "h1", "kvm", "", "diskwrite", 3, 0, long_reason);
	failures_append(fd, ncols, "h1", "qemu", "disk=raw", "nginxbench", 1, 137,
	    "");
	close(fd);
	TAP_OK(strncmp(slurp(dir, FAILURES_CSV),
	    "time,platform,benchmark,rep,status,reason,variant,host\n", 55)
	    == 0, "a header first, host last");

	/* A crash in mid-write: the next open drops the partial line. */
	fd = open(strcat(strcpy(long_reason, dir), "/" FAILURES_CSV),
	    O_WRONLY | O_APPEND);
	TAP_OK(write(fd, "2026-01-01T00:00:00Z,kvm,lin", 28) == 28,
	    "a partial line");
	close(fd);
	close(failures_open(dir, &ncols));
	TAP_OK(strstr(slurp(dir, FAILURES_CSV), ",kvm,lin") == NULL &&
	    strstr(slurp(dir, FAILURES_CSV) + 1, "time,") == NULL,
	    "reopened: partial line gone, no second header");

	results_read(&r, dir);
	TAP_OK(r.nfail == 3, "3 failures stand (one superseded by a result, "
	    "one by a later try): %zu", r.nfail);
	TAP_OK(results_failed(&r, "linpack", "native", &f) == 0 && f == NULL,
	    "a rep measured after all is no failure");
	TAP_OK(results_failed(&r, "diskwrite", "kvm", &f) == 2 && f != NULL &&
	    f->rep == 2 && f->status == 3 &&
	    strcmp(f->reason, "vc-kvm: \"quoted\", comma second line") == 0,
	    "quotes, commas and a newline round-trip, cleaned: '%s'",
	    f ? f->reason : "");
	TAP_OK(f != NULL && strcmp(f->host, "h1") == 0,
	    "the host written is read back: '%s'", f ? f->host : "");
	TAP_OK(results_failed(&r, "nginxbench", "qemu:disk=raw", &f) == 1 &&
	    f->status == 137 && strcmp(f->reason, "no message") == 0,
	    "an empty reason reads back as 'no message', its variant "
	    "in its column's name");
	for (i = 0; i < r.nfail; i++)
		if (r.fail[i].rep == 3)
			TAP_OK(strlen(r.fail[i].reason) == 202 &&
			    r.fail[i].status == 0, "a long reason, cut");
	TAP_OK(r.nplat == 3 && strcmp(r.plat[0], "native") == 0 &&
	    strcmp(r.plat[1], "kvm") == 0 &&
	    strcmp(r.plat[2], "qemu:disk=raw") == 0,
	    "platforms with failures only are listed, in order");
	TAP_OK(r.nbench == 3 && strcmp(r.bench[2].name, "nginxbench") == 0 &&
	    strcmp(r.bench[2].metrics[0], "seconds_per_file") == 0,
	    "a benchmark that only failed: its primary metric");
	results_free(&r);

	/* An older vc-suite's file, without host: read, resumed as it is. */
	put(dir, FAILURES_CSV, "time,platform,benchmark,rep,status,reason,"
	    "variant\n2026-01-01T00:00:00Z,kvm,diskwrite,2,1,old,\n");
	fd = failures_open(dir, &ncols);
	failures_append(fd, ncols, "h1", "kvm", "", "diskwrite", 3, 1, "new");
	close(fd);
	TAP_OK(ncols == X_NCOLS_NOHOST && strstr(slurp(dir, FAILURES_CSV),
	    ",h1") == NULL, "a file without host is appended in its form");
	results_read(&r, dir);
	TAP_OK(r.nfail == 2 && strcmp(r.fail[0].host, "") == 0 &&
	    strcmp(r.fail[1].reason, "new") == 0,
	    "and read, host empty: %zu failures", r.nfail);
	results_free(&r);

	put(dir, "meta.json", "{\"platforms\": {\"container\": {\"skipped\": "
	    "\"vc-container: no engine\\u001b[2J\"}, \"native\": {}}}");
	results_read(&r, dir);
	TAP_OK(results_skipped(&r, "container") != NULL &&
	    strcmp(results_skipped(&r, "container"),
	    "vc-container: no engine [2J") == 0 &&
	    results_skipped(&r, "native") == NULL,
	    "a skipped platform and its reason, cleaned, from meta.json");
	results_free(&r);

	unlink(strcat(strcpy(long_reason, dir), "/" FAILURES_CSV));
	unlink(strcat(strcpy(long_reason, dir), "/results.csv"));
	unlink(strcat(strcpy(long_reason, dir), "/meta.json"));
	rmdir(dir);
	return TAP_DONE();
}
