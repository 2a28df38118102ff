/*
 * unit-fiojson.c - diskwrite's reader of fio's JSON report takes a real
 * report and refuses every damaged, incomplete or hostile one.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fiojson.h"
#include "tap.h"

/* A report of fio 3.33, trimmed of sections diskwrite does not read. */
static const char good[] =
"{\n"
"  \"fio version\" : \"fio-3.33\",\n"
"  \"timestamp\" : 1795748847,\n"
"  \"time\" : \"Fri Nov 27 03:07:27 2026\",\n"
"  \"jobs\" : [\n"
"    {\n"
"      \"jobname\" : \"diskwrite\",\n"
"      \"groupid\" : 0,\n"
"      \"error\" : 0,\n"
"      \"job options\" : {\n"
"        \"name\" : \"diskwrite\",\n"
"        \"rw\" : \"randwrite\",\n"
"        \"bs\" : \"4096\"\n"
"      },\n"
"      \"read\" : {\n"
"        \"io_bytes\" : 0,\n"
"        \"bw_bytes\" : 0,\n"
"        \"bw\" : 0,\n"
"        \"iops\" : 0.000000,\n"
"        \"runtime\" : 0,\n"
"        \"total_ios\" : 0,\n"
"        \"clat_ns\" : {\n"
"          \"min\" : 0,\n"
"          \"max\" : 0,\n"
"          \"mean\" : 0.000000,\n"
"          \"N\" : 0\n"
"        }\n"
"      },\n"
"      \"write\" : {\n"
"        \"io_bytes\" : 206913536,\n"
"        \"io_kbytes\" : 202064,\n"
"        \"bw_bytes\" : 103353414,\n"
"        \"bw\" : 100931,\n"
"        \"iops\" : 25232.767233,\n"
"        \"runtime\" : 2002,\n"
"        \"total_ios\" : 50516,\n"
"        \"short_ios\" : 0,\n"
"        \"clat_ns\" : {\n"
"          \"min\" : 521,\n"
"          \"max\" : 195122428,\n"
"          \"mean\" : 2504635.017262,\n"
"          \"stddev\" : 12286206.176067,\n"
"          \"N\" : 50516,\n"
"          \"percentile\" : {\n"
"            \"1.000000\" : 321536,\n"
"            \"50.000000\" : 946176,\n"
"            \"90.000000\" : 2408448,\n"
"            \"99.000000\" : 29753344,\n"
"            \"99.990000\" : 196083712\n"
"          }\n"
"        }\n"
"      },\n"
"      \"usr_cpu\" : 2.298851,\n"
"      \"sys_cpu\" : 30.784708\n"
"    }\n"
"  ],\n"
"  \"disk_util\" : [\n"
"    {\n"
"      \"name\" : \"vda\",\n"
"      \"util\" : 97.123457\n"
"    }\n"
"  ]\n"
"}\n";

/* good with the first occurrence of old replaced by new. */
static char *
with(const char *doc, const char *old, const char *new)
{
	const char *at = strstr(doc, old);
	char *s;

	if (at == NULL) {
		fprintf(stderr, "fixture lacks '%s'\n", old);
		exit(99);
	}
	if ((s = malloc(strlen(doc) - strlen(old) + strlen(new) + 1)) == NULL)
		exit(99);
	memcpy(s, doc, (size_t)(at - doc));
	strcpy(s + (at - doc), new);
	strcat(s, at + strlen(old));
	return s;
}

static void
accept(const char *name, const char *doc, size_t len, double iops)
{
	struct fio_result r;
	const char *why = fio_parse(doc, len, &r);

	TAP_OK(why == NULL && r.iops == iops && r.error == 0,
	    "accepted: %s%s%s", name, why ? ": " : "", why ? why : "");
}

static void
refuse(const char *name, const char *doc, size_t len, const char *reason)
{
	struct fio_result r;
	const char *why = fio_parse(doc, len, &r);

	TAP_OK(why != NULL && strstr(why, reason) != NULL,
	    "refused: %s (%s)", name, why ? why : "accepted");
}

