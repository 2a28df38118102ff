/* unit-stats.c - lib/stats against textbook values and hand computation */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stddef.h>

#include "stats.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static int
near(double got, double want, double tol)
{
	return fabs(got - want) <= tol;
}

/* Two-sided 95% critical values from any table of Student's t. */
static void
t_table(void)
{
	static const struct {
		double	df, t;
	} tab[] = {
		{ 1, 12.706 }, { 2, 4.303 }, { 3, 3.182 }, { 5, 2.571 },
		{ 10, 2.228 }, { 20, 2.086 }, { 30, 2.042 }, { 100, 1.984 },
		{ 1e6, 1.960 }, { INFINITY, 1.960 },
	};
	size_t i;
	double q;

	for (i = 0; i < NELEM(tab); i++) {
		q = stats_t_quantile(0.975, tab[i].df);
		TAP_OK(near(q, tab[i].t, 0.0005), "t(0.975, %g) = %.3f (got %.6f)",
		    tab[i].df, tab[i].t, q);
	}
	q = stats_t_quantile(0.995, 10);
	TAP_OK(near(q, 3.169, 0.0005), "t(0.995, 10) = 3.169 (got %.6f)", q);
	q = stats_t_quantile(0.95, 4);
	TAP_OK(near(q, 2.132, 0.0005), "t(0.95, 4) = 2.132 (got %.6f)", q);
	q = stats_t_quantile(0.025, 5);
	TAP_OK(near(q, -2.571, 0.0005), "t(0.025, 5) = -2.571 (got %.6f)", q);
	TAP_OK(stats_t_quantile(0.5, 7) == 0.0, "t(0.5, df) = 0");
	/* More digits where they are known exactly: df 1 is Cauchy, df 2 closed form. */
	q = stats_t_quantile(0.975, 1);
	TAP_OK(near(q, tan(M_PI * 0.475), 1e-9), "t(0.975, 1) = tan(0.475 pi)");
	q = stats_t_quantile(0.975, 2);
	TAP_OK(near(q, 0.95 * sqrt(2.0 / (1 - 0.95 * 0.95)), 1e-9),
	    "t(0.975, 2) in closed form");
	TAP_OK(near(stats_t_cdf(2.228139, 10), 0.975, 1e-6),
	    "CDF inverts the quantile");
	TAP_OK(isnan(stats_t_quantile(1.0, 5)) && isnan(stats_t_quantile(0.9, 0)),
	    "quantile undefined for p = 1 or df = 0");
}

/* 2 4 4 4 5 5 7 9: mean 5, population sd 2, so sample sd sqrt(32/7). */
static void
summary(void)
{
	static const double x[] = { 4, 9, 2, 4, 5, 7, 4, 5 };
	struct summary s;
	double half;

	TAP_OK(stats_summary(x, NELEM(x), 0.95, &s) == 0, "summary computed");
	TAP_OK(s.n == 8, "n = 8");
	TAP_OK(near(s.mean, 5, 1e-12), "mean = 5");
	TAP_OK(near(s.sd, sqrt(32.0 / 7), 1e-12), "sample sd = sqrt(32/7)");
	TAP_OK(near(s.median, 4.5, 1e-12), "median = 4.5 (even n)");
	TAP_OK(s.min == 2 && s.max == 9, "min 2, max 9");
	TAP_OK(near(s.cv, sqrt(32.0 / 7) / 5, 1e-12), "cv = sd / mean");
	/* t(0.975, 7) = 2.364624 */
	half = 2.364624 * sqrt(32.0 / 7) / sqrt(8);
	TAP_OK(near(s.ci_low, 5 - half, 1e-5) && near(s.ci_high, 5 + half, 1e-5),
	    "95%% CI of the mean [%.4f, %.4f]", s.ci_low, s.ci_high);
	TAP_OK(near(s.q1, 4, 1e-12) && near(s.q3, 5.5, 1e-12),
	    "quartiles 4 and 5.5 (type 7)");

	stats_summary(x, 1, 0.95, &s);
	TAP_OK(s.n == 1 && s.mean == 4 && s.median == 4 && isnan(s.sd) &&
	    isnan(s.ci_low), "one value: mean and median, no sd or CI");
	stats_summary(x, 0, 0.95, &s);
	TAP_OK(s.n == 0 && isnan(s.mean), "no values: all undefined");
	TAP_OK(near(stats_mean(x, 3), 5, 1e-12) &&
	    near(stats_sd((const double[]){ 1, 2, 3, 4 }, 4), sqrt(5.0 / 3), 1e-12),
	    "stats_mean and stats_sd directly");
}

/* 10..14 and 100: quartiles 11.25 and 13.75, upper fence 17.5. */
static void
outliers(void)
{
	static const double x[] = { 12, 100, 10, 14, 11, 13 };
	static const double y[] = { 1, 2, 3, 4, 5 };
	static const double z[] = { -50, 10, 11, 12, 13, 14 };
	struct summary s;
	int flag[6];
	size_t n;

	stats_summary(x, NELEM(x), 0.95, &s);
	n = stats_outliers(x, NELEM(x), &s, 1.5, flag);
	TAP_OK(n == 1 && flag[1] && !flag[0] && !flag[2] && !flag[5],
	    "one high outlier, the right one");
	stats_summary(y, NELEM(y), 0.95, &s);
	TAP_OK(stats_outliers(y, NELEM(y), &s, 1.5, flag) == 0,
	    "evenly spread data has none");
	stats_summary(z, NELEM(z), 0.95, &s);
	n = stats_outliers(z, NELEM(z), &s, 1.5, flag);
	TAP_OK(n == 1 && flag[0], "one low outlier");
}

