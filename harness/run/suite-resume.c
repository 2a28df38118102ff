/*
 * suite-resume.c - vc-suite -r: which measurements DIR/results.csv holds
 * already, whole.
 *
 * Each measurement's rows were appended in one write: a record, rows in
 * a run with one platform, benchmark, rep and time. A crash in
 * mid-write can leave a prefix of the last record, cut at any byte;
 * results_append cuts a failed write back itself. So a record is whole
 * when it has as many rows as the benchmark's largest record: a
 * benchmark's metrics are fixed by its code, and a prefix has fewer.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "report/results.h"
#include "suite.h"

struct rec {
	int		 p, b;
	int64_t		 rep;
	size_t		 nrows, line;
	long long	 offset;
	char		*time;
	struct work	 did;		/* what it did (work.h) */
};

struct done_scan {
	const char	*path;
	const struct options *o;
	struct rec	*rec;
	size_t		 n, cap;
};

/* The record that row starts. */
static struct rec *
new_rec(struct done_scan *d, int p, int b, const struct csv_row *row)
{
	struct rec *r;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 64;
		if ((d->rec = reallocarray(d->rec, d->cap, sizeof(*d->rec)))
		    == NULL)
			diesys(EXIT_FAIL, "realloc");
	}
	r = &d->rec[d->n++];
	r->p = p;
	r->b = b;
	r->rep = row->rep;
	r->nrows = 1;
	r->line = row->line;
	r->offset = row->offset;
	if ((r->time = strdup(row->time)) == NULL)
		diesys(EXIT_FAIL, "strdup");
	work_init(&r->did, catalog_benchs[b].name);
	return r;
}

/* The column of o of platform plat and variant, or -1. */
int
find_column(const struct options *o, const char *plat, const char *variant)
{
	int c, p = catalog_plat_index(plat, strlen(plat));

	for (c = 0; c < o->ncol; c++)
		if (o->col[c].plat == p && strcmp(o->col[c].variant, variant)
		    == 0)
			return c;
	return -1;
}

/*
 * A row already in results.csv: it must lie in this run's matrix, or
 * it is not this run's file (or it was edited): refused with its line,
 * as the rep indexes an array of o->maxreps + 1.
 */
static void
done_row(const struct csv_row *row, void *arg)
{
	struct done_scan *d = arg;
	struct rec *r = d->n > 0 ? &d->rec[d->n - 1] : NULL;
	int p, b;

	p = find_column(d->o, row->platform, row->variant);
	b = catalog_bench_index(row->benchmark, strlen(row->benchmark));
	if (p < 0)
		die(EXIT_FAIL, "%s: line %zu: platform '%s' is not in this "
		    "run", d->path, row->line, row->column);
	if (b < 0 || !d->o->bench[b])
		die(EXIT_FAIL, "%s: line %zu: benchmark '%s' is not in this "
		    "run", d->path, row->line, row->benchmark);
	if (row->rep > d->o->maxreps)
		die(EXIT_FAIL, "%s: line %zu: rep %lld is beyond this run's "
		    "%lld repetitions", d->path, row->line, (long long)row->rep,
		    (long long)d->o->maxreps);
	if (r != NULL && r->p == p && r->b == b && r->rep == row->rep &&
	    strcmp(r->time, row->time) == 0)
		r->nrows++;
	else
		r = new_rec(d, p, b, row);
	work_metric(&r->did, row->metric, row->value);
	work_params(&r->did, row->params);
}

/*
 * The file must be ours (its header) before anything in it is cut; then
 * a partial last line is cut off. A file of an older vc-suite, without
 * params or variant, goes on without them. Returns the file's number of
 * columns.
 */
