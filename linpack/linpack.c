/*
 * linpack - the classic LINPACK benchmark: solve a dense random system
 * Ax = b by LU factorisation with partial pivoting (dgefa) and forward
 * and back substitution (dgesl), in double precision, column-major with
 * leading dimension lda, and report the rate in KFLOPS.
 *
 * The repetition count is doubled until one batch of solves lasts at
 * least the target time; that last batch is the one reported. Only the
 * factorisation and the solve are timed, not the matrix generation.
 */
#include "config.h"

#include <float.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "parse.h"
#include "record.h"
#include "timing.h"

/* A normalised residual above this means the solve went wrong. */
#define RESID_LIMIT	100.0

struct options {
	int64_t		n;		/* order of the system */
	int64_t		lda;		/* leading dimension */
	double		target;		/* seconds the timed batch must last */
	enum out_format	fmt;
};

/* The batches of solves: the last, the one reported, lasted the target. */
struct batch {
	int64_t		reps;		/* solves asked of the last batch */
	int64_t		solves;		/* solves done in it */
	double		seconds;	/* its time in dgefa and dgesl */
	double		total;		/* the time of all batches */
	int		info;		/* dgefa's, or-ed over every solve */
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] [-l lda] [-n order] [-o text|csv|json] "
	    "[-t seconds]\n", progname);
}

/*
 * The classic generator: init = 3125*init % 65536, a = (init-32768)/16384,
 * from seed 1325, column by column; b is the row sums, so x is all ones.
 * Returns the largest |a(i,j)|.
 */
static double
matgen(double *a, int lda, int n, double *b)
{
	int32_t init = 1325;
	double norma = 0.0;
	int i, j;

	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++) {
			init = 3125 * init % 65536;
			a[lda * j + i] = (init - 32768.0) / 16384.0;
			if (fabs(a[lda * j + i]) > norma)
				norma = fabs(a[lda * j + i]);
		}
	for (i = 0; i < n; i++)
		b[i] = 0.0;
	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++)
			b[i] += a[lda * j + i];
	return norma;
}

/* y += alpha * x over n elements (unit stride). */
static void
daxpy(int n, double alpha, const double *restrict x, double *restrict y)
{
	int i;

	if (alpha == 0.0)
		return;
	for (i = 0; i < n; i++)
		y[i] += alpha * x[i];
}

/* Index of the element of largest magnitude. */
static int
idamax(int n, const double *x)
{
	double max = fabs(x[0]);
	int i, imax = 0;

	for (i = 1; i < n; i++)
		if (fabs(x[i]) > max) {
			max = fabs(x[i]);
			imax = i;
		}
	return imax;
}

/*
 * dgefa: LU factorisation by Gaussian elimination with partial pivoting,
 * column-oriented. Returns 0, or k+1 if U(k,k) is exactly zero.
 */
static int
dgefa(double *a, int lda, int n, int *ipvt)
{
	double *col, t;
	int info = 0, j, k, l;

	for (k = 0; k < n - 1; k++) {
		col = &a[lda * k];
		l = idamax(n - k, &col[k]) + k;
		ipvt[k] = l;
		if (col[l] == 0.0) {
			info = k + 1;
			continue;
		}
		if (l != k) {
			t = col[l];
			col[l] = col[k];
			col[k] = t;
		}
		t = -1.0 / col[k];
		for (l = k + 1; l < n; l++)
			col[l] *= t;
		for (j = k + 1; j < n; j++) {
			double *cj = &a[lda * j];

			t = cj[ipvt[k]];
			if (ipvt[k] != k) {
				cj[ipvt[k]] = cj[k];
				cj[k] = t;
			}
			daxpy(n - k - 1, t, &col[k + 1], &cj[k + 1]);
		}
	}
	ipvt[n - 1] = n - 1;
	if (a[lda * (n - 1) + n - 1] == 0.0)
		info = n;
	return info;
}

/* dgesl: solve A x = b with the factors from dgefa; b becomes x. */
static void
dgesl(const double *a, int lda, int n, const int *ipvt, double *b)
{
	double t;
	int k, l;

	/* Forward elimination: L y = P b. */
	for (k = 0; k < n - 1; k++) {
		l = ipvt[k];
		t = b[l];
		if (l != k) {
			b[l] = b[k];
			b[k] = t;
		}
		daxpy(n - k - 1, t, &a[lda * k + k + 1], &b[k + 1]);
	}
	/* Back substitution: U x = y, column by column. */
	for (k = n - 1; k >= 0; k--) {
		b[k] /= a[lda * k + k];
		daxpy(k, -b[k], &a[lda * k], b);
	}
}

/* ||A x - b||_inf / (n ||A||_max ||x||_inf eps), A and b regenerated. */
static double
residual(double *a, int lda, int n, const double *x, double *b,
    double *resid_out)
{
	double norma, normx = 0.0, resid = 0.0;
	int i, j;

	norma = matgen(a, lda, n, b);
	for (i = 0; i < n; i++)
		b[i] = -b[i];
	for (j = 0; j < n; j++)
		daxpy(n, x[j], &a[lda * j], b);
	for (i = 0; i < n; i++) {
		if (fabs(b[i]) > resid)
			resid = fabs(b[i]);
		if (fabs(x[i]) > normx)
			normx = fabs(x[i]);
	}
	*resid_out = resid;
	return resid / (n * norma * normx * DBL_EPSILON);
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'h':
		usage(stdout);
		exit(close_stdout());
	case 'l':
		if ((why = parse_int(arg, 1, 100000, &o->lda)) != NULL)
			usage_error("-l %s: %s", arg, why);
		break;
	case 'n':
		if ((why = parse_int(arg, 2, 100000, &o->n)) != NULL)
			usage_error("-n %s: %s", arg, why);
		break;
	case 'o':
		if ((why = parse_format(arg, &o->fmt)) != NULL)
			usage_error("-o %s: %s", arg, why);
		break;
	case 't':
		if ((why = parse_time(arg, 0.0, 86400.0, &o->target)) != NULL)
			usage_error("-t %s: %s", arg, why);
		break;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	default:
		exit(EXIT_USAGE);
	}
}

