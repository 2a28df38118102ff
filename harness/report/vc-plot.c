/*
 * vc-plot - charts of a results directory, drawn by gnuplot.
 *
 * One chart per benchmark (its primary metric, platforms side by side,
 * whiskers at the 95% CI of the mean, every run as a dot) and one of
 * the overhead of each platform relative to native, in PNG and SVG.
 * A platform whose runs did other work than native's (work.h) says so
 * under its bar, and has no bar in the overhead chart, only the words.
 *
 * gnuplot gets the script and the data (inline data blocks) through a
 * pipe on its standard input: no temporary files and no shell. It reads
 * the pipe as /dev/stdin, a script file, because gnuplot stops at the
 * first error in a script file but carries on from an interactive "-".
 *
 * The results directory may come from someone else, with links planted
 * where the charts go. gnuplot draws into a fresh private directory
 * inside the output directory; only when it has drawn every chart are
 * they renamed into place (a link there is replaced, not followed), so
 * a failed run leaves the old charts as they were, none looking new.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <getopt.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "cleanup.h"
#include "compare.h"
#include "msg.h"
#include "outfile.h"
#include "results.h"
#include "run.h"
#include "stats.h"
#include "xalloc.h"

#define SIZE		"900,600"	/* pixels: fits a page or a slide */
#define TITLE_WIDTH	80	/* characters of a title line: fits SIZE */
#define CROWDED		8	/* columns of a chart that fit their numbers */
/* yerrorbars would draw a NaN end at 0 and leave a gap at the mean. */
#define WHISKERS	"with vectors heads size screen 0.012,90 " \
			"lc rgb \"black\" lw 2"
#define ERRMAX		(64 * 1024)	/* of gnuplot's messages, kept */
/* gnuplot fails to scale an axis near DBL_MAX; with room, far below. */
#define PLOT_MAX	1e300

struct opts {
	int		 png, svg;
	const char	*outdir;	/* -o, default RESULTS_DIR/charts */
	const char	*gnuplot;	/* -G */
	const char	*drawdir;	/* where gnuplot draws them first */
	const char	*base;		/* -b: the change from this run */
	const char	*ref;		/* -R: the reference host */
};

/* What one benchmark's chart shows. */
struct bchart {
	const struct bench	*b;
	const char		*metric;
	const char		*unit;
	struct cell		*cells;		/* one per platform shown */
	size_t			 ncells;
	const char		**label;	/* per cell: failed, skipped */
	const char		**work;		/* per cell: unequal work */
	size_t			*nfailed;	/* per cell: failed reps */
	struct series		*empty;		/* for the cells without data */
	size_t			 nvalues;	/* finite ones, all platforms */
	int			 logscale;
	int			 negative;	/* some value below zero */
	double			 ylo, yhi;	/* log scale only */
};

/* The overhead chart: a factor per (platform, benchmark). */
struct factor {
	double	est, lo, hi;
};

struct ochart {
	size_t		*bench;		/* indices into results.bench */
	size_t		*host;		/* with hosts: each slot's host */
	size_t		 nbench;	/* slots: benchmarks (x hosts) */
	const char	**plat;		/* the platforms other than native */
	size_t		 nplat;
	struct factor	*f;		/* [plat][bench] */
	const char	**label;	/* [plat][bench]: no factor, why */
	double		 ylo, yhi;
};

/*
 * Files the script writes (names in drawdir), checked, put in place and
 * printed when gnuplot is done.
 */
static char	**outputs;
static size_t	  noutputs;

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] [-f png|svg|both] [-o outdir] "
	    "[-G gnuplot] [-R host] results_dir ...\n       %s -b base_dir "
	    "[-hV] [-f png|svg|both] [-o outdir] [-G gnuplot] new_dir\n",
	    progname, progname);
}

/*
 * Text as a gnuplot string expression. gnuplot runs `backquotes` in a
 * double-quoted string through a shell, so every piece of text goes in
 * single quotes, where nothing is expanded ('' is a quote). A newline
 * cannot be inside one: lines are joined with the constant "\n".
 * Other control characters become blanks. The one way text reaches the
 * script: names are also checked when read (results.c).
 */
static void
gp_str(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			fputs("'.\"\\n\".'", fp);
		else if (*s == '\'')
			fputs("''", fp);
		else
			fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' :
			    *s, fp);
	}
	fputc('\'', fp);
}

/* A number for a data block: NaN is what gnuplot skips. */
static void
gp_num(FILE *fp, double v)
{
	if (isfinite(v))
		fprintf(fp, " %.10g", v);
	else
		fputs(" NaN", fp);
}

/* Short and readable: 1203000, 12.3, 0.0421. */
static char *
fmt_short(double v)
{
	if (!isfinite(v))
		return xasprintf("-");
	if (fabs(v) >= 1e4 && fabs(v) < 1e15)
		return xasprintf("%.0f", v);
	return xasprintf("%.4g", v);
}

static long
rgb(const char *hex)
{
	return strtol(hex + 1, NULL, 16);
}

/* Whether r->plat[i] is the first column of its name on any host. */
static int
first_seen(const struct results *r, size_t i)
{
	const char *a, *b;
	size_t j;

	results_host(r, r->plat[i], &a);
	for (j = 0; j < i; j++) {
		results_host(r, r->plat[j], &b);
		if (strcmp(a, b) == 0)
			return 0;
	}
	return 1;
}

/*
 * The same colour for a platform in every chart: the catalogue's, else
 * one of others by its place among the platforms not in the catalogue.
 */
static const char *
plat_colour(const struct results *r, const char *plat)
{
	static const char *const others[] = { "#76b7b2", "#b07aa1",
	    "#edc948", "#9c755f", "#ff9da7", "#bab0ac" };
	const struct plat_def *known = catalog_platform(plat);
	const char *rest;
	size_t i, k = 0;

	if (known != NULL)
		return known->colour;
	/* Each unknown platform once, whichever hosts have it. */
	for (i = 0; i < r->nplat; i++) {
		results_host(r, r->plat[i], &rest);
		if (strcmp(rest, plat) == 0)
			break;
		if (catalog_platform(rest) == NULL &&
		    strchr(rest, ':') == NULL && first_seen(r, i))
			k++;
	}
	return others[k % (sizeof(others) / sizeof(others[0]))];
}

