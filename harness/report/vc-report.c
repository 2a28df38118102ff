/*
 * vc-report - summarise a results directory: per benchmark, metric and
 * platform the count, mean, median, sd, min, max, coefficient of
 * variation, 95% CI of the mean, and the ratio to native with its CI:
 * unless the platform's runs did other work than native's (work.h),
 * when the ratio is refused and why stands in its place.
 *
 * Every statistic uses every finite value. Outliers and high variation
 * are flagged, never dropped: the reader decides what they mean.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "html.h"
#include "msg.h"
#include "outfile.h"
#include "parse.h"
#include "report.h"
#include "results.h"
#include "rowout.h"
#include "stats.h"
#include "xalloc.h"


struct opts {
	enum format	 format;
	int		 format_given;	/* -f */
	const char	*metric;	/* -m: this metric only */
	int		 all;		/* -a: every metric */
	int		 export;	/* -x: classic per-platform files */
	const char	*outdir;	/* -o: where -x writes */
	const char	*base;		/* -b: compare with this run */
	double		 gate;		/* -g: percent, or NaN */
	const char	*ref;		/* -R: the reference host */
};

/* The columns of the text and Markdown tables. */
enum { C_PLATFORM, C_N, C_MEAN, C_MEDIAN, C_SD, C_MIN, C_MAX, C_CV, C_CI,
    C_RATIO, C_RATIO_CI, C_OUTLIERS, NCOLS };

static const char *const col_name[NCOLS] = { "platform", "n", "mean",
    "median", "sd", "min", "max", "cv", "95% CI", "ratio", "ratio 95% CI",
    "outliers" };

/* A row has its columns, or only a platform and a status. */
struct row {
	char	*col[NCOLS];
	char	*status;	/* "failed: reason", "skipped: reason" */
	int	 noted;		/* its ratio is a note, text from data */
};

/*
 * A platform's place in a block: its statistics, or why it has none;
 * and how many of its reps failed, with the first failure's reason.
 */
struct entry {
	const char		*platform;
	struct cell		*cell;		/* NULL: no value at all */
	size_t			 nfailed;
	const struct failure	*failure;
	const char		*skipped;	/* the reason, or NULL */
	const char		*work;		/* why no ratio, or NULL */
	const struct cell	*ref;		/* its ratio's, or NULL */
};

/* One benchmark's metric: a table of one row per platform. */
struct block {
	const struct bench	*b;
	const char		*metric;
	const char		*unit;
	enum better		 better;
	struct row		*rows;
	size_t			 nrows;
	char			*notes;		/* missing values, one per line */
	size_t			 notes_len;
	FILE			*notes_fp;
};

/* Some ratio was refused for unequal work: the legend says what it means. */
static int	any_work_note;

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] [-f text|markdown|csv|json|html] "
	    "[-m metric | -a] [-R host] results_dir ...\n"
	    "       %s -b base_dir [-g percent] [-f format] "
	    "[-m metric | -a] new_dir\n"
	    "       %s -x [-o outdir] [-R host] results_dir ...\n",
	    progname, progname, progname);
}

/* sig significant digits, fixed-point where that stays readable. */
char *
fmt_num(double v, int sig)
{
	int e, dec;

	if (isnan(v))
		return xasprintf("-");
	if (isinf(v))
		return xasprintf(v > 0 ? "inf" : "-inf");
	if (v == 0.0)
		return xasprintf("0");
	e = (int)floor(log10(fabs(v)));
	if (e >= 15 || e < -4)
		return xasprintf("%.*e", sig - 1, v);
	dec = sig - 1 - e;
	return xasprintf("%.*f", dec < 0 ? 0 : dec, v);
}

/*
 * Values with a block's common number of decimals, so that the points
 * line up: five significant digits of the smallest mean.
 */
static int
block_decimals(const struct cell *c, size_t n)
{
	double least = INFINITY, a;
	size_t i;
	int dec;

	for (i = 0; i < n; i++)
		if (isfinite(a = fabs(c[i].sum.mean)) && a > 0 && a < least)
			least = a;
	if (isinf(least))
		return 3;
	dec = 4 - (int)floor(log10(least));
	return dec < 0 ? 0 : dec;
}

char *
fmt_fixed(double v, int dec)
{
	if (!isfinite(v) || dec > 12 || fabs(v) >= 1e15)
		return fmt_num(v, 5);
	return xasprintf("%.*f", dec, v);
}

/* "1 (rep 5)", "2 (reps 3, 17)": which runs, so they can be looked at. */
static char *
fmt_outliers(const struct cell *c)
{
	char *s, *t;
	size_t i, k = 0;

	if (c->noutliers == 0)
		return xasprintf("0");
	s = xasprintf("%zu (rep%s", c->noutliers, c->noutliers > 1 ? "s" : "");
	for (i = 0; i < c->sum.n; i++) {
		if (!c->outlier[i])
			continue;
		t = xasprintf("%s%s %lld", s, k++ ? "," : "",
		    (long long)c->reps[i]);
		free(s);
		s = t;
	}
	t = xasprintf("%s)", s);
	free(s);
	return t;
}

