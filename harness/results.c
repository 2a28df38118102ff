/*
 * results.c - read a results directory: results.csv and meta.json.
 *
 * results.csv is tidy CSV (RFC 4180 quoting), one measurement per row:
 *
 *	time,host,platform,benchmark,metric,unit,value,rep
 *
 * Anything malformed is an error naming its line: a report must never
 * be computed from data that was silently skipped. A value of nan (or
 * inf) is a measurement that failed; it is kept and counted as missing.
 *
 * This file is also the one place that knows each benchmark's primary
 * metric and whether more or less of it is better.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>

#include "msg.h"
#include "parse.h"
#include "results.h"
#include "xalloc.h"

/* The primary metric of each benchmark, in report order. */
static const struct {
	const char	*benchmark;
	const char	*metric;
	enum better	 better;
} primary[] = {
	{ "linpack",	"kflops",		BETTER_HIGHER },
	{ "memsweep",	"seconds",		BETTER_LOWER },
	{ "forksum",	"seconds",		BETTER_LOWER },
	{ "diskwrite",	"iops",			BETTER_HIGHER },
	{ "nginxbench",	"seconds_per_file",	BETTER_LOWER },
};
#define NPRIMARY	(sizeof(primary) / sizeof(primary[0]))

/* Platforms in this order; any other after them, alphabetically. */
static const char *const plat_order[] = { "native", "container", "kvm",
    "qemu" };
#define NPLAT_ORDER	(sizeof(plat_order) / sizeof(plat_order[0]))

static const char *const header[] = { "time", "host", "platform",
    "benchmark", "metric", "unit", "value", "rep" };
enum { F_TIME, F_HOST, F_PLATFORM, F_BENCHMARK, F_METRIC, F_UNIT, F_VALUE,
    F_REP, NFIELDS };

/* One CSV record: the fields, NUL-separated in buf. */
struct csv {
	FILE	*fp;
	size_t	 line;		/* physical line of the next character */
	size_t	 start;		/* line where the last record started */
	char	*buf;
	size_t	 len, cap;
	size_t	 off[NFIELDS];
	size_t	 nfields;	/* may exceed NFIELDS: counted, not kept */
};

static void
csv_putc(struct csv *c, int ch)
{
	if (c->len == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		c->buf = xrealloc(c->buf, c->cap, 1);
	}
	c->buf[c->len++] = (char)ch;
}

static void
csv_end_field(struct csv *c)
{
	csv_putc(c, '\0');
	c->nfields++;
	if (c->nfields < NFIELDS)
		c->off[c->nfields] = c->len;
}

static const char *
csv_field(const struct csv *c, int i)
{
	return c->buf + c->off[i];
}

/*
 * Reads one record. Returns 1, 0 at the end of the file, or -1 with
 * *why set. A quoted field may hold commas, quotes ("") and newlines.
 */
static int
csv_read(struct csv *c, const char **why)
{
	size_t fstart = 0;	/* where the current field's text starts */
	int ch, quoted = 0, after_quote = 0, any = 0;

	c->len = 0;
	c->nfields = 0;
	c->off[0] = 0;
	c->start = c->line;
	for (;;) {
		ch = getc(c->fp);
		if (ch == EOF) {
			if (ferror(c->fp)) {
				*why = strerror(errno);
				return -1;
			}
			if (quoted) {
				*why = "unterminated quoted field";
				return -1;
			}
			if (!any)
				return 0;
			csv_end_field(c);
			return 1;
		}
		any = 1;
		if (ch == '\0') {
			*why = "NUL byte in the file";
			return -1;
		}
		if (quoted) {
			if (ch == '\n')
				c->line++;
			if (ch != '"') {
				csv_putc(c, ch);
				continue;
			}
			if ((ch = getc(c->fp)) == '"') {
				csv_putc(c, '"');
				continue;
			}
			ungetc(ch, c->fp);
			quoted = 0;
			after_quote = 1;
			continue;
		}
		if (ch == '\r' && (ch = getc(c->fp)) != '\n') {
			*why = "carriage return inside a line";
			return -1;
		}
		if (ch == '\n') {
			c->line++;
			csv_end_field(c);
			return 1;
		}
		if (ch == ',') {
			csv_end_field(c);
			fstart = c->len;
			after_quote = 0;
			continue;
		}
		if (after_quote) {
			*why = "text after a closing quote";
			return -1;
		}
		if (ch == '"') {
			if (c->len != fstart) {
				*why = "quote inside an unquoted field";
				return -1;
			}
			quoted = 1;
			continue;
		}
		csv_putc(c, ch);
	}
}

