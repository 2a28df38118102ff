/* catalog.h - the benchmarks and the platforms, each fact once */
#ifndef VC_CATALOG_H
#define VC_CATALOG_H

#include <stddef.h>

/* What a benchmark needs of its platform. */
enum bench_kind {
	BENCH_CPU,		/* nothing: linpack, memsweep, forksum */
	BENCH_DISK,		/* a disk to write to: diskwrite */
	BENCH_NET,		/* a server the host reaches: nginxbench */
	BENCH_OTHER		/* any other command */
};

/* The initramfs part (vc-image) that holds a benchmark. */
enum image_part {
	PART_CORE,		/* with init: what needs nothing else */
	PART_IO			/* with fio, nginx, the virtio modules */
};

/* Which way a metric is better. */
enum better { BETTER_UNKNOWN, BETTER_HIGHER, BETTER_LOWER };

/* vc-suite's profiles, in the order of bench_def's args. */
enum { PROFILE_QUICK, PROFILE_CLASSIC, NPROFILE };

struct bench_def {
	const char	*name;
	enum bench_kind	 kind;
	enum image_part	 part;
	const char	*primary;	/* what reports lead with */
	enum better	 better;	/* of the primary */
	const char	*work;		/* seconds it measured itself work */
	const char	*args[NPROFILE];
	const char	*same_work[3];	/* equal if the work was: NULL ends */
	const char	*same_params[6]; /* params, likewise: NULL ends */
	const char	*refused;	/* of same_work: work refused */
	const char	*refused_what;	/* what it counts: "forks" */
};

/* The platforms, in the one order of runs, reports and charts. */
enum platform { PLAT_NATIVE, PLAT_CONTAINER, PLAT_KVM, PLAT_QEMU, NPLAT };

struct plat_def {
	const char	*name;
	const char	*runner;	/* the program that runs on it */
	const char	*colour;	/* in every chart: #rrggbb */
};

/*
 * The platform check (vc-envelope): no benchmark, but in the images
 * with them, in the core part and the rootfs (vc-image), and like the
 * compute benchmarks it needs nothing of a platform (bench_kind()).
 */
#define ENVELOPE_PROG	"vc-envelope"

/* In report order: catalog_benchs[NBENCH], catalog_plats[NPLAT]. */
#define NBENCH	5
extern const struct bench_def	catalog_benchs[NBENCH];
extern const struct plat_def	catalog_plats[NPLAT];

int			 catalog_bench_index(const char *, size_t);
int			 catalog_plat_index(const char *, size_t);
const struct bench_def	*catalog_bench(const char *);
const struct plat_def	*catalog_platform(const char *);

#endif
