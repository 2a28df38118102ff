/*
 * unit-catalog.c - the catalogue's same-work metrics are ones the
 * benchmark records: whole counts, equal in two runs of the same
 * arguments; its same-work params are keys of the record's params; its
 * refused metric is one of the same-work ones. Runs the benchmarks from
 * the build tree (diskwrite and nginxbench need fio, nginx and wrk:
 * without them, skipped, unless CI=true).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "msg.h"
#include "run.h"
#include "tap.h"

/* Small runs of the benchmarks that have same-work metrics. */
static const struct {
	const char	*name;
	char		*args[6];
} small[] = {
	{ "linpack", { "-n", "30", "-t", "0.01", NULL } },
	{ "memsweep", { "-s", "64k", "-r", "2", NULL } },
	{ "forksum", { "1", "50", NULL } },
	{ "diskwrite", { "-B", "-s", "1M", "-t", "1", NULL } },
	{ "nginxbench", { "-s", "1M", "-d", "1", NULL } },
};

static char *const *
small_args(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(small) / sizeof(small[0]); i++)
		if (strcmp(small[i].name, name) == 0)
			return small[i].args;
	return NULL;
}

/* The JSON record of one run of the benchmark, in buf; -1 if it failed. */
static int
run_json(const char *name, char *const *args, char *buf, size_t size)
{
	char *argv[16], path[1024];
	const char *top = getenv("top_builddir");
	struct spawn_io io = SPAWN_INHERIT;
	size_t len = 0;
	ssize_t n;
	int p[2], argc = 0, rc;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s/%s", top != NULL ? top : ".",
	    name, name);
	argv[argc++] = path;
	argv[argc++] = "-o";
	argv[argc++] = "json";
	while (*args != NULL && argc < 15)
		argv[argc++] = *args++;
	argv[argc] = NULL;
	if (pipe(p) == -1)
		diesys(EXIT_FAIL, "pipe");
	io.fd[1] = p[1];
	if ((pid = spawn_cmd(argv, &io)) == -1)
		diesys(EXIT_FAIL, "%s", path);
	close(p[1]);
	while (len < size - 1 && ((n = read(p[0], buf + len,
	    size - 1 - len)) > 0 || (n == -1 && errno == EINTR)))
		if (n > 0)
			len += (size_t)n;
	buf[len] = '\0';
	close(p[0]);
	rc = wait_exit(pid);
	return rc == 0 && len > 0 ? 0 : -1;
}

/*
 * The value of a count metric in a JSON record, as the record writes it:
 * {"metric":"NAME","unit":"count","value":DIGITS}. -1 if there is none.
 */
static long long
count_of(const char *rec, const char *metric)
{
	char key[128];
	const char *p;
	char *end;
	long long v;

	snprintf(key, sizeof(key),
	    "{\"metric\":\"%s\",\"unit\":\"count\",\"value\":", metric);
	if ((p = strstr(rec, key)) == NULL)
		return -1;
	p += strlen(key);
	if (*p < '0' || *p > '9')
		return -1;
	v = strtoll(p, &end, 10);
	return *end == '}' ? v : -1;
}

/* Is key one of the record's params? {"params":{"KEY":..., ...}} */
static int
has_param(const char *rec, const char *key)
{
	const char *p = strstr(rec, "\"params\":{"), *end;
	char quoted[128];

	if (p == NULL || (end = strchr(p, '}')) == NULL)
		return 0;
	snprintf(quoted, sizeof(quoted), "\"%s\":", key);
	p = strstr(p, quoted);
	return p != NULL && p < end;
}

static void
check_params(const struct bench_def *b)
{
	static char rec[65536];
	const char *ci = getenv("CI");
	char *const *args;
	int i;

	TAP_OK(b->same_params[sizeof(b->same_params) /
	    sizeof(b->same_params[0]) - 1] == NULL,
	    "%s: same_params ends with NULL", b->name);
	if (b->same_params[0] == NULL)
		return;
	if ((args = small_args(b->name)) == NULL) {
		TAP_OK(0, "%s: this test knows how to run it", b->name);
		return;
	}
	if (run_json(b->name, args, rec, sizeof(rec)) == -1) {
		TAP_OK(ci == NULL || strcmp(ci, "true") != 0, "%s: a small "
		    "run # SKIP it failed (fio, nginx, wrk?)", b->name);
		return;
	}
	for (i = 0; b->same_params[i] != NULL; i++)
		TAP_OK(has_param(rec, b->same_params[i]),
		    "%s: same_params' %s is a param of its record", b->name,
		    b->same_params[i]);
}