/*
 * A measured value: a decimal number with an optional exponent, or nan
 * or inf for a run whose metric could not be computed. parse.h is for
 * numbers typed by users (no exponents, no nan); data needs both.
 */
static const char *
parse_value(const char *s, double *v)
{
	const char *p = s, *word;
	int digits = 0;
	char *end;

	if (*p == '-' || *p == '+')
		p++;
	word = p;
	if (strcasecmp(word, "nan") == 0) {
		*v = NAN;
		return NULL;
	}
	if (strcasecmp(word, "inf") == 0 || strcasecmp(word, "infinity") == 0) {
		*v = *s == '-' ? -INFINITY : INFINITY;
		return NULL;
	}
	for (; isdigit((unsigned char)*p); p++)
		digits++;
	if (*p == '.')
		for (p++; isdigit((unsigned char)*p); p++)
			digits++;
	if (digits == 0)
		return "not a number";
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '-' || *p == '+')
			p++;
		if (!isdigit((unsigned char)*p))
			return "not a number";
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p != '\0')
		return "not a number";
	errno = 0;
	*v = strtod(s, &end);
	if (errno == ERANGE && isinf(*v))
		return "out of range";
	return NULL;
}

/* A name for a message: short, and nothing a terminal would obey. */
static const char *
printable(const char *s)
{
	static char buf[68];
	size_t i;

	for (i = 0; *s != '\0' && i < sizeof(buf) - 4; s++)
		buf[i++] = isprint((unsigned char)*s) ? *s : '?';
	strcpy(buf + i, *s != '\0' ? "..." : "");
	return buf;
}

/*
 * Names become file names (charts, -x) and chart labels: a small set
 * of characters that leaves no directory and means nothing to gnuplot,
 * a shell or Markdown. Units may also hold "/" and "%" (MiB/s).
 */
static const char *
name_ok(const char *s, int unit)
{
	const char *extra = unit ? "._+-/%" : "._+-";

	if (*s == '\0')
		return unit ? NULL : "empty";
	if (!unit && *s == '.')
		return "starts with a dot";
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr(extra, *s) == NULL)
			return unit ? "holds a character outside A-Z a-z 0-9 "
			    "and ._+-/%" : "holds a character outside "
			    "A-Z a-z 0-9 and ._+-";
	return NULL;
}

static int
plat_rank(const char *p)
{
	size_t i;

	for (i = 0; i < NPLAT_ORDER; i++)
		if (strcmp(p, plat_order[i]) == 0)
			return (int)i;
	return (int)NPLAT_ORDER;
}

static int
cmp_plat(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int rx = plat_rank(x), ry = plat_rank(y);

	if (rx != ry)
		return rx - ry;
	return strcmp(x, y);
}

static int
bench_rank(const char *name)
{
	size_t i;

	for (i = 0; i < NPRIMARY; i++)
		if (strcmp(name, primary[i].benchmark) == 0)
			return (int)i;
	return (int)NPRIMARY;
}

static int
cmp_bench(const void *a, const void *b)
{
	const struct bench *x = a, *y = b;
	int rx = bench_rank(x->name), ry = bench_rank(y->name);

	if (rx != ry)
		return rx - ry;
	return strcmp(x->name, y->name);
}

const struct series *
results_find(const struct results *r, const char *bench, const char *metric,
    const char *plat)
{
	size_t i;

	for (i = 0; i < r->nseries; i++)
		if (strcmp(r->series[i].benchmark, bench) == 0 &&
		    strcmp(r->series[i].metric, metric) == 0 &&
		    strcmp(r->series[i].platform, plat) == 0)
			return &r->series[i];
	return NULL;
}

