/*
 * dgesv-anchor - the anchor of bench/linpack-stability.sh: LAPACKE_dgesv
 * of the system library (Debian: OpenBLAS, serial), single-threaded, on
 * a dense random system of order n, timed as linpack times itself: CPU
 * time of factor and solve, the matrix regenerated untimed before each
 * solve, solves doubled until a batch lasts the target. Prints the rate
 * in KFLOPS, counting 2n^3/3 + 2n^2 operations per solve, as linpack.
 *
 * usage: dgesv-anchor order seconds; the numbers are read by the
 * project's one parser (lib/parse.c, linked from the build tree's
 * lib/libvc.a), with linpack's bounds.
 */
#include <lapacke.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "parse.h"

static double
cpu_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Uniform in [-2, 2) from a 64-bit LCG; b the row sums (x all ones). */
static void
generate(double *a, double *b, int n)
{
	uint64_t s = 1325;
	int i, j;

	for (i = 0; i < n; i++)
		b[i] = 0.0;
	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++) {
			s = s * UINT64_C(6364136223846793005) +
			    UINT64_C(1442695040888963407);
			a[(size_t)j * n + i] = ((double)(s >> 32) -
			    2147483648.0) / 1073741824.0;
			b[i] += a[(size_t)j * n + i];
		}
}

int
main(int argc, char *argv[])
{
	double *a, *b, cpu, t0, target, ops;
	lapack_int n, *ipiv, info;
	long reps, r;
	int64_t order;

	if (argc != 3 || parse_int(argv[1], 2, 100000, &order) != NULL ||
	    parse_time(argv[2], 0.0, 86400.0, &target) != NULL) {
		fprintf(stderr, "usage: dgesv-anchor order seconds (linpack's "
		    "bounds: order 2..100000, seconds 0..86400)\n");
		return 2;
	}
	n = (lapack_int)order;
	a = malloc(sizeof(*a) * (size_t)n * (size_t)n);
	b = malloc(sizeof(*b) * (size_t)n);
	ipiv = malloc(sizeof(*ipiv) * (size_t)n);
	if (a == NULL || b == NULL || ipiv == NULL) {
		perror("dgesv-anchor");
		return 1;
	}
	for (reps = 1;; reps *= 2) {
		cpu = 0.0;
		for (r = 0; r < reps; r++) {
			generate(a, b, n);
			t0 = cpu_seconds();
			info = LAPACKE_dgesv(LAPACK_COL_MAJOR, n, 1, a, n,
			    ipiv, b, n);
			cpu += cpu_seconds() - t0;
			if (info != 0) {
				fprintf(stderr, "dgesv-anchor: dgesv: info %d\n",
				    (int)info);
				return 1;
			}
		}
		if (cpu >= target)
			break;
	}
	ops = 2.0 * n * n * n / 3.0 + 2.0 * (double)n * n;
	printf("%.1f\n", ops * (double)reps / cpu / 1000.0);
	return 0;
}
