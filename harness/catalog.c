/*
 * catalog.c - what the harness knows of each benchmark and platform:
 * the runners (what a benchmark needs), vc-image (which part holds it),
 * vc-suite (profiles, order, the primary and work metrics), results.c
 * (report order, primary metric and its direction), work.c (what makes
 * two runs' work the same) and vc-plot (colours) all read these two
 * tables, and nothing else names them.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "parse.h"

/*
 * The primary metric stands for the benchmark: reports lead with it and
 * vc-suite -c stops on it. The work metric is the time the benchmark
 * measured itself working; the rest of a runner's wall time is the
 * platform's overhead.
 *
 * same_work lists the metrics (NULL-terminated) that two runs with the
 * same arguments have equal if, and only if, they did the same work, so
 * that a ratio between them compares like with like. Every benchmark
 * records the work it did, but only a benchmark whose arguments fix the
 * amount of work has such metrics:
 *
 *   linpack	time-bound: it doubles its solves until a batch lasts -t,
 *		so a slower platform times fewer; each solve is the same
 *		work when the order, the kernel (classic or blocked: another
 *		algorithm) and the matrix's generator are the same, and
 *		kflops is a rate. Not its SIMD kernel: the same blocked LU
 *		in narrower vectors, where a guest's CPU has no wider, is
 *		the cost the platform adds.
 *   memsweep	work-bound: size times reps iterations, two accesses each.
 *   forksum	work-bound, unless the system refuses forks: the process
 *		tree is the work, and refused forks shrink it.
 *   diskwrite	time-bound (fio's --time_based -t): the writes and bytes
 *		done are what the platform managed, not a quantity to
 *		match; the arguments fix the work of each write.
 *   nginxbench	time-bound: past its target -d and one whole download;
 *		the downloads done are, again, what the platform managed.
 *
 * The quick profile's time-bound runs last 3 s (linpack) and 10 s
 * (diskwrite, nginxbench): every run on a VM costs a boot and a
 * shutdown (2-3 s under TCG), so shorter runs left the quick suite
 * spending 30% of its wall time starting platforms (issue 13's goal:
 * at least 80% measured work; bench/suite-time.sh), and a 3 s nginx
 * run under QEMU's user network finished one or two 32 MiB downloads.
 *
 * same_params lists, for a time-bound benchmark, the params that fix
 * the work of each operation, so that two platforms' rates are rates of
 * the same thing: linpack's solve (its kernel and generator),
 * diskwrite's write (its block size, depth, method and engine, and the
 * size of the file it lands in) and nginxbench's download (the file's
 * size, wrk's threads and connections). Not the duration (a rate does
 * not depend on how long it was measured), the directory or url
 * (another on each platform) or a version. memsweep and forksum need
 * none: their same_work metrics are the work itself.
 *
 * The classic forksum sums 1..10000, not the course's 1..100000: that
 * is about 200,000 processes, alive at once, which no platform can have
 * on a machine whose pid_max is 32768, so every platform refused forks,
 * each a different number, and no two did the same work. 1..10000 is
 * 19,998 processes: native, a container and a VM with vc-qemu's default
 * memory all complete it without a refused fork (README).
 *
 * refused names the same_work metric that counts work the system
 * refused (forksum's forks that failed for lack of processes or
 * memory), and refused_what what it counts: reports say "N forks
 * refused" when a platform refused what native did not.
 */
const struct bench_def catalog_benchs[NBENCH] = {
	{ "linpack", BENCH_CPU, PART_CORE, "kflops", BETTER_HIGHER,
	    "total_seconds", { "-n 200 -t 3", "" }, { "order" },
	    { "kernel", "generator" }, NULL, NULL },
	{ "memsweep", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "-s 8M", "" }, { "accesses" }, { NULL }, NULL, NULL },
	{ "forksum", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "1 2000", "1 10000" },
	    { "processes", "fork_failures" }, { NULL }, "fork_failures",
	    "forks" },
	{ "diskwrite", BENCH_DISK, PART_IO, "iops", BETTER_HIGHER,
	    "seconds", { "-s 32M -t 10", "" }, { NULL },
	    { "block_size", "iodepth", "size", "method", "ioengine" },
	    NULL, NULL },
	{ "nginxbench", BENCH_NET, PART_IO, "seconds_per_file", BETTER_LOWER,
	    "seconds", { "-s 32M -d 10", "" }, { NULL },
	    { "file_size", "threads", "connections" }, NULL, NULL },
};

const struct plat_def catalog_plats[NPLAT] = {
	[PLAT_NATIVE] = { "native", "vc-native", "#4e79a7" },
	[PLAT_CONTAINER] = { "container", "vc-container", "#59a14f" },
	[PLAT_KVM] = { "kvm", "vc-kvm", "#f28e2b" },
	[PLAT_QEMU] = { "qemu", "vc-qemu", "#e15759" },
};

#define VM	(PLAT_BIT(PLAT_QEMU) | PLAT_BIT(PLAT_KVM))
#define CT	PLAT_BIT(PLAT_CONTAINER)