/* The unit of a benchmark's metric (the same on every platform). */
const char *
results_unit(const struct results *r, const char *bench, const char *metric)
{
	size_t i;

	for (i = 0; i < r->nseries; i++)
		if (strcmp(r->series[i].benchmark, bench) == 0 &&
		    strcmp(r->series[i].metric, metric) == 0)
			return r->series[i].unit;
	return "";
}

/*
 * Whether more is better: from the table for a primary metric, else
 * guessed from the unit (times lower, rates higher), else unknown.
 */
enum better
results_better(const char *bench, const char *metric, const char *unit)
{
	static const char *const times[] = { "s", "ms", "us", "ns" };
	size_t i;

	for (i = 0; i < NPRIMARY; i++)
		if (strcmp(bench, primary[i].benchmark) == 0 &&
		    strcmp(metric, primary[i].metric) == 0)
			return primary[i].better;
	for (i = 0; i < sizeof(times) / sizeof(times[0]); i++)
		if (strcmp(unit, times[i]) == 0)
			return BETTER_LOWER;
	if (strstr(unit, "/s") != NULL || strstr(unit, "FLOPS") != NULL)
		return BETTER_HIGHER;
	return BETTER_UNKNOWN;
}

const char *
better_name(enum better b)
{
	switch (b) {
	case BETTER_HIGHER:
		return "higher is better";
	case BETTER_LOWER:
		return "lower is better";
	default:
		return "";
	}
}

static struct series *
add_series(struct results *r, struct csv *c)
{
	static size_t last;
	struct series *s;

	/* Rows come in runs of one series' metrics: try the last ones. */
	if (last < r->nseries) {
		s = &r->series[last];
		if (strcmp(s->benchmark, csv_field(c, F_BENCHMARK)) == 0 &&
		    strcmp(s->metric, csv_field(c, F_METRIC)) == 0 &&
		    strcmp(s->platform, csv_field(c, F_PLATFORM)) == 0)
			return s;
	}
	s = (struct series *)results_find(r, csv_field(c, F_BENCHMARK),
	    csv_field(c, F_METRIC), csv_field(c, F_PLATFORM));
	if (s == NULL) {
		r->series = xrealloc(r->series, r->nseries + 1,
		    sizeof(*r->series));
		s = &r->series[r->nseries++];
		memset(s, 0, sizeof(*s));
		s->benchmark = xstrdup(csv_field(c, F_BENCHMARK));
		s->metric = xstrdup(csv_field(c, F_METRIC));
		s->platform = xstrdup(csv_field(c, F_PLATFORM));
		s->unit = xstrdup(csv_field(c, F_UNIT));
		s->line = c->start;
	}
	last = (size_t)(s - r->series);
	return s;
}

static void
check_unit(const struct results *r, const struct csv *c)
{
	size_t i;

	for (i = 0; i < r->nseries; i++) {
		const struct series *s = &r->series[i];

		if (strcmp(s->benchmark, csv_field(c, F_BENCHMARK)) == 0 &&
		    strcmp(s->metric, csv_field(c, F_METRIC)) == 0 &&
		    strcmp(s->unit, csv_field(c, F_UNIT)) != 0)
			die(EXIT_FAIL, "%s: line %zu: unit '%s' of %s %s "
			    "differs from '%s' on line %zu", r->csv, c->start,
			    csv_field(c, F_UNIT), s->benchmark, s->metric,
			    s->unit, s->line);
	}
}

