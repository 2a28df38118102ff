/* blocked.h - linpack's fast kernel: a blocked LU with SIMD products */
#ifndef VC_BLOCKED_H
#define VC_BLOCKED_H

/*
 * Picks the SIMD kernel named ("avx512", "avx2" or "base"), or with NULL
 * the widest the CPU has; its name, or NULL if the CPU lacks it.
 */
const char	*blocked_init(const char *);
/* LU of the n x n a, pivots in ipiv (row k swapped with ipiv[k]); 0 or k+1 if U(k,k) is 0. */
int		 blocked_factor(double *, int, int, int *);
/* Solves A x = b with blocked_factor's factors; b becomes x. */
void		 blocked_solve(const double *, int, int, const int *, double *);

#endif
