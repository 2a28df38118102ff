/*
 * compare.c - a base run and a new run of the suite, cell by cell.
 *
 * The change of a mean is new - base with Welch's 95% CI (stats.c's
 * stats_welch: unequal variances, Welch-Satterthwaite df), shown as a
 * percentage of the base mean. Dividing by the base mean takes it as
 * known: the percent CI is the CI of the difference scaled, which
 * ignores the base mean's own error in the denominator (a first-order
 * approximation, close while the base's CI is narrow against its mean;
 * the ratio to native, whose denominator is as uncertain, uses Fieller's
 * interval instead). So the percent CI excludes 0 exactly when Welch's
 * test rejects equal means at 5%: the mark and the interval agree.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "msg.h"
#include "xalloc.h"

const char *
verdict_word(enum verdict v)
{
	static const char *const word[] = { "", "better", "worse", "changed" };

	return word[v];
}

void
compare_change(const struct summary *base, const struct summary *new,
    enum better better, double level, struct change *c)
{
	double m = base->mean;
	int up;

	memset(c, 0, sizeof(*c));
	stats_welch(base, new, level, &c->w);
	c->pct = c->pct_lo = c->pct_hi = NAN;
	c->verdict = V_NONE;
	if (isnan(c->w.diff) || m == 0.0 || !isfinite(m))
		return;
	c->pct = 100.0 * c->w.diff / m;
	if (isnan(c->w.lo))
		return;
	/* A negative base mean turns the interval round. */
	c->pct_lo = 100.0 * (m > 0 ? c->w.lo : c->w.hi) / m;
	c->pct_hi = 100.0 * (m > 0 ? c->w.hi : c->w.lo) / m;
	c->significant = c->w.lo > 0.0 || c->w.hi < 0.0;
	if (!c->significant)
		return;
	up = c->w.diff > 0.0;
	c->verdict = better == BETTER_HIGHER ? (up ? V_BETTER : V_WORSE) :
	    better == BETTER_LOWER ? (up ? V_WORSE : V_BETTER) : V_CHANGED;
}

static const struct work *
find_work(const struct results *r, const char *bench, const char *plat)
{
	size_t i;

	for (i = 0; i < r->nwork; i++)
		if (strcmp(r->work[i].benchmark, bench) == 0 &&
		    strcmp(r->work[i].platform, plat) == 0)
			return &r->work[i].w;
	return NULL;
}

static void
summary_none(struct summary *s)
{
	memset(s, 0, sizeof(*s));
	s->mean = s->median = s->sd = s->min = s->max = s->cv = s->q1 =
	    s->q3 = s->ci_low = s->ci_high = NAN;
}

/* The ratio of a column's mean to native's in one run, as vc-report's. */
static void
ratio_in(const struct results *r, const struct cmprow *row,
    const struct summary *s, struct ratio *q)
{
	const struct series *ns;
	struct cell nc;

	q->est = q->lo = q->hi = NAN;
	if (s->n == 0 || results_work(r, row->benchmark, row->column, NULL)
	    != NULL)
		return;
	if (strcmp(row->column, "native") == 0) {
		q->est = 1.0;
		return;
	}
	if ((ns = results_find(r, row->benchmark, row->metric, "native")) ==
	    NULL)
		return;
	cell_compute(&nc, ns);
	stats_ratio_ci(s, &nc.sum, CI_LEVEL, q);
	cell_free(&nc);
}

static void
add_row(const struct results *base, const struct results *new,
    const char *bench, const char *metric, const char *col,
    struct comparison *cmp)
{
	const struct series *sb = results_find(base, bench, metric, col);
	const struct series *sn = results_find(new, bench, metric, col);
	const struct work *wb, *wn;
	struct cmprow *row;
	struct cell cb, cn;
	char note[WORK_NOTE_MAX];

