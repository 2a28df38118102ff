/* record.h - one result record per run: text, CSV or JSON */
#ifndef VC_RECORD_H
#define VC_RECORD_H

#include <stdint.h>
#include <stdio.h>

enum out_format { OUT_TEXT, OUT_CSV, OUT_JSON };

#define RECORD_MAX	24
#define RECORD_VALLEN	80

struct record {
	const char	*benchmark;
	char		 time[32];	/* ISO 8601 UTC, when the run started */
	char		 host[64];
	size_t		 nparams;
	struct {
		const char	*key;
		char		 value[RECORD_VALLEN];
	} params[RECORD_MAX];
	size_t		 nmetrics;
	struct {
		const char	*name;
		const char	*unit;
		int		 is_int;
		int64_t		 ival;
		double		 dval;
	} metrics[RECORD_MAX];
};

const char	*parse_format(const char *, enum out_format *);
void		 record_init(struct record *, const char *);
void		 record_param(struct record *, const char *, const char *, ...)
		     __attribute__((format(printf, 3, 4)));
void		 record_metric(struct record *, const char *, const char *,
		     double);
void		 record_metric_int(struct record *, const char *, const char *,
		     int64_t);
void		 record_write(const struct record *, FILE *, enum out_format);

#endif