static void
parse_options(int argc, char *argv[], struct options *o)
{
	int ch;

	*o = (struct options){
		.n = 500,
		.lda = 0,
		.target = 10.0,
		.fmt = OUT_TEXT,
	};
	while ((ch = getopt(argc, argv, "hl:n:o:t:V")) != -1)
		set_option(o, ch, optarg);
	argc -= optind;
	argv += optind;
	if (argc > 0)
		usage_error("extra operand '%s'", argv[0]);
	if (o->lda == 0)
		o->lda = o->n > 1000 ? o->n : 1000;	/* the classic 1000 */
	if (o->lda < o->n)
		usage_error("leading dimension %lld is less than order %lld",
		    (long long)o->lda, (long long)o->n);
}

/*
 * Doubles the solves in a batch until one batch lasts the target; the
 * generation of the matrix is not timed. b is left holding a solution.
 * Not inlined: the timed code is then laid out apart from main's, and
 * edits there do not move it; its speed depends on its alignment by up
 * to a fifth.
 */
static __attribute__((noinline)) void
time_solves(const struct options *o, double *a, double *b, int *ipvt,
    struct batch *bt)
{
	double t0, batch, total = 0.0;
	int64_t reps, r, solves;
	int info = 0;

	for (reps = 1;; reps *= 2) {
		batch = 0.0;
		solves = 0;
		for (r = 0; r < reps; r++) {
			matgen(a, (int)o->lda, (int)o->n, b);
			t0 = wall_now();
			info |= dgefa(a, (int)o->lda, (int)o->n, ipvt);
			dgesl(a, (int)o->lda, (int)o->n, ipvt, b);
			batch += wall_now() - t0;
			solves++;
		}
		total += batch;
		if (batch >= o->target || reps > INT64_MAX / 2)
			break;
	}
	bt->reps = reps;
	bt->solves = solves;
	bt->seconds = batch;
	bt->total = total;
	bt->info = info;
}

static void
write_record(const struct options *o, struct record *rec,
    const struct batch *bt, double resid, double residn)
{
	double ops, kflops;

	ops = 2.0 * o->n * o->n * o->n / 3.0 + 2.0 * o->n * o->n;
	kflops = bt->seconds > 0.0 ?
	    ops * (double)bt->solves / bt->seconds / 1000.0 : 0.0;
	record_param(rec, "n", "%lld", (long long)o->n);
	record_param(rec, "lda", "%lld", (long long)o->lda);
	record_param(rec, "target", "%g", o->target);
	record_param(rec, "reps", "%lld", (long long)bt->reps);
	record_metric(rec, "kflops", "KFLOPS", kflops);
	record_metric(rec, "seconds", "s", bt->seconds);
	record_metric(rec, "seconds_per_solve", "s",
	    bt->seconds / (double)bt->solves);
	record_metric(rec, "residual", "", resid);
	record_metric(rec, "residual_normalised", "", residn);
	record_metric(rec, "total_seconds", "s", bt->total);
	/* The work: solves of this order, the ones kflops and seconds time. */
	record_metric_int(rec, "order", "count", o->n);
	record_metric_int(rec, "solves", "count", bt->solves);
	record_write(rec, stdout, o->fmt);
}

/* After the record is out: a failed check still shows the figures. */
static void
self_check(int info, double residn)
{
	if (info != 0)
		die(EXIT_FAIL, "self-check failed: matrix is singular "
		    "(zero pivot at %d)", info);
	if (!(residn <= RESID_LIMIT))
		die(EXIT_FAIL, "self-check failed: normalised residual %g "
		    "exceeds %g", residn, RESID_LIMIT);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct batch bt;
	struct record rec;
	double *a, *b, *x, resid, residn;
	int i, *ipvt;

	msg_init(argv[0]);
	parse_options(argc, argv, &o);
	if ((a = malloc(sizeof(*a) * (size_t)o.lda * (size_t)o.n)) == NULL ||
	    (b = malloc(sizeof(*b) * (size_t)o.n)) == NULL ||
	    (x = malloc(sizeof(*x) * (size_t)o.n)) == NULL ||
	    (ipvt = malloc(sizeof(*ipvt) * (size_t)o.n)) == NULL)
		diesys(EXIT_FAIL, "cannot allocate a %lldx%lld matrix",
		    (long long)o.n, (long long)o.lda);

	record_init(&rec, "linpack");
	time_solves(&o, a, b, ipvt, &bt);
	for (i = 0; i < o.n; i++)
		x[i] = b[i];
	residn = residual(a, (int)o.lda, (int)o.n, x, b, &resid);
	write_record(&o, &rec, &bt, resid, residn);
	free(a);
	free(b);
	free(x);
	free(ipvt);
	if (close_stdout() != EXIT_OK)
		return EXIT_FAIL;
	self_check(bt.info, residn);
	return EXIT_OK;
}
