/*
 * wrkreport.c - parse the report that report.lua writes from wrk's done():
 * one JSON object on one line, every key present exactly once, integers
 * where wrk has counters, nothing else.
 *
 * json-c does the tokenising, but even in strict mode it accepts things a
 * report must not hold (NaN, integers clamped to INT64_MAX, duplicate keys
 * where the last one wins, anything after the object when given a length
 * that covers a NUL), so the checks that matter are made here. Any doubt
 * is an error: a wrong number must never reach the record.
 */
#include "config.h"

#include <json.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "wrkreport.h"

/* Larger than any line report.lua writes; more is not a report. */
#define REPORT_MAX	4096

/* Lua numbers are doubles: a counter above 2^53 was not exact. */
#define EXACT_MAX	(UINT64_C(1) << 53)

struct key {
	const char	*name;
	int		 is_int;
	size_t		 off;
};

static const struct key keys[] = {
	{ "duration_us", 1, offsetof(struct wrkreport, duration_us) },
	{ "requests", 1, offsetof(struct wrkreport, requests) },
	{ "bytes", 1, offsetof(struct wrkreport, bytes) },
	{ "errors_connect", 1, offsetof(struct wrkreport, errors_connect) },
	{ "errors_read", 1, offsetof(struct wrkreport, errors_read) },
	{ "errors_write", 1, offsetof(struct wrkreport, errors_write) },
	{ "errors_status", 1, offsetof(struct wrkreport, errors_status) },
	{ "errors_timeout", 1, offsetof(struct wrkreport, errors_timeout) },
	{ "latency_mean_us", 0, offsetof(struct wrkreport, latency_mean_us) },
	{ "latency_p99_us", 0, offsetof(struct wrkreport, latency_p99_us) },
};
#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static char reason[128];

static const char *why(const char *, ...)
    __attribute__((format(printf, 1, 2)));

static const char *
why(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	return reason;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * json-c keeps the last of duplicate keys and accepts single quotes;
 * count the double-quoted name in the text instead. Only "format" holds a string, and it is checked to be
 * exactly WRKREPORT_FORMAT, so a name cannot hide inside a value.
 */
static size_t
occurrences(const char *buf, const char *name)
{
	char quoted[64];
	const char *p;
	size_t n = 0;

	snprintf(quoted, sizeof(quoted), "\"%s\"", name);
	for (p = buf; (p = strstr(p, quoted)) != NULL; p++)
		n++;
	return n;
}

static const char *
get_value(struct json_object *obj, const char *text, const struct key *k,
    struct wrkreport *r)
{
	struct json_object *v;
	int64_t i;
	double d;

	if (!json_object_object_get_ex(obj, k->name, &v))
		return why("missing key '%s'", k->name);
	if (occurrences(text, k->name) != 1)
		return why("key '%s' is not there exactly once, in double quotes",
		    k->name);
	if (k->is_int) {
		if (!json_object_is_type(v, json_type_int))
			return why("'%s' is not an integer", k->name);
		i = json_object_get_int64(v);
		if (i < 0)
			return why("'%s' is negative", k->name);
		if ((uint64_t)i > EXACT_MAX)
			return why("'%s' is out of range", k->name);
		*(uint64_t *)(void *)((char *)r + k->off) = (uint64_t)i;
		return NULL;
	}
	if (!json_object_is_type(v, json_type_int) &&
	    !json_object_is_type(v, json_type_double))
		return why("'%s' is not a number", k->name);
	d = json_object_get_double(v);
	if (!isfinite(d) || d > (double)EXACT_MAX)
		return why("'%s' is out of range", k->name);
	if (d < 0)
		return why("'%s' is negative", k->name);
	*(double *)(void *)((char *)r + k->off) = d;
	return NULL;
}

static const char *
check_object(struct json_object *obj, const char *text, struct wrkreport *r)
{
	struct json_object *fmt;
	const char *err;
	size_t i;

	if (!json_object_is_type(obj, json_type_object))
		return "not a JSON object";
	if (!json_object_object_get_ex(obj, "format", &fmt))
		return "missing key 'format'";
	if (!json_object_is_type(fmt, json_type_string) ||
	    strcmp(json_object_get_string(fmt), WRKREPORT_FORMAT) != 0)
		return "not a " WRKREPORT_FORMAT " report";
	if (occurrences(text, "format") != 1)
		return "key 'format' is not there exactly once, in double quotes";
	for (i = 0; i < NKEYS; i++)
		if ((err = get_value(obj, text, &keys[i], r)) != NULL)
			return err;
	if ((size_t)json_object_object_length(obj) != NKEYS + 1)
		return "unknown keys in report";
	if (r->duration_us == 0)
		return "duration is zero";
	return NULL;
}

/*
 * Parses the len bytes at buf into r. Returns NULL, or why the text is
 * not a report; r is then unchanged.
 */
const char *
wrkreport_parse(const char *buf, size_t len, struct wrkreport *r)
{
	struct json_tokener *tok;
	struct json_object *obj;
	struct wrkreport tmp;
	char text[REPORT_MAX + 1];
	const char *err;
	size_t end;

	while (len > 0 && is_space(buf[len - 1]))
		len--;
	if (len == 0)
		return "empty report";
	if (len > REPORT_MAX)
		return "report too long";
	if (memchr(buf, '\0', len) != NULL)
		return "NUL byte in report";
	memcpy(text, buf, len);
	text[len] = '\0';

	if ((tok = json_tokener_new()) == NULL)
		return "out of memory";
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	obj = json_tokener_parse_ex(tok, text, (int)len);
	switch (json_tokener_get_error(tok)) {
	case json_tokener_success:
		end = json_tokener_get_parse_end(tok);
		while (end < len && is_space(text[end]))
			end++;
		err = end == len ? NULL : "trailing data after the report";
		break;
	case json_tokener_continue:
		err = "truncated report";
		break;
	default:
		err = why("not JSON: %s", json_tokener_error_desc(
		    json_tokener_get_error(tok)));
		break;
	}
	json_tokener_free(tok);
	memset(&tmp, 0, sizeof(tmp));
	if (err == NULL)
		err = check_object(obj, text, &tmp);
	json_object_put(obj);
	if (err == NULL)
		*r = tmp;
	return err;
}