/* dec < 0: sig significant digits; else dec decimals. */
char *
fmt_interval(double lo, double hi, int sig, int dec)
{
	char *a, *b, *s;

	if (isnan(lo) || isnan(hi))
		return xasprintf("-");
	if (isinf(lo) && isinf(hi))
		return xasprintf("unbounded");
	a = dec < 0 ? fmt_num(lo, sig) : fmt_fixed(lo, dec);
	b = dec < 0 ? fmt_num(hi, sig) : fmt_fixed(hi, dec);
	s = xasprintf("[%s, %s]", a, b);
	free(a);
	free(b);
	return s;
}

static void
ratio_of(const struct cell *c, const struct cell *native, struct ratio *r)
{
	r->est = r->lo = r->hi = NAN;
	if (native == NULL)
		return;
	if (c->s == native->s) {
		r->est = native->sum.n > 0 ? 1.0 : NAN;
		return;
	}
	stats_ratio_ci(&c->sum, &native->sum, CI_LEVEL, r);
}

static void
fill_row(struct row *row, const struct cell *c, const struct cell *native,
    int dec, const char *work)
{
	const struct summary *s = &c->sum;
	struct ratio r;

	ratio_of(c, work == NULL ? native : NULL, &r);
	row->col[C_PLATFORM] = xasprintf("%s", c->s->platform);
	row->col[C_N] = xasprintf("%zu", s->n);
	row->col[C_MEAN] = fmt_fixed(s->mean, dec);
	row->col[C_MEDIAN] = fmt_fixed(s->median, dec);
	row->col[C_SD] = fmt_num(s->sd, 3);
	row->col[C_MIN] = fmt_fixed(s->min, dec);
	row->col[C_MAX] = fmt_fixed(s->max, dec);
	row->col[C_CV] = isnan(s->cv) ? xasprintf("-") :
	    xasprintf("%.1f%%%s", 100.0 * s->cv, s->cv > CV_HIGH ? "!" : "");
	row->col[C_CI] = fmt_interval(s->ci_low, s->ci_high, 5, dec);
	row->col[C_RATIO] = work != NULL ? xasprintf("%s", work) :
	    fmt_num(r.est, 4);
	row->col[C_RATIO_CI] = fmt_interval(r.lo, r.hi, 4, -1);
	row->noted = work != NULL;
	row->col[C_OUTLIERS] = fmt_outliers(c);
}

static void
note_missing(struct block *bl, const struct cell *c)
{
	const struct series *s = c->s;
	size_t i, k = 0;

	if (c->nmissing == 0)
		return;
	fprintf(bl->notes_fp, "%s: %zu of %zu values missing (nan or inf), "
	    "rep%s", s->platform, c->nmissing, s->n, c->nmissing > 1 ? "s" : "");
	for (i = 0; i < s->n; i++)
		if (!isfinite(s->obs[i].value))
			fprintf(bl->notes_fp, "%s %lld", k++ ? "," : "",
			    (long long)s->obs[i].rep);
	fprintf(bl->notes_fp, "; left out of the statistics\n");
}

const char *
better_word(enum better b)
{
	return b == BETTER_HIGHER ? "higher" : b == BETTER_LOWER ? "lower" : "";
}

/*
 * The fields of -f csv and -f json, one row per benchmark, metric and
 * column; the names are the CSV header and the JSON keys (virtcost(7)).
 */
enum { S_BENCHMARK, S_METRIC, S_UNIT, S_PLATFORM, S_N, S_MEAN, S_MEDIAN,
    S_SD, S_MIN, S_MAX, S_CV, S_CI_LOW, S_CI_HIGH, S_RATIO, S_RATIO_LOW,
    S_RATIO_HIGH, S_OUTLIERS, S_OUTLIER_REPS, S_MISSING, S_BETTER,
    S_FAILED, S_STATUS, S_REASON, S_NOTE, S_VARIANT, S_HOST, NSUM };

static const char *const sum_name[NSUM] = { "benchmark", "metric", "unit",
    "platform", "n", "mean", "median", "sd", "min", "max", "cv", "ci_low",
    "ci_high", "ratio", "ratio_low", "ratio_high", "outliers",
    "outlier_reps", "missing", "better", "failed", "status", "reason",
    "note", "variant", "host" };

/* The fields shown: host, the last, only with two hosts or more. */
static size_t	nsum = NSUM - 1;

/* -f json: the document the rows go into (rowout_doc). */
static struct json_object *json_doc;

/*
 * One cell as a row of fields: the platform apart from its variant
 * (qemu:disk=raw is qemu and disk=raw), as in results.csv; a cell
 * without a value has its names, empty numbers and its status.
 */