static void
add_row(struct results *r, struct csv *c)
{
	struct series *s;
	struct obs *o;
	const char *why;
	double v;
	int64_t rep;
	int f;

	if (c->nfields != NFIELDS)
		die(EXIT_FAIL, "%s: line %zu: %zu fields, expected %d",
		    r->csv, c->start, c->nfields, NFIELDS);
	for (f = 0; f < NFIELDS; f++)
		if (f != F_UNIT && *csv_field(c, f) == '\0')
			die(EXIT_FAIL, "%s: line %zu: empty %s", r->csv,
			    c->start, header[f]);
	for (f = F_PLATFORM; f <= F_UNIT; f++)
		if ((why = name_ok(csv_field(c, f), f == F_UNIT)) != NULL)
			die(EXIT_FAIL, "%s: line %zu: %s '%s' %s", r->csv,
			    c->start, header[f], printable(csv_field(c, f)),
			    why);
	if ((why = parse_value(csv_field(c, F_VALUE), &v)) != NULL)
		die(EXIT_FAIL, "%s: line %zu: value '%s': %s", r->csv,
		    c->start, csv_field(c, F_VALUE), why);
	if ((why = parse_int(csv_field(c, F_REP), 1, INT64_MAX, &rep)) != NULL)
		die(EXIT_FAIL, "%s: line %zu: rep '%s': %s", r->csv,
		    c->start, csv_field(c, F_REP), why);
	s = add_series(r, c);
	if (strcmp(s->unit, csv_field(c, F_UNIT)) != 0 || s->n == 0)
		check_unit(r, c);
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->obs = xrealloc(s->obs, s->cap, sizeof(*s->obs));
	}
	o = &s->obs[s->n++];
	o->value = v;
	o->rep = rep;
	o->time = xstrdup(csv_field(c, F_TIME));
}

