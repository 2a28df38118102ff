/*
 * stats.c - the statistics vc-report and vc-plot print.
 *
 * Student's t distribution is computed here rather than taken from a
 * table: Welch-Satterthwaite degrees of freedom are not integers. The
 * CDF comes from the regularized incomplete beta function (continued
 * fraction, modified Lentz), and the quantile from bisecting the CDF,
 * which is slow by numerical standards but cannot fail to converge.
 *
 * The CI of a ratio of two independent means is Fieller's: the set of
 * R for which a - R b is not significantly different from zero, with
 * the variance of a - R b taken Welch-style (unequal variances) and its
 * degrees of freedom by Welch-Satterthwaite at R = a / b.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

/*
 * Sums of finite data must not overflow: a mean of values near DBL_MAX
 * is near DBL_MAX, not inf. So the values are scaled by a power of two
 * that brings the largest to [0.5, 1) before they are added up, and the
 * result scaled back. Scaling by a power of two is exact (short of the
 * subnormals, far below what the sum can resolve), so for data that
 * never came near overflow the results are bit for bit what the plain
 * sums gave. The exponent is that of the largest finite |x|; 0 if none.
 */
static int
scale_exp(const double *x, size_t n)
{
	double big = 0.0;
	size_t i;
	int e;

	for (i = 0; i < n; i++)
		if (isfinite(x[i]) && fabs(x[i]) > big)
			big = fabs(x[i]);
	if (big == 0.0)
		return 0;
	frexp(big, &e);
	return e;
}

/* The mean of x[i] * 2^-e: every term in [-1, 1], the sum at most n. */
static double
scaled_mean(const double *x, size_t n, int e)
{
	double sum = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		sum += ldexp(x[i], -e);
	return sum / (double)n;
}

double
stats_mean(const double *x, size_t n)
{
	int e;

	if (n == 0)
		return NAN;
	e = scale_exp(x, n);
	return ldexp(scaled_mean(x, n, e), e);
}

/*
 * Two passes: the one-pass formula loses digits when sd << mean. Scaled
 * as the mean is: squares of deviations overflow from about 1e154.
 */
double
stats_sd(const double *x, size_t n)
{
	double mean, d, ss = 0.0;
	size_t i;
	int e;

	if (n < 2)
		return NAN;
	e = scale_exp(x, n);
	mean = scaled_mean(x, n, e);
	for (i = 0; i < n; i++) {
		d = ldexp(x[i], -e) - mean;
		ss += d * d;
	}
	return ldexp(sqrt(ss / (double)(n - 1)), e);
}

/*
 * The p-quantile of sorted data by linear interpolation between order
 * statistics (R's type 7, NumPy's default), so that anyone can check it.
 */