static void
summary_row(const struct results *res, const struct block *bl,
    const struct entry *e, const struct cell *native, enum format f)
{
	const struct cell *c = e->cell;
	const char *column, *colon;
	size_t host = results_host(res, e->platform, &column);
	struct fval v[NSUM];
	struct ratio r = { NAN, NAN, NAN };
	struct summary none;
	const struct summary *s = &none;
	int64_t *reps;
	size_t i, k = 0;
	char *plat;

	memset(&none, 0, sizeof(none));
	none.mean = none.median = none.sd = none.min = none.max = none.cv =
	    none.ci_low = none.ci_high = NAN;
	colon = strchr(column, ':');
	plat = xasprintf("%.*s", (int)strcspn(column, ":"), column);
	reps = xcalloc(c != NULL && c->sum.n > 0 ? c->sum.n : 1, sizeof(*reps));
	if (c != NULL) {
		s = &c->sum;
		ratio_of(c, e->work == NULL ? native : NULL, &r);
		for (i = 0; i < s->n; i++)
			if (c->outlier[i])
				reps[k++] = c->reps[i];
	}
	v[S_BENCHMARK] = FSTR(bl->b->name);
	v[S_METRIC] = FSTR(bl->metric);
	v[S_UNIT] = FSTR(bl->unit);
	v[S_PLATFORM] = FSTR(plat);
	v[S_N] = FINT(s->n);
	v[S_MEAN] = FNUM(s->mean);
	v[S_MEDIAN] = FNUM(s->median);
	v[S_SD] = FNUM(s->sd);
	v[S_MIN] = FNUM(s->min);
	v[S_MAX] = FNUM(s->max);
	v[S_CV] = FNUM(s->cv);
	v[S_CI_LOW] = FNUM(s->ci_low);
	v[S_CI_HIGH] = FNUM(s->ci_high);
	v[S_RATIO] = FNUM(r.est);
	v[S_RATIO_LOW] = FNUM(r.lo);
	v[S_RATIO_HIGH] = FNUM(r.hi);
	v[S_OUTLIERS] = FINT(c != NULL ? c->noutliers : 0);
	v[S_OUTLIER_REPS] = (struct fval){ FK_INTS, NULL, 0, 0, reps, k };
	v[S_MISSING] = FINT(c != NULL ? c->nmissing : 0);
	v[S_BETTER] = FSTR(better_word(bl->better));
	v[S_FAILED] = FINT(e->nfailed);
	v[S_STATUS] = FSTR(c != NULL ? (e->nfailed > 0 ? "partial" : "ok") :
	    e->nfailed > 0 ? "failed" : "skipped");
	v[S_REASON] = FSTR(e->nfailed > 0 ? e->failure->reason :
	    c == NULL ? e->skipped : NULL);
	v[S_NOTE] = FSTR(e->work);
	v[S_VARIANT] = FSTR(colon != NULL ? colon + 1 : "");
	v[S_HOST] = FSTR(host != (size_t)-1 ? res->hosts[host].name : "");
	if (f == FMT_CSV)
		rowout_csv(v, nsum);
	else
		json_object_array_add(json_object_object_get(json_doc, "rows"),
		    rowout_json(sum_name, v, nsum));
	free(reps);
	free(plat);
}

static char *
block_title(const struct block *bl)
{
	const char *dir = better_name(bl->better);

	return xasprintf("%s%s%s%s: %s%s%s%s%s%s", bl->b->name,
	    bl->b->params ? " (" : "", bl->b->params ? bl->b->params : "",
	    bl->b->params ? ")" : "", bl->metric,
	    *bl->unit ? " (" : "", bl->unit, *bl->unit ? ")" : "",
	    *dir ? ", " : "", dir);
}


static void
print_text(const struct block *bl)
{
	size_t w[NCOLS], i, j, len;
	char *title;

	for (j = 0; j < NCOLS; j++) {
		w[j] = strlen(col_name[j]);
		for (i = 0; i < bl->nrows; i++)
			if ((j == C_PLATFORM || bl->rows[i].status == NULL) &&
			    (len = strlen(bl->rows[i].col[j])) > w[j])
				w[j] = len;
	}
	title = block_title(bl);
	printf("%s\n", title);
	free(title);
	rowout_text((char *const *)col_name, w, NCOLS,
	    1UL << C_PLATFORM);
	for (i = 0; i < bl->nrows; i++)
		if (bl->rows[i].status != NULL)
			printf("%-*s  %s\n", (int)w[C_PLATFORM],
			    bl->rows[i].col[C_PLATFORM], bl->rows[i].status);
		else
			rowout_text(bl->rows[i].col, w, NCOLS,
			    1UL << C_PLATFORM);
	if (bl->notes_len > 0)
		fputs(bl->notes, stdout);
	putchar('\n');
}

/* Text as Markdown shows it: no markup, no HTML, no table break. */
void
put_md_text(const char *s)
{
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]#|<>", *s) != NULL)
			putchar('\\');
		putchar(*s);
	}
}

