/*
 * report.h - what vc-report's summary (vc-report.c) and its comparison
 * of two runs (vc-report-compare.c) share: the formats and the way
 * numbers and Markdown text are written.
 */
#ifndef VC_REPORT_H
#define VC_REPORT_H

#include "compare.h"

enum format { FMT_TEXT, FMT_MARKDOWN, FMT_CSV, FMT_JSON, FMT_HTML };

char		*fmt_num(double, int);
char		*fmt_fixed(double, int);
char		*fmt_interval(double, double, int, int);
void		 put_md_text(const char *);
void		 put_md_cell(const char *, int);
const char	*better_word(enum better);

size_t		 compare_report(const struct comparison *, enum format,
		    double);

#endif