static void
check_bench(const struct bench_def *b)
{
	static char rec1[65536], rec2[65536];
	char *const *args;
	long long v1, v2;
	int i, found = 0;

	TAP_OK(b->same_work[sizeof(b->same_work) /
	    sizeof(b->same_work[0]) - 1] == NULL,
	    "%s: same_work ends with NULL", b->name);
	for (i = 0; b->refused != NULL && b->same_work[i] != NULL; i++)
		found |= strcmp(b->same_work[i], b->refused) == 0;
	TAP_OK(b->refused == NULL ? b->refused_what == NULL :
	    found && b->refused_what != NULL, "%s: refused is a same_work "
	    "metric, and says what it counts", b->name);
	check_params(b);
	if (b->same_work[0] == NULL)
		return;
	if ((args = small_args(b->name)) == NULL) {
		TAP_OK(0, "%s: this test knows how to run it", b->name);
		return;
	}
	TAP_OK(run_json(b->name, args, rec1, sizeof(rec1)) == 0 &&
	    run_json(b->name, args, rec2, sizeof(rec2)) == 0,
	    "%s: two small runs", b->name);
	for (i = 0; b->same_work[i] != NULL; i++) {
		v1 = count_of(rec1, b->same_work[i]);
		v2 = count_of(rec2, b->same_work[i]);
		TAP_OK(v1 >= 0 && v1 == v2,
		    "%s: %s is a count, equal in both runs (%lld, %lld)",
		    b->name, b->same_work[i], v1, v2);
	}
}

/* One column spelling: parsed to want ("" : refused, why in *why). */
static int
column_is(const char *s, const char *want)
{
	struct column c;
	char why[256];
	int rc = catalog_column(s, strlen(s), &c, why, sizeof(why));

	if (*want == '\0')
		return rc == -1 && *why != '\0' && strchr(why, '\n') == NULL;
	return rc == 0 && strcmp(c.name, want) == 0;
}

/*
 * Platform variants: canonical names in the table's key order, the
 * runner's options, the descriptions, and what is refused.
 */
static void
check_columns(void)
{
	const char *v[2 * NSETTING + 1];
	struct column c;
	char why[256], buf[256];
	size_t n;

	TAP_OK(column_is("qemu", "qemu") && column_is("qemu:disk=raw",
	    "qemu:disk=raw"), "a platform, and a platform with a setting");
	TAP_OK(column_is("qemu:net=passt:disk=raw", "qemu:disk=raw:net=passt")
	    && column_is("qemu:disk=raw:net=passt", "qemu:disk=raw:net=passt"),
	    "two spellings of one variant: one canonical name");
	TAP_OK(column_is("container:cpus=02", "container:cpus=2") &&
	    column_is("qemu:cpu=qemu64", "qemu:cpu=qemu64") &&
	    column_is("native:cpus=1", "native:cpus=1"),
	    "a number is canonical, a CPU model a word");
	TAP_OK(column_is("vmware", "") && column_is("qemu:colour=red", "") &&
	    column_is("native:disk=raw", "") && column_is("kvm:cpu=max", "") &&
	    column_is("qemu:disk=vmdk", "") && column_is("qemu:disk", "") &&
	    column_is("qemu:disk=raw:disk=qcow2", "") &&
	    column_is("qemu:cpus=0", "") && column_is("qemu:cpu=a b", "") &&
	    column_is("qemu:cpu=-x", "") && column_is("qemu:", "") &&
	    column_is("qemu:disk=", ""),
	    "refused with one line: an unknown platform, key or value, a key "
	    "not of the platform, no value, a key twice, a bad number or word");
	catalog_column("kvm:cpus=2:disk=raw", 19, &c, why, sizeof(why));
	n = catalog_column_opts(&c, v);
	TAP_OK(n == 4 && strcmp(v[0], "-f") == 0 && strcmp(v[1], "raw") == 0 &&
	    strcmp(v[2], "-c") == 0 && strcmp(v[3], "2") == 0 &&
	    strcmp(c.variant, "disk=raw:cpus=2") == 0,
	    "a variant's runner options, in its order: %s", c.variant);
	TAP_OK(strcmp(catalog_setting_desc(&c, 1, buf, sizeof(buf)),
	    "CPUs: 2") == 0 && strcmp(catalog_setting_desc(&c, 0, buf,
	    sizeof(buf)), "guest disk: raw image file") == 0,
	    "each setting's description, the value in it");
}

int
main(int argc, char *argv[])
{
	const char *top;
	char data[1024];
	int i;

	(void)argc;
	msg_init(argv[0]);
	/* nginxbench's wrk script, from the source tree. */
	top = getenv("top_srcdir");
	snprintf(data, sizeof(data), "%s/nginxbench", top != NULL ? top : ".");
	setenv("VIRTCOST_DATADIR", data, 0);
	for (i = 0; i < NBENCH; i++)
		check_bench(&catalog_benchs[i]);
	check_columns();
	return TAP_DONE();
}