/* Replace one field of the good report, expect a refusal. */
static void
refuse_with(const char *name, const char *old, const char *new,
    const char *reason)
{
	char *doc = with(good, old, new);

	refuse(name, doc, strlen(doc), reason);
	free(doc);
}

static void
test_good(void)
{
	struct fio_result r;
	char *doc;

	TAP_OK(fio_parse(good, strlen(good), &r) == NULL &&
	    strcmp(r.version, "fio-3.33") == 0 && r.total_ios == 50516 &&
	    r.iops == 25232.767233 && r.bw_bytes == 103353414 &&
	    r.runtime_ms == 2002 && r.clat_mean_ns == 2504635.017262 &&
	    r.clat_p50_ns == 946176 && r.clat_p99_ns == 29753344,
	    "a real fio 3.33 report: every field read");

	doc = with(good, "{\n  \"fio version\"",
	    "note: both iodepth >= 1 and synchronous I/O engine are selected\n"
	    "fio: some {braced} notice\n{\n  \"fio version\"");
	accept("notes before the report are skipped", doc, strlen(doc),
	    25232.767233);
	free(doc);
	doc = with(good, "  ]\n}\n", "  ]\n}   \nfio: a note after it\n{");
	accept("lines after the report are ignored", doc, strlen(doc),
	    25232.767233);
	free(doc);
	accept("no final newline", good, strlen(good) - 1, 25232.767233);
	doc = with(good, "        \"bw_bytes\" : 103353414,\n", "");
	TAP_OK(fio_parse(doc, strlen(doc), &r) == NULL &&
	    r.bw_bytes == 100931 * 1024.0,
	    "without bw_bytes (older fio), bw in KiB/s is used");
	free(doc);

	doc = with(good, "\"error\" : 0", "\"error\" : 28");
	TAP_OK(fio_parse(doc, strlen(doc), &r) != NULL && r.error == ENOSPC,
	    "a job error (ENOSPC) is reported as such: %s", r.why);
	free(doc);
}

static void
test_truncated(void)
{
	size_t len, end = strlen(good) - 1, bad = 0;

	refuse("NULL", NULL, 0, "no JSON");
	refuse("empty", "", 0, "no JSON");
	refuse("blank lines", "\n\n  \n", 5, "no JSON");
	refuse("only fio's error text",
	    "fio: engine nosuch not loadable\nfio: failed\n", 44, "no JSON");
	refuse("a JSON array, not fio's object", "[1, 2, 3]\n", 10, "no JSON");
	/* Every cut short of the last brace must be refused. */
	for (len = 0; len < end; len++) {
		struct fio_result r;

		if (fio_parse(good, len, &r) == NULL)
			bad++;
	}
	TAP_OK(bad == 0, "all %zu truncations refused (%zu accepted)", end,
	    bad);
	refuse("cut inside the object", good, strlen(good) / 2, "truncated");
}

static void
test_malformed(void)
{
	static const char nul[] = "{\"fio version\" : \"fio\0-3.33\"}";
	char *deep;
	size_t depth = 100000;

	refuse("text after the object on its line", "{} junk\n", 8,
	    "unexpected text");
	refuse("a second object on its line", "{}{}\n", 5, "unexpected text");
	refuse("trailing comma", "{\"jobs\" : [],}\n", 15, "not valid JSON");
	refuse("single quotes (json-c takes them; the fields are wrong)",
	    "{'jobs' : []}\n", 14, "");
	refuse("a NUL byte inside", nul, sizeof(nul) - 1, "");
	refuse("empty object", "{}\n", 3, "fio version is missing");

	if ((deep = malloc(2 * depth + 32)) == NULL)
		exit(99);
	strcpy(deep, "{\"jobs\" : ");
	memset(deep + 10, '[', depth);
	memset(deep + 10 + depth, ']', depth);
	strcpy(deep + 10 + 2 * depth, "}\n");
	refuse("100000 nested arrays", deep, strlen(deep), "not valid JSON");
	free(deep);
}

