/*
 * compare.h - two runs of the suite side by side: per benchmark, metric
 * and column, the change of the mean from a base run to a new one with
 * Welch's CI, whether it is significant and which way it goes, and the
 * change of the ratio to native. vc-report -b prints it, vc-plot -b
 * draws it.
 */
#ifndef VC_COMPARE_H
#define VC_COMPARE_H

#include <stddef.h>

#include "results.h"

/* What a change means, by the metric's direction (catalog.h). */
enum verdict {
	V_NONE,			/* no change can be told (CI includes 0) */
	V_BETTER,
	V_WORSE,
	V_CHANGED		/* significant, direction unknown */
};

/* The change of one mean: new - base, and as percent of base. */
struct change {
	struct welch	 w;
	double		 pct, pct_lo, pct_hi;	/* 100 * w / base mean */
	int		 significant;	/* the CI excludes 0 */
	enum verdict	 verdict;
};

enum cmp_status { CMP_BOTH, CMP_BASE_ONLY, CMP_NEW_ONLY };

struct cmprow {
	const char	*benchmark;
	const char	*metric;
	const char	*unit;
	const char	*column;	/* platform or platform:variant */
	enum better	 better;
	enum cmp_status	 status;
	struct summary	 base, new;	/* n 0 where absent */
	struct change	 ch;		/* NaN without both, or note */
	struct ratio	 rbase, rnew;	/* to native in each run */
	double		 dratio;	/* rnew.est - rbase.est */
	char		*note;		/* why no change, or NULL */
};

struct comparison {
	struct cmprow	*rows;
	size_t		 n, cap;
};

void		 compare_change(const struct summary *, const struct summary *,
		    enum better, double, struct change *);
void		 compare_runs(const struct results *, const struct results *,
		    const char *, int, struct comparison *);
void		 compare_free(struct comparison *);
const char	*verdict_word(enum verdict);

#endif
