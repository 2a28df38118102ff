/* unit-parse.c - the strict number parser accepts and refuses exactly */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "parse.h"
#include "tap.h"

static void
int_ok(const char *s, int64_t want)
{
	int64_t v = -12345;
	const char *why = parse_int(s, INT64_MIN, INT64_MAX, &v);

	TAP_OK(why == NULL && v == want, "parse_int(\"%s\") = %lld", s,
	    (long long)want);
}

static void
int_bad(const char *s, int64_t min, int64_t max, const char *reason)
{
	int64_t v = 7;
	const char *why = parse_int(s, min, max, &v);

	TAP_OK(why != NULL && strstr(why, reason) != NULL && v == 7,
	    "parse_int(\"%s\") refused: %s", s, why ? why : "(accepted)");
}

static void
size_ok(const char *s, uint64_t want)
{
	uint64_t v = 0;
	const char *why = parse_size(s, 0, UINT64_MAX, &v);

	TAP_OK(why == NULL && v == want, "parse_size(\"%s\") = %llu", s,
	    (unsigned long long)want);
}

static void
size_bad(const char *s)
{
	uint64_t v = 0;
	const char *why = parse_size(s, 1, UINT64_MAX, &v);

	TAP_OK(why != NULL, "parse_size(\"%s\") refused: %s", s,
	    why ? why : "(accepted)");
}

static void
decimal_ok(const char *s, double want)
{
	double v = -1;
	const char *why = parse_decimal(s, 0, 1e9, &v);

	TAP_OK(why == NULL && v > want - 1e-12 && v < want + 1e-12,
	    "parse_decimal(\"%s\") = %g", s, want);
}

static void
decimal_bad(const char *s)
{
	double v = -1;
	const char *why = parse_decimal(s, 0.01, 1e6, &v);

	TAP_OK(why != NULL && v == -1, "parse_decimal(\"%s\") refused: %s", s,
	    why ? why : "(accepted)");
}

static void
time_ok(const char *s, double want)
{
	double v = -1;
	const char *why = parse_time(s, 0, 1e9, &v);

	TAP_OK(why == NULL && v > want - 1e-12 && v < want + 1e-12,
	    "parse_time(\"%s\") = %g", s, want);
}

static void
time_bad(const char *s)
{
	double v = -1;
	const char *why = parse_time(s, 0, 1e6, &v);

	TAP_OK(why != NULL, "parse_time(\"%s\") refused: %s", s,
	    why ? why : "(accepted)");
}

int
main(void)
{
	int_ok("0", 0);
	int_ok("-17", -17);
	int_ok("+42", 42);
	int_ok("9223372036854775807", INT64_MAX);
	int_ok("-9223372036854775808", INT64_MIN);
	int_bad("", INT64_MIN, INT64_MAX, "empty");
	int_bad("abc", INT64_MIN, INT64_MAX, "not a number");
	int_bad(" 5", INT64_MIN, INT64_MAX, "not a number");
	int_bad("0x10", INT64_MIN, INT64_MAX, "trailing");
	int_bad("12abc", INT64_MIN, INT64_MAX, "trailing");
	int_bad("5 ", INT64_MIN, INT64_MAX, "trailing");
	int_bad("9223372036854775808", INT64_MIN, INT64_MAX, "out of range");
	int_bad("-9223372036854775809", INT64_MIN, INT64_MAX, "out of range");
	int_bad("-1", 0, 10, "out of range");
	int_bad("11", 0, 10, "out of range");
	int_bad("-", INT64_MIN, INT64_MAX, "not a number");

	size_ok("0", 0);
	size_ok("4096", 4096);
	size_ok("4k", 4096);
	size_ok("4K", 4096);
	size_ok("32M", 32u << 20);
	size_ok("2G", UINT64_C(2) << 30);
	size_ok("1T", UINT64_C(1) << 40);
	size_bad("-1");
	size_bad("-1k");
	size_bad("1x");
	size_bad("1kk");
	size_bad("1.5M");
	size_bad("M");
	size_bad("99999999999999999999");
	size_bad("20000000T");
	size_bad("0");

	decimal_ok("5", 5);
	decimal_ok("1.5", 1.5);
	decimal_ok("0.25", 0.25);
	decimal_bad("");
	decimal_bad("5s");
	decimal_bad("5ms");
	decimal_bad("5%");
	decimal_bad("-1");
	decimal_bad("1e3");
	decimal_bad("inf");
	decimal_bad("0x10");
	decimal_bad(" 5");
	decimal_bad("1.2.3");
	decimal_bad("0.001");
	decimal_bad("2000000");

	time_ok("10", 10);
	time_ok("2s", 2);
	time_ok("1.5", 1.5);
	time_ok("250ms", 0.25);
	time_ok("0.5s", 0.5);
	time_bad("");
	time_bad("-1");
	time_bad("abc");
	time_bad("1e3");
	time_bad("inf");
	time_bad("nan");
	time_bad("0x10");
	time_bad("5m");
	time_bad("5 s");
	time_bad("1.2.3");
	time_bad(".");
	time_bad("2000000");
	return TAP_DONE();
}
