/* results.h - a results directory as vc-report and vc-plot see it */
#ifndef VC_RESULTS_H
#define VC_RESULTS_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "resultsfile.h"
#include "stats.h"
#include "work.h"

struct json_object;
struct strmap;

/* One row of results.csv. */
struct obs {
	double	 value;		/* NaN or infinite: missing */
	int64_t	 rep;
	char	*time;
	size_t	 line;
};

/*
 * All the runs of one benchmark's metric on one column: a platform or
 * a platform variant (platform is then "qemu:disk=raw", catalog.h);
 * so everywhere below, a "platform" is a column.
 */
struct series {
	char		*benchmark;
	char		*metric;
	char		*unit;
	char		*platform;
	char		*params;	/* the pairs all its rows share */
	size_t		 line;		/* where it first appeared */
	struct obs	*obs;
	size_t		 n, cap;
};

/*
 * A measurement that failed, from failures.csv (columns: resultsfile.h):
 * vc-suite appends one row per failed run as it happens, status being
 * the runner's exit status (0: it succeeded but gave no usable record)
 * and reason one line of its output, cleaned.
 */
struct failure {
	char	*time;
	char	*platform;
	char	*benchmark;
	int64_t	 rep;
	int	 status;
	char	*reason;
	char	*host;		/* "": an older file, without */
};

/*
 * What one benchmark's runs on one platform did (work.h), and the note
 * that says why its ratio to native is refused, if it is.
 */
struct workcell {
	char		*benchmark;
	char		*platform;
	struct work	 w;
	enum work_kind	 kind;
	char		*note;		/* NULL: WORK_SAME */
};

/* A platform vc-suite skipped (meta.json) and why. */
struct skip {
	char	*platform;
	char	*reason;
};

/*
 * A platform's envelope, from meta.json: what vc-envelope saw there, as
 * one line ("cpus 2, memory 1024 MiB, nofile 1024/4096, ...").
 */
struct envelope {
	char	*platform;
	char	*line;
};

/*
 * How quiet the machine looked during one vc-suite session, from
 * meta.json's "sessions": the verdict and one line that says why.
 */
struct condition {
	int	 noisy;
	char	*line;
};

/*
 * A host of a report over several (a fleet directory, or several
 * results directories given together): its name as the report shows
 * it, and what its meta.json or the fleet's says of it. With two hosts
 * or more, every column is HOST/PLATFORM[:VARIANT] (results_host).
 */
struct host {
	char	*name;		/* NAME, or NAME@DIR (results_read_hosts) */
	char	*status;	/* complete, partial, failed; NULL: unknown */
	char	*reason;	/* why it failed, or NULL */
	char	*machine;	/* "hostname, cpu model, N CPUs", or NULL */
	struct json_object *meta;	/* its vc-suite meta.json, or NULL */
};

#define HOST_MAX	64	/* bytes of a host's name (fleet format) */
/* A column's name with its host: HOST@DIR/PLATFORM:VARIANT, NUL. */
#define COLKEY_MAX	(2 * HOST_MAX + 2 * COLUMN_MAX + 8)

#define META_MAX	(1 << 20)	/* bytes of meta.json read at most */
#define META_MAX_TEXT	"1 MiB"
#define REASON_MAX	200	/* bytes of a reason kept; longer is cut */
#define PARAMS_MAX	1024	/* bytes of a row's params at most */
#define PARAMS_MAX_TEXT	"1024 bytes"

/* One row of failures.csv, checked, as failures_scan hands it on. */
struct failure_row {
	const char	*field[X_NCOLS];	/* "" past an older file's */
	char		 reason[REASON_MAX + 8];	/* as struct failure's */
	int64_t		 rep;
	int		 status;
	size_t		 line;
};

struct bench {
	char		 *name;
	char		 *params;	/* the pairs all its rows share, or NULL */
	char		**metrics;	/* the primary first, then as found */
	size_t		  nmetrics;
	enum better	  better;	/* of the primary metric */
};

