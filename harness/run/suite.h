/*
 * suite.h - what vc-suite's files share: the options of a run, the cells
 * of its matrix, what the platform checks found, and the command of a
 * run. vc-suite.c runs the matrix; suite-meta.c writes meta.json and
 * reads back its argv (-r); suite-resume.c reads what results.csv holds
 * already (-r).
 */
#ifndef VC_SUITE_H
#define VC_SUITE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalog.h"

struct json_object;
#include "report/work.h"

/*
 * vc-suite's options, for getopt(3); vc-fleet reads it too, to tell an
 * option's value from an option in the vc-suite options it passes on.
 */
#define SUITE_OPTSTRING	"a:b:c:d:EhN:n:O:P:p:qr:s:Vw:"

/*
 * quick: small sizes, a few minutes; classic: the course's settings;
 * questions: quick's sizes, on the columns that answer the course's
 * questions (vc-suite(1)). Each benchmark's arguments in a profile are
 * the catalogue's set args; benchs and columns are the default -b and
 * -p.
 */
struct profile {
	const char	*name;
	int64_t		 reps, warmup;
	int		 args;		/* of bench_def's args[] */
	const char	*benchs, *columns;
};

struct options {
	const struct profile *profile;
	int		 bench[NBENCH];		/* chosen? */
	int		 plat[NPLAT];		/* a column of it chosen? */
	struct column	 col[MAXCOLS];		/* -p, in the order run */
	int		 ncol;
	int		 native;		/* plain native's column, or -1 */
	char		*args[NBENCH];		/* -a overrides */
	char		*popts[NPLAT];		/* -O runner options */
	int64_t		 reps;			/* -n; minimum if adaptive */
	int64_t		 maxreps;		/* -N, adaptive */
	double		 ci;			/* -c percent, adaptive */
	int64_t		 warmup;		/* -w */
	int		 sequential;		/* -q */
	int		 shuffle;		/* -s seed given */
	uint64_t	 seed;
	const char	*dir;			/* -d */
	int		 resume;		/* -r */
	int		 equal;			/* -E: unequal work fails */
};

/* One cell of the matrix: a benchmark on a column (a platform variant). */
struct mcell {
	int		 skip;
	char		*done;			/* reps already in the file */
	double		*primary;		/* values, for -c */
	size_t		 nprimary;
	int		 converged;
	int64_t		 nfailed;		/* in this run */
	char		*failure;		/* the first one's reason */
	struct work	 work;			/* what its records did */
	int		 warned;		/* of unequal work */
};

/* What the check of a column's platform found. */
struct plat_found {
	char		*skipped;		/* why it cannot run here */
	char		*info;			/* vc-container -I lines */
	char		*envelope;		/* vc-envelope's output */
};

/* /proc/stat's CPU time: busy, stolen by the hypervisor, all. */
struct cpu_times {
	unsigned long long busy, steal, total;
};

/* What suite-noise.c gathers about the machine during a session. */
struct noise {
	double			t0;
	time_t			started;
	int			have_stat;
	struct cpu_times	stat0;
	double			others_before;	/* percent, NAN if unknown */
	double			load_start[3];
	double			mhz_min, mhz_max;
	int64_t			samples;
};

/* vc-suite.c */
char	**command(int, int, const char *const []);

/* suite-meta.c */
void	 write_meta(const struct options *, const struct plat_found *,
	    const char *, int, char *[]);
int	 recorded_argv(const char *, char ***, char **);

void	 add_session(const char *, struct json_object *);

/* suite-noise.c */
void	 noise_begin(struct noise *);
void	 noise_sample(struct noise *);
struct json_object *noise_end(struct noise *);
void	 noise_warn(struct json_object *);
void	 put_rounded(struct json_object *, const char *, double, int);

/* suite-resume.c */
size_t	 read_done(const char *, const struct options *,
	    struct mcell (*)[NBENCH]);
int	 find_column(const struct options *, const char *, const char *);

#endif
