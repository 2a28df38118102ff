/*
 * work.c - whether two platforms' runs of a benchmark did the same work,
 * so that a ratio between them compares like with like.
 *
 * What fixes a benchmark's work is the catalogue's (catalog.c): its
 * same_work metrics (forksum's processes and refused forks, linpack's
 * order, memsweep's accesses) and its same_params (diskwrite's block
 * size ..., nginxbench's file size ...). A platform's runs did native's
 * work when every value of each of these, in every run of both, is one
 * and the same: a single run that differs, on either side, makes the
 * means compare different things. A quantity that one side does not
 * record (an older file, a param only a local server has) is not
 * compared.
 *
 * The note says why in one short phrase, the first reason found:
 *
 *	unequal work: 1411 forks refused	the platform refused work,
 *						native none: N is the total
 *						over its runs
 *	unequal work: processes 3115 vs 9998	a value of the platform's
 *						vs one of native's
 *	degraded: 20 forks refused		native's own runs (or, with
 *						no native, the platform's)
 *						refused work
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "work.h"
#include "xalloc.h"

#define SHOWN_MAX	24	/* bytes of a value shown in a note */

/* The name of w's i-th quantity: same_work's, then same_params'. */
static const char *
val_name(const struct bench_def *b, size_t i)
{
	size_t n;

	for (n = 0; b->same_work[n] != NULL; n++)
		if (n == i)
			return b->same_work[n];
	return i - n < sizeof(b->same_params) / sizeof(b->same_params[0]) ?
	    b->same_params[i - n] : NULL;
}

void
work_init(struct work *w, const char *bench)
{
	memset(w, 0, sizeof(*w));
	w->b = catalog_bench(bench);
}

/* One more value of a quantity, len bytes of s. */
static void
val_add(struct work_val *v, const char *s, size_t len)
{
	if (v->n++ == 0)
		v->first = xasprintf("%.*s", (int)len, s);
	else if (v->other == NULL && (strlen(v->first) != len ||
	    memcmp(v->first, s, len) != 0))
		v->other = xasprintf("%.*s", (int)len, s);
}

/* A run's value of one of its metrics (NaN: none). */
void
work_metric(struct work *w, const char *metric, double value)
{
	char num[64];
	size_t i;
	int len;

	if (w->b == NULL || !isfinite(value))
		return;
	if (w->b->refused != NULL && strcmp(metric, w->b->refused) == 0)
		w->refused += value;
	for (i = 0; w->b->same_work[i] != NULL; i++)
		if (strcmp(metric, w->b->same_work[i]) == 0) {
			len = snprintf(num, sizeof(num), "%.10g", value);
			val_add(&w->val[i], num, (size_t)len);
		}
}

/* A run's params (resultsfile.h: key=value pairs), or NULL: none. */
void
work_params(struct work *w, const char *params)
{
	const char *name, *v;
	size_t i, len, first;

	if (w->b == NULL || params == NULL || w->b->same_params[0] == NULL)
		return;
	for (first = 0; w->b->same_work[first] != NULL; first++)
		;
	for (i = first; i < WORK_NVAL && (name = val_name(w->b, i)) != NULL;
	    i++)
		if ((v = results_param(params, name, &len)) != NULL)
			val_add(&w->val[i], v, len);
}

/* Adds to w what from (the same benchmark's) holds: a run, or some. */
void
work_merge(struct work *w, const struct work *from)
{
	size_t i;

	if (w->b == NULL || w->b != from->b)
		return;
	for (i = 0; i < WORK_NVAL; i++) {
		if (from->val[i].n == 0)
			continue;
		val_add(&w->val[i], from->val[i].first,
		    strlen(from->val[i].first));
		if (from->val[i].other != NULL)
			val_add(&w->val[i], from->val[i].other,
			    strlen(from->val[i].other));
	}
	w->refused += from->refused;
}

/* s as a note shows it: at most SHOWN_MAX bytes, cut between characters. */
static const char *
shown(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);

	if (n <= SHOWN_MAX || size < SHOWN_MAX + 4)
		return s;
	n = SHOWN_MAX;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	snprintf(buf, size, "%.*s...", (int)n, s);
	return buf;
}

static int
has_values(const struct work *w)
{
	size_t i;

	for (i = 0; i < WORK_NVAL; i++)
		if (w->val[i].n > 0)
			return 1;
	return 0;
}

/* The index of the refused metric among w's quantities, or -1. */
static int
refused_index(const struct bench_def *b)
{
	int i;

	for (i = 0; b->refused != NULL && b->same_work[i] != NULL; i++)
		if (strcmp(b->same_work[i], b->refused) == 0)
			return i;
	return -1;
}

/*
 * Did w's runs do native's work? WORK_SAME, or why not in note (size
 * bytes): WORK_UNEQUAL, or WORK_DEGRADED when w is native's (or there
 * is no native to compare with: native NULL or without values) and
 * refused work. note is empty for WORK_SAME.
 */
enum work_kind
work_check(const struct work *w, const struct work *native, char *note,
    size_t size)
{
	const struct work_val *a, *n;
	const char *x, *y, *name;
	char bx[SHOWN_MAX + 4], by[SHOWN_MAX + 4];
	int r;
	size_t i;

	note[0] = '\0';
	if (w->b == NULL)
		return WORK_SAME;
	if (native == NULL || native == w || !has_values(native)) {
		if (!(w->refused > 0))
			return WORK_SAME;
		snprintf(note, size, "degraded: %.10g %s refused", w->refused,
		    w->b->refused_what);
		return WORK_DEGRADED;
	}
	r = refused_index(w->b);
	if (w->refused > 0 && native->refused == 0 && r != -1 &&
	    native->val[r].n > 0) {
		snprintf(note, size, "unequal work: %.10g %s refused",
		    w->refused, w->b->refused_what);
		return WORK_UNEQUAL;
	}
	for (i = 0; i < WORK_NVAL && (name = val_name(w->b, i)) != NULL;
	    i++) {
		a = &w->val[i];
		n = &native->val[i];
		if (a->n == 0 || n->n == 0 || (a->other == NULL &&
		    n->other == NULL && strcmp(a->first, n->first) == 0))
			continue;
		/* Two values that differ, the platform's first. */
		x = a->first;
		y = n->first;
		if (strcmp(x, y) == 0) {
			if (a->other != NULL)
				x = a->other;
			else
				y = n->other;
		}
		snprintf(note, size, "unequal work: %s %s vs %s", name,
		    shown(x, bx, sizeof(bx)), shown(y, by, sizeof(by)));
		return WORK_UNEQUAL;
	}
	return WORK_SAME;
}

/* A note's kind in a word or two, for a chart's label. */
const char *
work_kind_name(enum work_kind k)
{
	switch (k) {
	case WORK_UNEQUAL:
		return "unequal work";
	case WORK_DEGRADED:
		return "degraded";
	default:
		return "";
	}
}

void
work_free(struct work *w)
{
	size_t i;

	for (i = 0; i < WORK_NVAL; i++) {
		free(w->val[i].first);
		free(w->val[i].other);
	}
	memset(w, 0, sizeof(*w));
}
