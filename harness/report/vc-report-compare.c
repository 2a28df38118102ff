/*
 * vc-report-compare.c - vc-report -b: the comparison of two runs
 * (compare.c) as a text or Markdown table per benchmark and metric, or
 * as CSV or JSON rows (rowout.c); and the regressions -g gates on.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "msg.h"
#include "report.h"
#include "rowout.h"
#include "xalloc.h"

/* The fields of -b's CSV and JSON rows, in order (virtcost(7)). */
enum { K_BENCHMARK, K_METRIC, K_UNIT, K_PLATFORM, K_VARIANT, K_BETTER,
    K_STATUS, K_BASE_N, K_BASE_MEAN, K_BASE_SD, K_NEW_N, K_NEW_MEAN,
    K_NEW_SD, K_DIFF, K_DIFF_LOW, K_DIFF_HIGH, K_DF, K_CHANGE,
    K_CHANGE_LOW, K_CHANGE_HIGH, K_SIGNIFICANT, K_VERDICT, K_BASE_RATIO,
    K_BASE_RATIO_LOW, K_BASE_RATIO_HIGH, K_NEW_RATIO, K_NEW_RATIO_LOW,
    K_NEW_RATIO_HIGH, K_RATIO_CHANGE, K_NOTE, NCMP };

static const char *const cmp_name[NCMP] = { "benchmark", "metric", "unit",
    "platform", "variant", "better", "status", "base_n", "base_mean",
    "base_sd", "new_n", "new_mean", "new_sd", "diff", "diff_low",
    "diff_high", "df", "change", "change_low", "change_high",
    "significant", "verdict", "base_ratio", "base_ratio_low",
    "base_ratio_high", "new_ratio", "new_ratio_low", "new_ratio_high",
    "ratio_change", "note" };

/* The columns of the text and Markdown tables. */
enum { T_PLATFORM, T_BASE_N, T_BASE, T_NEW_N, T_NEW, T_CHANGE, T_CI, T_SIG,
    T_VERDICT, T_BASE_RATIO, T_NEW_RATIO, T_RATIO_CHANGE, NT };

static const char *const t_name[NT] = { "platform", "base n", "base mean",
    "new n", "new mean", "change", "change 95% CI", "sig", "verdict",
    "base ratio", "new ratio", "ratio change" };

static void
cmp_fields(const struct cmprow *c, struct fval *v, char **plat)
{
	const char *colon = strchr(c->column, ':');

	*plat = xasprintf("%.*s", (int)strcspn(c->column, ":"), c->column);
	v[K_BENCHMARK] = FSTR(c->benchmark);
	v[K_METRIC] = FSTR(c->metric);
	v[K_UNIT] = FSTR(c->unit);
	v[K_PLATFORM] = FSTR(*plat);
	v[K_VARIANT] = FSTR(colon != NULL ? colon + 1 : "");
	v[K_BETTER] = FSTR(better_word(c->better));
	v[K_STATUS] = FSTR(c->status == CMP_BOTH ? "both" :
	    c->status == CMP_BASE_ONLY ? "base_only" : "new_only");
	v[K_BASE_N] = FINT(c->base.n);
	v[K_BASE_MEAN] = FNUM(c->base.mean);
	v[K_BASE_SD] = FNUM(c->base.sd);
	v[K_NEW_N] = FINT(c->new.n);
	v[K_NEW_MEAN] = FNUM(c->new.mean);
	v[K_NEW_SD] = FNUM(c->new.sd);
	v[K_DIFF] = FNUM(c->ch.w.diff);
	v[K_DIFF_LOW] = FNUM(c->ch.w.lo);
	v[K_DIFF_HIGH] = FNUM(c->ch.w.hi);
	v[K_DF] = FNUM(c->ch.w.df);
	v[K_CHANGE] = FNUM(c->ch.pct);
	v[K_CHANGE_LOW] = FNUM(c->ch.pct_lo);
	v[K_CHANGE_HIGH] = FNUM(c->ch.pct_hi);
	v[K_SIGNIFICANT] = FBOOL(c->ch.significant);
	v[K_VERDICT] = FSTR(verdict_word(c->ch.verdict));
	v[K_BASE_RATIO] = FNUM(c->rbase.est);
	v[K_BASE_RATIO_LOW] = FNUM(c->rbase.lo);
	v[K_BASE_RATIO_HIGH] = FNUM(c->rbase.hi);
	v[K_NEW_RATIO] = FNUM(c->rnew.est);
	v[K_NEW_RATIO_LOW] = FNUM(c->rnew.lo);
	v[K_NEW_RATIO_HIGH] = FNUM(c->rnew.hi);
	v[K_RATIO_CHANGE] = FNUM(c->dratio);
	v[K_NOTE] = FSTR(c->note);
}

