/*
 * linpack - the classic LINPACK benchmark: solve a dense random system
 * Ax = b by LU factorisation with partial pivoting (dgefa) and forward
 * and back substitution (dgesl), in double precision, column-major with
 * leading dimension lda, and report the rate in KFLOPS.
 *
 * The repetition count is doubled until one batch of solves lasts at
 * least the target time; that last batch is the one reported. Only the
 * factorisation and the solve are timed, not the matrix generation, and
 * in CPU time, as the classic program does: wall time also counts the
 * time other processes had the CPU, which on a busy machine made the
 * rate at n=200 vary from 2.1 to 3.3 GFLOPS between runs.
 *
 * The classic generator repeats itself every 16384 numbers, which makes
 * some orders' matrices singular (n=1024: column j+16 is column j) or
 * singular but solved by rounding (n=2000: column j+1024 is column j).
 * Those orders get a generator with a period of 2^64 instead; -g classic
 * refuses them. Nothing is printed unless the solve checked out.
 */
#include "config.h"

#include <float.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocked.h"
#include "msg.h"
#include "parse.h"
#include "record.h"
#include "timing.h"

/* A normalised residual above this means the solve went wrong. */
#define RESID_LIMIT	100.0

/* The classic generator's period: 3125 is 5 mod 8, so 2^16 / 4. */
#define CLASSIC_PERIOD	16384

enum kernel { KERNEL_CLASSIC, KERNEL_BLOCKED };
enum generator { GEN_AUTO, GEN_CLASSIC, GEN_SPLITMIX };

static const char *const kernel_names[] = { "classic", "blocked" };
static const char *const gen_names[] = { "auto", "classic", "splitmix64" };

typedef double	matgen_fn(double *, int, int, double *);

struct options {
	int64_t		n;		/* order of the system */
	int64_t		lda;		/* leading dimension */
	double		target;		/* CPU seconds the timed batch must last */
	enum kernel	kernel;
	const char	*simd;		/* -s: -k blocked's, NULL: the widest */
	const char	*simd_name;	/* the one taken */
	enum generator	gen;		/* never GEN_AUTO once parsed */
	enum out_format	fmt;
};

/* The batches of solves: the last, the one reported, lasted the target. */
struct batch {
	int64_t		reps;		/* solves asked of the last batch */
	int64_t		solves;		/* solves done in it */
	double		seconds;	/* its CPU time in factor and solve */
	double		wall;		/* the same in wall time */
	double		total;		/* the wall time of all batches */
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] [-g auto|classic|splitmix64] "
	    "[-k classic|blocked] [-l lda] [-n order]\n"
	    "       [-o text|csv|json] [-s avx512|avx2|base] [-t seconds]\n",
	    progname);
}

/*
 * For both generators: b the row sums of a, so that x is all ones, and
 * the largest |a(i,j)| returned.
 */
static double
norm_and_sums(const double *a, int lda, int n, double *b)
{
	double norma = 0.0;
	int i, j;

	for (i = 0; i < n; i++)
		b[i] = 0.0;
	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++) {
			if (fabs(a[lda * j + i]) > norma)
				norma = fabs(a[lda * j + i]);
			b[i] += a[lda * j + i];
		}
	return norma;
}

/*
 * The classic generator: init = 3125*init % 65536, a = (init-32768)/16384,
 * from seed 1325, column by column; b is the row sums, so x is all ones.
 * Returns the largest |a(i,j)|.
 */
static double
matgen_classic(double *a, int lda, int n, double *b)
{
	int32_t init = 1325;
	int i, j;

	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++) {
			init = 3125 * init % 65536;
			a[lda * j + i] = (init - 32768.0) / 16384.0;
		}
	return norm_and_sums(a, lda, n, b);
}

/*
 * Whether the classic generator serves order n: column j + p is column
 * j, with p = 16384 / gcd(n, 16384), so it does when p >= n.
 */
static int
classic_serves(int64_t n)
{
	int64_t g = 1;

	while (g < CLASSIC_PERIOD && n % (2 * g) == 0)
		g *= 2;
	return CLASSIC_PERIOD / g >= n;
}

/*
 * The generator for the orders the classic one does not serve:
 * SplitMix64 (Steele, Lea and Flood, 2014) from the classic seed, whose
 * period is 2^64. Its top 32 bits make a = (x-2^31)/2^30, in [-2, 2)
 * as the classic's, and exact, so that the row sums b are exact too
 * (up to 2^21 columns) and x is all ones.
 */
static double
matgen_splitmix(double *a, int lda, int n, double *b)
{
	uint64_t s = 1325, z;
	int i, j;

	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++) {
			z = (s += UINT64_C(0x9e3779b97f4a7c15));
			z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
			z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
			z ^= z >> 31;
			a[lda * j + i] = ((double)(z >> 32) - 2147483648.0) /
			    1073741824.0;
		}
	return norm_and_sums(a, lda, n, b);
}

