/*
 * blocked.c - linpack's fast kernel: the same LU factorisation with
 * partial pivoting as the classic dgefa/dgesl, organised so that nearly
 * all of its operations are one matrix product, done on packed blocks
 * that stay in cache by a register-blocked SIMD inner kernel.
 *
 * The factorisation is recursive (as LAPACK's dgetrf2): factor the left
 * half of the columns, swap its pivot rows into the right half, solve
 * A12 = L11^-1 A12, update A22 -= A21 A12 (the product), and factor
 * A22. The triangular solve recurses the same way, so that it too is
 * mostly products. Only blocks of at most SMALL columns are done column
 * by column, like the classic kernel.
 *
 * The product packs a KC x NC block of B by column slivers of NR and an
 * MC x KC block of A by row slivers of MR, then runs an MR x NR kernel
 * over them; its accumulators live in vector registers for the whole
 * KC loop. The kernel is compiled for AVX-512, AVX2+FMA and plain
 * x86-64 (or whatever the compiler targets) and chosen once from what
 * the CPU says it has, so that one static binary runs on any x86-64,
 * an emulated CPU included, and names the one it took.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "blocked.h"
#include "msg.h"

#define SMALL	16		/* columns factored or solved one by one */
#define KC	256		/* depth of a packed block */
#define MC	192		/* rows of a packed block of A (MR divides) */
#define NC	4096		/* columns of a packed block of B */
/* Tiles: 2 vectors by 12 columns in 32 registers, 2 by 6 in 16. */
#define NV512	2
#define NR512	12
#define NV256	2
#define NR256	6
#define MR_MAX	(8 * NV512)	/* the widest tile's, AVX-512's */
#define NR_MAX	NR512

typedef void	kernel_fn(int, const double *, const double *, double *, int);

struct simd {
	const char	*name;
	int		 mr, nr;
	kernel_fn	*kernel;
};

/*
 * c -= a b for one MR x NR tile: a is kc slivers of MR values, b kc
 * slivers of NR; c is column-major with leading dimension ldc. NV
 * vectors of VL doubles make MR; the NR x NV accumulators, NV values of
 * a and one of b fit the vector registers of the target named.
 */
#define KERNEL(fname, tgt, VL, NV, NR)					\
__attribute__((target(tgt))) static void				\
fname(int kc, const double *restrict a, const double *restrict b,	\
    double *restrict c, int ldc)					\
{									\
	typedef double vd __attribute__((vector_size(VL * 8),		\
	    aligned(8)));						\
	vd acc[NR][NV], av[NV];						\
	int i, j, p;							\
									\
	_Pragma("GCC unroll 16")					\
	for (j = 0; j < NR; j++)					\
		_Pragma("GCC unroll 4")					\
		for (i = 0; i < NV; i++)				\
			acc[j][i] = (vd){ 0 };				\
	for (p = 0; p < kc; p++) {					\
		_Pragma("GCC unroll 4")					\
		for (i = 0; i < NV; i++)				\
			av[i] = *(const vd *)&a[(p * NV + i) * VL];	\
		_Pragma("GCC unroll 16")				\
		for (j = 0; j < NR; j++)				\
			_Pragma("GCC unroll 4")				\
			for (i = 0; i < NV; i++)			\
				acc[j][i] += av[i] * b[p * NR + j];	\
	}								\
	_Pragma("GCC unroll 16")					\
	for (j = 0; j < NR; j++)					\
		_Pragma("GCC unroll 4")					\
		for (i = 0; i < NV; i++)				\
			*(vd *)&c[j * ldc + i * VL] -= acc[j][i];	\
}

KERNEL(kernel_avx512, "avx512f,fma", 8, NV512, NR512)
KERNEL(kernel_avx2, "avx2,fma", 4, NV256, NR256)
KERNEL(kernel_base, "sse2", 2, 2, 4)

static const struct simd simds[] = {
	{ "avx512", 8 * NV512, NR512, kernel_avx512 },
	{ "avx2", 4 * NV256, NR256, kernel_avx2 },
	{ "base", 4, 4, kernel_base },
};

static const struct simd *simd;
static double *apack, *bpack;

/* Whether the CPU has what simds[i] needs. */
static int
cpu_has(size_t i)
{
	__builtin_cpu_init();
	switch (i) {
	case 0:
		return __builtin_cpu_supports("avx512f") &&
		    __builtin_cpu_supports("fma");
	case 1:
		return __builtin_cpu_supports("avx2") &&
		    __builtin_cpu_supports("fma");
	default:
		return 1;
	}
}