static char *
fmt_pct(double v)
{
	if (isnan(v))
		return xasprintf("-");
	return xasprintf("%+.1f%%", v);
}

static char *
fmt_ratio(const struct ratio *r)
{
	char *a, *b, *s;

	if (isnan(r->est))
		return xasprintf("-");
	a = fmt_num(r->est, 4);
	if (isnan(r->lo))
		return a;
	b = fmt_interval(r->lo, r->hi, 4, -1);
	s = xasprintf("%s %s", a, b);
	free(a);
	free(b);
	return s;
}

/* One table row's columns; a row of only one run has a status instead. */
static char *
fill(const struct cmprow *c, char **col)
{
	col[T_PLATFORM] = xasprintf("%s", c->column);
	col[T_BASE_N] = xasprintf("%zu", c->base.n);
	col[T_BASE] = fmt_num(c->base.mean, 5);
	col[T_NEW_N] = xasprintf("%zu", c->new.n);
	col[T_NEW] = fmt_num(c->new.mean, 5);
	col[T_CHANGE] = c->note != NULL ? xasprintf("%s", c->note) :
	    fmt_pct(c->ch.pct);
	col[T_CI] = isnan(c->ch.pct_lo) ? xasprintf("-") :
	    xasprintf("[%+.1f%%, %+.1f%%]", c->ch.pct_lo, c->ch.pct_hi);
	col[T_SIG] = xasprintf("%s", c->ch.significant ? "*" : "");
	col[T_VERDICT] = xasprintf("%s", verdict_word(c->ch.verdict));
	col[T_BASE_RATIO] = fmt_ratio(&c->rbase);
	col[T_NEW_RATIO] = fmt_ratio(&c->rnew);
	col[T_RATIO_CHANGE] = isnan(c->dratio) ? xasprintf("-") :
	    xasprintf("%+.3g", c->dratio);
	if (c->status == CMP_BOTH)
		return NULL;
	return xasprintf("only in the %s run", c->status == CMP_BASE_ONLY ?
	    "base" : "new");
}

static char *
title(const struct cmprow *c)
{
	const char *dir = better_name(c->better);

	return xasprintf("%s: %s%s%s%s%s%s", c->benchmark, c->metric,
	    *c->unit ? " (" : "", c->unit, *c->unit ? ")" : "",
	    *dir ? ", " : "", dir);
}

/* Names and words to the left, numbers to the right. */
#define T_LEFT	(1UL << T_PLATFORM | 1UL << T_SIG | 1UL << T_VERDICT)