static void
read_csv(struct results *r, const char *dir)
{
	struct csv c;
	struct stat st;
	const char *why;
	int f, rc, bad = 0;
	size_t rows = 0;

	memset(&c, 0, sizeof(c));
	if (stat(dir, &st) == -1)
		diesys(EXIT_FAIL, "%s", dir);
	if (!S_ISDIR(st.st_mode))
		die(EXIT_FAIL, "%s: not a directory", dir);
	if ((c.fp = fopen(r->csv, "r")) == NULL)
		diesys(EXIT_FAIL, "%s", r->csv);
	c.line = 1;
	/* A spreadsheet may have saved it with a byte-order mark. */
	if ((f = getc(c.fp)) != 0xef)
		ungetc(f, c.fp);
	else if (getc(c.fp) != 0xbb || getc(c.fp) != 0xbf)
		die(EXIT_FAIL, "%s: line 1: not a CSV header", r->csv);
	if ((rc = csv_read(&c, &why)) == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", r->csv, c.start, why);
	if (rc == 0)
		die(EXIT_FAIL, "%s: empty file, no header", r->csv);
	for (f = 0; f < NFIELDS && !bad; f++)
		bad = f >= (int)c.nfields || strcmp(csv_field(&c, f),
		    header[f]) != 0;
	if (bad || c.nfields != NFIELDS)
		die(EXIT_FAIL, "%s: line 1: header is not "
		    "time,host,platform,benchmark,metric,unit,value,rep",
		    r->csv);
	while ((rc = csv_read(&c, &why)) == 1) {
		add_row(r, &c);
		rows++;
	}
	if (rc == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", r->csv, c.start, why);
	fclose(c.fp);
	free(c.buf);
	if (rows == 0)
		die(EXIT_FAIL, "%s: no results (only the header)", r->csv);
}

static int
has(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* The benchmarks, their metrics (primary first) and the platforms. */
static void
index_series(struct results *r)
{
	struct bench *b;
	char *m;
	size_t i, j, k;

	for (i = 0; i < r->nseries; i++) {
		const struct series *s = &r->series[i];

		if (!has(r->plat, r->nplat, s->platform)) {
			r->plat = xrealloc(r->plat, r->nplat + 1,
			    sizeof(*r->plat));
			r->plat[r->nplat++] = s->platform;
		}
		for (j = 0; j < r->nbench; j++)
			if (strcmp(r->bench[j].name, s->benchmark) == 0)
				break;
		if (j == r->nbench) {
			r->bench = xrealloc(r->bench, r->nbench + 1,
			    sizeof(*r->bench));
			memset(&r->bench[j], 0, sizeof(r->bench[j]));
			r->bench[r->nbench++].name = s->benchmark;
		}
		b = &r->bench[j];
		if (!has(b->metrics, b->nmetrics, s->metric)) {
			b->metrics = xrealloc(b->metrics, b->nmetrics + 1,
			    sizeof(*b->metrics));
			b->metrics[b->nmetrics++] = s->metric;
		}
	}
	qsort(r->plat, r->nplat, sizeof(*r->plat), cmp_plat);
	qsort(r->bench, r->nbench, sizeof(*r->bench), cmp_bench);
	/* The primary metric first: the table's, else the first found. */
	for (j = 0; j < r->nbench; j++) {
		b = &r->bench[j];
		for (i = 0; i < NPRIMARY; i++)
			if (strcmp(b->name, primary[i].benchmark) == 0)
				break;
		for (k = 0; i < NPRIMARY && k < b->nmetrics; k++)
			if (strcmp(b->metrics[k], primary[i].metric) == 0) {
				m = b->metrics[k];
				memmove(b->metrics + 1, b->metrics,
				    k * sizeof(*b->metrics));
				b->metrics[0] = m;
				break;
			}
		b->better = results_better(b->name, b->metrics[0],
		    results_unit(r, b->name, b->metrics[0]));
	}
}

/* meta.json only decorates titles: a missing file is normal. */
static void
read_meta(struct results *r, const char *dir)
{
	struct json_object *meta, *benchmarks, *v;
	char *path;
	FILE *fp;
	size_t i;

	if (asprintf(&path, "%s/meta.json", dir) == -1)
		die(EXIT_FAIL, "out of memory");
	if ((fp = fopen(path, "r")) == NULL) {
		if (errno != ENOENT)
			warnsys("%s", path);
		free(path);
		return;
	}
	fclose(fp);
	if ((meta = json_object_from_file(path)) == NULL ||
	    !json_object_is_type(meta, json_type_object)) {
		warnmsg("%s: not a JSON object; titles without parameters",
		    path);
		json_object_put(meta);
		free(path);
		return;
	}
	if (json_object_object_get_ex(meta, "benchmarks", &benchmarks))
		for (i = 0; i < r->nbench; i++)
			if (json_object_object_get_ex(benchmarks,
			    r->bench[i].name, &v) &&
			    json_object_is_type(v, json_type_string) &&
			    *json_object_get_string(v) != '\0')
				r->bench[i].params =
				    xstrdup(json_object_get_string(v));
	json_object_put(meta);
	free(path);
}

/* Reads dir/results.csv and dir/meta.json; dies (exit 1) on bad data. */
void
results_read(struct results *r, const char *dir)
{
	memset(r, 0, sizeof(*r));
	if (asprintf(&r->csv, "%s/results.csv", dir) == -1)
		die(EXIT_FAIL, "out of memory");
	read_csv(r, dir);
	index_series(r);
	read_meta(r, dir);
}

/* Frees what results_read allocated; the names belong to the series. */
void
results_free(struct results *r)
{
	struct series *s;
	size_t i, k;

	for (i = 0; i < r->nseries; i++) {
		s = &r->series[i];
		for (k = 0; k < s->n; k++)
			free(s->obs[k].time);
		free(s->obs);
		free(s->benchmark);
		free(s->metric);
		free(s->unit);
		free(s->platform);
	}
	for (i = 0; i < r->nbench; i++) {
		free(r->bench[i].params);
		free(r->bench[i].metrics);
	}
	free(r->series);
	free(r->bench);
	free(r->plat);
	free(r->csv);
	memset(r, 0, sizeof(*r));
}

void
cell_compute(struct cell *c, const struct series *s)
{
	size_t i, n = 0;

	memset(c, 0, sizeof(*c));
	c->s = s;
	c->values = xrealloc(NULL, s->n ? s->n : 1, sizeof(*c->values));
	c->reps = xrealloc(NULL, s->n ? s->n : 1, sizeof(*c->reps));
	c->outlier = xrealloc(NULL, s->n ? s->n : 1, sizeof(*c->outlier));
	for (i = 0; i < s->n; i++) {
		if (!isfinite(s->obs[i].value)) {
			c->nmissing++;
			continue;
		}
		c->values[n] = s->obs[i].value;
		c->reps[n++] = s->obs[i].rep;
	}
	if (stats_summary(c->values, n, CI_LEVEL, &c->sum) == -1)
		die(EXIT_FAIL, "out of memory");
	c->noutliers = stats_outliers(c->values, n, &c->sum, TUKEY_K,
	    c->outlier);
}

void
cell_free(struct cell *c)
{
	free(c->values);
	free(c->reps);
	free(c->outlier);
}