/*
 * The settings of platform variants. The order of the keys is the order
 * of a variant's settings in its name; rows of one key (for different
 * platforms) follow each other. vc-suite appends opt VALUE to the
 * runner's options (after -O's). A setting equal to the runner's default
 * (qemu:net=user) is a column of its own, not plain qemu: it names what
 * was asked for, and a runner's default may change.
 */
const struct setting_def catalog_settings[NSETTING] = {
	{ "disk", VM, "-f", SET_CHOICE, {
	    { "qcow2", "guest disk: qcow2 image (copy-on-write, allocation "
		"metadata)" },
	    { "raw", "guest disk: raw image file" } } },
	{ "disk", CT, "-s", SET_CHOICE, {
	    { "overlay", "disk: the container's overlay (copy-on-write) file "
		"system" },
	    { "volume", "disk: a named volume (host file system, no "
		"overlay)" },
	    { "bind", "disk: a bind-mounted host directory" },
	    { "tmpfs", "disk: tmpfs, memory (for contrast)" } } },
	{ "cache", VM, "-C", SET_CHOICE, {
	    { "writeback", "guest disk: through the host page cache" },
	    { "none", "guest disk: O_DIRECT on the host, no host page "
		"cache" } } },
	{ "dev", VM, "-B", SET_CHOICE, {
	    { "virtio-blk", "guest disk: virtio-blk" },
	    { "virtio-scsi", "guest disk: virtio-scsi (a SCSI layer in guest "
		"and QEMU)" } } },
	{ "net", VM, "-N", SET_CHOICE, {
	    { "user", "guest network: user-mode TCP/IP stack in the QEMU "
		"process (SLIRP)" },
	    { "passt", "guest network: passt, a separate user-mode process "
		"that maps guest frames onto host sockets" },
	    { "tap", "guest network: a host tap device through the host "
		"kernel's stack, virtio served by QEMU (tap without "
		"vhost-net)" },
	    { "vhost", "guest network: tap with virtio served by the host "
		"kernel (vhost-net)" } } },
	{ "net", CT, "-n", SET_CHOICE, {
	    { "default", "network: the engine's default (bridge and NAT, or "
		"slirp4netns/pasta rootless)" },
	    { "host", "network: the host's network namespace" } } },
	{ "cpu", PLAT_BIT(PLAT_QEMU), "-M", SET_TOKEN, {
	    { NULL, "guest CPU model under TCG: %s (changes which "
		"instructions are emulated)" } } },
	{ "cpus", PLAT_BIT(PLAT_NATIVE) | CT | VM, "-c", SET_NUMBER, {
	    { NULL, "CPUs: %s" } } },
};

/* Is len bytes of s a value of setting d? Its canonical form in buf. */
static const char *
setting_value(const struct setting_def *d, const char *s, size_t len,
    char *buf)
{
	static char use[128];
	int64_t n;
	size_t i, k;

	if (len == 0)
		return "an empty value";
	if (len >= SETTING_MAX)
		return "a value too long";
	memcpy(buf, s, len);
	buf[len] = '\0';
	switch (d->kind) {
	case SET_CHOICE:
		for (i = 0, k = 0; d->values[i].value != NULL; i++) {
			if (strcmp(d->values[i].value, buf) == 0)
				return NULL;
			k += (size_t)snprintf(use + k, sizeof(use) - k, "%s%s",
			    i ? ", " : "use ", d->values[i].value);
		}
		return use;
	case SET_NUMBER:
		if (parse_int(buf, 1, RUNNER_CPUS_MAX, &n) != NULL)
			return "not a number from 1 to " RUNNER_CPUS_MAX_TEXT;
		snprintf(buf, SETTING_MAX, "%lld", (long long)n);
		return NULL;
	case SET_TOKEN:
		for (i = 0; i < len; i++)
			if (!(buf[i] >= 'a' && buf[i] <= 'z') &&
			    !(buf[i] >= 'A' && buf[i] <= 'Z') &&
			    !(buf[i] >= '0' && buf[i] <= '9') &&
			    strchr("._-", buf[i]) == NULL)
				return "not a word of A-Z a-z 0-9 . _ -";
		return buf[0] == '-' || buf[0] == '.' ? "not a word that "
		    "starts with a letter or digit" : NULL;
	}
	return "an unknown value";
}

/* The setting of key (len bytes) for platform p, or -1. */
static int
setting_index(int p, const char *key, size_t len)
{
	int i;

	for (i = 0; i < NSETTING; i++)
		if ((catalog_settings[i].plats & PLAT_BIT(p)) &&
		    strlen(catalog_settings[i].key) == len &&
		    strncmp(catalog_settings[i].key, key, len) == 0)
			return i;
	return -1;
}