const char *
blocked_init(const char *want)
{
	size_t i;

	for (i = 0; i < sizeof(simds) / sizeof(simds[0]); i++)
		if (want == NULL ? cpu_has(i) : strcmp(want, simds[i].name) == 0)
			break;
	if (i == sizeof(simds) / sizeof(simds[0]) || !cpu_has(i))
		return NULL;
	simd = &simds[i];
	if ((apack = aligned_alloc(64, sizeof(double) * MC * KC)) == NULL ||
	    (bpack = aligned_alloc(64, sizeof(double) * KC *
	    (NC + NR_MAX))) == NULL)
		diesys(EXIT_FAIL, "cannot allocate the packed blocks");
	return simd->name;
}

/* Rows [0, mc) x columns [0, kc) of a, by slivers of mr rows, zero-padded. */
static void
pack_a(int mc, int kc, const double *a, int lda, double *to)
{
	int i, ir, p, mr = simd->mr, rows;

	for (ir = 0; ir < mc; ir += mr) {
		rows = mc - ir < mr ? mc - ir : mr;
		for (p = 0; p < kc; p++) {
			const double *col = &a[(size_t)p * lda + ir];

			for (i = 0; i < rows; i++)
				to[i] = col[i];
			for (; i < mr; i++)
				to[i] = 0.0;
			to += mr;
		}
	}
}

/* Rows [0, kc) x columns [0, nc) of b, by slivers of nr columns. */
static void
pack_b(int kc, int nc, const double *b, int ldb, double *to)
{
	int j, jr, p, nr = simd->nr, cols;

	for (jr = 0; jr < nc; jr += nr) {
		cols = nc - jr < nr ? nc - jr : nr;
		for (p = 0; p < kc; p++) {
			for (j = 0; j < cols; j++)
				to[j] = b[(size_t)(jr + j) * ldb + p];
			for (; j < nr; j++)
				to[j] = 0.0;
			to += nr;
		}
	}
}

/* One tile, whole or cut at the edge of c (through a scratch tile). */
static void
tile(int kc, const double *ap, const double *bp, double *c, int ldc,
    int rows, int cols)
{
	double t[MR_MAX * NR_MAX];
	int i, j, mr = simd->mr;

	if (rows == mr && cols == simd->nr) {
		simd->kernel(kc, ap, bp, c, ldc);
		return;
	}
	memset(t, 0, sizeof(t));
	simd->kernel(kc, ap, bp, t, mr);
	for (j = 0; j < cols; j++)
		for (i = 0; i < rows; i++)
			c[(size_t)j * ldc + i] += t[j * mr + i];
}

/* c -= a b: a is m x k, b is k x n, c is m x n, all column-major. */
static void
gemm_sub(int m, int n, int k, const double *a, int lda, const double *b,
    int ldb, double *c, int ldc)
{
	int ic, jc, pc, ir, jr, mc, nc, kc, mr = simd->mr, nr = simd->nr;

	for (jc = 0; jc < n; jc += NC) {
		nc = n - jc < NC ? n - jc : NC;
		for (pc = 0; pc < k; pc += KC) {
			kc = k - pc < KC ? k - pc : KC;
			pack_b(kc, nc, &b[(size_t)jc * ldb + pc], ldb, bpack);
			for (ic = 0; ic < m; ic += MC) {
				mc = m - ic < MC ? m - ic : MC;
				pack_a(mc, kc, &a[(size_t)pc * lda + ic], lda,
				    apack);
				for (jr = 0; jr < nc; jr += nr)
					for (ir = 0; ir < mc; ir += mr)
						tile(kc, &apack[ir * kc],
						    &bpack[jr * kc],
						    &c[(size_t)(jc + jr) * ldc +
						    ic + ir], ldc,
						    mc - ir < mr ? mc - ir : mr,
						    nc - jr < nr ? nc - jr : nr);
			}
		}
	}
}

/* The row swaps ipiv[k0..k1) (row k with row ipiv[k]) in n columns of a. */
static void
swap_rows(double *a, int lda, int n, const int *ipiv, int k0, int k1)
{
	double t, *col;
	int j, k;

	for (j = 0; j < n; j++) {
		col = &a[(size_t)j * lda];
		for (k = k0; k < k1; k++)
			if (ipiv[k] != k) {
				t = col[k];
				col[k] = col[ipiv[k]];
				col[ipiv[k]] = t;
			}
	}
}