static matgen_fn *const matgens[] = {
	[GEN_CLASSIC] = matgen_classic,
	[GEN_SPLITMIX] = matgen_splitmix,
};

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
residual(matgen_fn *gen, double *a, int lda, int n, const double *x,
    double *b, double *resid_out)
{
	double norma, normx = 0.0, resid = 0.0;
	int i, j;

	norma = gen(a, lda, n, b);
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

/* Name's index in names, or -1. */
static int
parse_name(const char *name, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'g':
		if ((o->gen = (enum generator)parse_name(arg, gen_names,
		    sizeof(gen_names) / sizeof(gen_names[0]))) == (enum generator)-1)
			usage_error("-g %s: not auto, classic or splitmix64",
			    arg);
		break;
	case 'k':
		if ((o->kernel = (enum kernel)parse_name(arg, kernel_names,
		    sizeof(kernel_names) / sizeof(kernel_names[0]))) ==
		    (enum kernel)-1)
			usage_error("-k %s: not classic or blocked", arg);
		break;
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
	case 's':
		o->simd = arg;
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
		.kernel = KERNEL_CLASSIC,
		.simd = NULL,
		.simd_name = NULL,
		.gen = GEN_AUTO,
		.fmt = OUT_TEXT,
	};
	while ((ch = getopt(argc, argv, "g:hk:l:n:o:s:t:V")) != -1)
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
	if (o->gen == GEN_CLASSIC && !classic_serves(o->n))
		usage_error("-g classic: order %lld repeats columns (the "
		    "classic generator's period is %d numbers)",
		    (long long)o->n, CLASSIC_PERIOD);
	if (o->gen == GEN_AUTO)
		o->gen = classic_serves(o->n) ? GEN_CLASSIC : GEN_SPLITMIX;
	if (o->simd != NULL && o->kernel != KERNEL_BLOCKED)
		usage_error("-s %s: only -k blocked has SIMD kernels",
		    o->simd);
	if (o->kernel == KERNEL_BLOCKED &&
	    (o->simd_name = blocked_init(o->simd)) == NULL)
		usage_error("-s %s: not avx512, avx2 or base, or not a "
		    "kernel this CPU can run", o->simd);
}


/* One factorisation and solve; b becomes x. 0, or k+1: U(k,k) is zero. */
static int
solve(const struct options *o, double *a, double *b, int *ipvt)
{
	int info, lda = (int)o->lda, n = (int)o->n;

	if (o->kernel == KERNEL_BLOCKED) {
		info = blocked_factor(a, lda, n, ipvt);
		if (info == 0)
			blocked_solve(a, lda, n, ipvt, b);
	} else {
		info = dgefa(a, lda, n, ipvt);
		if (info == 0)
			dgesl(a, lda, n, ipvt, b);
	}
	return info;
}

/*
 * Doubles the solves in a batch until one batch lasts the target in CPU
 * time; the generation of the matrix is not timed. b is left holding a
 * solution. A singular matrix ends the program at its first solve, with
 * nothing printed. Not inlined: the timed code is then laid out apart
 * from main's, and edits there do not move it; its speed depends on its
 * alignment by up to a fifth.
 */
static __attribute__((noinline)) void
time_solves(const struct options *o, double *a, double *b, int *ipvt,
    struct batch *bt)
{
	matgen_fn *gen = matgens[o->gen];
	double c0, t0, cpu, wall, total = 0.0;
	int64_t reps, r;
	int info;

	for (reps = 1;; reps *= 2) {
		cpu = wall = 0.0;
		for (r = 0; r < reps; r++) {
			gen(a, (int)o->lda, (int)o->n, b);
			t0 = wall_now();
			c0 = cpu_now();
			info = solve(o, a, b, ipvt);
			cpu += cpu_now() - c0;
			wall += wall_now() - t0;
			if (info != 0)
				die(EXIT_FAIL, "self-check failed: matrix of "
				    "order %lld is singular (zero pivot at "
				    "%d)", (long long)o->n, info);
		}
		total += wall;
		if (cpu >= o->target || reps > INT64_MAX / 2)
			break;
	}
	bt->reps = reps;
	bt->solves = reps;
	bt->seconds = cpu;
	bt->wall = wall;
	bt->total = total;
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
	record_param(rec, "kernel", "%s", kernel_names[o->kernel]);
	if (o->simd_name != NULL)
		record_param(rec, "simd", "%s", o->simd_name);
	record_param(rec, "generator", "%s", gen_names[o->gen]);
	record_metric(rec, "kflops", "KFLOPS", kflops);
	record_metric(rec, "seconds", "s", bt->seconds);
	record_metric(rec, "seconds_per_solve", "s",
	    bt->seconds / (double)bt->solves);
	record_metric(rec, "wall_seconds", "s", bt->wall);
	record_metric(rec, "residual", "", resid);
	record_metric(rec, "residual_normalised", "", residn);
	record_metric(rec, "total_seconds", "s", bt->total);
	/* The work: solves of this order, the ones kflops and seconds time. */
	record_metric_int(rec, "order", "count", o->n);
	record_metric_int(rec, "solves", "count", bt->solves);
	record_write(rec, stdout, o->fmt);
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
	residn = residual(matgens[o.gen], a, (int)o.lda, (int)o.n, x, b,
	    &resid);
	/* Checked before anything is printed: no figure is shown then denied. */
	if (!(residn <= RESID_LIMIT))
		die(EXIT_FAIL, "self-check failed: normalised residual %g "
		    "exceeds %g", residn, RESID_LIMIT);
	write_record(&o, &rec, &bt, resid, residn);
	free(a);
	free(b);
	free(x);
	free(ipvt);
	return close_stdout() != EXIT_OK ? EXIT_FAIL : EXIT_OK;
}