/*
 * A column's colour: its platform's; a variant's (qemu:disk=raw) a
 * lighter shade of it, the k-th of n variants of the platform lighter
 * by k / (n + 1) of the way to three quarters white.
 */
static const char *
colour(const struct results *r, const char *hcolumn)
{
	static char ring[4][8];
	static int next;
	const char *column, *rest;
	size_t len, i, k = 0, n = 0;
	char *plat;
	long c, ch, out = 0;
	double t;
	int sh;

	/* A platform has its colour on every host. */
	results_host(r, hcolumn, &column);
	len = strcspn(column, ":");
	if (column[len] != ':')
		return plat_colour(r, column);
	plat = xasprintf("%.*s", (int)len, column);
	c = rgb(plat_colour(r, plat));
	for (i = 0; i < r->nplat; i++) {
		results_host(r, r->plat[i], &rest);
		if (strncmp(rest, column, len + 1) == 0 && first_seen(r, i)) {
			n++;
			if (strcmp(rest, column) == 0)
				k = n;
		}
	}
	free(plat);
	t = 0.75 * (double)(k ? k : 1) / (double)(n + 1);
	for (sh = 16; sh >= 0; sh -= 8) {
		ch = (c >> sh) & 0xff;
		out |= (ch + lround((double)(255 - ch) * t)) << sh;
	}
	next = (next + 1) % 4;
	snprintf(ring[next], sizeof(ring[next]), "#%06lx", out);
	return ring[next];
}

/*
 * A column's name on an axis: a variant's settings each on a line of
 * their own under the platform, so that many columns fit.
 */
static char *
tic_name(const char *column)
{
	char *s = xstrdup(column), *p;

	for (p = s; (p = strchr(p, ':')) != NULL; p++)
		*p = '\n';
	return s;
}

/*
 * The bottom margin, in lines, for the axis's names: under each column
 * its name (tic_name: a line per setting) and three lines of numbers;
 * when crowded, its name alone, upright, in a smaller font.
 */
static int
tic_room(const struct bchart *c, int crowded)
{
	const char *p;
	size_t i, len, longest = 0;
	int n, most = 1;

	for (i = 0; i < c->ncells; i++) {
		p = c->cells[i].s->platform;
		len = strlen(p);
		longest = len > longest ? len : longest;
		for (n = 1; *p != '\0'; p++)
			n += *p == ':';
		most = n > most ? n : most;
	}
	return crowded ? 2 + (int)((double)longest * 0.35) : 4 + most;
}


/* hi with room above it: at most DBL_MAX, which a value may come near. */
static double
axis_max(double hi, double room)
{
	return hi < DBL_MAX / room ? hi * room : DBL_MAX;
}

/* Decades, each with 1, 2 and 5: a log axis anyone can read. */
static void
log_tics(FILE *fp, double lo, double hi)
{
	static const double steps[] = { 1, 2, 5 };
	double d, t;
	int first = 1;
	size_t i;
	char *label;

	/* A bound at inf would never be reached: no tics rather than a hang. */
	if (!(lo > 0) || !isfinite(lo) || !isfinite(hi))
		return;
	fputs("set ytics (", fp);
	for (d = pow(10, floor(log10(lo))); d <= hi && isfinite(d); d *= 10)
		for (i = 0; i < 3; i++) {
			t = d * steps[i];
			if (t < lo || t > hi)
				continue;
			label = fmt_short(t);
			fputs(first ? "" : ", ", fp);
			gp_str(fp, label);
			fprintf(fp, " %.10g", t);
			free(label);
			first = 0;
		}
	fputs(")\nset mytics 1\n", fp);
}

/* Why a platform's work was not native's, in a word or two, or NULL. */
static const char *
work_label(const struct results *r, const char *bench, const char *plat)
{
	enum work_kind k;

	return results_work(r, bench, plat, &k) != NULL ? work_kind_name(k) :
	    NULL;
}

/* Why a platform has no value of a benchmark: "failed", "skipped". */
static const char *
slot_label(const struct results *r, const char *bench, const char *plat)
{
	if (results_failed(r, bench, plat, NULL) > 0)
		return "failed";
	if (results_skipped(r, plat) != NULL)
		return "skipped";
	return NULL;
}

static void
prepare_bench(const struct results *r, const struct bench *b,
    struct bchart *c)
{
	const struct series *s;
	double lo = INFINITY, hi = 0, mlo = INFINITY, mhi = 0, v;
	size_t i, k;
	int positive = 1;

	c->b = b;
	c->metric = b->metrics[0];
	c->unit = results_unit(r, b->name, c->metric);
	c->cells = xcalloc(r->nplat, sizeof(*c->cells));
	c->label = xcalloc(r->nplat, sizeof(*c->label));
	c->work = xcalloc(r->nplat, sizeof(*c->work));
	c->nfailed = xcalloc(r->nplat, sizeof(*c->nfailed));
	c->empty = xcalloc(r->nplat, sizeof(*c->empty));
	for (i = 0; i < r->nplat; i++) {
		k = c->ncells;
		c->nfailed[k] = results_failed(r, b->name, r->plat[i], NULL);
		c->work[k] = work_label(r, b->name, r->plat[i]);
		if ((s = results_find(r, b->name, c->metric, r->plat[i])) ==
		    NULL) {
			/* A failed or skipped cell: an empty, labelled slot. */
			c->label[k] = slot_label(r, b->name, r->plat[i]);
			if (c->label[k] == NULL)
				continue;
			c->empty[k].platform = r->plat[i];
			c->empty[k].benchmark = b->name;
			c->empty[k].metric = (char *)c->metric;
			c->empty[k].unit = (char *)c->unit;
			s = &c->empty[k];
		}
		cell_compute(&c->cells[c->ncells++], s);
	}
	/* Log scale when the means span more than 20x: qemu vs native. */
	for (i = 0; i < c->ncells; i++) {
		c->nvalues += c->cells[i].sum.n;
		for (k = 0; k < c->cells[i].sum.n; k++) {
			v = c->cells[i].values[k];
			if (fabs(v) > PLOT_MAX)
				die(EXIT_FAIL, "%s %s on %s: %g is beyond what "
				    "a chart can show (at most %g)", b->name,
				    c->metric, c->cells[i].s->platform, v,
				    PLOT_MAX);
			positive &= v > 0;
			c->negative |= v < 0;
			if (v < lo)
				lo = v;
			if (v > hi)
				hi = v;
		}
		v = c->cells[i].sum.mean;
		if (isfinite(v)) {
			mlo = v < mlo ? v : mlo;
			mhi = v > mhi ? v : mhi;
		}
		if (isfinite(c->cells[i].sum.ci_high) &&
		    c->cells[i].sum.ci_high > hi)
			hi = c->cells[i].sum.ci_high;
	}
	c->logscale = positive && isfinite(mlo) && mlo > 0 && mhi / mlo > 20;
	c->ylo = lo / 1.5;
	c->yhi = axis_max(hi, 1.5);
}