/* A table cell: our numbers need only | escaped; text from data all. */
void
put_md_cell(const char *s, int text)
{
	fputs("| ", stdout);
	if (text)
		put_md_text(s);
	else
		for (; *s != '\0'; s++) {
			if (*s == '|')
				putchar('\\');
			putchar(*s);
		}
	putchar(' ');
}

static void
print_markdown(const struct block *bl)
{
	size_t i, j;
	char *title;
	const char *p;

	title = block_title(bl);
	fputs("### ", stdout);
	put_md_text(title);
	fputs("\n\n", stdout);
	free(title);
	for (j = 0; j < NCOLS; j++)
		put_md_cell(col_name[j], 0);
	puts("|");
	for (j = 0; j < NCOLS; j++)
		fputs(j == C_PLATFORM || j == C_OUTLIERS ? "|:---" : "|---:",
		    stdout);
	puts("|");
	for (i = 0; i < bl->nrows; i++) {
		for (j = 0; j < NCOLS; j++)
			put_md_cell(bl->rows[i].status == NULL ||
			    j == C_PLATFORM ? bl->rows[i].col[j] :
			    j == C_N ? bl->rows[i].status : "",
			    (bl->rows[i].status != NULL && j == C_N) ||
			    (bl->rows[i].noted && j == C_RATIO));
		puts("|");
	}
	if (bl->notes_len > 0) {
		putchar('\n');
		for (p = bl->notes; *p != '\0'; p++) {
			if (p == bl->notes || p[-1] == '\n')
				fputs("- ", stdout);
			if (strchr("\\`*_[]#|<>", *p) != NULL)
				putchar('\\');
			putchar(*p);
		}
	}
	putchar('\n');
}

/* The table in vc-report -f html's page (html.h lays it out). */
static void
print_html(const struct block *bl)
{
	char *title = block_title(bl);
	size_t i;

	html_table(bl->b, bl->metric, title, col_name, NCOLS, C_RATIO);
	for (i = 0; i < bl->nrows; i++)
		html_row(bl->rows[i].col, NCOLS, bl->rows[i].status,
		    bl->rows[i].noted);
	html_table_end(bl->notes_len > 0 ? bl->notes : NULL);
	free(title);
}

static void
print_legend(const struct results *r, enum format f)
{
	static const char *const legend[] = {
		"n: runs with a value; CI: 95% confidence interval of the "
		    "mean (Student's t).",
		"ratio: platform mean / native mean; its CI by Fieller's "
		    "theorem (Welch-Satterthwaite df).",
		"cv: coefficient of variation, sd / mean; ! marks more than "
		    "10%: the runs vary a lot.",
		"outliers: runs beyond Tukey's fences (1.5 IQR outside the "
		    "quartiles); kept in every statistic.",
		"unequal work: the platform's runs did other work than "
		    "native's, so no ratio; degraded: the work was refused "
		    "in part.",
	};
	size_t i, n = sizeof(legend) / sizeof(legend[0]);
	char *hosts = NULL;
	const char *line;

	/* Of hosts: HOST/PLATFORM, each to its own native or to -R's. */
	if (r->nhosts >= 2)
		hosts = r->ref != NULL ? xasprintf("ratio: HOST/PLATFORM mean "
		    "/ %s/PLATFORM mean, the reference host's same platform; "
		    "its CI by Fieller's theorem (Welch-Satterthwaite df).",
		    r->ref) : xasprintf("ratio: HOST/PLATFORM mean / "
		    "HOST/native mean, each host's own native; its CI by "
		    "Fieller's theorem (Welch-Satterthwaite df).");
	for (i = 0; i < n - !any_work_note; i++) {
		line = i == 1 && hosts != NULL ? hosts : legend[i];
		if (f == FMT_HTML)
			html_legend(line);
		else
			printf("%s%s\n", f == FMT_MARKDOWN ? "- " : "", line);
	}
	free(hosts);
}

/*
 * With two hosts or more, each host: how its run ended and its
 * machine; a host that failed has no other line to say so.
 */
static void
print_hosts(const struct results *r, enum format f)
{
	const struct host *h;
	char *line;
	size_t i;

	if (r->nhosts < 2)
		return;
	puts(f == FMT_MARKDOWN ? "\n### Hosts\n" :
	    "\nhosts (how each host's run ended, its machine):");
	for (i = 0; i < r->nhosts; i++) {
		h = &r->hosts[i];
		if (f == FMT_MARKDOWN)
			fputs("- ", stdout);
		line = results_host_line(h);
		if (f == FMT_MARKDOWN)
			put_md_text(line);
		else
			fputs(line, stdout);
		putchar('\n');
		free(line);
	}
}

/*
 * What each variant shown changes, one line per setting, from the
 * catalogue ("qemu:net=passt — guest network: passt, ..."); a
 * variant this vc-report does not know says so.
 */
