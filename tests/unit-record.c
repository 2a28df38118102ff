/* unit-record.c - the record writer's three formats and their escaping */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tap.h"

static char *
render(const struct record *r, enum out_format f)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (fp == NULL)
		return NULL;
	record_write(r, fp, f);
	fclose(fp);
	return buf;
}

int
main(void)
{
	struct record r;
	enum out_format f;
	char *s;

	TAP_OK(parse_format("json", &f) == NULL && f == OUT_JSON, "json");
	TAP_OK(parse_format("csv", &f) == NULL && f == OUT_CSV, "csv");
	TAP_OK(parse_format("text", &f) == NULL && f == OUT_TEXT, "text");
	TAP_OK(parse_format("xml", &f) != NULL, "xml refused");

	record_init(&r, "bench");
	strcpy(r.time, "2026-01-01T00:00:00Z");
	strcpy(r.host, "h\"o,st");
	record_param(&r, "n", "%d", 500);
	record_param(&r, "path", "%s", "a \"quoted\"\tpath");
	record_param(&r, "neg", "%s", "-1.5");
	record_param(&r, "notnum", "%s", "01");
	record_metric(&r, "rate", "1/s", 1234.5);
	record_metric_int(&r, "sum", "", 5000050000LL);
	record_metric(&r, "bad", "s", NAN);

	s = render(&r, OUT_JSON);
	TAP_OK(s != NULL && strcmp(s,
	    "{\"time\":\"2026-01-01T00:00:00Z\",\"host\":\"h\\\"o,st\","
	    "\"benchmark\":\"bench\",\"params\":{\"n\":500,"
	    "\"path\":\"a \\\"quoted\\\"\\u0009path\",\"neg\":-1.5,"
	    "\"notnum\":\"01\"},\"metrics\":["
	    "{\"metric\":\"rate\",\"unit\":\"1/s\",\"value\":1234.5},"
	    "{\"metric\":\"sum\",\"unit\":\"\",\"value\":5000050000},"
	    "{\"metric\":\"bad\",\"unit\":\"s\",\"value\":null}]}\n") == 0,
	    "json record exact: %s", s);
	free(s);

	s = render(&r, OUT_CSV);
	TAP_OK(s != NULL && strcmp(s,
	    "time,host,benchmark,metric,unit,value,params\n"
	    "2026-01-01T00:00:00Z,\"h\"\"o,st\",bench,rate,1/s,1234.5,"
	    "\"n=500 path=a \"\"quoted\"\"\tpath neg=-1.5 notnum=01\"\n"
	    "2026-01-01T00:00:00Z,\"h\"\"o,st\",bench,sum,,5000050000,"
	    "\"n=500 path=a \"\"quoted\"\"\tpath neg=-1.5 notnum=01\"\n"
	    "2026-01-01T00:00:00Z,\"h\"\"o,st\",bench,bad,s,nan,"
	    "\"n=500 path=a \"\"quoted\"\"\tpath neg=-1.5 notnum=01\"\n") == 0,
	    "csv record exact: %s", s);
	free(s);

	s = render(&r, OUT_TEXT);
	TAP_OK(s != NULL && strcmp(s,
	    "bench: n=500 path=a \"quoted\"\tpath neg=-1.5 notnum=01\n"
	    "  rate  1234.50 1/s\n"
	    "  sum   5000050000\n"
	    "  bad   nan s\n") == 0, "text record exact: %s", s);
	free(s);
	return TAP_DONE();
}
