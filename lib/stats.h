/* stats.h - summary statistics, Student's t and the CI of a ratio */
#ifndef VC_STATS_H
#define VC_STATS_H

#include <stddef.h>

/* What vc-report prints for one set of runs; NaN where undefined. */
struct summary {
	size_t	n;
	double	mean;
	double	median;
	double	sd;		/* sample standard deviation (n - 1) */
	double	min, max;
	double	cv;		/* sd / |mean| */
	double	q1, q3;		/* quartiles, linear interpolation */
	double	ci_low, ci_high;	/* CI of the mean, Student's t */
};

/* A ratio of two means and its CI; lo = -inf, hi = inf if unbounded. */
struct ratio {
	double	est;
	double	lo, hi;
};

/*
 * Welch's CI of the difference of two independent means, new - base:
 * se from the two variances apart, df by Welch-Satterthwaite.
 */
struct welch {
	double	diff;		/* new mean - base mean */
	double	se;		/* sqrt(s_b^2 / n_b + s_n^2 / n_n) */
	double	df;
	double	t;		/* the t quantile used */
	double	lo, hi;		/* NaN when a side has under 2 values */
};

double	stats_mean(const double *, size_t);
double	stats_sd(const double *, size_t);
double	stats_quantile_sorted(const double *, size_t, double);
int	stats_summary(const double *, size_t, double, struct summary *);
size_t	stats_outliers(const double *, size_t, const struct summary *,
	    double, int *);
double	stats_t_cdf(double, double);
double	stats_t_quantile(double, double);
void	stats_ratio_ci(const struct summary *, const struct summary *,
	    double, struct ratio *);
void	stats_welch(const struct summary *, const struct summary *,
	    double, struct welch *);

#endif