static void
data_bench(FILE *fp, const struct results *r, const struct bchart *c,
    size_t idx)
{
	const struct cell *cell;
	double lo;
	size_t i, k;

	fprintf(fp, "$b%zu << EOD\n", idx);
	for (i = 0; i < c->ncells; i++) {
		cell = &c->cells[i];
		lo = cell->sum.ci_low;
		/* A CI reaching below the log axis is drawn to its floor. */
		if (c->logscale && isfinite(lo) && lo < c->ylo)
			lo = c->ylo;
		fprintf(fp, "%zu", i);
		gp_num(fp, cell->sum.mean);
		gp_num(fp, lo);
		gp_num(fp, cell->sum.ci_high);
		fprintf(fp, " %ld\n", rgb(colour(r, cell->s->platform)));
	}
	fputs("EOD\n", fp);
	/* Every run as a dot, spread across the bar deterministically. */
	fprintf(fp, "$r%zu << EOD\n", idx);
	for (i = 0; i < c->ncells; i++) {
		cell = &c->cells[i];
		for (k = 0; k < cell->sum.n; k++) {
			fprintf(fp, "%.4f", (double)i +
			    0.4 * (fmod((double)k * 0.618034, 1.0) - 0.5));
			gp_num(fp, cell->values[k]);
			fputc('\n', fp);
		}
	}
	fputs("EOD\n", fp);
}

static void
set_output(FILE *fp, const char *drawdir, const char *name, const char *ext)
{
	char *path = xasprintf("%s.%s", name, ext), *drawn;

	drawn = xasprintf("%s/%s", drawdir, path);
	fputs("set output ", fp);
	gp_str(fp, drawn);
	fputc('\n', fp);
	free(drawn);
	outputs = realloc(outputs, (noutputs + 1) * sizeof(*outputs));
	if (outputs == NULL)
		die(EXIT_FAIL, "out of memory");
	outputs[noutputs++] = path;
}

/* Whether a title may break at the space s: before a "key=" pair. */
static int
pair_start(const char *s)
{
	size_t n = strspn(s + 1, "abcdefghijklmnopqrstuvwxyz0123456789_");

	return *s == ' ' && n > 0 && s[1 + n] == '=';
}

/*
 * The parameters in a title, as lines of about TITLE_WIDTH characters
 * broken between key=value pairs, never inside a value, so that a long
 * set (diskwrite's, nginxbench's) is not cut at the chart's edges.
 */
static char *
title_params(const char *params)
{
	char *s = xstrdup(params), *p, *line = s, *brk = NULL;

	for (p = s; *p != '\0'; p++) {
		if (!pair_start(p))
			continue;
		if (p - line > TITLE_WIDTH && brk != NULL) {
			*brk = '\n';
			line = brk + 1;
		}
		brk = p;
	}
	if (p - line > TITLE_WIDTH && brk != NULL && brk >= line)
		*brk = '\n';
	return s;
}

/*
 * Of hosts: each host's columns side by side under its name, a dashed
 * line between hosts.
 */
static void
host_groups(FILE *fp, const struct results *r, const struct cell *cells,
    size_t n)
{
	const char *rest;
	size_t i, start, h;
	char *name;

	for (start = 0; r->nhosts >= 2 && start < n; start = i) {
		h = results_host(r, cells[start].s->platform, &rest);
		for (i = start + 1; i < n &&
		    results_host(r, cells[i].s->platform, &rest) == h; i++)
			;
		if (h == (size_t)-1)
			continue;
		name = xasprintf("host %s", r->hosts[h].name);
		fputs("set label ", fp);
		gp_str(fp, name);
		fprintf(fp, " at first %.1f, graph 0.97 center font \",11\"\n",
		    (double)(start + i - 1) / 2.0);
		free(name);
		if (start > 0)
			fprintf(fp, "set arrow from first %.1f, graph 0 to "
			    "first %.1f, graph 1 nohead dt 2 lc rgb "
			    "\"#888888\"\n", (double)start - 0.5,
			    (double)start - 0.5);
	}
}