static void
print_variants(const struct results *r, enum format f)
{
	struct column c;
	char why[200], desc[256];
	const char *name;
	size_t i;
	int j, any = 0;

	for (i = 0; i < r->nplat; i++) {
		name = r->plat[i];
		if (strchr(name, ':') == NULL)
			continue;
		if (!any++ && f != FMT_HTML)
			puts(f == FMT_MARKDOWN ? "\n### Variants\n" :
			    "\nvariants (what each column changes):");
		if (catalog_column(name, strlen(name), &c, why, sizeof(why))
		    == -1) {
			c.nset = 0;
			snprintf(desc, sizeof(desc), "not a variant this "
			    "vc-report knows (%s)", why);
		}
		for (j = 0; j < (c.nset > 0 ? c.nset : 1); j++) {
			if (c.nset > 0)
				catalog_setting_desc(&c, j, desc,
				    sizeof(desc));
			if (f == FMT_HTML)
				html_variant(name, desc);
			else if (f == FMT_MARKDOWN) {
				fputs("- ", stdout);
				put_md_text(name);
				fputs(" — ", stdout);
				put_md_text(desc);
				putchar('\n');
			} else
				printf("%s — %s\n", name, desc);
		}
	}
}

/* "kvm: 2 of 5 reps failed (reps 3, 4): reason", under the table. */
static void
note_failed(struct block *bl, const struct results *r, const struct entry *e)
{
	size_t i, k = 0;

	if (e->cell == NULL || e->nfailed == 0)
		return;
	fprintf(bl->notes_fp, "%s: %zu of %zu reps failed (rep%s", e->platform,
	    e->nfailed, e->nfailed + e->cell->s->n, e->nfailed > 1 ? "s" : "");
	for (i = 0; i < r->nfail; i++)
		if (strcmp(r->fail[i].platform, e->platform) == 0 &&
		    strcmp(r->fail[i].benchmark, bl->b->name) == 0)
			fprintf(bl->notes_fp, "%s %lld", k++ ? "," : "",
			    (long long)r->fail[i].rep);
	fprintf(bl->notes_fp, "): %s\n", e->failure->reason);
}

static void
report_block(const struct results *r, const struct bench *b,
    const char *metric, enum format f)
{
	struct block bl;
	struct cell *cells;
	struct entry *ent;
	char refcol[COLKEY_MAX];
	const char *ref;
	struct row *row;
	const struct series *s;
	size_t i, j, n = 0, ne = 0;
	int dec;

	memset(&bl, 0, sizeof(bl));
	bl.b = b;
	bl.metric = metric;
	bl.unit = results_unit(r, b->name, metric);
	bl.better = results_better(b->name, metric, bl.unit);
	if ((bl.notes_fp = open_memstream(&bl.notes, &bl.notes_len)) == NULL)
		diesys(EXIT_FAIL, "open_memstream");
	cells = xcalloc(r->nplat ? r->nplat : 1, sizeof(*cells));
	ent = xcalloc(r->nplat ? r->nplat : 1, sizeof(*ent));
	bl.rows = xcalloc(r->nplat ? r->nplat : 1, sizeof(*bl.rows));
	/* A platform with values, failed reps or a skip has a row. */
	for (i = 0; i < r->nplat; i++) {
		struct entry *e = &ent[ne];

		e->platform = r->plat[i];
		e->nfailed = results_failed(r, b->name, r->plat[i],
		    &e->failure);
		e->skipped = results_skipped(r, r->plat[i]);
		e->work = results_work(r, b->name, r->plat[i], NULL);
		if ((s = results_find(r, b->name, metric, r->plat[i])) != NULL) {
			cell_compute(&cells[n], s);
			e->cell = &cells[n++];
		} else if (e->nfailed == 0 && e->skipped == NULL)
			continue;
		ne++;
	}
	/* Native's, or its host's native, or the reference host's. */
	for (i = 0; i < ne; i++) {
		ref = results_ref(r, ent[i].platform, refcol, sizeof(refcol));
		for (j = 0; j < n && ent[i].cell != NULL; j++)
			if (strcmp(cells[j].s->platform, ref) == 0)
				ent[i].ref = &cells[j];
	}
	dec = block_decimals(cells, n);
	for (i = 0; i < ne; i++) {
		const struct entry *e = &ent[i];

		if (e->cell != NULL && e->work != NULL)
			any_work_note = 1;
		if (f == FMT_CSV || f == FMT_JSON) {
			summary_row(r, &bl, e, e->ref, f);
			continue;
		}
		row = &bl.rows[bl.nrows++];
		if (e->cell == NULL) {
			row->col[C_PLATFORM] = xasprintf("%s", e->platform);
			row->status = e->nfailed > 0 ? xasprintf("failed: %s",
			    e->failure->reason) : xasprintf("skipped: %s",
			    e->skipped);
			continue;
		}
		fill_row(row, e->cell, e->ref, dec, e->work);
		note_missing(&bl, e->cell);
		note_failed(&bl, r, e);
	}
	if (fclose(bl.notes_fp) != 0)
		die(EXIT_FAIL, "out of memory");
	if (f == FMT_TEXT)
		print_text(&bl);
	else if (f == FMT_MARKDOWN)
		print_markdown(&bl);
	else if (f == FMT_HTML)
		print_html(&bl);
	else
		for (i = 0; i < n; i++)
			if (cells[i].nmissing > 0)
				warnmsg("%s %s on %s: %zu of %zu values "
				    "missing (nan or inf), left out", b->name,
				    metric, cells[i].s->platform,
				    cells[i].nmissing, cells[i].s->n);
	for (i = 0; i < n; i++)
		cell_free(&cells[i]);
	for (i = 0; i < bl.nrows; i++) {
		for (j = 0; j < NCOLS; j++)
			free(bl.rows[i].col[j]);
		free(bl.rows[i].status);
	}
	free(cells);
	free(ent);
	free(bl.rows);
	free(bl.notes);
}