/* The n rows of one benchmark and metric as a text or Markdown table. */
static void
table(const struct cmprow *rows, size_t n, enum format f)
{
	char *(*col)[NT], **status, *t;
	size_t w[NT], i, j, len;

	col = xcalloc(n, sizeof(*col));
	status = xcalloc(n, sizeof(*status));
	for (i = 0; i < n; i++)
		status[i] = fill(&rows[i], col[i]);
	for (j = 0; j < NT; j++) {
		w[j] = strlen(t_name[j]);
		for (i = 0; i < n; i++)
			if ((j == T_PLATFORM || status[i] == NULL) &&
			    (len = strlen(col[i][j])) > w[j])
				w[j] = len;
	}
	t = title(&rows[0]);
	if (f == FMT_TEXT) {
		printf("%s\n", t);
		rowout_text((char *const *)t_name, w, NT, T_LEFT);
		for (i = 0; i < n; i++)
			if (status[i] != NULL)
				printf("%-*s  %s\n", (int)w[T_PLATFORM],
				    col[i][T_PLATFORM], status[i]);
			else
				rowout_text(col[i], w, NT, T_LEFT);
	} else {
		fputs("### ", stdout);
		put_md_text(t);
		fputs("\n\n", stdout);
		for (j = 0; j < NT; j++)
			put_md_cell(t_name[j], 0);
		puts("|");
		for (j = 0; j < NT; j++)
			fputs(j == T_PLATFORM || j == T_SIG ||
			    j == T_VERDICT ? "|:---" : "|---:", stdout);
		puts("|");
		for (i = 0; i < n; i++) {
			for (j = 0; j < NT; j++)
				put_md_cell(status[i] == NULL ||
				    j == T_PLATFORM ? col[i][j] :
				    j == T_BASE_N ? status[i] : "",
				    j == T_PLATFORM || (j == T_CHANGE &&
				    rows[i].note != NULL));
			puts("|");
		}
	}
	putchar('\n');
	free(t);
	for (i = 0; i < n; i++) {
		for (j = 0; j < NT; j++)
			free(col[i][j]);
		free(status[i]);
	}
	free(col);
	free(status);
}

static void
legend(enum format f)
{
	static const char *const line[] = {
		"change: (new mean - base mean) / base mean; its 95% CI is "
		    "Welch's interval of the difference (Welch-Satterthwaite "
		    "df) divided by the base mean.",
		"sig: * where that CI excludes 0 (significant at 5%); "
		    "verdict: better or worse by the metric's direction.",
		"ratio: mean / native mean in each run, its 95% CI by "
		    "Fieller's theorem; ratio change: new ratio - base ratio.",
	};
	size_t i;

	for (i = 0; i < sizeof(line) / sizeof(line[0]); i++)
		printf("%s%s\n", f == FMT_MARKDOWN ? "- " : "", line[i]);
}

/*
 * The comparison on stdout; returns how many cells regressed: a
 * significant change the worse way by more than gate percent (gate
 * NaN: none counts).
 */
size_t
compare_report(const struct comparison *cmp, enum format f, double gate)
{
	struct json_object *doc = NULL;
	struct fval v[NCMP];
	const struct cmprow *c, *first = NULL;
	size_t i, k, bad = 0;
	char *plat;

	if (f == FMT_CSV)
		rowout_csv_header(cmp_name, NCMP);
	else if (f == FMT_JSON)
		doc = rowout_doc("comparison");
	for (i = 0; i < cmp->n; i = k) {
		for (k = i + 1; k < cmp->n &&
		    strcmp(cmp->rows[k].benchmark, cmp->rows[i].benchmark) ==
		    0 && strcmp(cmp->rows[k].metric, cmp->rows[i].metric) == 0;
		    k++)
			;
		if (f == FMT_TEXT || f == FMT_MARKDOWN) {
			table(&cmp->rows[i], k - i, f);
			continue;
		}
		for (c = &cmp->rows[i]; c < &cmp->rows[k]; c++) {
			cmp_fields(c, v, &plat);
			if (f == FMT_CSV)
				rowout_csv(v, NCMP);
			else
				json_object_array_add(json_object_object_get(
				    doc, "rows"), rowout_json(cmp_name, v,
				    NCMP));
			free(plat);
		}
	}
	if (f == FMT_TEXT || f == FMT_MARKDOWN)
		legend(f);
	else if (f == FMT_JSON)
		rowout_json_print(doc);
	for (i = 0; i < cmp->n; i++) {
		c = &cmp->rows[i];
		if (c->ch.verdict == V_WORSE && fabs(c->ch.pct) > gate &&
		    bad++ == 0)
			first = c;
	}
	if (first != NULL)
		warnmsg("%zu significant regression%s beyond %g%%: %s %s on "
		    "%s %+.1f%% [%+.1f%%, %+.1f%%]%s", bad, bad > 1 ? "s" : "",
		    gate, first->benchmark, first->metric, first->column,
		    first->ch.pct, first->ch.pct_lo, first->ch.pct_hi,
		    bad > 1 ? ", ..." : "");
	return bad;
}