struct results {
	char		 *csv;		/* path of results.csv, for messages */
	size_t		  nrows;
	struct series	 *series;
	size_t		  nseries;
	struct bench	 *bench;	/* in report order */
	size_t		  nbench;
	char		**plat;		/* catalogue's order, then others */
	size_t		  nplat;
	struct failure	 *fail;		/* not superseded by a result */
	size_t		  nfail;
	struct skip	 *skip;
	size_t		  nskip;
	struct envelope	 *env;
	size_t		  nenv;
	struct condition *cond;		/* one per vc-suite session */
	size_t		  ncond;
	struct workcell	 *work;		/* per benchmark and platform */
	size_t		  nwork;
	struct host	 *hosts;	/* in report order */
	size_t		  nhosts;	/* two or more: HOST/ columns */
	const char	 *ref;		/* -R: the reference host, or NULL */
	/* Private to results.c: the index of the series. */
	struct strmap	 *find;		/* benchmark, metric, platform */
	struct strmap	 *units;	/* benchmark, metric: the first */
	struct strmap	 *works;	/* benchmark, platform */
	struct strmap	 *order;	/* column: its place in meta.json */
	size_t		  cap, last, workcap, lastwork;
};

/* One row of results.csv, checked, as results_scan hands it on. */
struct csv_row {
	const char	*time;
	const char	*host;
	const char	*platform;
	const char	*benchmark;
	const char	*metric;
	const char	*unit;
	const char	*params;	/* NULL: an older file, without */
	const char	*variant;	/* "": the plain platform, or older */
	const char	*column;	/* platform, or platform:variant */
	double		 value;
	int64_t		 rep;
	size_t		 line;		/* where it starts */
	long long	 offset;	/* of its first byte */
	const char	*cell[R_NCOLS];	/* as read; "" past an older file's */
};

/* The statistics of one series, as both tools print them. */
struct cell {
	const struct series	*s;
	struct summary		 sum;
	double			*values;	/* the finite ones, in file order */
	int64_t			*reps;		/* their reps */
	int			*outlier;	/* per value: beyond the fences */
	size_t			 noutliers;
	size_t			 nmissing;
};

#define CI_LEVEL	0.95
#define CV_HIGH		0.10	/* a coefficient of variation worth a flag */
#define TUKEY_K		1.5

void			 results_read(struct results *, const char *);
void			 results_read_hosts(struct results *,
			    char *const *, size_t, const char *);
const char		*results_ref_arg(const char *);
const char		*results_ref(const struct results *, const char *,
			    char *, size_t);
size_t			 results_host(const struct results *, const char *,
			    const char **);
const char		*results_host_ok(const char *);
char			*results_host_line(const struct host *);
void			 results_free(struct results *);
struct json_object	*results_json_file(const char *, const char **);
size_t			 results_scan(const char *,
			    void (*)(const struct csv_row *, void *), void *);
const struct series	*results_find(const struct results *, const char *,
			    const char *, const char *);
const char		*results_unit(const struct results *, const char *,
			    const char *);
enum better		 results_better(const char *, const char *,
			    const char *);
const char		*better_name(enum better);
const char		*results_skipped(const struct results *,
			    const char *);
const char		*results_envelope(const struct results *,
			    const char *);
size_t			 results_failed(const struct results *, const char *,
			    const char *, const struct failure **);
void			 results_append(int, const char *, const char *,
			    size_t);
const char		*results_name_ok(const char *, int);
const char		*results_params_ok(const char *);
const char		*results_variant_ok(const char *);
const char		*results_param(const char *, const char *, size_t *);
const char		*results_work(const struct results *, const char *,
			    const char *, enum work_kind *);

/* A benchmark's record as results.csv rows, for vc-suite's intake. */
struct results_rows {
	char		*p;		/* the rows; the caller frees it */
	size_t		 len;
	double		 work;		/* the value of the work metric */
	double		 primary;	/* of the primary metric */
	struct work	 did;		/* what it did: work_free() it */
};
const char		*results_rows(const char *, const char *,
			    const char *, const char *,
			    const struct bench_def *, long long, size_t,
			    struct results_rows *);
const char		*results_time_ok(const char *);
void			 reason_clean(char *, size_t, const char *);
int			 failures_open(const char *, size_t *);
void			 failures_append(int, size_t, const char *,
			    const char *, const char *, const char *, int64_t,
			    int, const char *);
size_t			 failures_scan(const char *,
			    void (*)(const struct failure_row *, void *),
			    void *);
void			 cell_compute(struct cell *, const struct series *);
void			 cell_free(struct cell *);

#endif
