/*
 * catalog.c - what the harness knows of each benchmark and platform:
 * the runners (what a benchmark needs), vc-image (which part holds it),
 * vc-suite (profiles, order, the primary and work metrics), results.c
 * (report order, primary metric and its direction) and vc-plot
 * (colours) all read these two tables, and nothing else names them.
 */
#include "config.h"

#include <string.h>

#include "catalog.h"

/*
 * The primary metric stands for the benchmark: reports lead with it and
 * vc-suite -c stops on it. The work metric is the time the benchmark
 * measured itself working; the rest of a runner's wall time is the
 * platform's overhead.
 */
const struct bench_def catalog_benchs[NBENCH] = {
	{ "linpack", BENCH_CPU, PART_CORE, "kflops", BETTER_HIGHER,
	    "total_seconds", { "-n 200 -t 1", "" } },
	{ "memsweep", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "-s 8M", "" } },
	{ "forksum", BENCH_CPU, PART_CORE, "seconds", BETTER_LOWER,
	    "seconds", { "1 2000", "1 100000" } },
	{ "diskwrite", BENCH_DISK, PART_IO, "iops", BETTER_HIGHER,
	    "seconds", { "-s 32M -t 3", "" } },
	{ "nginxbench", BENCH_NET, PART_IO, "seconds_per_file", BETTER_LOWER,
	    "seconds", { "-s 32M -d 3", "" } },
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