static void
chart_bench(FILE *fp, const struct results *r, const struct bchart *c,
    size_t idx)
{
	const char *dir = better_name(c->b->better), *col;
	const struct cell *cell;
	char *title, *mean, *params, *name;
	size_t i;
	/* Too many columns for their numbers: names only, upright. */
	int crowded = c->ncells > CROWDED;

	fputs("reset\n", fp);
	params = c->b->params != NULL ? title_params(c->b->params) : NULL;
	title = xasprintf("%s: %s%s%s\n%s: mean; whiskers: 95%% CI of the "
	    "mean; dots: the runs", c->b->name, c->metric,
	    params != NULL ? "\n" : "", params != NULL ? params : "",
	    c->logscale ? "circles" : "bars");
	free(params);
	fputs("set title ", fp);
	gp_str(fp, title);
	free(title);
	title = xasprintf("%s%s%s%s%s%s", c->metric, *c->unit ? " (" : "",
	    c->unit, *c->unit ? ")" : "", *dir ? ", " : "", dir);
	fputs("\nset ylabel ", fp);
	gp_str(fp, title);
	free(title);
	fprintf(fp, "\nset xrange [-0.6:%zu.6]\nset xtics scale 0 (",
	    c->ncells - 1);
	for (i = 0; i < c->ncells; i++) {
		cell = &c->cells[i];
		/* Of hosts, the host is the group's (host_groups). */
		results_host(r, cell->s->platform, &col);
		name = tic_name(col);
		mean = fmt_short(cell->sum.mean);
		if (crowded)
			title = xstrdup(col);
		else if (c->label[i] != NULL)
			title = xasprintf("%s\n%s", name, c->label[i]);
		else if (cell->sum.n == 0)
			title = xasprintf("%s\nno values", name);
		else if (c->nfailed[i] > 0)
			title = xasprintf("%s\n%s%s%s\nn = %zu, %zu failed",
			    name, mean, *c->unit ? " " : "", c->unit,
			    cell->sum.n, c->nfailed[i]);
		else
			title = xasprintf("%s\n%s%s%s\nn = %zu", name, mean,
			    *c->unit ? " " : "", c->unit, cell->sum.n);
		free(name);
		if (!crowded && c->label[i] == NULL && c->work[i] != NULL) {
			free(mean);
			mean = title;
			title = xasprintf("%s\n%s", mean, c->work[i]);
		}
		gp_str(fp, title);
		fprintf(fp, " %zu%s", i, i + 1 < c->ncells ? ", " : ")\n");
		free(title);
		free(mean);
	}
	host_groups(fp, r, c->cells, c->ncells);
	/* The empty slot of a failed or skipped cell says so. */
	for (i = 0; i < c->ncells; i++)
		if (c->label[i] != NULL) {
			fputs("set label ", fp);
			gp_str(fp, c->label[i]);
			fprintf(fp, " at first %zu, graph %s textcolor rgb "
			    "\"#555555\"\n", i, crowded ? "0.05 left rotate by "
			    "90 font \",9\"" : "0.1 center");
		}
	fprintf(fp, "set bmargin %d\nset key off\nset grid ytics\n"
	    "set style fill solid 0.75 border rgb \"#333333\"\n",
	    tic_room(c, crowded));
	if (crowded)
		fputs("set xtics rotate by 90 right font \",9\"\n", fp);
	if (c->logscale) {
		fprintf(fp, "set logscale y\nset yrange [%.10g:%.10g]\n"
		    "set format y \"%%g\"\n", c->ylo, c->yhi);
		log_tics(fp, c->ylo, c->yhi);
		fprintf(fp, "plot $b%zu using 1:2:5 with points pt 7 ps 2.5 "
		    "lc rgb variable, \\\n", idx);
	} else {
		fprintf(fp, "set yrange [%s:*]\nset offsets 0, 0, graph 0.05, "
		    "0\nset format y \"%%.10g\"\n", c->negative ? "*" : "0");
		fprintf(fp, "plot $b%zu using 1:2:(0.6):5 with boxes "
		    "lc rgb variable, \\\n", idx);
	}
	fprintf(fp, "  $b%zu using 1:3:(0):($4-$3) %s, \\\n"
	    "  $r%zu using 1:2 with points pt 7 ps 0.5 lc rgb \"#333333\"\n",
	    idx, WHISKERS, idx);
}

/* Where platform p's bar of benchmark i stands in the overhead chart. */
static double
slot_x(const struct ochart *o, size_t p, size_t i)
{
	double w = 0.8 / (double)o->nplat;

	return (double)i + ((double)p - (double)(o->nplat - 1) / 2.0) * w;
}

/* The cell of column in a benchmark's chart, or NULL. */
static const struct cell *
find_cell(const struct bchart *c, const char *column)
{
	size_t j;

	for (j = 0; j < c->ncells; j++)
		if (strcmp(c->cells[j].s->platform, column) == 0)
			return &c->cells[j];
	return NULL;
}

/* Whether a slot has a reference to compare with: its native's mean. */
static int
slot_has_ref(const struct results *r, const struct bchart *c, size_t h)
{
	const struct cell *ref;
	const char *rest;
	char buf[COLKEY_MAX];
	size_t j;

	for (j = 0; j < c->ncells; j++) {
		if (results_host(r, c->cells[j].s->platform, &rest) != h)
			continue;
		ref = find_cell(c, results_ref(r, c->cells[j].s->platform, buf,
		    sizeof(buf)));
		if (ref != NULL && ref->s != c->cells[j].s &&
		    ref->sum.mean > 0)
			return 1;
	}
	return 0;
}

/*
 * Slowdown: platform/native for times, native/platform for rates; with
 * hosts, a slot per benchmark and host, each host's platform against
 * its native (with -R: against the reference host's same platform, the
 * reference host's slots left out, all 1).
 */
static int
prepare_overhead(const struct results *r, struct bchart *bc, size_t nb,
    struct ochart *o)
{
	const struct cell *native, *cell;
	struct factor *f;
	double lo = 0.5, hi = 2, v;
	size_t i, j, k, p, h, nh = r->nhosts >= 2 ? r->nhosts : 1;
	const char *rest;
	char *col, buf[COLKEY_MAX];

