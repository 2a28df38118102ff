/*
 * catalog.c - what the harness knows of each benchmark and platform:
 * the runners (what a benchmark needs), vc-image (which part holds it),
 * vc-suite (profiles, order, the primary and work metrics), results.c
 * (report order, primary metric and its direction), work.c (what makes
 * two runs' work the same) and vc-plot (colours) all read these two
 * tables, and nothing else names them.
 */
#include "config.h"

#include <string.h>

#include "catalog.h"

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
	    "total_seconds", { "-n 200 -t 1", "" }, { "order" },
	    { "kernel", "generator" }, NULL, NULL },
	{ "memsweep", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "-s 8M", "" }, { "accesses" }, { NULL }, NULL, NULL },
	{ "forksum", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "1 2000", "1 10000" },
	    { "processes", "fork_failures" }, { NULL }, "fork_failures",
	    "forks" },
	{ "diskwrite", BENCH_DISK, PART_IO, "iops", BETTER_HIGHER,
	    "seconds", { "-s 32M -t 3", "" }, { NULL },
	    { "block_size", "iodepth", "size", "method", "ioengine" },
	    NULL, NULL },
	{ "nginxbench", BENCH_NET, PART_IO, "seconds_per_file", BETTER_LOWER,
	    "seconds", { "-s 32M -d 3", "" }, { NULL },
	    { "file_size", "threads", "connections" }, NULL, NULL },
};

const struct plat_def catalog_plats[NPLAT] = {
	[PLAT_NATIVE] = { "native", "vc-native", "#4e79a7" },
	[PLAT_CONTAINER] = { "container", "vc-container", "#59a14f" },
	[PLAT_KVM] = { "kvm", "vc-kvm", "#f28e2b" },
	[PLAT_QEMU] = { "qemu", "vc-qemu", "#e15759" },
};

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
