/*
 * parse.c - strict number parsing: whole string, no junk, no overflow.
 *
 * Integers are decimal with an optional sign. Sizes are non-negative
 * integers with an optional binary suffix k, M, G or T (1024-based).
 * Decimals are non-negative, plain (no exponent), with no unit; times
 * are decimals with an optional unit s or ms (seconds by default).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static const char *
int_prefix(const char *s, int64_t *out, char **end)
{
	long long v;
	const char *p;

	if (s == NULL || *s == '\0')
		return "empty";
	/* strtoll would skip leading space and accept "0x"; we do not. */
	p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (!isdigit((unsigned char)*p))
		return "not a number";
	errno = 0;
	v = strtoll(s, end, 10);
	if (errno == ERANGE)
		return "out of range";
	*out = v;
	return NULL;
}

const char *
parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	const char *why;
	char *end;
	int64_t v;

	if ((why = int_prefix(s, &v, &end)) != NULL)
		return why;
	if (*end != '\0')
		return "trailing characters after number";
	if (v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}

const char *
parse_size(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	const char *why;
	char *end;
	int64_t v;
	uint64_t mult = 1, r;

	if (s != NULL && *s == '-')
		return "must not be negative";
	if ((why = int_prefix(s, &v, &end)) != NULL)
		return why;
	if (*end != '\0') {
		switch (*end) {
		case 'k': case 'K': mult = UINT64_C(1) << 10; break;
		case 'm': case 'M': mult = UINT64_C(1) << 20; break;
		case 'g': case 'G': mult = UINT64_C(1) << 30; break;
		case 't': case 'T': mult = UINT64_C(1) << 40; break;
		default: return "unknown size suffix (use k, M, G or T)";
		}
		if (end[1] != '\0')
			return "trailing characters after size";
	}
	if (__builtin_mul_overflow((uint64_t)v, mult, &r))
		return "out of range";
	if (r < min || r > max)
		return "out of range";
	*out = r;
	return NULL;
}

/*
 * A plain non-negative decimal at the start of s: no sign, exponent,
 * hex, inf, nan or leading space. *end is where it stops.
 */
static const char *
decimal_prefix(const char *s, double *out, char **end)
{
	const char *p;
	double v;

	if (s == NULL || *s == '\0')
		return "empty";
	if (*s == '-')
		return "must not be negative";
	for (p = s; isdigit((unsigned char)*p) || *p == '.'; p++)
		;
	if (p == s || (p == s + 1 && *s == '.'))
		return "not a number";
	errno = 0;
	v = strtod(s, end);
	if (*end != p)
		return "not a number";
	if (errno == ERANGE || !isfinite(v))
		return "out of range";
	*out = v;
	return NULL;
}

const char *
parse_decimal(const char *s, double min, double max, double *out)
{
	const char *why;
	char *end;
	double v;

	if ((why = decimal_prefix(s, &v, &end)) != NULL)
		return why;
	if (*end != '\0')
		return "trailing characters after number";
	if (v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}

const char *
parse_time(const char *s, double min, double max, double *out)
{
	const char *why;
	char *end;
	double v;

	if ((why = decimal_prefix(s, &v, &end)) != NULL)
		return why;
	if (strcmp(end, "ms") == 0)
		v /= 1000.0;
	else if (*end != '\0' && strcmp(end, "s") != 0)
		return "unknown time unit (use s or ms)";
	if (v < min || v > max)
		return "out of range";
	*out = v;
	return NULL;
}