	o->bench = xcalloc(nb * nh, sizeof(*o->bench));
	o->host = xcalloc(nb * nh, sizeof(*o->host));
	o->plat = xcalloc(r->nplat, sizeof(*o->plat));
	for (i = 0; i < nb; i++)
		for (k = 0; k < nh; k++) {
			h = nh > 1 ? k : (size_t)-1;
			if (h != (size_t)-1 && r->ref != NULL &&
			    strcmp(r->hosts[h].name, r->ref) == 0)
				continue;
			if (!slot_has_ref(r, &bc[i], h))
				continue;
			if (bc[i].b->better == BETTER_UNKNOWN) {
				if (k == 0)
					warnmsg("%s %s: not known whether "
					    "more is better; left out of the "
					    "overhead chart", bc[i].b->name,
					    bc[i].metric);
				continue;
			}
			o->host[o->nbench] = h;
			o->bench[o->nbench++] = i;
		}
	/* The platforms, each once (of hosts: without the host). */
	for (p = 0; p < r->nplat; p++) {
		results_host(r, r->plat[p], &rest);
		if ((r->nhosts < 2 || r->ref == NULL) &&
		    strcmp(rest, "native") == 0)
			continue;
		for (k = 0; k < o->nplat && strcmp(o->plat[k], rest) != 0; k++)
			;
		if (k == o->nplat)
			o->plat[o->nplat++] = rest;
	}
	if (o->nbench == 0 || o->nplat == 0)
		return 0;
	o->f = xcalloc(o->nplat * o->nbench, sizeof(*o->f));
	o->label = xcalloc(o->nplat * o->nbench, sizeof(*o->label));
	for (p = 0; p < o->nplat; p++)
		for (i = 0; i < o->nbench; i++) {
			const struct bchart *c = &bc[o->bench[i]];
			struct ratio rt = { NAN, NAN, NAN };

			h = o->host[i];
			col = h != (size_t)-1 ? xasprintf("%s/%s",
			    r->hosts[h].name, o->plat[p]) :
			    xstrdup(o->plat[p]);
			f = &o->f[p * o->nbench + i];
			o->label[p * o->nbench + i] = slot_label(r,
			    c->b->name, col);
			cell = find_cell(c, col);
			native = find_cell(c, results_ref(r, col, buf,
			    sizeof(buf)));
			if (cell != NULL && cell->sum.n > 0)
				o->label[p * o->nbench + i] = work_label(r,
				    c->b->name, col);
			free(col);
			/* Other work than native's: no factor, the words. */
			if (cell != NULL && native != NULL &&
			    native->sum.mean > 0 && cell->sum.mean > 0 &&
			    o->label[p * o->nbench + i] == NULL) {
				if (c->b->better == BETTER_LOWER)
					stats_ratio_ci(&cell->sum, &native->sum,
					    CI_LEVEL, &rt);
				else
					stats_ratio_ci(&native->sum, &cell->sum,
					    CI_LEVEL, &rt);
			}
			f->est = rt.est;
			/* Unbounded or undefined: no whisker at all. */
			f->lo = isfinite(rt.lo) && isfinite(rt.hi) ? rt.lo : NAN;
			f->hi = isfinite(rt.lo) && isfinite(rt.hi) ? rt.hi : NAN;
			for (j = 0; j < 3; j++) {
				v = j == 0 ? f->est : j == 1 ? f->lo : f->hi;
				if (isfinite(v) && v > 0 && v < lo)
					lo = v;
				if (isfinite(v) && v > hi)
					hi = v;
			}
		}
	/*
	 * A platform with no factor at all would be an empty plot, unless
	 * its slots say why (failed, skipped).
	 */
	for (p = 0, k = 0; p < o->nplat; p++) {
		for (i = 0; i < o->nbench; i++)
			if (isfinite(o->f[p * o->nbench + i].est) ||
			    o->label[p * o->nbench + i] != NULL)
				break;
		if (i == o->nbench)
			continue;
		o->plat[k] = o->plat[p];
		memmove(&o->f[k * o->nbench], &o->f[p * o->nbench],
		    o->nbench * sizeof(*o->f));
		memmove(&o->label[k * o->nbench], &o->label[p * o->nbench],
		    o->nbench * sizeof(*o->label));
		k++;
	}
	if ((o->nplat = k) == 0)
		return 0;
	o->ylo = lo / 1.3;
	o->yhi = axis_max(hi, 2.5);	/* room for the labels above the bars */
	return 1;
}

static void
data_overhead(FILE *fp, const struct ochart *o)
{
	const struct factor *f;
	double w = 0.8 / (double)o->nplat, x, lo;
	size_t p, i;
	char *label;

	for (p = 0; p < o->nplat; p++) {
		fprintf(fp, "$o%zu << EOD\n", p);
		for (i = 0; i < o->nbench; i++) {
			f = &o->f[p * o->nbench + i];
			x = slot_x(o, p, i);
			lo = f->lo > 0 ? f->lo : o->ylo;
			/* x, bar from 1 to the factor, whisker, label */
			fprintf(fp, "%.4f %.4f %.4f", x, x - w / 2 * 0.95,
			    x + w / 2 * 0.95);
			gp_num(fp, f->est < 1 ? f->est : 1);
			gp_num(fp, f->est < 1 ? 1 : f->est);
			gp_num(fp, f->est);
			gp_num(fp, isfinite(f->lo) ? lo : NAN);
			gp_num(fp, f->hi);
			gp_num(fp, fmax(1, isfinite(f->hi) ? f->hi : f->est));
			/* The factor (× in UTF-8); why there is none is a
			 * set label of chart_overhead. A number: no quote to
			 * escape. */
			label = isfinite(f->est) ?
			    xasprintf("%.3g\xc3\x97", f->est) : xasprintf("%s", "");
			fprintf(fp, " \"%s\"\n", label);
			free(label);
		}
		fputs("EOD\n", fp);
	}
}

