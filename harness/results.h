/* results.h - a results directory as vc-report and vc-plot see it */
#ifndef VC_RESULTS_H
#define VC_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "stats.h"

enum better { BETTER_UNKNOWN, BETTER_HIGHER, BETTER_LOWER };

/* One row of results.csv. */
struct obs {
	double	 value;		/* NaN or infinite: missing */
	int64_t	 rep;
	char	*time;
};

/* All the runs of one benchmark's metric on one platform. */
struct series {
	char		*benchmark;
	char		*metric;
	char		*unit;
	char		*platform;
	size_t		 line;		/* where it first appeared */
	struct obs	*obs;
	size_t		 n, cap;
};

struct bench {
	char		 *name;
	char		 *params;	/* from meta.json, or NULL */
	char		**metrics;	/* the primary first, then as found */
	size_t		  nmetrics;
	enum better	  better;	/* of the primary metric */
};

struct results {
	char		 *csv;		/* path of results.csv, for messages */
	struct series	 *series;
	size_t		  nseries;
	struct bench	 *bench;	/* in report order */
	size_t		  nbench;
	char		**plat;		/* native, container, kvm, qemu, others */
	size_t		  nplat;
};

/* The statistics of one series, as both tools print them. */
struct cell {
	const struct series	*s;
	struct summary		 sum;
	double			*values;	/* the finite ones, in file order */
	int64_t			*reps;		/* their reps */
	int			*outlier;	/* per value: beyond the fences */
	size_t			 noutliers;
	size_t			 nmissing;
};

#define CI_LEVEL	0.95
#define CV_HIGH		0.10	/* a coefficient of variation worth a flag */
#define TUKEY_K		1.5

void			 results_read(struct results *, const char *);
void			 results_free(struct results *);
const struct series	*results_find(const struct results *, const char *,
			    const char *, const char *);
const char		*results_unit(const struct results *, const char *,
			    const char *);
enum better		 results_better(const char *, const char *,
			    const char *);
const char		*better_name(enum better);
void			 cell_compute(struct cell *, const struct series *);
void			 cell_free(struct cell *);

#endif