static int
has_metric(const struct bench *b, const char *metric)
{
	size_t i;

	for (i = 0; i < b->nmetrics; i++)
		if (strcmp(b->metrics[i], metric) == 0)
			return 1;
	return 0;
}

/*
 * What each platform let a benchmark use, as vc-suite recorded it
 * (vc-envelope's lines in meta.json), one line per platform: in text
 * with -a, in Markdown always.
 */
static void
print_envelopes(const struct results *r, enum format f)
{
	const char *line;
	size_t i;
	int any = 0;

	for (i = 0; i < r->nplat; i++) {
		if ((line = results_envelope(r, r->plat[i])) == NULL)
			continue;
		if (!any++)
			puts(f == FMT_MARKDOWN ? "\n### Envelope\n" :
			    "\nenvelope (what vc-envelope saw on each platform):");
		if (f == FMT_MARKDOWN) {
			fputs("- ", stdout);
			put_md_text(r->plat[i]);
			fputs(": ", stdout);
			put_md_text(line);
			putchar('\n');
		} else
			printf("%s: %s\n", r->plat[i], line);
	}
}

/*
 * How quiet the machine looked during each vc-suite session: in text
 * with -a or when one looked noisy, in Markdown always.
 */
static void
print_conditions(const struct results *r, enum format f, int all)
{
	size_t i;
	int noisy = 0;

	for (i = 0; i < r->ncond; i++)
		noisy |= r->cond[i].noisy;
	if (r->ncond == 0 || (f == FMT_TEXT && !all && !noisy))
		return;
	puts(f == FMT_MARKDOWN ? "\n### Machine\n" :
	    "\nmachine (how quiet it looked while vc-suite measured):");
	for (i = 0; i < r->ncond; i++) {
		if (f == FMT_MARKDOWN) {
			fputs("- ", stdout);
			put_md_text(r->cond[i].line);
			putchar('\n');
		} else
			puts(r->cond[i].line);
	}
}

/* Of hosts, a JSON row's host: its name (resultsfile's host column). */
static void
json_host(struct json_object *o, const struct results *r, size_t h)
{
	struct json_object *s;

	if (r->nhosts < 2)
		return;
	if ((s = json_object_new_string(h != (size_t)-1 ?
	    r->hosts[h].name : "")) == NULL)
		die(EXIT_FAIL, "out of memory");
	json_object_object_add(o, "host", s);
}

/*
 * -f json: besides the rows, the platforms vc-suite skipped and every
 * failed run, with failures.csv's names.
 */
static void
json_lists(const struct results *r)
{
	static const char *const skip_name[] = { "platform", "reason" };
	static const char *const host_name[] = { "name", "status", "reason",
	    "machine" };
	struct json_object *skipped, *failures, *hosts, *o;
	struct fval v[X_NCOLS > 4 ? X_NCOLS : 4];
	const char *colon, *col;
	char *plat;
	size_t i, h;

	skipped = json_object_new_array();
	failures = json_object_new_array();
	if (skipped == NULL || failures == NULL)
		die(EXIT_FAIL, "out of memory");
	for (i = 0; i < r->nskip; i++) {
		h = results_host(r, r->skip[i].platform, &col);
		v[0] = FSTR(col);
		v[1] = FSTR(r->skip[i].reason);
		o = rowout_json(skip_name, v, 2);
		json_host(o, r, h);
		json_object_array_add(skipped, o);
	}
	for (i = 0; i < r->nfail; i++) {
		h = results_host(r, r->fail[i].platform, &col);
		colon = strchr(col, ':');
		plat = xasprintf("%.*s", (int)strcspn(col, ":"), col);
		v[X_TIME] = FSTR(r->fail[i].time);
		v[X_PLATFORM] = FSTR(plat);
		v[X_BENCHMARK] = FSTR(r->fail[i].benchmark);
		v[X_REP] = FINT(r->fail[i].rep);
		v[X_STATUS] = FINT(r->fail[i].status);
		v[X_REASON] = FSTR(r->fail[i].reason);
		v[X_VARIANT] = FSTR(colon != NULL ? colon + 1 : "");
		v[X_HOST] = FSTR(h != (size_t)-1 && r->nhosts >= 2 ?
		    r->hosts[h].name : r->fail[i].host);
		json_object_array_add(failures, rowout_json(failures_cols, v,
		    X_NCOLS));
		free(plat);
	}
	json_object_object_add(json_doc, "skipped", skipped);
	json_object_object_add(json_doc, "failures", failures);
	if (r->nhosts < 2)
		return;
	hosts = json_object_new_array();
	for (i = 0; i < r->nhosts; i++) {
		v[0] = FSTR(r->hosts[i].name);
		v[1] = FSTR(r->hosts[i].status);
		v[2] = FSTR(r->hosts[i].reason);
		v[3] = FSTR(r->hosts[i].machine);
		json_object_array_add(hosts, rowout_json(host_name, v, 4));
	}
	json_object_object_add(json_doc, "hosts", hosts);
}