	if (sb == NULL && sn == NULL)
		return;
	if (cmp->n == cmp->cap) {
		cmp->cap = cmp->cap ? 2 * cmp->cap : 16;
		cmp->rows = xrealloc(cmp->rows, cmp->cap, sizeof(*cmp->rows));
	}
	row = &cmp->rows[cmp->n++];
	memset(row, 0, sizeof(*row));
	row->benchmark = bench;
	row->metric = metric;
	row->column = col;
	row->unit = sb != NULL ? sb->unit : sn->unit;
	row->better = results_better(bench, metric, row->unit);
	row->status = sb == NULL ? CMP_NEW_ONLY : sn == NULL ? CMP_BASE_ONLY :
	    CMP_BOTH;
	summary_none(&row->base);
	summary_none(&row->new);
	if (sb != NULL) {
		cell_compute(&cb, sb);
		row->base = cb.sum;
		cell_free(&cb);
	}
	if (sn != NULL) {
		cell_compute(&cn, sn);
		row->new = cn.sum;
		cell_free(&cn);
	}
	ratio_in(base, row, &row->base, &row->rbase);
	ratio_in(new, row, &row->new, &row->rnew);
	row->dratio = row->rnew.est - row->rbase.est;
	compare_change(&row->base, &row->new, row->better, CI_LEVEL, &row->ch);
	if (row->status != CMP_BOTH)
		return;
	wb = find_work(base, bench, col);
	wn = find_work(new, bench, col);
	if (wb != NULL && wn != NULL &&
	    work_check(wn, wb, note, sizeof(note)) == WORK_UNEQUAL) {
		/* "unequal work: order 500 vs 200": the new run's first. */
		row->note = xasprintf("%s (new vs base)", note);
		memset(&row->ch, 0, sizeof(row->ch));
		row->ch.w.diff = row->ch.w.se = row->ch.w.df = row->ch.w.t =
		    row->ch.w.lo = row->ch.w.hi = NAN;
		row->ch.pct = row->ch.pct_lo = row->ch.pct_hi = NAN;
	}
}

static const struct bench *
find_bench(const struct results *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nbench; i++)
		if (strcmp(r->bench[i].name, name) == 0)
			return &r->bench[i];
	return NULL;
}

static int
has(char *const *list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* Every column of either run: base's order, then new's others. */
static void
one_metric(const struct results *base, const struct results *new,
    const char *bench, const char *metric, struct comparison *cmp)
{
	size_t i;

	for (i = 0; i < base->nplat; i++)
		add_row(base, new, bench, metric, base->plat[i], cmp);
	for (i = 0; i < new->nplat; i++)
		if (!has(base->plat, base->nplat, new->plat[i]))
			add_row(base, new, bench, metric, new->plat[i], cmp);
}

/* The metrics of one benchmark: metric alone, all, or its primary. */
static void
one_bench(const struct results *base, const struct results *new,
    const char *name, const char *metric, int all, struct comparison *cmp)
{
	const struct bench *bb = find_bench(base, name);
	const struct bench *bn = find_bench(new, name);
	size_t i;

	if (metric != NULL) {
		one_metric(base, new, name, metric, cmp);
		return;
	}
	if (!all) {
		one_metric(base, new, name, (bb != NULL ? bb : bn)->metrics[0],
		    cmp);
		return;
	}
	for (i = 0; bb != NULL && i < bb->nmetrics; i++)
		one_metric(base, new, name, bb->metrics[i], cmp);
	for (i = 0; bn != NULL && i < bn->nmetrics; i++)
		if (bb == NULL || !has(bb->metrics, bb->nmetrics,
		    bn->metrics[i]))
			one_metric(base, new, name, bn->metrics[i], cmp);
}

/*
 * Rows in base's order of benchmarks, then new's others; a cell of
 * only one run has its row too, its status saying which.
 */
void
compare_runs(const struct results *base, const struct results *new,
    const char *metric, int all, struct comparison *cmp)
{
	size_t i;

	memset(cmp, 0, sizeof(*cmp));
	for (i = 0; i < base->nbench; i++)
		one_bench(base, new, base->bench[i].name, metric, all, cmp);
	for (i = 0; i < new->nbench; i++)
		if (find_bench(base, new->bench[i].name) == NULL)
			one_bench(base, new, new->bench[i].name, metric, all,
			    cmp);
}

void
compare_free(struct comparison *cmp)
{
	size_t i;

	for (i = 0; i < cmp->n; i++)
		free(cmp->rows[i].note);
	free(cmp->rows);
	memset(cmp, 0, sizeof(*cmp));
}