static void
chart_overhead(FILE *fp, const struct results *r, const struct bchart *bc,
    const struct ochart *o)
{
	const struct bchart *c;
	char *tic, *text;
	size_t p, i;

	if (r->ref != NULL) {
		/* Against a reference host: its name, as data. */
		text = xasprintf("Overhead relative to host %s, the same "
		    "platform: how many times slower\nwhiskers: 95%% CI "
		    "(Fieller); times: host / %s, rates: %s / host", r->ref,
		    r->ref, r->ref);
		fputs("reset\nset title ", fp);
		gp_str(fp, text);
		free(text);
		text = xasprintf("times slower than on %s (log scale)", r->ref);
		fputs("\nset ylabel ", fp);
		gp_str(fp, text);
		free(text);
		fputs("\nset logscale y\nset format y \"%g\"\n", fp);
	} else
		fputs("reset\nset title \"Overhead relative to native: how "
		    "many times slower\\nwhiskers: 95% CI (Fieller); times: "
		    "platform / native, rates: native / platform\"\n"
		    "set ylabel \"times slower than native (log scale)\"\n"
		    "set logscale y\nset format y \"%g\"\n", fp);
	fprintf(fp, "set yrange [%.10g:%.10g]\n", o->ylo, o->yhi);
	log_tics(fp, o->ylo, o->yhi);
	fprintf(fp, "set xrange [-0.5:%zu.5]\nset xtics scale 0 (",
	    o->nbench - 1);
	for (i = 0; i < o->nbench; i++) {
		c = &bc[o->bench[i]];
		tic = o->host[i] != (size_t)-1 ? xasprintf("%s\n%s\nhost %s",
		    c->b->name, c->metric, r->hosts[o->host[i]].name) :
		    xasprintf("%s\n%s", c->b->name, c->metric);
		gp_str(fp, tic);
		fprintf(fp, " %zu%s", i, i + 1 < o->nbench ? ", " : ")\n");
		free(tic);
	}
	/* An empty slot says why, upright so that it fits its slot. */
	for (p = 0; p < o->nplat; p++)
		for (i = 0; i < o->nbench; i++)
			if (o->label[p * o->nbench + i] != NULL &&
			    !isfinite(o->f[p * o->nbench + i].est)) {
				fputs("set label ", fp);
				gp_str(fp, o->label[p * o->nbench + i]);
				fprintf(fp, " at first %.4f, first 1 rotate by "
				    "90 left offset 0,0.5 font \",9\" textcolor "
				    "rgb \"#555555\"\n", slot_x(o, p, i));
			}
	/* Many columns: a smaller key, four to a row, and room for it. */
	if (o->nplat > 4)
		fprintf(fp, "set bmargin %d\nset key font \",9\" maxcols 4\n",
		    4 + (r->nhosts >= 2) + (int)ceil((double)(o->nplat + 1) / 4.0 * 0.8));
	else
		fputs(r->nhosts >= 2 ? "set bmargin 7\n" : "set bmargin 6\n",
		    fp);
	fputs("set grid ytics\nset key bmargin center horizontal\n"
	    "set style fill solid 0.8 border rgb \"#333333\"\nplot ", fp);
	for (p = 0; p < o->nplat; p++) {
		fprintf(fp, "$o%zu using 1:6:2:3:4:5 with boxxyerror "
		    "lc rgb \"%s\" title ", p, colour(r, o->plat[p]));
		gp_str(fp, o->plat[p]);
		fprintf(fp, ", \\\n  $o%zu using 1:7:(0):($8-$7) %s "
		    "notitle, \\\n  $o%zu using "
		    "1:9:10 with labels %s font \",10\" notitle, \\\n  ",
		    p, WHISKERS, p, o->nplat > 3 ? "rotate by 90 left "
		    "offset 0,0.5" : "offset 0,0.8");
	}
	if (r->ref != NULL) {
		text = xasprintf("%s = 1", r->ref);
		fputs("1 with lines lc rgb \"black\" lw 2 title ", fp);
		gp_str(fp, text);
		fputc('\n', fp);
		free(text);
	} else
		fputs("1 with lines lc rgb \"black\" lw 2 title \"native = "
		    "1\"\n", fp);
}

/* The whole gnuplot script: data blocks once, then each chart. */
static char *
script(const struct results *r, const struct opts *o, size_t *len)
{
	static const char *const term[2] = {
		"pngcairo size " SIZE " font \"sans,12\" noenhanced",
		"svg size " SIZE " font \"sans,12\" noenhanced "
		    "background rgb \"white\"",
	};
	static const char *const ext[2] = { "png", "svg" };
	struct bchart *bc;
	struct ochart oc;
	char *buf = NULL;
	FILE *fp;
	size_t i, k;
	int t, over;

	if ((fp = open_memstream(&buf, len)) == NULL)
		diesys(EXIT_FAIL, "open_memstream");
	bc = xcalloc(r->nbench, sizeof(*bc));
	memset(&oc, 0, sizeof(oc));
	fputs("set encoding utf8\n", fp);
	for (i = 0; i < r->nbench; i++) {
		prepare_bench(r, &r->bench[i], &bc[i]);
		if (bc[i].nvalues == 0)
			warnmsg("%s %s: no values, no chart", bc[i].b->name,
			    bc[i].metric);
		else
			data_bench(fp, r, &bc[i], i);
	}
	if ((over = prepare_overhead(r, bc, r->nbench, &oc)))
		data_overhead(fp, &oc);
	else
		warnmsg("no overhead chart: it needs native results and "
		    "another platform");
	for (t = 0; t < 2; t++) {
		if ((t == 0 && !o->png) || (t == 1 && !o->svg))
			continue;
		fprintf(fp, "set terminal %s\n", term[t]);
		for (i = 0; i < r->nbench; i++) {
			if (bc[i].nvalues == 0)
				continue;
			set_output(fp, o->drawdir, r->bench[i].name, ext[t]);
			chart_bench(fp, r, &bc[i], i);
		}
		if (over) {
			set_output(fp, o->drawdir, "overhead", ext[t]);
			chart_overhead(fp, r, bc, &oc);
		}
		fputs("unset output\n", fp);
	}
	for (i = 0; i < r->nbench; i++) {
		for (k = 0; k < bc[i].ncells; k++)
			cell_free(&bc[i].cells[k]);
		free(bc[i].cells);
		free(bc[i].label);
		free(bc[i].work);
		free(bc[i].nfailed);
		free(bc[i].empty);
	}
	free(bc);
	free(oc.bench);
	free(oc.host);
	free(oc.plat);
	free(oc.f);
	free(oc.label);
	if (fclose(fp) != 0)
		die(EXIT_FAIL, "out of memory");
	return buf;
}

/*
 * -b: per benchmark, the change of its primary metric's mean from the
 * base run to the new one (compare.c), a bar per column in its colour,
 * whiskers at the 95% CI (Welch), a line at 0; under each column the
 * change, * when significant, and better or worse; or why there is none.
 */