static void
report(const struct results *r, const struct opts *o)
{
	const struct bench *b;
	size_t i, k, found = 0;

	if (o->metric != NULL) {
		for (i = 0; i < r->nbench; i++)
			found += (size_t)has_metric(&r->bench[i], o->metric);
		if (found == 0)
			die(EXIT_FAIL, "%s: no metric '%s'", r->csv, o->metric);
	}
	if (o->format == FMT_CSV)
		rowout_csv_header(sum_name, nsum);
	else if (o->format == FMT_JSON)
		json_doc = rowout_doc("summary");
	for (i = 0; i < r->nbench; i++) {
		b = &r->bench[i];
		if (o->metric != NULL) {
			if (has_metric(b, o->metric))
				report_block(r, b, o->metric, o->format);
			continue;
		}
		for (k = 0; k < (o->all ? b->nmetrics : 1); k++)
			report_block(r, b, b->metrics[k], o->format);
	}
	if (o->format == FMT_JSON) {
		json_lists(r);
		rowout_json_print(json_doc);
		return;
	}
	if (o->format != FMT_CSV) {
		print_legend(r, o->format);
		print_variants(r, o->format);
		if (o->format != FMT_HTML)
			print_hosts(r, o->format);
	}
	/* A Markdown report is a document: it always says where it ran. */
	if ((o->all && o->format == FMT_TEXT) || o->format == FMT_MARKDOWN)
		print_envelopes(r, o->format);
	if (o->format != FMT_CSV && o->format != FMT_HTML)
		print_conditions(r, o->format, o->all);
}

/* The shortest decimal that reads back as the same double. */
static void
put_exact(FILE *fp, double v)
{
	char buf[40];

	if (isnan(v)) {
		fputs("nan", fp);
		return;
	}
	if (isinf(v)) {
		fputs(v > 0 ? "inf" : "-inf", fp);
		return;
	}
	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof(buf), "%.17g", v);
	fputs(buf, fp);
}

/*
 * -x: <platform>-<benchmark>.csv with time,value of the primary metric;
 * with two hosts or more, each host's in its own HOST/ (the column's
 * name, HOST/PLATFORM, makes the path), so that each file stays classic.
 * Each is written under a fresh name and renamed into place: a link
 * planted in a results directory is replaced, never written through.
 */
static void
export(const struct results *r, const char *outdir)
{
	const struct series *s;
	const struct bench *b;
	static const char *const cols[] = { "time", "value" };
	struct outfile out;
	struct csv_out w = { NULL, NULL, 0, 0, 0, 0 };
	size_t i, j, k, h;
	const char *rest;
	char *path, *sub;

	if (outfile_mkdirs(outdir, 0777) == -1)
		diesys(EXIT_FAIL, "%s", outdir);
	for (i = 0; i < r->nbench; i++) {
		b = &r->bench[i];
		for (j = 0; j < r->nplat; j++) {
			s = results_find(r, b->name, b->metrics[0], r->plat[j]);
			if (s == NULL)
				continue;
			path = xasprintf("%s/%s-%s.csv", outdir, s->platform,
			    b->name);
			if ((h = results_host(r, s->platform, &rest)) !=
			    (size_t)-1) {
				sub = xasprintf("%s/%s", outdir,
				    r->hosts[h].name);
				if (outfile_mkdirs(sub, 0777) == -1)
					diesys(EXIT_FAIL, "%s", sub);
				free(sub);
			}
			if (outfile_open(&out, path) == -1)
				diesys(EXIT_FAIL, "%s", path);
			w.fp = out.fp;
			csv_fields(&w, cols, 2);
			for (k = 0; k < s->n; k++) {
				csv_field(&w, s->obs[k].time);
				csv_text(&w, ",");
				put_exact(w.fp, s->obs[k].value);
				csv_text(&w, "\n");
			}
			if (outfile_commit(&out) == -1)
				diesys(EXIT_FAIL, "%s: write error", path);
			puts(path);
			free(path);
		}
	}
}

