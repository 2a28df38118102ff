/*
 * vc-envelope - what a process may use where it runs: the platform's
 * resource envelope, read from inside.
 *
 * One "key value" line each: the CPUs it may run on and those online,
 * the memory the kernel has, its open-file and process limits, the
 * kernel's pid_max and threads-max (which a guest's kernel sizes from
 * its memory), the limits of its own cgroup, the kernel release.
 * vc-suite runs it through each runner and records the lines in
 * meta.json, so a report can say what each platform really gave. A
 * value that cannot be read is "unknown": a platform may lack /proc,
 * /sys or a cgroup hierarchy, and the probe must never fail for it.
 * Static, like vc-init, so that it runs in any image.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/utsname.h>

#include <getopt.h>
#include <inttypes.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "slurp.h"

#define UNKNOWN		"unknown"
#define CGROUP_ROOT	"/sys/fs/cgroup"
/* cgroup v1 writes "no limit" as a huge number (PAGE_COUNTER_MAX pages). */
#define V1_UNLIMITED	(UINT64_C(1) << 62)

/*
 * A cgroup hierarchy this process is in: where it is mounted, and the
 * process's cgroup in it, as /proc/self/cgroup says.
 */
struct hier {
	const char	*mount;		/* NULL: not in one */
	int		 v1;
	char		 path[4096];
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV]\n", progname);
}

/* The file's first line, or 0 if it cannot be read. */
static int
read_line(const char *path, char *buf, size_t size)
{
	if (slurp(path, buf, size) <= 0)
		return 0;
	buf[strcspn(buf, "\n")] = '\0';
	return 1;
}

static void
put_count(const char *key, long n)
{
	if (n > 0)
		printf("%s %ld\n", key, n);
	else
		printf("%s %s\n", key, UNKNOWN);
}

static void
put_cpus(void)
{
	cpu_set_t set;

	put_count("cpus_usable", sched_getaffinity(0, sizeof(set), &set) == 0 ?
	    (long)CPU_COUNT(&set) : -1);
	put_count("cpus_online", sysconf(_SC_NPROCESSORS_ONLN));
}

/* MemTotal, which /proc/meminfo gives in kB (KiB). */
static void
put_memory(void)
{
	char buf[4096], *p;
	unsigned long long kb;

	if (slurp("/proc/meminfo", buf, sizeof(buf)) > 0 &&
	    (p = strstr(buf, "MemTotal:")) != NULL &&
	    sscanf(p, "MemTotal: %llu kB", &kb) == 1)
		printf("memory_total %llu\n", kb * 1024);
	else
		printf("memory_total %s\n", UNKNOWN);
}

static void
put_rlim(const char *key, rlim_t v)
{
	if (v == RLIM_INFINITY)
		printf("%s unlimited\n", key);
	else
		printf("%s %llu\n", key, (unsigned long long)v);
}

static void
put_rlimit(const char *name, int resource)
{
	struct rlimit rl;
	char key[32];

	if (getrlimit(resource, &rl) == -1) {
		printf("%s_soft %s\n%s_hard %s\n", name, UNKNOWN, name,
		    UNKNOWN);
		return;
	}
	snprintf(key, sizeof(key), "%s_soft", name);
	put_rlim(key, rl.rlim_cur);
	snprintf(key, sizeof(key), "%s_hard", name);
	put_rlim(key, rl.rlim_max);
}

static void
put_file(const char *key, const char *path)
{
	char buf[256];

	printf("%s %s\n", key, read_line(path, buf, sizeof(buf)) ? buf :
	    UNKNOWN);
}