static int
chart_compare(FILE *fp, const struct results *r, const struct cmprow *row,
    size_t n, size_t idx, int data)
{
	const struct cmprow *c;
	const char *dir = better_name(row->better);
	char *title;
	size_t i, j, k = 0;

	for (i = 0; i < n; i++)
		k += !isnan(row[i].ch.pct);
	if (k == 0)
		return 0;
	if (data) {
		fprintf(fp, "$c%zu << EOD\n", idx);
		for (i = 0; i < n; i++) {
			if (isnan(row[i].ch.pct))
				continue;
			fprintf(fp, "%zu", i);
			gp_num(fp, fmax(fmin(row[i].ch.pct, PLOT_MAX), -PLOT_MAX));
			gp_num(fp, row[i].ch.pct_lo);
			gp_num(fp, row[i].ch.pct_hi);
			fprintf(fp, " %ld\n", rgb(colour(r, row[i].column)));
		}
		fputs("EOD\n", fp);
		return 1;
	}
	fputs("reset\nset title ", fp);
	title = xasprintf("%s: %s, new run against base\nbars: change of the "
	    "mean; whiskers: its 95%% CI (Welch); *: significant at 5%%",
	    row->benchmark, row->metric);
	gp_str(fp, title);
	free(title);
	title = xasprintf("change of %s, %%%s%s%s", row->metric,
	    *dir ? " (" : "", dir, *dir ? ")" : "");
	fputs("\nset ylabel ", fp);
	gp_str(fp, title);
	free(title);
	fprintf(fp, "\nset xrange [-0.6:%zu.6]\nset xtics scale 0 (", n - 1);
	for (i = 0; i < n; i++) {
		char *name = tic_name(row[i].column);

		c = &row[i];
		if (c->note != NULL)
			title = xasprintf("%s\n%s", name, c->note);
		else if (c->status != CMP_BOTH)
			title = xasprintf("%s\nonly in the %s run", name,
			    c->status == CMP_BASE_ONLY ? "base" : "new");
		else if (isnan(c->ch.pct))
			title = xasprintf("%s\nno change", name);
		else
			title = xasprintf("%s\n%+.1f%%%s\n%s", name, c->ch.pct,
			    c->ch.significant ? " *" : "",
			    verdict_word(c->ch.verdict));
		free(name);
		/* A tic's label is a format: %% is a percent sign. */
		name = title;
		title = xcalloc(2 * strlen(name) + 1, 1);
		for (k = 0, j = 0; name[k] != '\0'; k++) {
			if (name[k] == '%')
				title[j++] = '%';
			title[j++] = name[k];
		}
		free(name);
		gp_str(fp, title);
		free(title);
		fprintf(fp, " %zu%s", i, i + 1 < n ? ", " : ")\n");
	}
	fprintf(fp, "set bmargin 6\nset key off\nset grid ytics\n"
	    "set style fill solid 0.75 border rgb \"#333333\"\n"
	    "set offsets 0, 0, graph 0.05, graph 0.05\n"
	    "set format y \"%%g%%%%\"\n"
	    "plot $c%zu using 1:2:(0.6):5 with boxes lc rgb variable, \\\n"
	    "  $c%zu using 1:3:(0):($4-$3) %s, \\\n"
	    "  0 with lines lc rgb \"black\" lw 1\n", idx, idx, WHISKERS);
	return 1;
}

/* The script of -b: a chart per benchmark with a change to show. */
static char *
script_compare(const struct results *base, const struct results *r,
    const struct opts *o, size_t *len)
{
	static const char *const term[2] = {
		"pngcairo size " SIZE " font \"sans,12\" noenhanced",
		"svg size " SIZE " font \"sans,12\" noenhanced "
		    "background rgb \"white\"",
	};
	static const char *const ext[2] = { "png", "svg" };
	struct comparison cmp;
	char *buf = NULL, *name;
	FILE *fp;
	size_t i, k, nb = 0, *from, *to;
	int t, *drawn;

	if ((fp = open_memstream(&buf, len)) == NULL)
		diesys(EXIT_FAIL, "open_memstream");
	fputs("set encoding utf8\n", fp);
	compare_runs(base, r, NULL, 0, &cmp);
	from = xcalloc(cmp.n + 1, sizeof(*from));
	to = xcalloc(cmp.n + 1, sizeof(*to));
	drawn = xcalloc(cmp.n + 1, sizeof(*drawn));
	for (i = 0; i < cmp.n; i = k) {
		for (k = i + 1; k < cmp.n && strcmp(cmp.rows[k].benchmark,
		    cmp.rows[i].benchmark) == 0; k++)
			;
		from[nb] = i;
		to[nb] = k;
		if (!(drawn[nb] = chart_compare(fp, r, &cmp.rows[i], k - i,
		    nb, 1)))
			warnmsg("%s: no change to show, no chart",
			    cmp.rows[i].benchmark);
		nb++;
	}
	for (t = 0; t < 2; t++) {
		if ((t == 0 && !o->png) || (t == 1 && !o->svg))
			continue;
		fprintf(fp, "set terminal %s\n", term[t]);
		for (i = 0; i < nb; i++) {
			if (!drawn[i])
				continue;
			name = xasprintf("compare-%s",
			    cmp.rows[from[i]].benchmark);
			set_output(fp, o->drawdir, name, ext[t]);
			free(name);
			chart_compare(fp, r, &cmp.rows[from[i]], to[i] - from[i],
			    i, 0);
		}
		fputs("unset output\n", fp);
	}
	free(from);
	free(to);
	free(drawn);
	compare_free(&cmp);
	if (fclose(fp) != 0)
		die(EXIT_FAIL, "out of memory");
	return buf;
}

/*
 * Feeds the script to gnuplot while collecting what it says on stderr,
 * so that neither side can block the other. Returns its exit status.
 */