double
stats_quantile_sorted(const double *x, size_t n, double p)
{
	double h;
	size_t lo;

	if (n == 0)
		return NAN;
	h = (double)(n - 1) * p;
	lo = (size_t)floor(h);
	if (lo + 1 >= n)
		return x[n - 1];
	return x[lo] + (h - (double)lo) * (x[lo + 1] - x[lo]);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* level is the CI's coverage, 0.95 for the usual 95%. -1 if no memory. */
int
stats_summary(const double *x, size_t n, double level, struct summary *s)
{
	double *sorted, half;

	s->n = n;
	s->mean = s->median = s->sd = s->min = s->max = s->cv = NAN;
	s->q1 = s->q3 = s->ci_low = s->ci_high = NAN;
	if (n == 0)
		return 0;
	if ((sorted = malloc(n * sizeof(*sorted))) == NULL)
		return -1;
	memcpy(sorted, x, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_double);
	s->min = sorted[0];
	s->max = sorted[n - 1];
	s->median = stats_quantile_sorted(sorted, n, 0.5);
	s->q1 = stats_quantile_sorted(sorted, n, 0.25);
	s->q3 = stats_quantile_sorted(sorted, n, 0.75);
	free(sorted);
	s->mean = stats_mean(x, n);
	if (n < 2)
		return 0;
	s->sd = stats_sd(x, n);
	if (s->mean != 0.0)
		s->cv = s->sd / fabs(s->mean);
	half = stats_t_quantile(1.0 - (1.0 - level) / 2.0, (double)(n - 1)) *
	    s->sd / sqrt((double)n);
	s->ci_low = s->mean - half;
	s->ci_high = s->mean + half;
	return 0;
}

/*
 * Marks in flag[] the values outside Tukey's fences, k * IQR beyond the
 * quartiles (k = 1.5 is the usual), and returns how many there are.
 */
size_t
stats_outliers(const double *x, size_t n, const struct summary *s, double k,
    int *flag)
{
	double iqr, lo, hi;
	size_t i, count = 0;

	iqr = s->q3 - s->q1;
	lo = s->q1 - k * iqr;
	hi = s->q3 + k * iqr;
	for (i = 0; i < n; i++) {
		flag[i] = n >= 4 && (x[i] < lo || x[i] > hi);
		count += (size_t)flag[i];
	}
	return count;
}

/* Continued fraction for the incomplete beta function (Lentz). */
static double
beta_cf(double a, double b, double x)
{
	const double tiny = 1e-300, eps = 1e-16;
	double c, d, del, h, aa, m2;
	int m;

	c = 1.0;
	d = 1.0 - (a + b) * x / (a + 1.0);
	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (m = 1; m <= 100000; m++) {
		m2 = 2.0 * m;
		aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < eps)
			break;
	}
	return h;
}

/* The regularized incomplete beta function I_x(a, b). */
static double
beta_inc(double a, double b, double x)
{
	double front;

	if (x <= 0.0)
		return 0.0;
	if (x >= 1.0)
		return 1.0;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) +
	    b * log1p(-x));
	/* The fraction converges fast only on this side of the mean. */
	if (x < (a + 1.0) / (a + b + 2.0))
		return front * beta_cf(a, b, x) / a;
	return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

/* P(T <= t) for Student's t with df degrees of freedom (df > 0). */
double
stats_t_cdf(double t, double df)
{
	double tail;

	if (isnan(t) || isnan(df) || df <= 0.0)
		return NAN;
	if (isinf(df))
		return 0.5 * erfc(-t / sqrt(2.0));
	if (isinf(t))
		return t > 0 ? 1.0 : 0.0;
	tail = 0.5 * beta_inc(df / 2.0, 0.5, df / (df + t * t));
	return t >= 0 ? 1.0 - tail : tail;
}

/* The p-quantile of Student's t: t such that P(T <= t) = p. */
double
stats_t_quantile(double p, double df)
{
	double lo = 0.0, hi = 1.0, mid;
	int i;

	if (isnan(p) || isnan(df) || df <= 0.0 || p <= 0.0 || p >= 1.0)
		return NAN;
	if (p == 0.5)
		return 0.0;
	if (p < 0.5)
		return -stats_t_quantile(1.0 - p, df);
	while (stats_t_cdf(hi, df) < p) {
		lo = hi;
		hi *= 2.0;
		if (isinf(hi))
			return HUGE_VAL;
	}
	for (i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
		mid = lo + (hi - lo) / 2.0;
		if (stats_t_cdf(mid, df) < p)
			lo = mid;
		else
			hi = mid;
	}
	return lo + (hi - lo) / 2.0;
}

/*
 * Fieller's CI for num->mean / den->mean, the two samples independent.
 * With va, vb the squared standard errors, R = a / b, t the quantile at
 * Welch-Satterthwaite df and g = t^2 vb / b^2, the interval is
 *
 *	(R -+ (t / |b|) sqrt((1 - g) va + R^2 vb)) / (1 - g)
 *
 * When g >= 1 the denominator's mean is not clearly away from zero and
 * the set is unbounded. Fieller's interval for b / a is exactly the
 * reciprocal of this one, so a slowdown factor can be taken either way.
 */
