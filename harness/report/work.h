/*
 * work.h - did a platform's runs of a benchmark do the work native's
 * did? The one check behind every ratio: vc-report and vc-plot refuse a
 * ratio it finds unequal, vc-suite warns as the runs come (and fails
 * with -E).
 */
#ifndef VC_WORK_H
#define VC_WORK_H

#include <stddef.h>

#include "catalog.h"

/* Quantities at most: same_work's and same_params' (less their NULLs). */
#define WORK_NVAL	(sizeof(((struct bench_def *)0)->same_work) / \
	sizeof(char *) + sizeof(((struct bench_def *)0)->same_params) / \
	sizeof(char *))
#define WORK_NOTE_MAX	128	/* bytes of a note, its NUL included */

/* One quantity that fixes the work, over the runs of a cell. */
struct work_val {
	size_t	 n;		/* values seen (NaN is none) */
	char	*first;		/* the first, as text */
	char	*other;		/* the first unlike it, or NULL */
};

/* What the runs of one benchmark on one platform did. */
struct work {
	const struct bench_def	*b;	/* NULL: no rule, always the same */
	struct work_val		 val[WORK_NVAL]; /* same_work, same_params */
	double			 refused;	/* b->refused, summed */
};

enum work_kind {
	WORK_SAME,		/* or nothing to tell otherwise */
	WORK_UNEQUAL,		/* other work than native's: no ratio */
	WORK_DEGRADED		/* native (or no native): work refused */
};

void		 work_init(struct work *, const char *);
void		 work_metric(struct work *, const char *, double);
void		 work_params(struct work *, const char *);
void		 work_merge(struct work *, const struct work *);
enum work_kind	 work_check(const struct work *, const struct work *, char *,
		    size_t);
const char	*work_kind_name(enum work_kind);
void		 work_free(struct work *);

#endif
