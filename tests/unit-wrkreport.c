/* unit-wrkreport.c - the wrk report parser takes reports and nothing else */
#include "config.h"

#include <string.h>

#include "tap.h"
#include "wrkreport.h"

#define HEAD	"{\"format\":\"nginxbench-wrk-1\","
#define GOOD	HEAD "\"duration_us\":2001234,\"requests\":201," \
	"\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1," \
	"\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4," \
	"\"latency_mean_us\":11184.162561576355,\"latency_p99_us\":30133}"
/* GOOD with one key's value replaced by X. */
#define WITH(key, x)	HEAD "\"duration_us\":2001234,\"requests\":201," \
	"\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1," \
	"\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4," \
	"\"latency_mean_us\":11184.5,\"" key "\":" x "}"

static void
bad(const char *name, const char *s, size_t len, const char *reason)
{
	struct wrkreport r;
	const char *why;

	memset(&r, 0x5a, sizeof(r));
	why = wrkreport_parse(s, len, &r);
	TAP_OK(why != NULL && strstr(why, reason) != NULL &&
	    r.requests == 0x5a5a5a5a5a5a5a5aULL,
	    "%s refused: %s", name, why != NULL ? why : "(accepted)");
}

#define BAD(name, s, reason)	bad(name, s, strlen(s), reason)

int
main(void)
{
	struct wrkreport r;
	const char *why;
	char big[6000];

	why = wrkreport_parse(GOOD "\n", strlen(GOOD "\n"), &r);
	TAP_OK(why == NULL, "a good report parses%s%s", why ? ": " : "",
	    why ? why : "");
	TAP_OK(r.duration_us == 2001234 && r.requests == 201 &&
	    r.bytes == 1690000000 && r.errors_connect == 0 &&
	    r.errors_read == 1 && r.errors_write == 2 &&
	    r.errors_status == 3 && r.errors_timeout == 4,
	    "its counters are read exactly");
	TAP_OK(r.latency_mean_us > 11184.16 && r.latency_mean_us < 11184.17 &&
	    r.latency_p99_us == 30133.0, "its latencies are read");
	why = wrkreport_parse(GOOD, strlen(GOOD), &r);
	TAP_OK(why == NULL, "no final newline is fine");
	why = wrkreport_parse(WITH("latency_p99_us", "0"),
	    strlen(WITH("latency_p99_us", "0")), &r);
	TAP_OK(why == NULL && r.latency_p99_us == 0.0,
	    "an integer where a decimal may be");

	BAD("empty", "", "empty");
	BAD("only white space", " \n\n", "empty");
	bad("truncated in the middle", GOOD, strlen(GOOD) / 2, "truncated");
	bad("truncated before the last brace", GOOD, strlen(GOOD) - 1,
	    "truncated");
	BAD("two reports", GOOD GOOD, "");
	BAD("trailing junk", GOOD " x", "");
	{
		char nul[sizeof(GOOD) + 2];

		memcpy(nul, GOOD, sizeof(GOOD));
		nul[20] = '\0';
		bad("NUL byte inside", nul, sizeof(GOOD) - 1, "NUL");
		memcpy(nul, GOOD, sizeof(GOOD));
		nul[sizeof(GOOD) - 1] = '\0';	/* NUL after the object */
		nul[sizeof(GOOD)] = 'x';
		bad("NUL byte after the object", nul, sizeof(GOOD) + 1, "NUL");
	}
	BAD("a JSON array", "[1,2,3]", "not a JSON object");
	BAD("a string", "\"42\"", "not a JSON object");
	BAD("not JSON", "duration_us=5 requests=1", "not JSON");
	BAD("wrk's own text",
	    "Running 1s test @ http://127.0.0.1:8080/file\n", "not JSON");
	BAD("no format", "{\"duration_us\":1}", "missing key 'format'");
	BAD("wrong format", "{\"format\":\"nginxbench-wrk-2\"}", "not a");
	BAD("format not a string", "{\"format\":1}", "not a");
	BAD("missing key", HEAD "\"duration_us\":1,\"requests\":1}",
	    "missing key 'bytes'");
	BAD("unknown extra key",
	    HEAD "\"duration_us\":2001234,\"requests\":201,"
	    "\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1,"
	    "\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4,"
	    "\"latency_mean_us\":1,\"latency_p99_us\":3,\"extra\":1}",
	    "unknown keys");
	BAD("duplicate key", HEAD "\"duration_us\":2001234,\"requests\":201,"
	    "\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1,"
	    "\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4,"
	    "\"latency_mean_us\":1,\"latency_p99_us\":3,\"requests\":9}",
	    "exactly once");
	BAD("single-quoted key", HEAD "'duration_us':2001234,\"requests\":201,"
	    "\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1,"
	    "\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4,"
	    "\"latency_mean_us\":1,\"latency_p99_us\":3}", "");
	BAD("counter as a string",
	    HEAD "\"duration_us\":\"2001234\"}", "'duration_us' is not an "
	    "integer");
	BAD("counter as a decimal", HEAD "\"duration_us\":2001234.5}",
	    "'duration_us' is not an integer");
	BAD("counter in exponent form", HEAD "\"duration_us\":2e6}",
	    "'duration_us' is not an integer");
	BAD("negative counter", HEAD "\"duration_us\":-1}", "negative");
	BAD("counter beyond 2^53", HEAD "\"duration_us\":9007199254740993}",
	    "out of range");
	BAD("counter beyond 64 bits",
	    HEAD "\"duration_us\":99999999999999999999999}", "out of range");
	BAD("counter true", HEAD "\"duration_us\":true}", "not an integer");
	BAD("counter null", HEAD "\"duration_us\":null}", "not an integer");
	BAD("latency NaN", WITH("latency_p99_us", "NaN"), "");
	BAD("latency nan as Lua writes it", WITH("latency_p99_us", "nan"),
	    "not JSON");
	BAD("latency inf as Lua writes it", WITH("latency_p99_us", "inf"),
	    "not JSON");
	BAD("latency overflowing", WITH("latency_p99_us", "1e400"),
	    "out of range");
	BAD("latency negative", WITH("latency_p99_us", "-3"), "negative");
	BAD("latency a string", WITH("latency_p99_us", "\"3\""),
	    "not a number");
	BAD("zero duration", HEAD "\"duration_us\":0,\"requests\":201,"
	    "\"bytes\":1690000000,\"errors_connect\":0,\"errors_read\":1,"
	    "\"errors_write\":2,\"errors_status\":3,\"errors_timeout\":4,"
	    "\"latency_mean_us\":1,\"latency_p99_us\":3}", "duration is zero");
	memset(big, ' ', sizeof(big));
	memcpy(big + sizeof(big) - sizeof(GOOD), GOOD, sizeof(GOOD) - 1);
	big[sizeof(big) - 1] = '\n';
	bad("leading white space beyond the limit", big, sizeof(big),
	    "too long");
	BAD("deeply nested", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
	    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
	    "]]]]]", "");
	return TAP_DONE();
}