void
stats_ratio_ci(const struct summary *num, const struct summary *den,
    double level, struct ratio *r)
{
	double a = num->mean, b = den->mean, va, vb, R, df, t, g, w, dfden;

	double sa = num->sd, sb = den->sd;
	int ea, eb, e;

	r->est = r->lo = r->hi = NAN;
	if (num->n == 0 || den->n == 0 || b == 0.0 || isnan(a) || isnan(b))
		return;
	r->est = a / b;
	if (num->n < 2 || den->n < 2)
		return;
	/*
	 * The interval scales with a and b: work with both brought near 1
	 * by powers of two (exact, as for the mean), so that squares and
	 * fourth powers cannot overflow, and scale the ends back.
	 */
	frexp(fmax(fabs(a), isfinite(sa) ? sa : 0.0), &ea);
	frexp(fmax(fabs(b), isfinite(sb) ? sb : 0.0), &eb);
	a = ldexp(a, -ea);
	sa = ldexp(sa, -ea);
	b = ldexp(b, -eb);
	sb = ldexp(sb, -eb);
	e = ea - eb;
	R = a / b;
	va = sa * sa / (double)num->n;
	vb = sb * sb / (double)den->n;
	if (va == 0.0 && vb == 0.0) {
		r->lo = r->hi = r->est;
		return;
	}
	dfden = va * va / (double)(num->n - 1) +
	    R * R * R * R * vb * vb / (double)(den->n - 1);
	df = (va + R * R * vb) * (va + R * R * vb) / dfden;
	t = stats_t_quantile(1.0 - (1.0 - level) / 2.0, df);
	g = t * t * vb / (b * b);
	if (g >= 1.0) {
		r->lo = -INFINITY;
		r->hi = INFINITY;
		return;
	}
	w = t / fabs(b) * sqrt((1.0 - g) * va + R * R * vb);
	r->lo = ldexp((R - w) / (1.0 - g), e);
	r->hi = ldexp((R + w) / (1.0 - g), e);
}

/*
 * Welch's interval for new - base: (x_n - x_b) -/+ t * se, se^2 =
 * s_b^2 / n_b + s_n^2 / n_n, with t the level's two-sided quantile at
 * the Welch-Satterthwaite df = se^4 / ((s_b^2/n_b)^2 / (n_b - 1) +
 * (s_n^2/n_n)^2 / (n_n - 1)). Both sides are brought near 1 by one
 * power of two first, as for the ratio, so that the fourth powers
 * cannot overflow.
 */
void
stats_welch(const struct summary *base, const struct summary *new,
    double level, struct welch *w)
{
	double mb, mn, sb, sn, vb, vn, big;
	int e;

	w->diff = w->se = w->df = w->t = w->lo = w->hi = NAN;
	if (base->n == 0 || new->n == 0)
		return;
	w->diff = new->mean - base->mean;
	if (base->n < 2 || new->n < 2)
		return;
	big = fmax(fmax(fabs(base->mean), fabs(new->mean)),
	    fmax(base->sd, new->sd));
	frexp(big, &e);
	mb = ldexp(base->mean, -e);
	mn = ldexp(new->mean, -e);
	sb = ldexp(base->sd, -e);
	sn = ldexp(new->sd, -e);
	vb = sb * sb / (double)base->n;
	vn = sn * sn / (double)new->n;
	w->diff = ldexp(mn - mb, e);
	if (vb == 0.0 && vn == 0.0) {
		w->se = 0.0;
		w->lo = w->hi = w->diff;
		return;
	}
	w->df = (vb + vn) * (vb + vn) / (vb * vb / (double)(base->n - 1) +
	    vn * vn / (double)(new->n - 1));
	w->t = stats_t_quantile(1.0 - (1.0 - level) / 2.0, w->df);
	w->se = ldexp(sqrt(vb + vn), e);
	w->lo = ldexp(mn - mb - w->t * sqrt(vb + vn), e);
	w->hi = ldexp(mn - mb + w->t * sqrt(vb + vn), e);
}