static void
test_fields(void)
{
	refuse_with("version not a string", "\"fio-3.33\"", "3.33",
	    "not a string");
	refuse_with("version missing", "\"fio version\"", "\"fio_version\"",
	    "fio version is missing");
	refuse_with("version with a newline", "\"fio-3.33\"", "\"fio\\n3.33\"",
	    "bad character");
	refuse_with("version empty", "\"fio-3.33\"", "\"\"", "bad length");
	refuse_with("jobs missing", "\"jobs\"", "\"jobz\"", "jobs is missing");
	refuse_with("jobs not an array", "\"jobs\" : [",
	    "\"jobs\" : \"none\", \"x\" : [", "not an array");
	refuse_with("jobs empty", "\"jobs\" : [", "\"jobs\" : [], \"x\" : [",
	    "0 jobs");
	refuse_with("two jobs", "\"jobs\" : [", "\"jobs\" : [{},", "2 jobs");
	refuse_with("job not an object", "\"jobs\" : [", "\"jobs\" : [7], "
	    "\"x\" : [", "jobs[0] is not an object");
	refuse_with("error missing", "\"error\" : 0", "\"errno\" : 0",
	    "error is missing");
	refuse_with("error a string", "\"error\" : 0", "\"error\" : \"0\"",
	    "not an integer");
	refuse_with("error a real", "\"error\" : 0", "\"error\" : 0.5",
	    "not an integer");
	refuse_with("error negative", "\"error\" : 0", "\"error\" : -5",
	    "out of range");
	refuse_with("error huge", "\"error\" : 0",
	    "\"error\" : 99999999999999999999999", "");
	refuse_with("write missing", "\"write\"", "\"wrote\"",
	    "write is missing");
	refuse_with("write not an object", "\"write\" : {",
	    "\"write\" : 5, \"x\" : {", "not an object");

	refuse_with("iops a NaN string", "25232.767233", "\"NaN\"",
	    "not a number");
	refuse_with("iops a NaN literal", "25232.767233", "NaN", "");
	refuse_with("iops infinite", "25232.767233", "1e999", "");
	refuse_with("iops huge", "25232.767233", "1e300", "out of range");
	refuse_with("iops negative", "25232.767233", "-25232.767233",
	    "out of range");
	refuse_with("iops null", "25232.767233", "null", "not a number");
	refuse_with("iops true", "25232.767233", "true", "not a number");
	refuse_with("iops an object", "25232.767233", "{}", "not a number");
	refuse_with("iops zero", "25232.767233", "0", "zero");
	refuse_with("iops disagrees with writes and time", "25232.767233",
	    "50000.0", "disagree");
	refuse_with("total_ios zero", "\"total_ios\" : 50516",
	    "\"total_ios\" : 0", "no writes");
	refuse_with("total_ios fractional", "\"total_ios\" : 50516",
	    "\"total_ios\" : 50516.5", "out of range");
	refuse_with("total_ios overflowing", "\"total_ios\" : 50516",
	    "\"total_ios\" : 99999999999999999999999", "out of range");
	refuse_with("total_ios missing", "\"total_ios\" : 50516",
	    "\"total_iox\" : 50516", "total_ios is missing");
	refuse_with("runtime zero", "\"runtime\" : 2002", "\"runtime\" : 0",
	    "zero");
	refuse_with("bw_bytes disagrees with bytes and time", "103353414",
	    "1", "disagree");
	refuse_with("bw_bytes a string", "103353414", "\"103353414\"",
	    "not a number");
	refuse_with("clat_ns missing", "\"clat_ns\" : {\n          \"min\" : 521",
	    "\"clat_nz\" : {\n          \"min\" : 521", "clat_ns is missing");
	refuse_with("percentile missing", "\"percentile\"", "\"percentiles\"",
	    "percentile is missing");
	refuse_with("p50 missing", "\"50.000000\"", "\"50.0\"",
	    "50.000000 is missing");
	refuse_with("p99 missing", "\"99.000000\"", "\"99.0\"",
	    "99.000000 is missing");
	refuse_with("p99 below p50", "29753344", "946175", "below its median");
	refuse_with("p50 zero", "946176", "0", "zero");
	refuse_with("mean a string", "2504635.017262", "\"fast\"",
	    "not a number");
}

int
main(void)
{
	test_good();
	test_truncated();
	test_malformed();
	test_fields();
	return TAP_DONE();
}
