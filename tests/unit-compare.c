/*
 * unit-compare.c - Welch's interval (lib/stats.c) and the percent
 * change with its verdict (compare.c) against a case worked by hand.
 *
 * base {10, 11, 12, 13}: mean 11.5, variance 5/3 (squares 2.25 + 0.25 +
 *   0.25 + 2.25 = 5, over 3), so s^2/n = 5/12 = 0.416667.
 * new {12, 13, 14, 15, 16}: mean 14, variance 10/4 = 2.5, s^2/n = 0.5.
 * diff = 14 - 11.5 = 2.5; se = sqrt(0.416667 + 0.5) = sqrt(0.916667)
 *   = 0.957427.
 * Welch-Satterthwaite df = 0.916667^2 / (0.416667^2 / 3 + 0.5^2 / 4)
 *   = 0.840278 / (0.0578704 + 0.0625) = 0.840278 / 0.120370 = 6.98077.
 * t(0.975, 6.98077) = 2.36595 (a table gives 2.365 at df 7, 2.447 at 6;
 *   python3 integrating the t density agrees to 5 digits).
 * CI = 2.5 -/+ 2.36595 * 0.957427 = 2.5 -/+ 2.26522 = [0.23478, 4.76522].
 * change = 100 * 2.5 / 11.5 = +21.739%, CI [+2.0416%, +41.4367%]: it
 *   excludes 0, so significant; seconds, lower is better: worse.
 */
#include "config.h"

#include <math.h>
#include <stddef.h>

#include "report/compare.h"
#include "stats.h"
#include "tap.h"

static int
near(double got, double want, double tol)
{
	return fabs(got - want) <= tol;
}

static void
summarise(const double *x, size_t n, struct summary *s)
{
	double v[8];
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = x[i];
	stats_summary(v, n, 0.95, s);
}

int
main(void)
{
	static const double b[] = { 10, 11, 12, 13 };
	static const double n[] = { 12, 13, 14, 15, 16 };
	static const double same[] = { 10, 11, 12, 13, 12 };
	struct summary sb, sn, ss, one;
	struct welch w;
	struct change c;

	summarise(b, 4, &sb);
	summarise(n, 5, &sn);
	TAP_OK(sb.mean == 11.5 && sn.mean == 14.0, "means 11.5 and 14");
	TAP_OK(near(sb.sd * sb.sd, 5.0 / 3, 1e-12) &&
	    near(sn.sd * sn.sd, 2.5, 1e-12), "variances 5/3 and 2.5");
	stats_welch(&sb, &sn, 0.95, &w);
	TAP_OK(w.diff == 2.5, "difference 2.5 (got %g)", w.diff);
	TAP_OK(near(w.se, 0.957427, 1e-6), "se 0.957427 (got %.6f)", w.se);
	TAP_OK(near(w.df, 6.98077, 1e-5), "Welch df 6.98077 (got %.5f)", w.df);
	TAP_OK(near(w.t, 2.36595, 1e-5), "t(0.975, df) 2.36595 (got %.5f)",
	    w.t);
	TAP_OK(near(stats_t_quantile(0.975, 7), 2.365, 5e-4),
	    "the table's t(0.975, 7) = 2.365");
	TAP_OK(near(w.lo, 0.23478, 1e-5) && near(w.hi, 4.76522, 1e-5),
	    "CI [0.23478, 4.76522] (got [%.5f, %.5f])", w.lo, w.hi);

	compare_change(&sb, &sn, BETTER_LOWER, 0.95, &c);
	TAP_OK(near(c.pct, 21.7391, 1e-4), "change +21.739%% (got %.4f)",
	    c.pct);
	TAP_OK(near(c.pct_lo, 2.0416, 1e-4) && near(c.pct_hi, 41.4367, 1e-4),
	    "change CI [+2.0416%%, +41.4367%%] (got [%.4f, %.4f])", c.pct_lo,
	    c.pct_hi);
	TAP_OK(c.significant && c.verdict == V_WORSE,
	    "significant; slower seconds are worse");
	compare_change(&sb, &sn, BETTER_HIGHER, 0.95, &c);
	TAP_OK(c.verdict == V_BETTER, "more of a rate is better");
	compare_change(&sb, &sn, BETTER_UNKNOWN, 0.95, &c);
	TAP_OK(c.verdict == V_CHANGED, "no direction: changed");
	compare_change(&sn, &sb, BETTER_LOWER, 0.95, &c);
	TAP_OK(near(c.pct, -17.8571, 1e-4) && c.verdict == V_BETTER,
	    "the other way round: -17.857%%, better (got %.4f)", c.pct);

	/* The same values again: no change at all, not significant. */
	summarise(same, 5, &ss);
	compare_change(&ss, &ss, BETTER_LOWER, 0.95, &c);
	TAP_OK(c.pct == 0.0 && !c.significant && c.verdict == V_NONE,
	    "an unchanged run: 0%%, not significant");
	/* One run a side: a change, no interval, never significant. */
	summarise(b, 1, &one);
	compare_change(&one, &one, BETTER_LOWER, 0.95, &c);
	TAP_OK(c.pct == 0.0 && isnan(c.pct_lo) && !c.significant,
	    "n = 1: no interval");
	/* Huge values: the fourth powers of the df do not overflow. */
	{
		static const double hb[] = { 1e300, 1.1e300, 1.2e300, 1.3e300 };
		static const double hn[] = { 1.2e300, 1.3e300, 1.4e300,
		    1.5e300, 1.6e300 };

		summarise(hb, 4, &sb);
		summarise(hn, 5, &sn);
		stats_welch(&sb, &sn, 0.95, &w);
		TAP_OK(near(w.df, 6.98077, 1e-5) &&
		    near(w.lo / 1e299, 0.23478, 1e-4),
		    "scaled by 1e299: the same df and CI (got %.5f)", w.df);
	}
	return TAP_DONE();
}
