/*
 * record.c - the result record every benchmark prints.
 *
 * One record per run. The field names are the same in every tool and
 * every format, so that the runners and vc-suite can read any benchmark
 * the same way:
 *
 *   text  "bench: key=value ..." then one "  metric  value unit" line each
 *   csv   header time,host,benchmark,metric,unit,value,params and one row
 *         per metric (tidy data; params as space-separated key=value)
 *   json  one object on one line: time, host, benchmark, params{},
 *         metrics[{metric, unit, value}]
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "record.h"

const char *
parse_format(const char *s, enum out_format *f)
{
	if (strcmp(s, "text") == 0)
		*f = OUT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*f = OUT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = OUT_JSON;
	else
		return "unknown output format (use text, csv or json)";
	return NULL;
}

void
record_init(struct record *r, const char *benchmark)
{
	time_t now = time(NULL);
	struct tm tm;

	memset(r, 0, sizeof(*r));
	r->benchmark = benchmark;
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(r->time, sizeof(r->time), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		strcpy(r->time, "unknown");
	if (gethostname(r->host, sizeof(r->host) - 1) != 0)
		strcpy(r->host, "unknown");
}

void
record_param(struct record *r, const char *key, const char *fmt, ...)
{
	va_list ap;

	if (r->nparams == RECORD_MAX)
		return;
	r->params[r->nparams].key = key;
	va_start(ap, fmt);
	vsnprintf(r->params[r->nparams].value, RECORD_VALLEN, fmt, ap);
	va_end(ap);
	r->nparams++;
}

static void
add_metric(struct record *r, const char *name, const char *unit, int is_int,
    int64_t ival, double dval)
{
	if (r->nmetrics == RECORD_MAX)
		return;
	r->metrics[r->nmetrics].name = name;
	r->metrics[r->nmetrics].unit = unit;
	r->metrics[r->nmetrics].is_int = is_int;
	r->metrics[r->nmetrics].ival = ival;
	r->metrics[r->nmetrics].dval = dval;
	r->nmetrics++;
}

void
record_metric(struct record *r, const char *name, const char *unit,
    double value)
{
	add_metric(r, name, unit, 0, 0, value);
}

void
record_metric_int(struct record *r, const char *name, const char *unit,
    int64_t value)
{
	add_metric(r, name, unit, 1, value, (double)value);
}

/* Machine formats: enough digits to be exact for any measurement. */
static void
put_value(FILE *fp, const struct record *r, size_t i, int json)
{
	double v = r->metrics[i].dval;

	if (r->metrics[i].is_int)
		fprintf(fp, "%lld", (long long)r->metrics[i].ival);
	else if (!isfinite(v))
		fputs(json ? "null" : "nan", fp);
	else
		fprintf(fp, "%.10g", v);
}

/* Human format: about six significant digits, never an exponent above 1. */
static void
put_human(FILE *fp, const struct record *r, size_t i)
{
	double v = r->metrics[i].dval, a = fabs(v);
	int decimals;

	if (r->metrics[i].is_int || !isfinite(v) || a < 1.0) {
		if (r->metrics[i].is_int || !isfinite(v))
			put_value(fp, r, i, 0);
		else
			fprintf(fp, "%.6g", v);
		return;
	}
	decimals = 6 - (int)floor(log10(a)) - 1;
	if (decimals < 0)
		decimals = 0;
	fprintf(fp, "%.*f", decimals, v);
}

static void
put_csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void
put_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			fputc(c, fp);
	}
	fputc('"', fp);
}

/* A parameter that is a plain JSON number is written as one. */
static int
is_json_number(const char *s)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return 0;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	return *p == '\0';
}

static void
write_text(const struct record *r, FILE *fp)
{
	size_t i, width = 0;

	fprintf(fp, "%s:", r->benchmark);
	for (i = 0; i < r->nparams; i++)
		fprintf(fp, " %s=%s", r->params[i].key, r->params[i].value);
	fputc('\n', fp);
	for (i = 0; i < r->nmetrics; i++)
		if (strlen(r->metrics[i].name) > width)
			width = strlen(r->metrics[i].name);
	for (i = 0; i < r->nmetrics; i++) {
		fprintf(fp, "  %-*s  ", (int)width, r->metrics[i].name);
		put_human(fp, r, i);
		if (*r->metrics[i].unit != '\0')
			fprintf(fp, " %s", r->metrics[i].unit);
		fputc('\n', fp);
	}
}

static void
write_csv(const struct record *r, FILE *fp)
{
	char params[RECORD_MAX * (RECORD_VALLEN + 32)];
	size_t i, len = 0;

	params[0] = '\0';
	for (i = 0; i < r->nparams && len < sizeof(params); i++)
		len += (size_t)snprintf(params + len, sizeof(params) - len,
		    "%s%s=%s", i ? " " : "", r->params[i].key,
		    r->params[i].value);
	fputs("time,host,benchmark,metric,unit,value,params\n", fp);
	for (i = 0; i < r->nmetrics; i++) {
		put_csv_field(fp, r->time);
		fputc(',', fp);
		put_csv_field(fp, r->host);
		fputc(',', fp);
		put_csv_field(fp, r->benchmark);
		fputc(',', fp);
		put_csv_field(fp, r->metrics[i].name);
		fputc(',', fp);
		put_csv_field(fp, r->metrics[i].unit);
		fputc(',', fp);
		put_value(fp, r, i, 0);
		fputc(',', fp);
		put_csv_field(fp, params);
		fputc('\n', fp);
	}
}

static void
write_json(const struct record *r, FILE *fp)
{
	size_t i;

	fputs("{\"time\":", fp);
	put_json_string(fp, r->time);
	fputs(",\"host\":", fp);
	put_json_string(fp, r->host);
	fputs(",\"benchmark\":", fp);
	put_json_string(fp, r->benchmark);
	fputs(",\"params\":{", fp);
	for (i = 0; i < r->nparams; i++) {
		if (i)
			fputc(',', fp);
		put_json_string(fp, r->params[i].key);
		fputc(':', fp);
		if (is_json_number(r->params[i].value))
			fputs(r->params[i].value, fp);
		else
			put_json_string(fp, r->params[i].value);
	}
	fputs("},\"metrics\":[", fp);
	for (i = 0; i < r->nmetrics; i++) {
		fputs(i ? ",{\"metric\":" : "{\"metric\":", fp);
		put_json_string(fp, r->metrics[i].name);
		fputs(",\"unit\":", fp);
		put_json_string(fp, r->metrics[i].unit);
		fputs(",\"value\":", fp);
		put_value(fp, r, i, 1);
		fputc('}', fp);
	}
	fputs("]}\n", fp);
}

void
record_write(const struct record *r, FILE *fp, enum out_format f)
{
	switch (f) {
	case OUT_TEXT:
		write_text(r, fp);
		break;
	case OUT_CSV:
		write_csv(r, fp);
		break;
	case OUT_JSON:
		write_json(r, fp);
		break;
	}
}
