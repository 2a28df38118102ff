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

/*
 * The sets of benchmark arguments, in the order of bench_def's args:
 * vc-suite's profiles (quick, classic, questions) each use one.
 */
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

/*
 * Platform variants: a platform and named settings, each a runner
 * option ("qemu:disk=raw" runs vc-qemu -f raw). catalog.c's table of
 * settings is the one list of them: their keys, the platforms each
 * applies to, the values it takes, the option it becomes and one line
 * for each value saying what differs, which reports show.
 */
#define PLAT_BIT(p)	(1u << (p))
#define RUNNER_CPUS_MAX	1024	/* -c of every runner, cpus= of a variant */
#define RUNNER_CPUS_MAX_TEXT	"1024"

enum setting_kind {
	SET_CHOICE,		/* one of values[] */
	SET_NUMBER,		/* 1..RUNNER_CPUS_MAX */
	SET_TOKEN		/* a word of [A-Za-z0-9._-] */
};

struct setting_value {
	const char	*value;		/* NULL ends the list */
	const char	*desc;		/* "%s" there stands for the value */
};

struct setting_def {
	const char		*key;
	unsigned		 plats;		/* PLAT_BIT()s */
	const char		*opt;		/* the runner option: opt VALUE */
	enum setting_kind	 kind;
	struct setting_value	 values[5];	/* SET_CHOICE; else one desc */
};

#define NSETTING	8
extern const struct setting_def	catalog_settings[NSETTING];

#define MAXCOLS		32	/* columns of one vc-suite run */
#define COLUMN_MAX	256	/* bytes of a variant, NUL and all */
#define SETTING_MAX	32	/* bytes of a setting's value, likewise */

/*
 * A column of the matrix: a platform, plain or with settings. Its name
 * is canonical: the settings in the table's key order, so that two
 * spellings of one variant are one column ("qemu:disk=raw:net=passt");
 * variant is the name's settings part ("disk=raw:net=passt", "" for a
 * plain platform), which results.csv keeps in its variant column.
 */
struct column {
	int		 plat;
	char		 name[COLUMN_MAX + 16];	/* the platform's, ':' */
	char		 variant[COLUMN_MAX];
	int		 nset;
	struct {
		int	 def;			/* index in catalog_settings */
		char	 value[SETTING_MAX];
	}		 set[NSETTING];
};

int		 catalog_column(const char *, size_t, struct column *, char *,
		    size_t);
size_t		 catalog_column_opts(const struct column *, const char *[]);
const char	*catalog_setting_desc(const struct column *, int, char *,
		    size_t);

int			 catalog_bench_index(const char *, size_t);
int			 catalog_plat_index(const char *, size_t);
const struct bench_def	*catalog_bench(const char *);
const struct plat_def	*catalog_platform(const char *);

#endif