/* Why key (len bytes) is no setting of platform p: in why. */
static void
no_setting(int p, const char *key, size_t len, char *why, size_t whylen)
{
	size_t k;
	int i, n = 0;

	k = (size_t)snprintf(why, whylen, "'%.*s' is no setting of %s",
	    (int)len, key, catalog_plats[p].name);
	for (i = 0; i < NSETTING && k < whylen; i++)
		if (catalog_settings[i].plats & PLAT_BIT(p))
			k += (size_t)snprintf(why + k, whylen - k, "%s%s",
			    n++ ? ", " : " (it has ", catalog_settings[i].key);
	if (k < whylen)
		snprintf(why + k, whylen - k, "%s", n ? ")" : ": it has none");
}

/*
 * Len bytes of s, PLATFORM or PLATFORM:KEY=VALUE[:KEY=VALUE...], into
 * c with its canonical name. Returns 0, or -1 with one line in why.
 */
int
catalog_column(const char *s, size_t len, struct column *c, char *why,
    size_t whylen)
{
	const char *end = s + len, *p, *colon, *eq;
	size_t n;
	int i, j, k;

	memset(c, 0, sizeof(*c));
	colon = memchr(s, ':', len);
	n = colon != NULL ? (size_t)(colon - s) : len;
	if ((c->plat = catalog_plat_index(s, n)) == -1) {
		snprintf(why, whylen, "unknown platform '%.*s'", (int)n, s);
		return -1;
	}
	for (p = colon; p != NULL && p < end; p = colon) {
		p++;
		colon = memchr(p, ':', (size_t)(end - p));
		n = colon != NULL ? (size_t)(colon - p) : (size_t)(end - p);
		if ((eq = memchr(p, '=', n)) == NULL) {
			snprintf(why, whylen, "'%.*s': expected key=value",
			    (int)n, p);
			return -1;
		}
		if ((i = setting_index(c->plat, p, (size_t)(eq - p))) == -1) {
			no_setting(c->plat, p, (size_t)(eq - p), why, whylen);
			return -1;
		}
		for (j = 0; j < c->nset; j++)
			if (c->set[j].def == i) {
				snprintf(why, whylen, "'%s' given twice",
				    catalog_settings[i].key);
				return -1;
			}
		/* Kept in the table's order: insertion. */
		for (j = c->nset; j > 0 && c->set[j - 1].def > i; j--)
			c->set[j] = c->set[j - 1];
		c->set[j].def = i;
		if ((eq = setting_value(&catalog_settings[i], eq + 1,
		    n - (size_t)(eq + 1 - p), c->set[j].value)) != NULL) {
			snprintf(why, whylen, "'%.*s': %s", (int)n, p, eq);
			return -1;
		}
		c->nset++;
	}
	for (j = 0, k = 0; j < c->nset; j++)
		k += snprintf(c->variant + k, sizeof(c->variant) - (size_t)k,
		    "%s%s=%s", j ? ":" : "", catalog_settings[c->set[j].def].key,
		    c->set[j].value);
	snprintf(c->name, sizeof(c->name), "%s%s%s",
	    catalog_plats[c->plat].name, c->nset ? ":" : "", c->variant);
	return 0;
}

/* The runner options of c's settings into v: returns how many words. */
size_t
catalog_column_opts(const struct column *c, const char *v[])
{
	size_t n = 0;
	int j;

	for (j = 0; j < c->nset; j++) {
		v[n++] = catalog_settings[c->set[j].def].opt;
		v[n++] = c->set[j].value;
	}
	return n;
}

/* What setting j of c changes, one line, in buf. */
const char *
catalog_setting_desc(const struct column *c, int j, char *buf, size_t size)
{
	const struct setting_def *d = &catalog_settings[c->set[j].def];
	const char *desc = d->values[0].desc, *at;
	size_t i;

	for (i = 0; d->kind == SET_CHOICE && d->values[i].value != NULL; i++)
		if (strcmp(d->values[i].value, c->set[j].value) == 0)
			desc = d->values[i].desc;
	if ((at = strstr(desc, "%s")) == NULL)
		snprintf(buf, size, "%s", desc);
	else
		snprintf(buf, size, "%.*s%s%s", (int)(at - desc), desc,
		    c->set[j].value, at + 2);
	return buf;
}

/* The index of the benchmark named by len bytes of s, or -1. */
int
catalog_bench_index(const char *s, size_t len)
{
	int i;

	for (i = 0; i < NBENCH; i++)
		if (strlen(catalog_benchs[i].name) == len &&
		    strncmp(catalog_benchs[i].name, s, len) == 0)
			return i;
	return -1;
}

/* The index of the platform named by len bytes of s, or -1. */
int
catalog_plat_index(const char *s, size_t len)
{
	int i;

	for (i = 0; i < NPLAT; i++)
		if (strlen(catalog_plats[i].name) == len &&
		    strncmp(catalog_plats[i].name, s, len) == 0)
			return i;
	return -1;
}

const struct bench_def *
catalog_bench(const char *name)
{
	int i = catalog_bench_index(name, strlen(name));

	return i != -1 ? &catalog_benchs[i] : NULL;
}

const struct plat_def *
catalog_platform(const char *name)
{
	int i = catalog_plat_index(name, strlen(name));

	return i != -1 ? &catalog_plats[i] : NULL;
}
