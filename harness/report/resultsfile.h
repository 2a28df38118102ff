/*
 * resultsfile.h - the CSV files of a results directory, results.csv and
 * failures.csv: their columns, their header line, and the CSV (RFC 4180)
 * that writes and reads them. The one owner of the two formats: vc-suite
 * writes them and vc-report, vc-plot and vc-suite -r read them through
 * here (results.c checks what is in the cells).
 *
 * CSV: fields are separated by commas, rows end in LF (CRLF is read
 * too). A field is quoted when it holds a comma, a quote, CR or LF, a
 * quote inside doubled. The reader takes any such field, line breaks
 * included; the writers of results.csv and failures.csv never write a
 * line break in a cell (results.c refuses control characters), so that
 * each row is one line, which vc-suite -r counts on when it cuts a
 * partial last line, and awk -F, can read the first columns.
 */
#ifndef VC_RESULTSFILE_H
#define VC_RESULTSFILE_H

#include <stddef.h>
#include <stdio.h>

#define RESULTS_CSV	"results.csv"
#define FAILURES_CSV	"failures.csv"

/*
 * results.csv: one row per metric of each measurement. params, the
 * record's parameters, came last, after the others, and variant (the
 * settings of a platform variant, catalog.h: "disk=raw:net=passt", ""
 * for the plain platform) after params: a file of an older vc-suite has
 * the first R_NCOLS_OLD columns, or R_NCOLS_NOVARIANT, and is still
 * read (results_ncols).
 */
enum { R_TIME, R_HOST, R_PLATFORM, R_BENCHMARK, R_METRIC, R_UNIT, R_VALUE,
    R_REP, R_PARAMS, R_VARIANT, R_NCOLS };
#define R_NCOLS_OLD		R_PARAMS
#define R_NCOLS_NOVARIANT	R_VARIANT
extern const char *const results_cols[R_NCOLS];
extern const size_t results_ncols[3];	/* the forms, newest first */

/*
 * failures.csv: one row per failed measurement. variant came last, then
 * host (vc-suite's gethostname(), or in a fleet's merged file the name
 * the user gave the host): a file of an older vc-suite has the first
 * X_NCOLS_OLD columns, or X_NCOLS_NOHOST, and is still read
 * (failures_ncols).
 */
enum { X_TIME, X_PLATFORM, X_BENCHMARK, X_REP, X_STATUS, X_REASON,
    X_VARIANT, X_HOST, X_NCOLS };
#define X_NCOLS_OLD	X_VARIANT
#define X_NCOLS_NOHOST	X_HOST
extern const char *const failures_cols[X_NCOLS];
extern const size_t failures_ncols[3];	/* the forms, newest first */

#define CSV_MAXCOLS	R_NCOLS		/* fields kept of a row */

char	*csv_header_line(const char *const *, size_t);

/* Writing: into a stream, or into memory (p) up to max bytes. */
struct csv_out {
	FILE	*fp;		/* or NULL: into p, which the caller frees */
	char	*p;
	size_t	 len, cap;
	size_t	 max;		/* of p; 0: no limit */
	int	 over;		/* p would have passed max: it stopped */
};

void	 csv_text(struct csv_out *, const char *);
void	 csv_field(struct csv_out *, const char *);
void	 csv_quoted(struct csv_out *, const char *);
void	 csv_fields(struct csv_out *, const char *const *, size_t);

/* Reading: one row at a time, its fields NUL-separated in buf. */
struct csv_in {
	FILE	*fp;
	size_t	 line;		/* physical line of the next character */
	size_t	 start;		/* line where the last row started */
	char	*buf;
	size_t	 len, cap;
	size_t	 off[CSV_MAXCOLS];
	size_t	 nfields;	/* may exceed CSV_MAXCOLS: counted, not kept */
};

int		 csv_open(struct csv_in *, const char *);
int		 csv_read(struct csv_in *, const char **);
const char	*csv_get(const struct csv_in *, size_t);
int		 csv_is_header(const struct csv_in *, const char *const *,
		    size_t);
void		 csv_close(struct csv_in *);

#endif