static size_t
check_file(int fd, const char *path)
{
	char *buf, *head;
	size_t ncols = 0, i;
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) == -1)
		diesys(EXIT_FAIL, "%s", path);
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	if ((n = pread(fd, buf, (size_t)st.st_size, 0)) != st.st_size)
		diesys(EXIT_FAIL, "%s", path);
	buf[n] = '\0';
	for (i = 0; i < sizeof(results_ncols) / sizeof(*results_ncols) &&
	    ncols == 0; i++) {
		head = csv_header_line(results_cols, results_ncols[i]);
		if (strncmp(buf, head, strlen(head)) == 0)
			ncols = results_ncols[i];
		free(head);
	}
	if (ncols == 0)
		die(EXIT_FAIL, "%s: not a vc-suite results file", path);
	if (ncols < R_NCOLS)
		warnmsg("%s: an older vc-suite's file, without %s: rows go "
		    "on without them", path, results_cols[ncols]);
	while (n > 0 && buf[n - 1] != '\n')
		n--;
	if (n != st.st_size) {
		warnmsg("%s: dropping a partial last line", path);
		if (ftruncate(fd, n) == -1)
			diesys(EXIT_FAIL, "%s", path);
	}
	free(buf);
	return ncols;
}

/*
 * The records found, marked done in cells, with the work they did
 * (work.h), which vc-suite compares with native's. An incomplete last
 * record is cut off, to be measured again; an incomplete record or a
 * second one of a rep inside the file is refused: this writer leaves
 * neither.
 */
static void
mark_done(int fd, const struct done_scan *d, struct mcell (*cells)[NBENCH])
{
	size_t most[NBENCH] = { 0 }, nrec[NBENCH] = { 0 }, i;
	const struct rec *r;

	for (i = 0; i < d->n; i++) {
		r = &d->rec[i];
		nrec[r->b]++;
		if (r->nrows > most[r->b])
			most[r->b] = r->nrows;
	}
	for (i = 0; i < d->n; i++) {
		r = &d->rec[i];
		if (i + 1 == d->n && (r->nrows < most[r->b] ||
		    nrec[r->b] == 1)) {
			warnmsg("%s: line %zu: dropping the last record (%s %s "
			    "rep %lld, %zu rows): %s, to measure it again",
			    d->path, r->line, d->o->col[r->p].name,
			    catalog_benchs[r->b].name, (long long)r->rep,
			    r->nrows, nrec[r->b] == 1 ? "none of its "
			    "benchmark to compare with" :
			    "fewer than its benchmark's");
			if (ftruncate(fd, (off_t)r->offset) == -1 ||
			    fsync(fd) == -1)
				diesys(EXIT_FAIL, "%s", d->path);
			break;
		}
		if (r->nrows < most[r->b])
			die(EXIT_FAIL, "%s: line %zu: %s %s rep %lld has %zu "
			    "rows, its benchmark's records %zu: an incomplete "
			    "record inside the file", d->path, r->line,
			    d->o->col[r->p].name, catalog_benchs[r->b].name,
			    (long long)r->rep, r->nrows, most[r->b]);
		if (cells[r->p][r->b].done[r->rep])
			die(EXIT_FAIL, "%s: line %zu: a second record of %s %s "
			    "rep %lld", d->path, r->line,
			    d->o->col[r->p].name, catalog_benchs[r->b].name,
			    (long long)r->rep);
		cells[r->p][r->b].done[r->rep] = 1;
		work_merge(&cells[r->p][r->b].work, &r->did);
	}
}

/*
 * Which (platform, benchmark, rep) of o's matrix are already in the
 * results file at path, whole: marked done in cells. Returns the file's
 * number of columns: fewer in an older vc-suite's file.
 */
size_t
read_done(const char *path, const struct options *o,
    struct mcell (*cells)[NBENCH])
{
	struct done_scan d = { path, o, NULL, 0, 0 };
	size_t ncols, i;
	int fd;

	if ((fd = open(path, O_RDWR | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "%s", path);
	ncols = check_file(fd, path);
	results_scan(path, done_row, &d);
	mark_done(fd, &d, cells);
	close(fd);
	for (i = 0; i < d.n; i++) {
		free(d.rec[i].time);
		work_free(&d.rec[i].did);
	}
	free(d.rec);
	return ncols;
}