/* b = L^-1 b: L is m x m unit lower triangular, b is m x n. */
static void
trsm_lower_unit(int m, int n, const double *l, int ldl, double *b, int ldb)
{
	int h, i, j, k;

	if (m <= SMALL) {
		for (j = 0; j < n; j++) {
			double *bj = &b[(size_t)j * ldb];

			for (k = 0; k < m; k++)
				for (i = k + 1; i < m; i++)
					bj[i] -= l[(size_t)k * ldl + i] * bj[k];
		}
		return;
	}
	h = m / 2;
	trsm_lower_unit(h, n, l, ldl, b, ldb);
	gemm_sub(m - h, n, h, &l[h], ldl, b, ldb, &b[h], ldb);
	trsm_lower_unit(m - h, n, &l[(size_t)h * ldl + h], ldl, &b[h], ldb);
}

/*
 * The m x n panel a (m >= n), column by column: pivot, swap whole rows
 * of the panel, scale, update the panel's other columns.
 */
static int
getrf_small(int m, int n, double *a, int lda, int *ipiv)
{
	double *col, max, t;
	int i, j, k, p, info = 0;

	for (k = 0; k < n; k++) {
		col = &a[(size_t)k * lda];
		p = k;
		max = col[k] < 0 ? -col[k] : col[k];
		for (i = k + 1; i < m; i++)
			if ((col[i] < 0 ? -col[i] : col[i]) > max) {
				max = col[i] < 0 ? -col[i] : col[i];
				p = i;
			}
		ipiv[k] = p;
		if (col[p] == 0.0) {
			if (info == 0)
				info = k + 1;
			continue;
		}
		swap_rows(a, lda, n, ipiv, k, k + 1);
		t = 1.0 / col[k];
		for (i = k + 1; i < m; i++)
			col[i] *= t;
		for (j = k + 1; j < n; j++) {
			double *cj = &a[(size_t)j * lda];

			t = cj[k];
			for (i = k + 1; i < m; i++)
				cj[i] -= col[i] * t;
		}
	}
	return info;
}

/* The m x n panel a (m >= n), recursively; ipiv is relative to a. */
static int
getrf_rec(int m, int n, double *a, int lda, int *ipiv)
{
	int i, n1, n2, info, info2;

	if (n <= SMALL)
		return getrf_small(m, n, a, lda, ipiv);
	n1 = n / 2;
	n2 = n - n1;
	info = getrf_rec(m, n1, a, lda, ipiv);
	swap_rows(&a[(size_t)n1 * lda], lda, n2, ipiv, 0, n1);
	trsm_lower_unit(n1, n2, a, lda, &a[(size_t)n1 * lda], lda);
	gemm_sub(m - n1, n2, n1, &a[n1], lda, &a[(size_t)n1 * lda], lda,
	    &a[(size_t)n1 * lda + n1], lda);
	info2 = getrf_rec(m - n1, n2, &a[(size_t)n1 * lda + n1], lda,
	    &ipiv[n1]);
	if (info == 0 && info2 != 0)
		info = info2 + n1;
	for (i = n1; i < n; i++)
		ipiv[i] += n1;
	swap_rows(a, lda, n1, ipiv, n1, n);
	return info;
}

int
blocked_factor(double *a, int lda, int n, int *ipiv)
{
	return getrf_rec(n, n, a, lda, ipiv);
}

void
blocked_solve(const double *a, int lda, int n, const int *ipiv, double *b)
{
	double t;
	int i, k;

	for (k = 0; k < n; k++)
		if (ipiv[k] != k) {
			t = b[k];
			b[k] = b[ipiv[k]];
			b[ipiv[k]] = t;
		}
	/* L y = P b, unit diagonal; then U x = y. Column by column. */
	for (k = 0; k < n; k++)
		for (i = k + 1; i < n; i++)
			b[i] -= a[(size_t)k * lda + i] * b[k];
	for (k = n - 1; k >= 0; k--) {
		b[k] /= a[(size_t)k * lda + k];
		for (i = 0; i < k; i++)
			b[i] -= a[(size_t)k * lda + i] * b[k];
	}
}