/*
 * -b: the base run against the new one. Status 1 is kept for a
 * regression (-g): every other failure, such as a results directory
 * that cannot be read, exits 2.
 */
static int
compare(const struct opts *o, const char *newdir)
{
	struct results base, new;
	struct comparison cmp;
	size_t bad;
	int rc;

	msg_fail_status(EXIT_USAGE);
	results_read(&base, o->base);
	results_read(&new, newdir);
	/* Which host of one to compare with which of the other: not yet. */
	if (base.nhosts >= 2 || new.nhosts >= 2)
		die(EXIT_USAGE, "-b compares two runs of one host; %s holds "
		    "%zu hosts", base.nhosts >= 2 ? o->base : newdir,
		    base.nhosts >= 2 ? base.nhosts : new.nhosts);
	compare_runs(&base, &new, o->metric, o->all, &cmp);
	if (cmp.n == 0)
		die(EXIT_USAGE, "no metric '%s' in either run", o->metric);
	bad = compare_report(&cmp, o->format, o->gate);
	compare_free(&cmp);
	results_free(&base);
	results_free(&new);
	rc = close_stdout();
	return rc != EXIT_OK ? rc : bad > 0 ? EXIT_FAIL : EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct opts o = { FMT_TEXT, 0, NULL, 0, 0, NULL, NULL, NAN, NULL };
	struct results r;
	const char *why;
	int ch;

	msg_init(argv[0]);
	while ((ch = getopt(argc, argv, "ab:f:g:hm:o:R:Vx")) != -1) {
		switch (ch) {
		case 'a':
			o.all = 1;
			break;
		case 'b':
			if (*optarg == '\0')
				usage_error("-b: empty directory name");
			o.base = optarg;
			break;
		case 'g':
			if ((why = parse_decimal(optarg, 0, 1e9, &o.gate)) !=
			    NULL)
				usage_error("-g %s: %s (a percent, 0 or more)",
				    optarg, why);
			break;
		case 'f':
			o.format_given = 1;
			if (strcmp(optarg, "text") == 0)
				o.format = FMT_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				o.format = FMT_MARKDOWN;
			else if (strcmp(optarg, "csv") == 0)
				o.format = FMT_CSV;
			else if (strcmp(optarg, "json") == 0)
				o.format = FMT_JSON;
			else if (strcmp(optarg, "html") == 0)
				o.format = FMT_HTML;
			else
				usage_error("-f %s: unknown format (use text, "
				    "markdown, csv, json or html)", optarg);
			break;
		case 'h':
			usage(stdout);
			return close_stdout();
		case 'm':
			if (*optarg == '\0')
				usage_error("-m: empty metric name");
			o.metric = optarg;
			break;
		case 'o':
			if (*optarg == '\0')
				usage_error("-o: empty directory name");
			o.outdir = optarg;
			break;
		case 'R':
			o.ref = results_ref_arg(optarg);
			break;
		case 'V':
			puts(PACKAGE_STRING);
			return close_stdout();
		case 'x':
			o.export = 1;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage_error("missing results directory");
	if (argc > 1 && o.base != NULL)
		usage_error("-b compares one new directory with the base: "
		    "extra operand '%s'", argv[1]);
	if (o.ref != NULL && o.base != NULL)
		usage_error("-R and -b exclude each other");
	if (argc > 1 && o.export && o.outdir == NULL)
		usage_error("-x of several directories needs -o: where to "
		    "export");
	if (o.all && o.metric != NULL)
		usage_error("-a and -m exclude each other");
	if (o.outdir != NULL && !o.export)
		usage_error("-o is for -x: where to export");
	if (o.export && (o.format_given || o.metric != NULL || o.all))
		usage_error("-x exports each benchmark's primary metric: it "
		    "takes no -f, -m or -a");
	if (o.export && o.base != NULL)
		usage_error("-b and -x exclude each other");
	if (!isnan(o.gate) && o.base == NULL)
		usage_error("-g is for -b: the regression that fails");
	if (o.base != NULL && o.format == FMT_HTML)
		usage_error("-b compares in text, markdown, csv or json, not "
		    "html");
	if (o.base != NULL)
		return compare(&o, argv[0]);

	results_read_hosts(&r, argv, (size_t)argc, o.ref);
	if (r.nhosts >= 2)
		nsum = NSUM;
	if (o.export)
		export(&r, o.outdir != NULL ? o.outdir : argv[0]);
	else if (o.format == FMT_HTML) {
		html_begin(&r, argv, (size_t)argc);
		report(&r, &o);
		html_end(&r);
	} else
		report(&r, &o);
	results_free(&r);
	return close_stdout();
}