/* Is word in the white-space separated list in file? */
static int
file_has_word(const char *path, const char *word)
{
	char buf[4096], *p;
	size_t n = strlen(word);

	if (slurp(path, buf, sizeof(buf)) <= 0)
		return 0;
	for (p = buf; (p = strstr(p, word)) != NULL; p += n)
		if ((p == buf || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return 1;
	return 0;
}

/* Is controller in the comma list of a v1 line, len bytes? */
static int
has_controller(const char *list, size_t len, const char *controller)
{
	size_t n = strlen(controller);
	const char *p, *end = list + len;

	for (p = list; p < end; p += strcspn(p, ",:") + 1)
		if (strncmp(p, controller, n) == 0 &&
		    (p + n == end || p[n] == ','))
			return 1;
	return 0;
}

/*
 * The hierarchy that holds controller: its v1 one ("N:LIST:PATH", a
 * controller mounted at /sys/fs/cgroup/NAME) if it has one, else v2
 * ("0::PATH", mounted alone at /sys/fs/cgroup or beside v1 at
 * /sys/fs/cgroup/unified). /proc/self/cgroup lists mounted v1
 * hierarchies only, and a controller is in one hierarchy at most.
 */
static void
find_hier(const char *controller, struct hier *h)
{
	static char v1mount[64];
	char buf[16384], *line, *save, *list, *path;
	size_t len;

	h->mount = NULL;
	if (slurp("/proc/self/cgroup", buf, sizeof(buf)) <= 0)
		return;
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((list = strchr(line, ':')) == NULL ||
		    (path = strchr(++list, ':')) == NULL || *++path != '/')
			continue;
		len = (size_t)(path - 1 - list);
		if (len == 0 && strncmp(line, "0:", 2) == 0 &&
		    h->mount == NULL) {
			h->mount = access(CGROUP_ROOT "/cgroup.controllers",
			    R_OK) == 0 ? CGROUP_ROOT : CGROUP_ROOT "/unified";
			h->v1 = 0;
		} else if (len > 0 && has_controller(list, len, controller)) {
			snprintf(v1mount, sizeof(v1mount), "%s/%s",
			    CGROUP_ROOT, controller);
			h->mount = v1mount;
			h->v1 = 1;
		} else
			continue;
		snprintf(h->path, sizeof(h->path), "%s", path);
		if (h->v1)
			return;
	}
}

/*
 * A limit file of h's controller for this process, its first line into
 * buf: in its cgroup; else at the mount's root, where a container that
 * has no cgroup namespace sees its own cgroup; else "max" if the
 * process is in the root cgroup, which has no limit files, and the
 * controller is there.
 */
static int
read_limit(const struct hier *h, const char *controller, const char *file,
    char *buf, size_t size)
{
	char path[4200];
	int root = strcmp(h->path, "/") == 0;

	snprintf(path, sizeof(path), "%s%s/%s", h->mount, root ? "" : h->path,
	    file);
	if (read_line(path, buf, size))
		return 1;
	snprintf(path, sizeof(path), "%s/%s", h->mount, file);
	if (!root)
		return read_line(path, buf, size);
	snprintf(path, sizeof(path), "%s/%s", h->mount, h->v1 ?
	    "cgroup.procs" : "cgroup.controllers");
	if (h->v1 ? access(path, R_OK) != 0 : !file_has_word(path, controller))
		return 0;
	snprintf(buf, size, "max");
	return 1;
}

/*
 * A byte or count limit, v1's written as v2 writes it: a number, or
 * "max" for v1's "no limit", a huge number.
 */
static int
cgroup_limit(const char *controller, const char *v2file, const char *v1file,
    char *buf, size_t size)
{
	struct hier h;
	uint64_t v;
	char *end;

	find_hier(controller, &h);
	if (h.mount == NULL || !read_limit(&h, controller, h.v1 ? v1file :
	    v2file, buf, size))
		return 0;
	if (h.v1 && buf[0] >= '0' && buf[0] <= '9') {
		v = strtoull(buf, &end, 10);
		if (*end == '\0' && v >= V1_UNLIMITED)
			snprintf(buf, size, "max");
	}
	return 1;
}

/* v2's cpu.max "QUOTA PERIOD" ("max PERIOD": none); v1's CFS, as it. */
static int
cpu_limit(char *buf, size_t size)
{
	char quota[64], period[64];
	struct hier h;

	find_hier("cpu", &h);
	if (h.mount == NULL)
		return 0;
	if (!h.v1)
		return read_limit(&h, "cpu", "cpu.max", buf, size);
	if (!read_limit(&h, "cpu", "cpu.cfs_quota_us", quota, sizeof(quota)) ||
	    !read_limit(&h, "cpu", "cpu.cfs_period_us", period,
	    sizeof(period)))
		return 0;
	snprintf(buf, size, "%s %s", quota[0] == '-' ? "max" : quota, period);
	return 1;
}

static void
put_cgroup(void)
{
	char buf[256];

	printf("cgroup_pids_max %s\n", cgroup_limit("pids", "pids.max",
	    "pids.max", buf, sizeof(buf)) ? buf : UNKNOWN);
	printf("cgroup_memory_max %s\n", cgroup_limit("memory", "memory.max",
	    "memory.limit_in_bytes", buf, sizeof(buf)) ? buf : UNKNOWN);
	printf("cgroup_cpu_max %s\n", cpu_limit(buf, sizeof(buf)) ? buf :
	    UNKNOWN);
}

int
main(int argc, char *argv[])
{
	struct utsname u;
	int ch;

	msg_init(argv[0]);
	while ((ch = getopt(argc, argv, "hV")) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return close_stdout();
		case 'V':
			puts(PACKAGE_STRING);
			return close_stdout();
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		usage_error("extra operand '%s'", argv[optind]);

	put_cpus();
	put_memory();
	put_rlimit("nofile", RLIMIT_NOFILE);
	put_rlimit("nproc", RLIMIT_NPROC);
	put_file("pid_max", "/proc/sys/kernel/pid_max");
	put_file("threads_max", "/proc/sys/kernel/threads-max");
	put_cgroup();
	printf("kernel %s\n", uname(&u) == 0 ? u.release : UNKNOWN);
	return close_stdout();
}