static void
set(struct summary *s, size_t n, double mean, double sd)
{
	s->n = n;
	s->mean = mean;
	s->sd = sd;
}

static void
ratio(void)
{
	struct summary a, b;
	struct ratio r, inv;

	/*
	 * 20 +- 2 over 10 +- 1, n = 10 each: Welch df exactly 18, and the
	 * roots of (a - Rb)^2 = t^2 (va + R^2 vb) with t(0.975, 18).
	 */
	set(&a, 10, 20, 2);
	set(&b, 10, 10, 1);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(near(r.est, 2, 1e-12), "ratio 2");
	TAP_OK(near(r.lo, 1.820330, 1e-5) && near(r.hi, 2.197404, 1e-5),
	    "Fieller 95%% CI [1.820330, 2.197404] (got [%.6f, %.6f])",
	    r.lo, r.hi);
	stats_ratio_ci(&b, &a, 0.95, &inv);
	TAP_OK(near(inv.lo, 1 / r.hi, 1e-9) && near(inv.hi, 1 / r.lo, 1e-9),
	    "the inverse ratio's CI is the reciprocal interval");

	set(&b, 3, 1, 10);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(isinf(r.lo) && r.lo < 0 && isinf(r.hi) && r.hi > 0,
	    "denominator not clearly away from 0: unbounded");
	set(&b, 1, 10, NAN);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(r.est == 2 && isnan(r.lo) && isnan(r.hi),
	    "one denominator value: ratio, no CI");
	set(&a, 5, 7, 0);
	set(&b, 5, 2, 0);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(r.est == 3.5 && r.lo == 3.5 && r.hi == 3.5,
	    "no variation: the CI is the ratio");
	set(&b, 5, 0, 1);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(isnan(r.est), "zero denominator: undefined");
}

/* Finite data whose plain sums overflow (or underflow) still count. */
static void
extremes(void)
{
	static const double top[] = { DBL_MAX, DBL_MAX, DBL_MAX };
	static const double mixed[] = { DBL_MAX, DBL_MAX / 2, DBL_MAX / 4 };
	static const double wide[] = { -DBL_MAX, DBL_MAX };
	static const double big[] = { 1e200, 3e200 };
	static const double tiny[] = { 1e-320, 3e-320 };
	static const double small[] = { 1e-200, 3e-200 };
	static const double plain[] = { 0.1, 0.2, 0.3, 0.4 };
	struct summary s, a, b;
	struct ratio r;
	double x[3];

	TAP_OK(stats_mean(top, 3) == DBL_MAX, "mean of DBL_MAX x3 is DBL_MAX "
	    "(got %g)", stats_mean(top, 3));
	TAP_OK(near(stats_mean(mixed, 3) / DBL_MAX, 7.0 / 12, 1e-15),
	    "mean of DBL_MAX, /2, /4 is 7/12 DBL_MAX");
	TAP_OK(stats_mean(wide, 2) == 0.0, "mean of -DBL_MAX, DBL_MAX is 0");
	TAP_OK(stats_sd(top, 3) == 0.0, "sd of DBL_MAX x3 is 0");
	TAP_OK(near(stats_sd(big, 2) / 1e200, sqrt(2.0), 1e-15),
	    "sd of 1e200, 3e200 is sqrt(2) 1e200 (got %g)", stats_sd(big, 2));
	TAP_OK(near(stats_sd(small, 2) / 1e-200, sqrt(2.0), 1e-15),
	    "sd of 1e-200, 3e-200 is sqrt(2) 1e-200 (got %g)",
	    stats_sd(small, 2));
	TAP_OK(near(stats_mean(tiny, 2), 2e-320, 1e-322),
	    "mean of subnormals 1e-320, 3e-320");
	/* Scaling by powers of two changes nothing for ordinary data. */
	TAP_OK(stats_mean(plain, 4) == (0.1 + 0.2 + 0.3 + 0.4) / 4,
	    "ordinary data: the plain sum, bit for bit");
	stats_summary(mixed, 3, 0.95, &s);
	TAP_OK(isfinite(s.mean) && isfinite(s.sd) && isfinite(s.cv),
	    "summary of values near DBL_MAX: mean, sd and cv finite");

	/* vc-report's ratio: not 0 for means that are finite. */
	x[0] = 1e308; x[1] = 1.1e308; x[2] = 0.9e308;
	stats_summary(x, 3, 0.95, &a);
	x[0] = 1e307; x[1] = 1.1e307; x[2] = 0.9e307;
	stats_summary(x, 3, 0.95, &b);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(near(r.est, 10, 1e-12) && isfinite(r.lo) && isfinite(r.hi) &&
	    r.lo < 10 && r.hi > 10, "ratio of means near 1e308 and 1e307: "
	    "10 with a finite CI (got %g [%g, %g])", r.est, r.lo, r.hi);
	set(&a, 5, 1e300, 1e299);
	set(&b, 5, 1e-300, 1e-301);
	stats_ratio_ci(&a, &b, 0.95, &r);
	TAP_OK(isinf(r.est) && isinf(r.hi), "a ratio beyond DBL_MAX is inf");
}

int
main(void)
{
	t_table();
	summary();
	outliers();
	ratio();
	extremes();
	return TAP_DONE();
}
