/*
 * results.c - read a results directory: results.csv and meta.json.
 *
 * results.csv is tidy CSV, one metric of one measurement per row, its
 * columns in resultsfile.h, which reads and writes the CSV; this file
 * checks what is in the cells. Anything malformed is an error naming
 * its line: a report must never be computed from data that was
 * silently skipped. A value of nan (or inf) is a measurement that
 * failed; it is kept and counted as missing.
 *
 * failures.csv holds the measurements that failed, one row each as
 * vc-suite saw them (see results.h); this file writes its rows and
 * checks them.
 *
 * The order of benchmarks and platforms, each benchmark's primary metric
 * and whether more or less of it is better come from the catalogue
 * (catalog.c). Whether each platform's runs did native's work is
 * work.c's to say, from every row's value and params.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "catalog.h"
#include "merge.h"
#include "msg.h"
#include "parse.h"
#include "results.h"
#include "xalloc.h"

/* Of one record's CSV rows: 24 metrics with params need about 10k. */
#define RECORD_BYTES	65536


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
 * Names become file names (charts, -x), chart labels and CSV cells: a
 * small set of characters that leaves no directory and means nothing
 * to gnuplot, a shell, Markdown or a spreadsheet. Units may also hold
 * "/" and "%" (MiB/s). Returns NULL, or what is wrong.
 */
const char *
results_name_ok(const char *s, int unit)
{
	const char *extra = unit ? "._+-/%" : "._+-";

	if (*s == '\0')
		return unit ? NULL : "empty";
	if (!unit && *s == '.')
		return "starts with a dot";
	/* A spreadsheet reads +x and -x as formulas; -x is an option too. */
	if (*s == '+' || *s == '-')
		return "starts with + or -";
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr(extra, *s) == NULL)
			return unit ? "holds a character outside A-Z a-z 0-9 "
			    "and ._+-/%" : "holds a character outside "
			    "A-Z a-z 0-9 and ._+-";
	return NULL;
}

/*
 * A row's time, as record.c writes it (ISO 8601, 2026-11-27T03:01:00Z):
 * digits first, then only what such a time holds. It is copied into
 * vc-report -x's files, so nothing a spreadsheet would run gets past.
 */
const char *
results_time_ok(const char *s)
{
	if (!isdigit((unsigned char)*s))
		return "is not an ISO 8601 time";
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s) && strchr("-:.TZ+", *s) == NULL)
			return "is not an ISO 8601 time";
	return NULL;
}

/*
 * A platform variant's settings as results.csv's variant column holds
 * them ("disk=raw:net=passt", catalog.h), or "": NULL if it is
 * acceptable, else why not. Not checked against the catalogue, so that
 * a newer vc-suite's file is read; only for what a name may hold.
 */
const char *
results_variant_ok(const char *s)
{
	if (strlen(s) >= COLUMN_MAX)
		return "too long";
	if (*s != '\0' && !isalnum((unsigned char)*s))
		return "starts with other than a letter or digit";
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr("._-=:", *s) == NULL)
			return "holds a character outside A-Z a-z 0-9 and "
			    "._-=:";
	return NULL;
}

/* A column's name, PLATFORM[:VARIANT] (meta.json's keys): NULL if ok. */
static const char *
column_ok(const char *name)
{
	const char *colon = strchr(name, ':'), *why;
	char plat[COLUMN_MAX];

	if (colon == NULL)
		return results_name_ok(name, 0);
	snprintf(plat, sizeof(plat), "%.*s", (int)(colon - name), name);
	if ((why = results_name_ok(plat, 0)) != NULL)
		return why;
	return colon[1] == '\0' ? "ends in ':'" : results_variant_ok(colon + 1);
}

/*
 * Columns (PLATFORM[:VARIANT]) in the catalogue's order of platforms,
 * any other after them by name; a platform's plain column first, then
 * its variants in the order vc-suite ran them (sort_plats).
 */
static int
plat_rank(const char *p)
{
	size_t n = strcspn(p, ":");
	int i = catalog_plat_index(p, n);

	return 2 * (i != -1 ? i : NPLAT) + (p[n] == ':');
}