static int
run_gnuplot(const char *gnuplot, const char *text, size_t len, char *err,
    size_t *errlen)
{
	char *argv[] = { (char *)gnuplot, "/dev/stdin", NULL };
	struct spawn_io io = SPAWN_INHERIT;
	struct pollfd pfd[2];
	int in[2], errp[2], null, status;
	size_t off = 0;
	ssize_t n;
	pid_t pid;

	if (pipe2(in, O_CLOEXEC) == -1 || pipe2(errp, O_CLOEXEC) == -1)
		diesys(EXIT_FAIL, "pipe");
	/* A failed "set output" would draw on stdout: never ours. */
	if ((null = open("/dev/null", O_WRONLY | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "/dev/null");
	io.fd[0] = in[0];
	io.fd[1] = null;
	io.fd[2] = errp[1];
	if ((pid = spawn_cmd(argv, &io)) == -1) {
		if (errno == ENOENT)
			die(EXIT_FAIL, "%s: not found; install gnuplot "
			    "(apt-get install gnuplot-nox) or name it with -G",
			    gnuplot);
		diesys(EXIT_FAIL, "cannot run %s", gnuplot);
	}
	cleanup_add_pid(pid);
	close(in[0]);
	close(errp[1]);
	close(null);
	if (fcntl(in[1], F_SETFL, O_NONBLOCK) == -1)
		diesys(EXIT_FAIL, "fcntl");
	pfd[0].fd = in[1];
	pfd[0].events = POLLOUT;
	pfd[1].fd = errp[0];
	pfd[1].events = POLLIN;
	*errlen = 0;
	while (pfd[0].fd != -1 || pfd[1].fd != -1) {
		if (poll(pfd, 2, -1) == -1) {
			if (errno != EINTR)
				diesys(EXIT_FAIL, "poll");
			cleanup_check();
			continue;
		}
		if (pfd[0].fd != -1 && pfd[0].revents != 0) {
			n = write(in[1], text + off, len - off);
			if (n > 0)
				off += (size_t)n;
			/* EPIPE: gnuplot stopped reading; its status says why. */
			if ((n == -1 && errno != EAGAIN && errno != EINTR) ||
			    off == len) {
				close(in[1]);
				pfd[0].fd = -1;
			}
		}
		if (pfd[1].fd != -1 && pfd[1].revents != 0) {
			char buf[4096];

			n = read(errp[0], buf, sizeof(buf));
			if (n > 0 && *errlen < ERRMAX) {
				if ((size_t)n > ERRMAX - *errlen)
					n = (ssize_t)(ERRMAX - *errlen);
				memcpy(err + *errlen, buf, (size_t)n);
				*errlen += (size_t)n;
			} else if (n == 0 || (n == -1 && errno != EINTR)) {
				close(errp[0]);
				pfd[1].fd = -1;
			}
		}
	}
	status = wait_exit(pid);
	cleanup_del_pid(pid);
	cleanup_check();
	return status;
}

int
main(int argc, char *argv[])
{
	struct opts o = { 1, 1, NULL, "gnuplot", NULL, NULL, NULL };
	struct results r, base;
	struct stat st;
	char *text, *err, *outdir = NULL, *drawdir, *drawn, *path;
	size_t len, errlen, i;
	int ch, status;

	msg_init(argv[0]);
	while ((ch = getopt(argc, argv, "b:f:G:ho:R:V")) != -1) {
		switch (ch) {
		case 'b':
			if (*optarg == '\0')
				usage_error("-b: empty directory name");
			o.base = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "png") == 0)
				o.png = 1, o.svg = 0;
			else if (strcmp(optarg, "svg") == 0)
				o.png = 0, o.svg = 1;
			else if (strcmp(optarg, "both") == 0)
				o.png = o.svg = 1;
			else
				usage_error("-f %s: unknown format (use png, "
				    "svg or both)", optarg);
			break;
		case 'G':
			if (*optarg == '\0')
				usage_error("-G: empty program name");
			o.gnuplot = optarg;
			break;
		case 'h':
			usage(stdout);
			return close_stdout();
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
	if (argc > 1 && o.outdir == NULL)
		usage_error("charts of several directories need -o: where to "
		    "write them");

	if (o.base != NULL)
		results_read(&base, o.base);
	results_read_hosts(&r, argv, (size_t)argc, o.ref);
	/* Which host of one to compare with which of the other: not yet. */
	if (o.base != NULL && (base.nhosts >= 2 || r.nhosts >= 2))
		die(EXIT_USAGE, "-b compares two runs of one host; %s holds "
		    "%zu hosts", base.nhosts >= 2 ? o.base : argv[0],
		    base.nhosts >= 2 ? base.nhosts : r.nhosts);
	if (o.outdir == NULL)
		o.outdir = outdir = xasprintf("%s/charts", argv[0]);
	if (mkdir(o.outdir, 0777) == -1 && errno != EEXIST)
		diesys(EXIT_FAIL, "%s", o.outdir);
	/* -o names a directory; charts/ in results is only what it is. */
	if ((outdir != NULL ? lstat(o.outdir, &st) : stat(o.outdir, &st)) ==
	    -1)
		diesys(EXIT_FAIL, "%s", o.outdir);
	if (S_ISLNK(st.st_mode))
		die(EXIT_FAIL, "%s: a symbolic link; not writing through it "
		    "(name a directory with -o)", o.outdir);
	if (!S_ISDIR(st.st_mode))
		die(EXIT_FAIL, "%s: not a directory", o.outdir);
	if (access(o.outdir, W_OK | X_OK) == -1)
		diesys(EXIT_FAIL, "%s", o.outdir);

	cleanup_signals();
	signal(SIGPIPE, SIG_IGN);
	if ((drawdir = outfile_tmpdir(o.outdir)) == NULL)
		diesys(EXIT_FAIL, "%s: temporary directory", o.outdir);
	cleanup_add_path(drawdir);
	o.drawdir = drawdir;
	if (o.base != NULL) {
		text = script_compare(&base, &r, &o, &len);
		results_free(&base);
	} else
		text = script(&r, &o, &len);
	/* The script has it all, the paths of the outputs too. */
	results_free(&r);
	err = xcalloc(ERRMAX + 1, 1);
	status = run_gnuplot(o.gnuplot, text, len, err, &errlen);
	free(text);
	if (status != 0) {
		fflush(stdout);
		fwrite(err, 1, errlen, stderr);
		free(err);
		if (status == 127)
			die(EXIT_FAIL, "%s: not found; install gnuplot "
			    "(apt-get install gnuplot-nox) or name it with -G",
			    o.gnuplot);
		die(EXIT_FAIL, "%s failed (exit status %d)", o.gnuplot, status);
	}
	free(err);
	/* All or nothing: no chart is put in place unless all were drawn. */
	for (i = 0; i < noutputs; i++) {
		drawn = xasprintf("%s/%s", drawdir, outputs[i]);
		if (lstat(drawn, &st) == -1 || !S_ISREG(st.st_mode) ||
		    st.st_size == 0)
			die(EXIT_FAIL, "%s did not write %s/%s", o.gnuplot,
			    o.outdir, outputs[i]);
		free(drawn);
	}
	for (i = 0; i < noutputs; i++) {
		drawn = xasprintf("%s/%s", drawdir, outputs[i]);
		path = xasprintf("%s/%s", o.outdir, outputs[i]);
		if (rename(drawn, path) == -1)
			diesys(EXIT_FAIL, "%s", path);
		puts(path);
		free(drawn);
		free(path);
	}
	rmdir(drawdir);
	o.drawdir = NULL;
	free(drawdir);
	for (i = 0; i < noutputs; i++)
		free(outputs[i]);
	free(outputs);
	outputs = NULL;
	noutputs = 0;
	free(outdir);
	return close_stdout();
}