/* Benchmarks in the catalogue's order; any other after them, by name. */
static int
bench_rank(const char *name)
{
	int i = catalog_bench_index(name, strlen(name));

	return i != -1 ? i : NBENCH;
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

/*
 * A string -> index map (open addressing, FNV-1a), so that finding a
 * series, a unit or a name is O(1): 20,000 series took 37 s when each
 * lookup walked every series. Keys join names with '\n', which no name
 * holds (results_name_ok).
 */
struct strmap {
	char	**keys;
	size_t	 *vals;
	size_t	  n, cap;
};

static uint64_t
str_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static size_t
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i = (size_t)str_hash(key) & (m->cap - 1);

	while (m->keys[i] != NULL && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The value of key, or (size_t)-1. */
static size_t
strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (m == NULL || m->cap == 0)
		return (size_t)-1;
	i = strmap_slot(m, key);
	return m->keys[i] != NULL ? m->vals[i] : (size_t)-1;
}

/* Adds key (copied) -> val unless key is there; returns its value. */
static size_t
strmap_add(struct strmap *m, const char *key, size_t val)
{
	struct strmap old = *m;
	size_t i, j;

	if (2 * (m->n + 1) > m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->keys = xcalloc(m->cap, sizeof(*m->keys));
		m->vals = xcalloc(m->cap, sizeof(*m->vals));
		for (i = 0; i < old.cap; i++)
			if (old.keys[i] != NULL) {
				j = strmap_slot(m, old.keys[i]);
				m->keys[j] = old.keys[i];
				m->vals[j] = old.vals[i];
			}
		free(old.keys);
		free(old.vals);
	}
	i = strmap_slot(m, key);
	if (m->keys[i] == NULL) {
		m->keys[i] = xstrdup(key);
		m->vals[i] = val;
		m->n++;
	}
	return m->vals[i];
}

static struct strmap *
strmap_new(void)
{
	return xcalloc(1, sizeof(struct strmap));
}

static void
strmap_free(struct strmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	free(m);
}

/* "a\nb\nc" (c may be NULL): a key; NULL when a name holds a newline. */
static char *
names_key(const char *a, const char *b, const char *c)
{
	if (strchr(a, '\n') != NULL || strchr(b, '\n') != NULL ||
	    (c != NULL && strchr(c, '\n') != NULL))
		return NULL;
	return c != NULL ? xasprintf("%s\n%s\n%s", a, b, c) :
	    xasprintf("%s\n%s", a, b);
}

const struct series *
results_find(const struct results *r, const char *bench, const char *metric,
    const char *plat)
{
	char *key = names_key(bench, metric, plat);
	size_t i = key != NULL ? strmap_get(r->find, key) : (size_t)-1;

	free(key);
	return i != (size_t)-1 ? &r->series[i] : NULL;
}

/* The unit of a benchmark's metric (the same on every platform). */
const char *
results_unit(const struct results *r, const char *bench, const char *metric)
{
	char *key = names_key(bench, metric, NULL);
	size_t i = key != NULL ? strmap_get(r->units, key) : (size_t)-1;

	free(key);
	return i != (size_t)-1 ? r->series[i].unit : "";
}

/*
 * Whether more is better: from the table for a primary metric, else
 * guessed from the unit (times lower, rates higher), else unknown.
 */
enum better
results_better(const char *bench, const char *metric, const char *unit)
{
	static const char *const times[] = { "s", "ms", "us", "ns" };
	const struct bench_def *b = catalog_bench(bench);
	size_t i;

	if (b != NULL && strcmp(metric, b->primary) == 0)
		return b->better;
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

/* A new series: its unit must be its metric's on other platforms. */
static void
check_unit(struct results *r, const struct series *s)
{
	char *key = names_key(s->benchmark, s->metric, NULL);
	const struct series *first;

	first = &r->series[strmap_add(r->units, key,
	    (size_t)(s - r->series))];
	free(key);
	if (strcmp(first->unit, s->unit) != 0)
		die(EXIT_FAIL, "%s: line %zu: unit '%s' of %s %s differs from "
		    "'%s' on line %zu", r->csv, s->line, s->unit, s->benchmark,
		    s->metric, first->unit, first->line);
}

/*
 * The length of the key=value pair that starts at s: up to the blank
 * before the next key= (a value may hold blanks), or the end.
 */
static size_t
pair_len(const char *s)
{
	const char *p, *k;

	for (p = strchr(s, ' '); p != NULL; p = strchr(p + 1, ' ')) {
		for (k = p + 1; *k != '\0' && (isalnum((unsigned char)*k) ||
		    strchr("._+-", *k) != NULL); k++)
			;
		if (k > p + 1 && *k == '=')
			return (size_t)(p - s);
	}
	return strlen(s);
}

/* Does params hold the pair of n bytes at pair? */
static int
has_pair(const char *params, const char *pair, size_t n)
{
	size_t len;

	for (; *params != '\0'; params += len + (params[len] == ' ')) {
		len = pair_len(params);
		if (len == n && memcmp(params, pair, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Keeps in params the pairs that other has too, in their order: what
 * all the rows of a series, then of a benchmark, share (a version that
 * differs between host and guest, a count that a benchmark adapts to
 * the machine are not the benchmark's parameters).
 */
static void
params_common(char *params, const char *other)
{
	char *in = params, *out = params;
	size_t len;

	while (*in != '\0') {
		len = pair_len(in);
		if (len > 0 && has_pair(other, in, len)) {
			if (out != params)
				*out++ = ' ';
			memmove(out, in, len);
			out += len;
		}
		in += len;
		if (*in == ' ')
			in++;
	}
	*out = '\0';
}

/*
 * The value of key in params (key=value pairs, as a row holds them), its
 * length in *len; NULL when params has no such key.
 */
const char *
results_param(const char *params, const char *key, size_t *len)
{
	size_t n, klen = strlen(key);

	for (; *params != '\0'; params += n + (params[n] == ' ')) {
		n = pair_len(params);
		if (n > klen && strncmp(params, key, klen) == 0 &&
		    params[klen] == '=') {
			*len = n - klen - 1;
			return params + klen + 1;
		}
	}
	return NULL;
}

/* A row's part in the work of its benchmark on its platform. */
static void
add_work(struct results *r, const struct csv_row *row)
{
	struct workcell *wc;
	char *key;
	size_t i = r->lastwork;

	if (i >= r->nwork || strcmp(r->work[i].benchmark, row->benchmark) !=
	    0 || strcmp(r->work[i].platform, row->column) != 0) {
		key = names_key(row->benchmark, row->column, NULL);
		if ((i = strmap_add(r->works, key, r->nwork)) == r->nwork) {
			if (r->nwork == r->workcap) {
				r->workcap = r->workcap ? 2 * r->workcap : 16;
				r->work = xrealloc(r->work, r->workcap,
				    sizeof(*r->work));
			}
			wc = &r->work[r->nwork++];
			memset(wc, 0, sizeof(*wc));
			wc->benchmark = xstrdup(row->benchmark);
			wc->platform = xstrdup(row->column);
			work_init(&wc->w, row->benchmark);
		}
		free(key);
		r->lastwork = i;
	}
	wc = &r->work[i];
	work_metric(&wc->w, row->metric, row->value);
	work_params(&wc->w, row->params);
}

/*
 * Each platform's work against its reference's (native's, results_ref):
 * the notes (work.h).
 */
static void
judge_work(struct results *r)
{
	char note[WORK_NOTE_MAX], ref[COLKEY_MAX], *key;
	struct workcell *wc;
	size_t i, j;

	for (i = 0; i < r->nwork; i++) {
		wc = &r->work[i];
		key = names_key(wc->benchmark, results_ref(r, wc->platform,
		    ref, sizeof(ref)), NULL);
		j = strmap_get(r->works, key);
		free(key);
		wc->kind = work_check(&wc->w, j != (size_t)-1 ?
		    &r->work[j].w : NULL, note, sizeof(note));
		if (wc->kind != WORK_SAME)
			wc->note = xstrdup(note);
	}
}

/*
 * Why the ratio of a benchmark on a platform to native's is refused
 * ("unequal work: ...", or for native itself "degraded: ..."), its kind
 * in *kind if kind is not NULL; NULL when it is not.
 */
const char *
results_work(const struct results *r, const char *bench, const char *plat,
    enum work_kind *kind)
{
	char *key = names_key(bench, plat, NULL);
	size_t i = key != NULL ? strmap_get(r->works, key) : (size_t)-1;

	free(key);
	if (kind != NULL)
		*kind = i != (size_t)-1 ? r->work[i].kind : WORK_SAME;
	return i != (size_t)-1 ? r->work[i].note : NULL;
}

static struct series *
add_series(struct results *r, const struct csv_row *row)
{
	struct series *s;
	char *key;
	size_t i;

	/* Rows come in runs of one series' metrics: try the last ones. */
	if (r->last < r->nseries) {
		s = &r->series[r->last];
		if (strcmp(s->benchmark, row->benchmark) == 0 &&
		    strcmp(s->metric, row->metric) == 0 &&
		    strcmp(s->platform, row->column) == 0)
			return s;
	}
	if (r->find == NULL) {
		r->find = strmap_new();
		r->units = strmap_new();
		r->works = strmap_new();
	}
	key = names_key(row->benchmark, row->metric, row->column);
	if ((i = strmap_add(r->find, key, r->nseries)) == r->nseries) {
		if (r->nseries == r->cap) {
			r->cap = r->cap ? 2 * r->cap : 64;
			r->series = xrealloc(r->series, r->cap,
			    sizeof(*r->series));
		}
		s = &r->series[r->nseries++];
		memset(s, 0, sizeof(*s));
		s->benchmark = xstrdup(row->benchmark);
		s->metric = xstrdup(row->metric);
		s->platform = xstrdup(row->column);
		s->unit = xstrdup(row->unit);
		s->line = row->line;
		check_unit(r, s);
	}
	free(key);
	r->last = i;
	return &r->series[i];
}

static void
add_row(const struct csv_row *row, void *arg)
{
	struct results *r = arg;
	struct series *s;
	struct obs *o;

	s = add_series(r, row);
	add_work(r, row);
	if (strcmp(s->unit, row->unit) != 0)
		die(EXIT_FAIL, "%s: line %zu: unit '%s' of %s %s differs from "
		    "'%s' on line %zu", r->csv, row->line, row->unit,
		    s->benchmark, s->metric, s->unit, s->line);
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->obs = xrealloc(s->obs, s->cap, sizeof(*s->obs));
	}
	if (row->params != NULL && s->params == NULL)
		s->params = xstrdup(row->params);
	else if (row->params != NULL && strcmp(s->params, row->params) != 0)
		params_common(s->params, row->params);
	o = &s->obs[s->n++];
	o->value = row->value;
	o->rep = row->rep;
	o->time = xstrdup(row->time);
	o->line = row->line;
	r->nrows++;
}

static int
cmp_obs_rep(const void *a, const void *b)
{
	const struct obs *x = *(const struct obs *const *)a;
	const struct obs *y = *(const struct obs *const *)b;

	if (x->rep != y->rep)
		return x->rep < y->rep ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * A rep is one measurement: two rows of one series with the same rep
 * are two measurements claiming it (files merged, rows appended by
 * hand). Counting both would bias n and the CI, keeping one would be a
 * guess: refused, naming the earliest line that repeats a rep.
 */
static void
check_duplicates(const struct results *r)
{
	const struct obs **v = NULL, *dup = NULL, *first = NULL;
	const struct series *s, *dups = NULL;
	size_t i, k;

	for (i = 0; i < r->nseries; i++) {
		s = &r->series[i];
		v = xrealloc(v, s->n ? s->n : 1, sizeof(*v));
		for (k = 0; k < s->n; k++)
			v[k] = &s->obs[k];
		qsort(v, s->n, sizeof(*v), cmp_obs_rep);
		for (k = 1; k < s->n; k++)
			if (v[k]->rep == v[k - 1]->rep &&
			    (dup == NULL || v[k]->line < dup->line)) {
				dup = v[k];
				first = v[k - 1];
				dups = s;
			}
	}
	free(v);
	if (dup != NULL)
		die(EXIT_FAIL, "%s: line %zu: %s %s %s rep %lld again (first "
		    "on line %zu)", r->csv, dup->line, dups->platform,
		    dups->benchmark, dups->metric, (long long)dup->rep,
		    first->line);
}

/*
 * A row's params, as vc-suite writes them: the record's parameters as
 * space-separated key=value pairs (the benchmarks' CSV), or empty. They
 * reach titles, charts and cells: one line of text that no spreadsheet
 * runs, short enough to show. Returns NULL, or what is wrong.
 */
const char *
results_params_ok(const char *s)
{
	if (*s != '\0' && strchr("=+-@", *s) != NULL)
		return "starts with = + - or @";
	if (strlen(s) > PARAMS_MAX)
		return "longer than " PARAMS_MAX_TEXT;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return "holds a control character";
	return NULL;
}

/* A row's fields checked and named; dies naming the line. */
static void
check_row(const char *path, const struct csv_in *c, size_t ncols,
    struct csv_row *row)
{
	const char *why;
	size_t f;

	if (c->nfields != ncols)
		die(EXIT_FAIL, "%s: line %zu: %zu fields, expected %zu",
		    path, c->start, c->nfields, ncols);
	for (f = 0; f < R_NCOLS_OLD; f++)
		if (f != R_UNIT && *csv_get(c, f) == '\0')
			die(EXIT_FAIL, "%s: line %zu: empty %s", path,
			    c->start, results_cols[f]);
	for (f = R_PLATFORM; f <= R_UNIT; f++)
		if ((why = results_name_ok(csv_get(c, f), f == R_UNIT)) != NULL)
			die(EXIT_FAIL, "%s: line %zu: %s '%s' %s", path,
			    c->start, results_cols[f], printable(csv_get(c, f)),
			    why);
	if ((why = results_time_ok(csv_get(c, R_TIME))) != NULL)
		die(EXIT_FAIL, "%s: line %zu: time '%s' %s", path, c->start,
		    printable(csv_get(c, R_TIME)), why);
	if ((why = parse_value(csv_get(c, R_VALUE), &row->value)) != NULL)
		die(EXIT_FAIL, "%s: line %zu: value '%s': %s", path,
		    c->start, printable(csv_get(c, R_VALUE)), why);
	if ((why = parse_int(csv_get(c, R_REP), 1, INT64_MAX, &row->rep))
	    != NULL)
		die(EXIT_FAIL, "%s: line %zu: rep '%s': %s", path,
		    c->start, printable(csv_get(c, R_REP)), why);
	if (ncols > R_PARAMS &&
	    (why = results_params_ok(csv_get(c, R_PARAMS))) != NULL)
		die(EXIT_FAIL, "%s: line %zu: params '%s' %s", path, c->start,
		    printable(csv_get(c, R_PARAMS)), why);
	if ((why = results_variant_ok(csv_get(c, R_VARIANT))) != NULL)
		die(EXIT_FAIL, "%s: line %zu: variant '%s' %s", path, c->start,
		    printable(csv_get(c, R_VARIANT)), why);
	row->time = csv_get(c, R_TIME);
	row->host = csv_get(c, R_HOST);
	row->platform = csv_get(c, R_PLATFORM);
	row->benchmark = csv_get(c, R_BENCHMARK);
	row->metric = csv_get(c, R_METRIC);
	row->unit = csv_get(c, R_UNIT);
	row->params = ncols > R_PARAMS ? csv_get(c, R_PARAMS) : NULL;
	row->variant = csv_get(c, R_VARIANT);	/* "" past the last */
	row->line = c->start;
	for (f = 0; f < R_NCOLS; f++)
		row->cell[f] = csv_get(c, f);
}

/*
 * Reads results.csv at path, checks its header and each row, and hands
 * the rows on in file order. Dies (exit 1) naming the line of anything
 * malformed. The one reader of the file: vc-report, vc-plot and
 * vc-suite -r all come through here. A row's column is its platform,
 * or PLATFORM:VARIANT for a variant's. Returns the number of columns:
 * one of results_ncols[], fewer for an older file.
 */
size_t
results_scan(const char *path, void (*fn)(const struct csv_row *, void *),
    void *arg)
{
	struct csv_in c;
	struct csv_row row;
	const char *why;
	char *want, column[2 * COLUMN_MAX];
	size_t ncols = 0, i;
	int rc;

	if (csv_open(&c, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	if ((rc = csv_read(&c, &why)) == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", path, c.start, why);
	if (rc == 0)
		die(EXIT_FAIL, "%s: empty file, no header", path);
	for (i = 0; i < sizeof(results_ncols) / sizeof(*results_ncols) &&
	    ncols == 0; i++)
		if (csv_is_header(&c, results_cols, results_ncols[i]))
			ncols = results_ncols[i];
	if (ncols == 0) {
		want = csv_header_line(results_cols, R_NCOLS);
		want[strlen(want) - 1] = '\0';
		die(EXIT_FAIL, "%s: line 1: header is not %s", path, want);
	}
	for (;;) {
		memset(&row, 0, sizeof(row));
		if ((row.offset = (long long)ftello(c.fp)) == -1)
			diesys(EXIT_FAIL, "%s", path);
		if ((rc = csv_read(&c, &why)) != 1)
			break;
		check_row(path, &c, ncols, &row);
		snprintf(column, sizeof(column), "%s%s%s", row.platform,
		    *row.variant ? ":" : "", row.variant);
		row.column = column;
		fn(&row, arg);
	}
	if (rc == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", path, c.start, why);
	csv_close(&c);
	return ncols;
}

/*
 * A reason as failures.csv and meta.json keep it: one line of at most
 * REASON_MAX bytes, cut at a character boundary with "..." to say so,
 * control characters as blanks, no blanks at the ends. It comes from a
 * runner's output, maybe from inside a VM: untrusted. size must leave
 * room for the "..." and the NUL.
 */
void
reason_clean(char *out, size_t size, const char *in)
{
	size_t n = 0, max = size - 4 < REASON_MAX ? size - 4 : REASON_MAX;

	while (*in == ' ' || ((unsigned char)*in < 0x20 && *in != '\0') ||
	    *in == 0x7f)
		in++;
	for (; *in != '\0' && n < max; in++)
		out[n++] = (unsigned char)*in < 0x20 || *in == 0x7f ? ' ' : *in;
	/* Cut in a UTF-8 sequence: drop its first bytes too. */
	if (((unsigned char)*in & 0xc0) == 0x80) {
		while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && (unsigned char)out[n - 1] >= 0xc0)
			n--;
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	if (n == 0) {
		strcpy(out, "no message");
		return;
	}
	strcpy(out + n, *in != '\0' ? "..." : "");
	/*
	 * A spreadsheet runs a cell that starts with = + - or @: a quote
	 * in front makes it text (the usual guard). The last byte goes if
	 * there is no room; the text was cut anyway.
	 */
	if (strchr("=+-@", out[0]) != NULL) {
		n = strlen(out) + 1 < size ? strlen(out) + 1 : size - 1;
		memmove(out + 1, out, n - 1);
		out[0] = '\'';
		out[n] = '\0';
	}
}

/*
 * Appends one record (rows that belong together) to fd, opened with
 * O_APPEND, then fsync: all of it lands, or none. A short write (a full
 * disk) is followed by one more to learn why; on failure the file is
 * cut back to where it ended before, its last whole record, and the
 * program dies saying so. path is for the message.
 */
void
results_append(int fd, const char *path, const char *buf, size_t len)
{
	off_t end;
	ssize_t n = 0;
	size_t done = 0;
	int err;

	if ((end = lseek(fd, 0, SEEK_END)) == -1)
		diesys(EXIT_FAIL, "%s", path);
	while (done < len) {
		if ((n = write(fd, buf + done, len - done)) == -1 &&
		    errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done == len && fsync(fd) == 0)
		return;
	err = done < len && n == 0 ? ENOSPC : errno;
	if (ftruncate(fd, end) == -1 || fsync(fd) == -1)
		die(EXIT_FAIL, "%s: cannot write a record: %s; nor cut the "
		    "part written: %s", path, strerror(err), strerror(errno));
	die(EXIT_FAIL, "%s: cannot write a record: %s; cut back to the last "
	    "whole record", path, strerror(err));
}

/*
 * Opens DIR/failures.csv to append to, with its header if it is new. A
 * partial last line (a crash in mid-write) is cut off first.
 */
int
failures_open(const char *dir, size_t *ncols)
{
	struct stat st;
	char *path, *head, *form, ch, got[160];
	size_t len, i;
	off_t end;
	ssize_t n;
	int fd;

	head = csv_header_line(failures_cols, X_NCOLS);
	if ((len = strlen(head)) > sizeof(got))
		die(EXIT_FAIL, "failures.csv: header too long");
	path = xasprintf("%s/%s", dir, FAILURES_CSV);
	if ((fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC,
	    0644)) == -1 || fstat(fd, &st) == -1)
		diesys(EXIT_FAIL, "%s", path);
	/* Ours (or our header cut short) before anything in it is cut. */
	if ((n = pread(fd, got, len, 0)) == -1)
		diesys(EXIT_FAIL, "%s", path);
	*ncols = 0;
	for (i = 0; i < sizeof(failures_ncols) / sizeof(*failures_ncols) &&
	    *ncols == 0; i++) {
		/* An older vc-suite's, resumed: its form kept. */
		form = csv_header_line(failures_cols, failures_ncols[i]);
		if ((size_t)n >= strlen(form) &&
		    memcmp(got, form, strlen(form)) == 0)
			*ncols = failures_ncols[i];
		free(form);
	}
	if (*ncols == 0 && memcmp(got, head, (size_t)n) != 0)
		die(EXIT_FAIL, "%s: not a vc-suite failures file", path);
	if (*ncols == 0)
		*ncols = X_NCOLS;
	for (end = st.st_size; end > 0; end--) {
		if (pread(fd, &ch, 1, end - 1) != 1)
			diesys(EXIT_FAIL, "%s", path);
		if (ch == '\n')
			break;
	}
	if (end != st.st_size) {
		warnmsg("%s: dropping a partial last line", path);
		if (ftruncate(fd, end) == -1)
			diesys(EXIT_FAIL, "%s", path);
	}
	if (end == 0)
		results_append(fd, path, head, len);
	free(head);
	free(path);
	return fd;
}

/*
 * One failed measurement, in one write followed by fsync, as vc-suite
 * appends results.csv: on disk before the next run starts. The names
 * are the suite's own, host its gethostname(); the reason is cleaned
 * and quoted. ncols: failures_open's, an older file's form kept.
 */
void
failures_append(int fd, size_t ncols, const char *host, const char *plat,
    const char *variant, const char *bench, int64_t rep, int status,
    const char *reason)
{
	struct csv_out w = { NULL, NULL, 0, 0, 0, 0 };
	char clean[REASON_MAX + 4], stamp[32], num[32];
	time_t now = time(NULL);

	reason_clean(clean, sizeof(clean), reason);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	csv_field(&w, stamp);
	csv_text(&w, ",");
	csv_field(&w, plat);
	csv_text(&w, ",");
	csv_field(&w, bench);
	snprintf(num, sizeof(num), ",%lld,%d,", (long long)rep, status);
	csv_text(&w, num);
	csv_quoted(&w, clean);
	if (ncols > X_VARIANT) {
		csv_text(&w, ",");
		csv_field(&w, variant);
	}
	if (ncols > X_HOST) {
		csv_text(&w, ",");
		csv_field(&w, host);
	}
	csv_text(&w, "\n");
	results_append(fd, FAILURES_CSV, w.p, w.len);
	free(w.p);
}

/* A row of failures.csv's fields checked; dies naming the line. */
static void
check_failure(const char *path, const struct csv_in *c, size_t ncols,
    struct failure_row *f)
{
	const char *why, *p;
	int64_t status;
	size_t i;

	if (c->nfields != ncols)
		die(EXIT_FAIL, "%s: line %zu: %zu fields, expected %zu", path,
		    c->start, c->nfields, ncols);
	if (*csv_get(c, X_TIME) == '\0')
		die(EXIT_FAIL, "%s: line %zu: empty time", path, c->start);
	for (i = X_PLATFORM; i <= X_BENCHMARK; i++)
		if ((why = results_name_ok(csv_get(c, i), 0)) != NULL)
			die(EXIT_FAIL, "%s: line %zu: %s '%s' %s", path,
			    c->start, failures_cols[i],
			    printable(csv_get(c, i)), why);
	if ((why = parse_int(csv_get(c, X_REP), 1, INT64_MAX, &f->rep))
	    != NULL)
		die(EXIT_FAIL, "%s: line %zu: rep '%s': %s", path, c->start,
		    printable(csv_get(c, X_REP)), why);
	if ((why = parse_int(csv_get(c, X_STATUS), 0, 255, &status)) != NULL)
		die(EXIT_FAIL, "%s: line %zu: status '%s': %s", path,
		    c->start, printable(csv_get(c, X_STATUS)), why);
	p = csv_get(c, X_REASON);
	if (*p == '\0' || strlen(p) > REASON_MAX + 3)
		die(EXIT_FAIL, "%s: line %zu: reason empty or longer than %d "
		    "bytes", path, c->start, REASON_MAX);
	for (; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			die(EXIT_FAIL, "%s: line %zu: control character in "
			    "the reason", path, c->start);
	if ((why = results_variant_ok(csv_get(c, X_VARIANT))) != NULL)
		die(EXIT_FAIL, "%s: line %zu: variant '%s' %s", path, c->start,
		    printable(csv_get(c, X_VARIANT)), why);
	if ((why = results_params_ok(csv_get(c, X_HOST))) != NULL)
		die(EXIT_FAIL, "%s: line %zu: host '%s' %s", path, c->start,
		    printable(csv_get(c, X_HOST)), why);
	for (i = 0; i < X_NCOLS; i++)
		f->field[i] = csv_get(c, i);	/* "" past the last */
	/* As reason_clean writes it: a file from elsewhere may not. */
	p = csv_get(c, X_REASON);
	snprintf(f->reason, sizeof(f->reason), "%s%s",
	    strchr("=+-@", *p) != NULL ? "'" : "", p);
	f->field[X_REASON] = f->reason;
	f->status = (int)status;
	f->line = c->start;
}

/*
 * Reads failures.csv at path, checks its header (one of
 * failures_ncols[]) and each row, and hands the rows on in file order,
 * as results_scan does results.csv's. Returns the number of columns, or
 * 0 if there is no such file (nothing failed, or an older run).
 */
size_t
failures_scan(const char *path,
    void (*fn)(const struct failure_row *, void *), void *arg)
{
	struct failure_row f;
	struct csv_in c;
	const char *why;
	char *want;
	size_t ncols = 0, i;
	int rc;

	if (csv_open(&c, path) == -1) {
		if (errno != ENOENT)
			diesys(EXIT_FAIL, "%s", path);
		return 0;
	}
	if ((rc = csv_read(&c, &why)) == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", path, c.start, why);
	for (i = 0; rc == 1 && i < sizeof(failures_ncols) /
	    sizeof(*failures_ncols) && ncols == 0; i++)
		if (csv_is_header(&c, failures_cols, failures_ncols[i]))
			ncols = failures_ncols[i];
	if (ncols == 0) {
		want = csv_header_line(failures_cols, X_NCOLS);
		want[strlen(want) - 1] = '\0';
		die(EXIT_FAIL, "%s: line 1: header is not %s", path, want);
	}
	while ((rc = csv_read(&c, &why)) == 1) {
		memset(&f, 0, sizeof(f));
		check_failure(path, &c, ncols, &f);
		fn(&f, arg);
	}
	if (rc == -1)
		die(EXIT_FAIL, "%s: line %zu: %s", path, c.start, why);
	csv_close(&c);
	return ncols;
}

static void
add_failure(const struct failure_row *row, void *arg)
{
	struct results *r = arg;
	struct failure *f;

	r->fail = xrealloc(r->fail, r->nfail + 1, sizeof(*r->fail));
	f = &r->fail[r->nfail++];
	f->time = xstrdup(row->field[X_TIME]);
	f->platform = *row->field[X_VARIANT] != '\0' ? xasprintf("%s:%s",
	    row->field[X_PLATFORM], row->field[X_VARIANT]) :
	    xstrdup(row->field[X_PLATFORM]);
	f->benchmark = xstrdup(row->field[X_BENCHMARK]);
	f->rep = row->rep;
	f->status = row->status;
	f->reason = xstrdup(row->reason);
	f->host = xstrdup(row->field[X_HOST]);
}

static void
free_failure(struct failure *f)
{
	free(f->time);
	free(f->platform);
	free(f->benchmark);
	free(f->reason);
	free(f->host);
}

/*
 * Which failures still stand: not measured after all (a later try, -r)
 * nor failed again later. Marks the others in gone[]; one pass over
 * the rows and one over the failures, backwards, through a map.
 */
static void
superseded(const struct results *r, char *gone)
{
	struct strmap *seen = strmap_new();
	const struct series *s;
	const struct failure *f;
	char *key;
	size_t i, j;

	for (i = 0; i < r->nseries; i++) {
		s = &r->series[i];
		for (j = 0; j < s->n; j++) {
			key = xasprintf("%s\n%s\n%lld", s->platform,
			    s->benchmark, (long long)s->obs[j].rep);
			strmap_add(seen, key, 0);
			free(key);
		}
	}
	for (i = r->nfail; i-- > 0;) {
		f = &r->fail[i];
		key = xasprintf("%s\n%s\n%lld", f->platform, f->benchmark,
		    (long long)f->rep);
		gone[i] = strmap_get(seen, key) != (size_t)-1;
		strmap_add(seen, key, 0);
		free(key);
	}
	strmap_free(seen);
}

static void	drop_superseded(struct results *);

/* failures.csv: missing is normal (nothing failed, or an older run). */
static void
read_failures(struct results *r, const char *dir)
{
	char *path;

	path = xasprintf("%s/%s", dir, FAILURES_CSV);
	failures_scan(path, add_failure, r);
	free(path);
	drop_superseded(r);
}

/* Keeps the failures that still stand, once per rep, in order. */
static void
drop_superseded(struct results *r)
{
	char *gone;
	size_t i, k;

	gone = xcalloc(r->nfail ? r->nfail : 1, 1);
	if (r->nfail > 0)
		superseded(r, gone);
	for (i = 0, k = 0; i < r->nfail; i++) {
		if (gone[i]) {
			free_failure(&r->fail[i]);
			continue;
		}
		r->fail[k++] = r->fail[i];
	}
	r->nfail = k;
	free(gone);
}

/* Why a platform was skipped, or NULL. */
const char *
results_skipped(const struct results *r, const char *plat)
{
	size_t i;

	for (i = 0; i < r->nskip; i++)
		if (strcmp(r->skip[i].platform, plat) == 0)
			return r->skip[i].reason;
	return NULL;
}

/* A platform's envelope line, or NULL. */
const char *
results_envelope(const struct results *r, const char *plat)
{
	size_t i;

	for (i = 0; i < r->nenv; i++)
		if (strcmp(r->env[i].platform, plat) == 0)
			return r->env[i].line;
	return NULL;
}

/* How many reps of a benchmark failed on a platform; *first the first. */
size_t
results_failed(const struct results *r, const char *bench, const char *plat,
    const struct failure **first)
{
	size_t i, n = 0;

	if (first != NULL)
		*first = NULL;
	for (i = 0; i < r->nfail; i++) {
		if (strcmp(r->fail[i].benchmark, bench) != 0 ||
		    strcmp(r->fail[i].platform, plat) != 0)
			continue;
		if (n++ == 0 && first != NULL)
			*first = &r->fail[i];
	}
	return n;
}

/* Adds name to list unless seen has it: sets kept in first-seen order. */
static void
add_plat(struct results *r, struct strmap *seen, char *name)
{
	if (strmap_add(seen, name, r->nplat) == r->nplat) {
		r->plat = xrealloc(r->plat, r->nplat + 1, sizeof(*r->plat));
		r->plat[r->nplat++] = name;
	}
}

/* The index of benchmark name in r->bench, added if new. */
static size_t
add_bench(struct results *r, struct strmap *seen, char *name)
{
	size_t j = strmap_add(seen, name, r->nbench);

	if (j == r->nbench) {
		r->bench = xrealloc(r->bench, r->nbench + 1,
		    sizeof(*r->bench));
		memset(&r->bench[j], 0, sizeof(r->bench[j]));
		r->bench[r->nbench++].name = name;
	}
	return j;
}

static int
cmp_plat(const struct results *r, const char *xcol, const char *ycol)
{
	const struct strmap *order = r->order;
	const char *x, *y;
	size_t hx = results_host(r, xcol, &x), hy = results_host(r, ycol, &y);
	int rx = plat_rank(x), ry = plat_rank(y);
	size_t nx = strcspn(x, ":"), ny = strcspn(y, ":"), ix, iy;

	/* Hosts in their order, each host's columns together. */
	if (hx != hy)
		return hx < hy ? -1 : 1;
	if (rx != ry)
		return rx - ry;
	if (nx != ny || strncmp(x, y, nx) != 0)
		return strcmp(x, y);
	ix = order != NULL ? strmap_get(order, xcol) : (size_t)-1;
	iy = order != NULL ? strmap_get(order, ycol) : (size_t)-1;
	if (ix != (size_t)-1 && iy != (size_t)-1)
		return ix < iy ? -1 : ix > iy;
	return 0;
}

/*
 * r->plat sorted by cmp_plat: the variants of a platform in the order of
 * meta.json's columns (vc-suite's: the order given to -p), else as they
 * came. Stable: an insertion sort (a few dozen).
 */
static void
sort_plats(struct results *r)
{
	size_t i, j;
	char *t;

	for (i = 1; i < r->nplat; i++) {
		t = r->plat[i];
		for (j = i; j > 0 && cmp_plat(r, r->plat[j - 1], t) > 0;
		    j--)
			r->plat[j] = r->plat[j - 1];
		r->plat[j] = t;
	}
}

/* The order of the columns vc-suite ran, from meta.json's columns. */
static void
read_order(struct results *r, struct json_object *meta, const char *host)
{
	struct json_object *cols, *c, *name;
	char key[COLKEY_MAX];
	size_t i, n;

	if (!json_object_object_get_ex(meta, "columns", &cols) ||
	    !json_object_is_type(cols, json_type_array))
		return;
	if (r->order == NULL)
		r->order = strmap_new();
	n = json_object_array_length(cols);
	for (i = 0; i < n; i++) {
		c = json_object_array_get_idx(cols, i);
		if (json_object_is_type(c, json_type_object) &&
		    json_object_object_get_ex(c, "name", &name) &&
		    json_object_is_type(name, json_type_string) &&
		    column_ok(json_object_get_string(name)) == NULL) {
			snprintf(key, sizeof(key), "%s%s%s", host != NULL ?
			    host : "", host != NULL ? "/" : "",
			    json_object_get_string(name));
			strmap_add(r->order, key, i);
		}
	}
}

/*
 * The benchmarks, their metrics (primary first) and the platforms:
 * each name looked up in a map, so this is linear in the series.
 */
static void
index_series(struct results *r)
{
	struct strmap *plats = strmap_new(), *benchs = strmap_new();
	struct strmap *metrics = strmap_new();
	const struct bench_def *def;
	struct bench *b;
	char *m, *key;
	size_t i, j, k;

	for (i = 0; i < r->nseries; i++) {
		const struct series *s = &r->series[i];

		add_plat(r, plats, s->platform);
		j = add_bench(r, benchs, s->benchmark);
		b = &r->bench[j];
		key = names_key(s->benchmark, s->metric, NULL);
		if (strmap_add(metrics, key, i) == i) {
			b->metrics = xrealloc(b->metrics, b->nmetrics + 1,
			    sizeof(*b->metrics));
			b->metrics[b->nmetrics++] = s->metric;
		}
		free(key);
	}
	/* A cell that only failed, a platform that was skipped: rows too. */
	for (i = 0; i < r->nfail; i++) {
		const struct failure *f = &r->fail[i];

		add_plat(r, plats, f->platform);
		if ((j = add_bench(r, benchs, f->benchmark)) + 1 < r->nbench ||
		    r->bench[j].nmetrics > 0)
			continue;
		b = &r->bench[j];
		b->metrics = xcalloc(1, sizeof(*b->metrics));
		b->nmetrics = 1;
		def = catalog_bench(f->benchmark);
		b->metrics[0] = (char *)(def != NULL ? def->primary :
		    "result");
	}
	for (i = 0; i < r->nskip; i++)
		add_plat(r, plats, r->skip[i].platform);
	strmap_free(plats);
	strmap_free(benchs);
	strmap_free(metrics);
	sort_plats(r);
	qsort(r->bench, r->nbench, sizeof(*r->bench), cmp_bench);
	/* The primary metric first: the catalogue's, else the first found. */
	for (j = 0; j < r->nbench; j++) {
		b = &r->bench[j];
		def = catalog_bench(b->name);
		for (k = 0; def != NULL && k < b->nmetrics; k++)
			if (strcmp(b->metrics[k], def->primary) == 0) {
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

/* Each benchmark's params: the pairs all its series share. */
static void
bench_params(struct results *r)
{
	struct strmap *index = strmap_new();
	const struct series *s;
	struct bench *b;
	size_t i;

	for (i = 0; i < r->nbench; i++)
		strmap_add(index, r->bench[i].name, i);
	for (i = 0; i < r->nseries; i++) {
		s = &r->series[i];
		b = &r->bench[strmap_get(index, s->benchmark)];
		if (b->params == NULL)
			b->params = xstrdup(s->params);
		else
			params_common(b->params, s->params);
	}
	for (i = 0; i < r->nbench; i++)
		if (r->bench[i].params != NULL && *r->bench[i].params == '\0') {
			free(r->bench[i].params);
			r->bench[i].params = NULL;
		}
	strmap_free(index);
}

/* The platforms vc-suite skipped, and why, from meta.json. */
static void
read_skips(struct results *r, struct json_object *meta)
{
	struct json_object *plats, *why;
	char clean[REASON_MAX + 4];
	struct skip *sk;

	if (!json_object_object_get_ex(meta, "platforms", &plats) ||
	    !json_object_is_type(plats, json_type_object))
		return;
	json_object_object_foreach(plats, name, pl) {
		if (!json_object_is_type(pl, json_type_object) ||
		    !json_object_object_get_ex(pl, "skipped", &why) ||
		    !json_object_is_type(why, json_type_string))
			continue;
		if (column_ok(name) != NULL) {
			warnmsg("meta.json: skipped platform '%s': name %s; "
			    "left out", printable(name), column_ok(name));
			continue;
		}
		reason_clean(clean, sizeof(clean), json_object_get_string(why));
		r->skip = xrealloc(r->skip, r->nskip + 1, sizeof(*r->skip));
		sk = &r->skip[r->nskip++];
		sk->platform = xstrdup(name);
		sk->reason = xstrdup(clean);
	}
}

/*
 * Text from meta.json, untrusted, into buf: cut short (not in a UTF-8
 * sequence) and control characters blanked, as a reason is.
 */
static const char *
clean_text(const char *s, char *buf, size_t size)
{
	size_t i;

	for (i = 0; s[i] != '\0' && i < size - 4; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' :
		    s[i];
	if (s[i] != '\0')
		while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
			i--;
	strcpy(buf + i, s[i] != '\0' ? "..." : "");
	return buf;
}

/*
 * An envelope's value as text, into buf (clean_text); "unknown" when it
 * has none. Bytes in MiB if mib and the value is a number.
 */
static const char *
env_text(struct json_object *env, const char *key, int mib, char *buf,
    size_t size)
{
	struct json_object *v;

	if (!json_object_object_get_ex(env, key, &v) ||
	    (!json_object_is_type(v, json_type_string) &&
	    !json_object_is_type(v, json_type_int)))
		return "unknown";
	if (mib && json_object_is_type(v, json_type_int)) {
		snprintf(buf, size, "%.0f MiB",
		    (double)json_object_get_int64(v) / (1 << 20));
		return buf;
	}
	return clean_text(json_object_get_string(v), buf, size);
}

/*
 * The line of an envelope (vc-envelope's keys): the CPUs (and those
 * online when they differ), memory, the rlimits soft/hard, pid_max and
 * threads_max, the cgroup's limits (cpu.max as quota/period) and the
 * kernel.
 */
static char *
envelope_line(struct json_object *env)
{
	char b[13][48], both[112], *sp;
	const char *cpus, *online, *cpu;

	cpus = env_text(env, "cpus_usable", 0, b[0], sizeof(b[0]));
	online = env_text(env, "cpus_online", 0, b[1], sizeof(b[1]));
	if (strcmp(cpus, online) != 0) {
		snprintf(both, sizeof(both), "%s of %s online", cpus, online);
		cpus = both;
	}
	cpu = env_text(env, "cgroup_cpu_max", 0, b[2], sizeof(b[2]));
	if (strncmp(cpu, "max", 3) == 0)
		cpu = "max";
	else if (cpu == b[2] && (sp = strchr(b[2], ' ')) != NULL)
		*sp = '/';
	return xasprintf("cpus %s, memory %s, nofile %s/%s, nproc %s/%s, "
	    "pid_max %s, threads_max %s, cgroup pids %s, memory %s, cpu %s, "
	    "kernel %s", cpus,
	    env_text(env, "memory_total", 1, b[3], sizeof(b[3])),
	    env_text(env, "nofile_soft", 0, b[4], sizeof(b[4])),
	    env_text(env, "nofile_hard", 0, b[5], sizeof(b[5])),
	    env_text(env, "nproc_soft", 0, b[6], sizeof(b[6])),
	    env_text(env, "nproc_hard", 0, b[7], sizeof(b[7])),
	    env_text(env, "pid_max", 0, b[8], sizeof(b[8])),
	    env_text(env, "threads_max", 0, b[12], sizeof(b[12])),
	    env_text(env, "cgroup_pids_max", 0, b[9], sizeof(b[9])),
	    env_text(env, "cgroup_memory_max", 1, b[10], sizeof(b[10])),
	    cpu, env_text(env, "kernel", 0, b[11], sizeof(b[11])));
}

/*
 * The envelope of each platform that has one in meta.json (an older
 * vc-suite's has none).
 */
static void
read_envelopes(struct results *r, struct json_object *meta)
{
	struct json_object *plats, *env;
	struct envelope *e;

	if (!json_object_object_get_ex(meta, "platforms", &plats) ||
	    !json_object_is_type(plats, json_type_object))
		return;
	json_object_object_foreach(plats, name, pl) {
		if (!json_object_is_type(pl, json_type_object) ||
		    !json_object_object_get_ex(pl, "envelope", &env) ||
		    !json_object_is_type(env, json_type_object) ||
		    column_ok(name) != NULL)
			continue;
		r->env = xrealloc(r->env, r->nenv + 1, sizeof(*r->env));
		e = &r->env[r->nenv++];
		e->platform = xstrdup(name);
		e->line = envelope_line(env);
	}
}

/* A number of a conditions entry, or NAN. */
static double
cond_num(struct json_object *c, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(c, key, &v) ||
	    (!json_object_is_type(v, json_type_double) &&
	    !json_object_is_type(v, json_type_int)))
		return NAN;
	return json_object_get_double(v);
}

/*
 * The line of one session's conditions: when it started and how long it
 * took, then the reasons it looked noisy, or the figures that say it
 * looked quiet.
 */
static char *
condition_line(struct json_object *c, int *noisy)
{
	struct json_object *v, *why;
	char when[48], reason[REASON_MAX], *line, *more;
	size_t i, k, n;

	*noisy = json_object_object_get_ex(c, "noisy", &v) &&
	    json_object_get_boolean(v);
	line = xasprintf("%s, %.0f s: ",
	    env_text(c, "started", 0, when, sizeof(when)),
	    cond_num(c, "seconds"));
	if (*noisy && json_object_object_get_ex(c, "why", &why) &&
	    json_object_is_type(why, json_type_array) &&
	    (n = json_object_array_length(why)) > 0) {
		for (i = k = 0; i < n && k < 4; i++) {
			v = json_object_array_get_idx(why, i);
			if (!json_object_is_type(v, json_type_string))
				continue;
			more = xasprintf("%s%s%s", line, k++ ? "; " : "noisy: ",
			    clean_text(json_object_get_string(v), reason,
			    sizeof(reason)));
			free(line);
			line = more;
		}
		if (k > 0)
			return line;
	}
	more = xasprintf("%s%s: steal %.1f%%, other programs %.0f%% of the "
	    "CPUs before and %.0f%% after, CPU clock %.0f-%.0f MHz", line,
	    *noisy ? "noisy" : "quiet", cond_num(c, "steal_percent"),
	    cond_num(c, "others_before_percent"),
	    cond_num(c, "others_after_percent"), cond_num(c, "mhz_min"),
	    cond_num(c, "mhz_max"));
	free(line);
	return more;
}

/* The conditions of each vc-suite session (an older meta.json: none). */
static void
read_conditions(struct results *r, struct json_object *meta)
{
	struct json_object *a, *c;
	struct condition *k;
	size_t i, n;

	if (!json_object_object_get_ex(meta, "sessions", &a) ||
	    !json_object_is_type(a, json_type_array))
		return;
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		c = json_object_array_get_idx(a, i);
		if (!json_object_is_type(c, json_type_object))
			continue;
		r->cond = xrealloc(r->cond, r->ncond + 1, sizeof(*r->cond));
		k = &r->cond[r->ncond++];
		k->line = condition_line(c, &k->noisy);
	}
}

/*
 * A JSON file as the tools read meta.json: a regular file only (a FIFO
 * or /dev/zero would hang the reader or fill memory), of at most
 * META_MAX bytes. NULL with *why set; errno is ENOENT only when there
 * is no such file.
 */
struct json_object *
results_json_file(const char *path, const char **why)
{
	struct json_object *j = NULL;
	struct stat st;
	char *buf = NULL;
	ssize_t n;
	int fd;

	*why = NULL;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		n = errno;
		*why = strerror((int)n);
		errno = (int)n;
		return NULL;
	}
	if (fstat(fd, &st) == -1)
		*why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		*why = "not a regular file";
	else if (st.st_size > META_MAX)
		*why = "larger than " META_MAX_TEXT;
	else {
		buf = xmalloc((size_t)st.st_size + 1);
		if ((n = pread(fd, buf, (size_t)st.st_size, 0)) !=
		    st.st_size)
			*why = n == -1 ? strerror(errno) : "changed in reading";
		else {
			buf[n] = '\0';
			if ((j = json_tokener_parse(buf)) == NULL)
				*why = "not JSON";
		}
	}
	close(fd);
	free(buf);
	errno = 0;	/* ENOENT says "missing" only when open failed */
	return j;
}

/*
 * meta.json says which platforms were skipped (and, for an older
 * results.csv, the benchmarks' parameters): a missing file is normal.
 * NULL when there is none to use, *bad then the message to give (what
 * goes without it is known only once results.csv is read: meta_warn).
 */
static struct json_object *
load_meta(const char *dir, char **bad)
{
	struct json_object *meta;
	const char *why;
	char *path;

	*bad = NULL;
	path = xasprintf("%s/meta.json", dir);
	if ((meta = results_json_file(path, &why)) == NULL &&
	    errno == ENOENT) {
		free(path);
		return NULL;
	}
	if (meta != NULL && !json_object_is_type(meta, json_type_object))
		why = "not a JSON object";
	if (why != NULL) {
		*bad = xasprintf("%s: %s", path, why);
		json_object_put(meta);
		meta = NULL;
	}
	free(path);
	return meta;
}

static void
meta_warn(char *bad, size_t ncols)
{
	if (bad != NULL)
		warnmsg("%s; %s", bad, ncols > R_PARAMS ? "no skipped "
		    "platforms shown" : "titles without parameters");
	free(bad);
}

/* An older results.csv, without params: meta.json's arguments, then. */
static void
read_params(struct results *r, struct json_object *meta)
{
	struct json_object *benchmarks, *v;
	size_t i;

	if (json_object_object_get_ex(meta, "benchmarks", &benchmarks))
		for (i = 0; i < r->nbench; i++)
			if (json_object_object_get_ex(benchmarks,
			    r->bench[i].name, &v) &&
			    json_object_is_type(v, json_type_string) &&
			    *json_object_get_string(v) != '\0')
				r->bench[i].params =
				    xstrdup(json_object_get_string(v));
}

/*
 * -R's argument, for vc-report and vc-plot: NAME or NAME@DIR, which of
 * the hosts results_read_hosts finds; anything else is bad usage.
 */
const char *
results_ref_arg(const char *arg)
{
	if (*arg == '\0' || strchr(arg, '/') != NULL)
		usage_error("-R '%s': not a host's name", arg);
	return arg;
}

/*
 * A host's name as the fleet format has it: [A-Za-z0-9][A-Za-z0-9._-]*,
 * at most HOST_MAX bytes. NULL if it is one, else why not.
 */
const char *
results_host_ok(const char *s)
{
	if (strlen(s) > HOST_MAX)
		return "longer than 64 bytes";
	if (!isalnum((unsigned char)*s))
		return "does not start with a letter or digit";
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && strchr("._-", *s) == NULL)
			return "holds a character outside A-Z a-z 0-9 and ._-";
	return NULL;
}

/*
 * The host of a column (HOST/COLUMN, with two hosts or more): its index
 * in r->hosts, the column without it in *rest; with one host (size_t)-1
 * and the whole column.
 */
size_t
results_host(const struct results *r, const char *col, const char **rest)
{
	const char *slash;
	size_t i, n;

	*rest = col;
	if (r->nhosts < 2 || (slash = strchr(col, '/')) == NULL)
		return (size_t)-1;
	n = (size_t)(slash - col);
	for (i = 0; i < r->nhosts; i++)
		if (strlen(r->hosts[i].name) == n &&
		    strncmp(r->hosts[i].name, col, n) == 0) {
			*rest = slash + 1;
			return i;
		}
	return (size_t)-1;
}

/*
 * The column a column's ratio is to, in buf: native; with hosts, its
 * host's native (HOST/native), or with -R the reference host's same
 * column (REF/qemu for HOST/qemu).
 */
const char *
results_ref(const struct results *r, const char *col, char *buf, size_t size)
{
	const char *rest;
	size_t h = results_host(r, col, &rest);

	if (h == (size_t)-1)
		return "native";
	if (r->ref != NULL)
		snprintf(buf, size, "%s/%s", r->ref, rest);
	else
		snprintf(buf, size, "%s/native", r->hosts[h].name);
	return buf;
}

/*
 * A host as the reports list it: "NAME: STATUS: REASON; MACHINE", the
 * parts it has.
 */
char *
results_host_line(const struct host *h)
{
	return xasprintf("%s%s%s%s%s%s%s", h->name,
	    h->status != NULL ? ": " : "", h->status != NULL ? h->status : "",
	    h->reason != NULL ? ": " : "", h->reason != NULL ? h->reason : "",
	    h->machine != NULL ? "; " : "", h->machine != NULL ? h->machine :
	    "");
}

/*
 * One directory given to the tools: a vc-suite results directory (one
 * host) or a fleet directory (hosts/NAME/, meta.json's kind "fleet").
 */
struct rdir {
	const char		*path;
	struct json_object	*meta;
	char			*bad;		/* meta.json's trouble */
	int			 fleet;
	size_t			 first, n;	/* its hosts in r->hosts */
	size_t			 ncols;
};

/* What a host's rows, failures and meta.json are read from. */
struct hsrc {
	size_t			 dir;
	char			*given;		/* the name its rows hold */
	struct json_object	*meta;		/* its vc-suite meta.json */
	char			*fdir;		/* its failures.csv's, or NULL */
};

struct reader {
	struct results	*r;
	struct rdir	*d;
	struct hsrc	*src;
	size_t		 ndirs, cap;
};

static void
add_host(struct reader *rd, size_t dir, const char *given)
{
	struct results *r = rd->r;
	struct hsrc *h;

	if (r->nhosts == rd->cap) {
		rd->cap = rd->cap ? 2 * rd->cap : 8;
		r->hosts = xrealloc(r->hosts, rd->cap, sizeof(*r->hosts));
		rd->src = xrealloc(rd->src, rd->cap, sizeof(*rd->src));
	}
	memset(&r->hosts[r->nhosts], 0, sizeof(r->hosts[0]));
	h = &rd->src[r->nhosts++];
	memset(h, 0, sizeof(*h));
	h->dir = dir;
	h->given = xstrdup(given);
	rd->d[dir].n++;
}

/* The host of a row of directory dir: its index in r->hosts. */
static size_t
row_host(const struct reader *rd, size_t dir, const char *given)
{
	const struct rdir *d = &rd->d[dir];
	size_t i;

	if (!d->fleet)
		return d->first;
	for (i = d->first; i < d->first + d->n; i++)
		if (strcmp(rd->src[i].given, given) == 0)
			return i;
	return (size_t)-1;
}

struct prescan {
	struct reader	*rd;
	size_t		 dir;
	const char	*csv;
};

/* The hosts of a directory's rows: a fleet's that meta.json lacks. */
static void
scan_host(const struct csv_row *row, void *arg)
{
	struct prescan *ps = arg;
	const struct rdir *d = &ps->rd->d[ps->dir];
	const char *why;

	if (d->fleet ? row_host(ps->rd, ps->dir, row->host) != (size_t)-1 :
	    d->n > 0)
		return;
	if ((why = results_host_ok(row->host)) != NULL)
		die(EXIT_FAIL, "%s: line %zu: host '%s' %s", ps->csv,
		    row->line, printable(row->host), why);
	add_host(ps->rd, ps->dir, row->host);
}

/* A string of a JSON object, or NULL. */
static const char *
json_str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/* A fleet's hosts from its meta.json, in its order. */
static void
fleet_hosts(struct reader *rd, size_t dir)
{
	struct rdir *d = &rd->d[dir];
	struct json_object *a, *h, *m;
	struct hsrc *src;
	struct stat st;
	char clean[REASON_MAX + 4];
	const char *name, *why, *s;
	size_t i, n, k;

	if (!json_object_object_get_ex(d->meta, "hosts", &a) ||
	    !json_object_is_type(a, json_type_array))
		die(EXIT_FAIL, "%s/meta.json: a fleet's without a hosts array",
		    d->path);
	n = json_object_array_length(a);
	for (i = 0; i < n; i++) {
		h = json_object_array_get_idx(a, i);
		if ((name = json_str(h, "name")) == NULL)
			die(EXIT_FAIL, "%s/meta.json: hosts[%zu] has no name",
			    d->path, i);
		if ((why = results_host_ok(name)) != NULL)
			die(EXIT_FAIL, "%s/meta.json: host '%s' %s", d->path,
			    printable(name), why);
		if (row_host(rd, dir, name) != (size_t)-1)
			die(EXIT_FAIL, "%s/meta.json: host '%s' twice",
			    d->path, name);
		add_host(rd, dir, name);
		k = rd->r->nhosts - 1;
		src = &rd->src[k];
		if ((s = json_str(h, "status")) != NULL) {
			reason_clean(clean, sizeof(clean), s);
			rd->r->hosts[k].status = xstrdup(clean);
		}
		if ((s = json_str(h, "reason")) != NULL) {
			reason_clean(clean, sizeof(clean), s);
			rd->r->hosts[k].reason = xstrdup(clean);
		}
		if (json_object_object_get_ex(h, "meta", &m) &&
		    json_object_is_type(m, json_type_object))
			src->meta = m;
		src->fdir = xasprintf("%s/%s/%s", d->path, FLEET_HOSTS, name);
		if (stat(src->fdir, &st) == -1 || !S_ISDIR(st.st_mode)) {
			free(src->fdir);
			src->fdir = NULL;
		}
	}
}

/* The last part of a directory's path, into buf ("" if none). */
static const char *
dir_base(const char *path, char *buf, size_t size)
{
	size_t n = strlen(path), k;

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (k = n; k > 0 && path[k - 1] != '/'; k--)
		;
	snprintf(buf, size, "%.*s", (int)(n - k), path + k);
	return buf;
}

/*
 * The names the report shows: a host's own, but where two directories
 * give the same name, NAME@BASE (BASE: the last part of its directory's
 * path), or NAME@N (N: the directory's place among the operands, from
 * 1) when BASE is not a host name or two of them share it.
 */
static void
name_hosts(struct reader *rd)
{
	struct results *r = rd->r;
	char base[PATH_MAX], other[PATH_MAX];
	size_t i, j;
	int clash, basepair;

	for (i = 0; i < r->nhosts; i++) {
		clash = 0;
		basepair = 0;
		dir_base(rd->d[rd->src[i].dir].path, base, sizeof(base));
		for (j = 0; j < r->nhosts; j++) {
			if (j == i || rd->src[j].dir == rd->src[i].dir ||
			    strcmp(rd->src[j].given, rd->src[i].given) != 0)
				continue;
			clash = 1;
			if (strcmp(dir_base(rd->d[rd->src[j].dir].path, other,
			    sizeof(other)), base) == 0)
				basepair = 1;
		}
		if (!clash)
			r->hosts[i].name = xstrdup(rd->src[i].given);
		else if (!basepair && results_host_ok(base) == NULL)
			r->hosts[i].name = xasprintf("%s@%s", rd->src[i].given,
			    base);
		else
			r->hosts[i].name = xasprintf("%s@%zu", rd->src[i].given,
			    rd->src[i].dir + 1);
	}
}

/* A host's machine, one line from its meta.json, or NULL. */
static char *
machine_line(struct json_object *meta)
{
	struct json_object *v;
	char a[128], b[128];
	const char *host = json_str(meta, "host"), *cpu;

	cpu = json_str(meta, "cpu_model");
	if (host == NULL && cpu == NULL)
		return NULL;
	if (json_object_object_get_ex(meta, "cpus", &v) &&
	    json_object_is_type(v, json_type_int))
		return xasprintf("%s, %s, %d CPUs", host != NULL ?
		    clean_text(host, a, sizeof(a)) : "unknown host",
		    cpu != NULL ? clean_text(cpu, b, sizeof(b)) : "unknown CPU",
		    json_object_get_int(v));
	return xasprintf("%s, %s", host != NULL ? clean_text(host, a,
	    sizeof(a)) : "unknown host", cpu != NULL ? clean_text(cpu, b,
	    sizeof(b)) : "unknown CPU");
}

/* A row of a directory, its column given its host's name. */
static void
add_host_row(const struct csv_row *row, void *arg)
{
	struct prescan *ps = arg;
	struct results *r = ps->rd->r;
	struct csv_row copy = *row;
	char col[COLKEY_MAX];
	size_t h;

	if (r->nhosts >= 2) {
		h = row_host(ps->rd, ps->dir, row->host);
		snprintf(col, sizeof(col), "%s/%s", r->hosts[h].name,
		    row->column);
		copy.column = col;
	}
	add_row(&copy, r);
}

/* Names from index from on, in a list of n: HOST/ in front. */
#define PREFIX(list, field, from, n, host) do {				\
	size_t k_;							\
	char *p_;							\
	for (k_ = (from); k_ < (n); k_++) {				\
		p_ = xasprintf("%s/%s", (host), (list)[k_].field);	\
		free((list)[k_].field);					\
		(list)[k_].field = p_;					\
	}								\
} while (0)

/* A host's failures, skipped platforms, envelopes, order, sessions. */
static void
read_host(struct results *r, const struct hsrc *src, size_t h)
{
	const char *name = r->nhosts >= 2 ? r->hosts[h].name : NULL;
	size_t nfail = r->nfail, nskip = r->nskip, nenv = r->nenv;
	size_t ncond = r->ncond, k;
	char *line;

	if (src->fdir != NULL) {
		read_failures(r, src->fdir);
		if (name != NULL) {
			PREFIX(r->fail, platform, nfail, r->nfail, name);
			drop_superseded(r);
		}
	}
	if (src->meta == NULL)
		return;
	r->hosts[h].machine = machine_line(src->meta);
	r->hosts[h].meta = json_object_get(src->meta);
	read_skips(r, src->meta);
	read_envelopes(r, src->meta);
	read_order(r, src->meta, name);
	read_conditions(r, src->meta);
	if (name == NULL)
		return;
	PREFIX(r->skip, platform, nskip, r->nskip, name);
	PREFIX(r->env, platform, nenv, r->nenv, name);
	for (k = ncond; k < r->ncond; k++) {
		line = xasprintf("%s: %s", name, r->cond[k].line);
		free(r->cond[k].line);
		r->cond[k].line = line;
	}
}

/*
 * Reads each directory's results.csv, failures.csv and meta.json; dies
 * (exit 1) on bad data, exit 2 on a reference host that is not there.
 */
static void
read_dirs(struct results *r, const char *const *dirs, size_t ndirs,
    const char *ref)
{
	struct reader rd;
	struct prescan ps;
	struct rdir *d;
	struct stat st;
	const char *kind;
	size_t i, h, ncols = R_NCOLS;

	memset(r, 0, sizeof(*r));
	memset(&rd, 0, sizeof(rd));
	rd.r = r;
	rd.ndirs = ndirs;
	rd.d = xcalloc(ndirs, sizeof(*rd.d));
	for (i = 0; i < ndirs; i++) {
		d = &rd.d[i];
		d->path = dirs[i];
		if (stat(d->path, &st) == -1)
			diesys(EXIT_FAIL, "%s", d->path);
		if (!S_ISDIR(st.st_mode))
			die(EXIT_FAIL, "%s: not a directory", d->path);
		d->meta = load_meta(d->path, &d->bad);
		d->fleet = (kind = json_str(d->meta, "kind")) != NULL &&
		    strcmp(kind, "fleet") == 0;
		d->first = r->nhosts;
		if (d->fleet)
			fleet_hosts(&rd, i);
		/* One directory of one host: its name is not needed. */
		if (ndirs > 1 || d->fleet) {
			ps.rd = &rd;
			ps.dir = i;
			ps.csv = r->csv = xasprintf("%s/%s", d->path,
			    RESULTS_CSV);
			results_scan(r->csv, scan_host, &ps);
			free(r->csv);
			r->csv = NULL;
		}
		if (d->n == 0 && !d->fleet) {
			add_host(&rd, i, json_str(d->meta, "host") != NULL &&
			    results_host_ok(json_str(d->meta, "host")) ==
			    NULL ? json_str(d->meta, "host") : "localhost");
			rd.src[r->nhosts - 1].meta = d->meta;
		}
		if (!d->fleet) {
			rd.src[d->first].meta = d->meta;
			rd.src[d->first].fdir = xstrdup(d->path);
		}
	}
	name_hosts(&rd);
	if (ref != NULL && r->nhosts < 2)
		die(EXIT_USAGE, "-R %s: the results are of one host; -R "
		    "compares hosts", ref);
	for (h = 0; ref != NULL && h < r->nhosts; h++)
		if (strcmp(r->hosts[h].name, ref) == 0)
			break;
	if (ref != NULL && h == r->nhosts)
		die(EXIT_USAGE, "-R %s: no such host in the results", ref);
	r->ref = ref;
	for (i = 0; i < ndirs; i++) {
		d = &rd.d[i];
		ps.rd = &rd;
		ps.dir = i;
		free(r->csv);
		r->csv = xasprintf("%s/%s", d->path, RESULTS_CSV);
		d->ncols = results_scan(r->csv, add_host_row, &ps);
		if (d->ncols < ncols)
			ncols = d->ncols;
		/* Here, to name this file: hosts' columns never meet. */
		check_duplicates(r);
	}
	for (h = 0; h < r->nhosts; h++)
		read_host(r, &rd.src[h], h);
	if (r->nrows == 0 && r->nfail == 0)
		die(EXIT_FAIL, "%s: no results (only the header)", r->csv);
	for (i = 0; i < ndirs; i++)
		meta_warn(rd.d[i].bad, rd.d[i].ncols);
	index_series(r);
	/* A reference without a single column gives no ratio at all. */
	for (i = 0; ref != NULL && i < r->nplat; i++)
		if ((h = results_host(r, r->plat[i], &kind)) != (size_t)-1 &&
		    strcmp(r->hosts[h].name, ref) == 0)
			break;
	if (ref != NULL && i == r->nplat)
		die(EXIT_USAGE, "-R %s: that host has no results", ref);
	judge_work(r);
	if (ncols > R_PARAMS)
		bench_params(r);
	else if (rd.src[0].meta != NULL)
		read_params(r, rd.src[0].meta);
	for (i = 0; i < ndirs; i++)
		json_object_put(rd.d[i].meta);
	for (h = 0; h < r->nhosts; h++) {
		free(rd.src[h].given);
		free(rd.src[h].fdir);
	}
	free(rd.src);
	free(rd.d);
}

/*
 * Reads dir/results.csv, dir/failures.csv and dir/meta.json; dies
 * (exit 1) on bad data. A fleet directory's hosts are hosts of their
 * own (results_read_hosts).
 */
void
results_read(struct results *r, const char *dir)
{
	read_dirs(r, &dir, 1, NULL);
}

/*
 * Reads several directories as one report, each of one host (a fleet
 * directory: of its hosts); ref is -R's reference host, or NULL.
 */
void
results_read_hosts(struct results *r, char *const *dirs, size_t ndirs,
    const char *ref)
{
	const char **d = xcalloc(ndirs, sizeof(*d));
	size_t i;

	for (i = 0; i < ndirs; i++)
		d[i] = dirs[i];
	read_dirs(r, d, ndirs, ref);
	free(d);
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
		free(s->params);
	}
	for (i = 0; i < r->nbench; i++) {
		free(r->bench[i].params);
		free(r->bench[i].metrics);
	}
	for (i = 0; i < r->nfail; i++)
		free_failure(&r->fail[i]);
	for (i = 0; i < r->nskip; i++) {
		free(r->skip[i].platform);
		free(r->skip[i].reason);
	}
	for (i = 0; i < r->nenv; i++) {
		free(r->env[i].platform);
		free(r->env[i].line);
	}
	free(r->env);
	for (i = 0; i < r->ncond; i++)
		free(r->cond[i].line);
	free(r->cond);
	for (i = 0; i < r->nwork; i++) {
		free(r->work[i].benchmark);
		free(r->work[i].platform);
		work_free(&r->work[i].w);
		free(r->work[i].note);
	}
	free(r->work);
	for (i = 0; i < r->nhosts; i++) {
		free(r->hosts[i].name);
		free(r->hosts[i].status);
		free(r->hosts[i].reason);
		free(r->hosts[i].machine);
		json_object_put(r->hosts[i].meta);
	}
	free(r->hosts);
	strmap_free(r->find);
	strmap_free(r->units);
	strmap_free(r->works);
	strmap_free(r->order);
	free(r->fail);
	free(r->skip);
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

/*
 * A record's params as a row keeps them, in buf: its "params" object as
 * space-separated key=value pairs, as the benchmarks' own CSV writes
 * them. The keys are names (results_name_ok), a value a string or a
 * number; a control character in a value (a directory's name may hold
 * a tab) becomes a blank. Returns NULL, or why the record is refused.
 */
static const char *
params_of(struct json_object *rec, char *buf, size_t size)
{
	struct json_object *params;
	size_t len = 0, i;
	int n;

	buf[0] = '\0';
	if (!json_object_object_get_ex(rec, "params", &params))
		return NULL;
	if (!json_object_is_type(params, json_type_object))
		return "params not an object";
	json_object_object_foreach(params, key, val) {
		if (results_name_ok(key, 0) != NULL)
			return "params: a key is not a name";
		if (!json_object_is_type(val, json_type_string) &&
		    !json_object_is_type(val, json_type_int) &&
		    !json_object_is_type(val, json_type_double))
			return "params: a value is not a string or a number";
		n = snprintf(buf + len, size - len, "%s%s=%s", len ? " " : "",
		    key, json_object_get_string(val));
		if (n < 0 || (size_t)n >= size - len)
			return "params longer than " PARAMS_MAX_TEXT;
		len += (size_t)n;
	}
	for (i = 0; i < len; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = ' ';
	return results_params_ok(buf);
}

/*
 * The intake of vc-suite: a runner's output (untrusted: it comes from
 * inside containers and VMs) whose first line starting with '{' is a
 * benchmark's JSON record, as results.csv rows of platform, benchmark
 * and rep, in r->p (the caller frees it, also on refusal), with the
 * values of the benchmark's work and primary metrics (catalog.c) and
 * the work it did in r->did (work.h; the caller work_free()s it).
 * variant is the platform variant's settings ("" for the plain
 * platform). ncols is the file's: R_NCOLS, or fewer to resume an older
 * file (no variant, no params).
 * Returns NULL, or why the record is refused: nothing goes in that the
 * reader of results.csv would refuse.
 */
const char *
results_rows(const char *out, const char *host, const char *platform,
    const char *variant, const struct bench_def *bench, long long rep,
    size_t ncols, struct results_rows *r)
{
	static char why[128];
	struct json_object *rec, *metrics, *m, *f;
	struct csv_out w = { NULL, NULL, 0, 0, RECORD_BYTES, 0 };
	const char *line, *time_s = "", *name, *unit, *bad;
	const char *col[R_NCOLS];
	char num[64], repnum[32], params[PARAMS_MAX + 1];
	size_t i, nm;

	r->p = NULL;
	r->len = 0;
	r->work = 0;
	r->primary = NAN;
	work_init(&r->did, bench->name);
	for (line = out; line != NULL && *line != '{';
	    line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
		;
	if (line == NULL || (rec = json_tokener_parse(line)) == NULL)
		return "no result record in the benchmark's output";
	if (json_object_object_get_ex(rec, "time", &f))
		time_s = json_object_get_string(f);
	/* Nothing goes in that vc-report would refuse to read back. */
	if ((bad = results_time_ok(time_s != NULL ? time_s : "")) != NULL) {
		snprintf(why, sizeof(why), "result record's time %s", bad);
		goto out;
	}
	if ((bad = params_of(rec, params, sizeof(params))) != NULL) {
		snprintf(why, sizeof(why), "result record's %s", bad);
		goto out;
	}
	work_params(&r->did, params);
	snprintf(repnum, sizeof(repnum), "%lld", rep);
	col[R_TIME] = time_s;
	col[R_HOST] = host;
	col[R_PLATFORM] = platform;
	col[R_BENCHMARK] = bench->name;
	col[R_REP] = repnum;
	col[R_PARAMS] = params;
	col[R_VARIANT] = variant;
	snprintf(why, sizeof(why), "malformed result record");
	if (!json_object_object_get_ex(rec, "metrics", &metrics) ||
	    !json_object_is_type(metrics, json_type_array) ||
	    (nm = json_object_array_length(metrics)) == 0) {
		snprintf(why, sizeof(why), "result record without metrics");
		goto out;
	}
	for (i = 0; i < nm; i++) {
		m = json_object_array_get_idx(metrics, i);
		if (!json_object_object_get_ex(m, "metric", &f) ||
		    (name = json_object_get_string(f)) == NULL)
			goto out;
		unit = json_object_object_get_ex(m, "unit", &f) ?
		    json_object_get_string(f) : "";
		if (unit == NULL)
			unit = "";
		if ((bad = results_name_ok(name, 0)) != NULL ||
		    (bad = results_name_ok(unit, 1)) != NULL) {
			snprintf(why, sizeof(why), "metric %zu's %s %s", i + 1,
			    results_name_ok(name, 0) != NULL ? "name" : "unit",
			    bad);
			goto out;
		}
		if (!json_object_object_get_ex(m, "value", &f))
			goto out;
		if (json_object_is_type(f, json_type_null))
			strcpy(num, "nan");
		else if (json_object_is_type(f, json_type_int))
			snprintf(num, sizeof(num), "%lld",
			    (long long)json_object_get_int64(f));
		else if (json_object_is_type(f, json_type_double))
			snprintf(num, sizeof(num), "%.10g",
			    json_object_get_double(f));
		else
			goto out;
		if (strcmp(name, bench->work) == 0)
			r->work = json_object_get_double(f);
		/* json-c's null is NULL */
		if (strcmp(name, bench->primary) == 0 && f != NULL)
			r->primary = json_object_get_double(f);
		work_metric(&r->did, name, f != NULL ?
		    json_object_get_double(f) : NAN);
		col[R_METRIC] = name;
		col[R_UNIT] = unit;
		col[R_VALUE] = num;
		csv_fields(&w, col, ncols);
	}
	if (w.over) {
		snprintf(why, sizeof(why), "result record longer than %d "
		    "bytes as CSV rows", RECORD_BYTES);
		goto out;
	}
	why[0] = '\0';
out:
	r->p = w.p;
	r->len = w.len;
	json_object_put(rec);
	return why[0] != '\0' ? why : NULL;
}
