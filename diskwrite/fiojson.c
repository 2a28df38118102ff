/*
 * fiojson.c - the write results of one fio job, from fio's JSON output
 * (--output-format=json, fio 3.0 or later: latencies in clat_ns).
 *
 * fio's output is input we did not write, so it is checked as strictly
 * as a user's: the document must be complete, standard JSON (json-c in
 * strict mode), every field we report must be there with the right type
 * and a finite value in range, the job must have done some writes, and
 * the figures must agree with each other. Anything else is an error with
 * a reason, never a number. Some fio versions print notes on stdout
 * before the document, so lines before the first one that starts with
 * '{' are skipped, and so are lines after the document.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "fiojson.h"

/* Large enough for any real run, small enough to be exact in a double. */
#define NUM_MAX		9007199254740992.0	/* 2^53 */

static const char *
fail(struct fio_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *
fail(struct fio_result *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
	return r->why;
}

/* The first line that starts with '{', or NULL. */
static const char *
find_object(const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *nl;

	while (p < end) {
		if (*p == '{')
			return p;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return NULL;
		p = nl + 1;
	}
	return NULL;
}

static struct json_object *
get_typed(struct json_object *obj, const char *key, enum json_type type,
    const char *path, struct fio_result *r)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, key, &v)) {
		fail(r, "%s%s is missing", path, key);
		return NULL;
	}
	if (!json_object_is_type(v, type)) {
		fail(r, "%s%s is not %s", path, key,
		    type == json_type_object ? "an object" :
		    type == json_type_array ? "an array" :
		    type == json_type_string ? "a string" : "an integer");
		return NULL;
	}
	return v;
}

/*
 * A number (JSON integer or real, never a string such as "NaN") that is
 * finite and within [min, NUM_MAX]; integral when asked.
 */
static int
get_number(struct json_object *obj, const char *key, const char *path,
    double min, int integral, double *out, struct fio_result *r)
{
	struct json_object *v;
	double d;

	if (!json_object_object_get_ex(obj, key, &v)) {
		fail(r, "%s%s is missing", path, key);
		return -1;
	}
	if (!json_object_is_type(v, json_type_int) &&
	    !json_object_is_type(v, json_type_double)) {
		fail(r, "%s%s is not a number", path, key);
		return -1;
	}
	d = json_object_get_double(v);
	if (!isfinite(d) || d < min || d > NUM_MAX ||
	    (integral && d != floor(d))) {
		fail(r, "%s%s is out of range", path, key);
		return -1;
	}
	*out = d;
	return 0;
}

/* a and b agree to within a relative tolerance, or an absolute slack. */
static int
agree(double a, double b, double rel, double slack)
{
	return fabs(a - b) <= rel * fmax(fabs(a), fabs(b)) + slack;
}

static const char *
read_version(struct json_object *root, struct fio_result *r)
{
	struct json_object *v;
	const char *s;
	size_t i, n;

	if ((v = get_typed(root, "fio version", json_type_string, "",
	    r)) == NULL)
		return r->why;
	s = json_object_get_string(v);
	n = (size_t)json_object_get_string_len(v);
	if (n == 0 || n >= sizeof(r->version))
		return fail(r, "fio version has a bad length (%zu)", n);
	/* It goes into our own output: printable ASCII only. */
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7e)
			return fail(r, "fio version has a bad character");
	memcpy(r->version, s, n);
	r->version[n] = '\0';
	return NULL;
}

static const char *
read_write(struct json_object *job, struct fio_result *r)
{
	static const char W[] = "jobs[0].write.", C[] = "jobs[0].write.clat_ns.",
	    P[] = "jobs[0].write.clat_ns.percentile.";
	struct json_object *w, *clat, *pct, *v;
	double ios, bw;

	if ((w = get_typed(job, "write", json_type_object, "jobs[0].",
	    r)) == NULL)
		return r->why;
	if (get_number(w, "total_ios", W, 0, 1, &ios, r) == -1 ||
	    get_number(w, "io_bytes", W, 0, 1, &r->io_bytes, r) == -1 ||
	    get_number(w, "runtime", W, 0, 0, &r->runtime_ms, r) == -1 ||
	    get_number(w, "iops", W, 0, 0, &r->iops, r) == -1)
		return r->why;
	if (ios == 0 || r->io_bytes == 0)
		return fail(r, "fio did no writes");
	if (r->runtime_ms == 0 || r->iops == 0)
		return fail(r, "fio reports a write time or rate of zero");
	r->total_ios = (int64_t)ios;
	/* bw_bytes came with fio 3.x; bw, in KiB/s, is in every version. */
	if (json_object_object_get_ex(w, "bw_bytes", &v)) {
		if (get_number(w, "bw_bytes", W, 1, 0, &r->bw_bytes, r) == -1)
			return r->why;
	} else {
		if (get_number(w, "bw", W, 1, 0, &bw, r) == -1)
			return r->why;
		r->bw_bytes = bw * 1024;
	}

	if ((clat = get_typed(w, "clat_ns", json_type_object, W, r)) == NULL ||
	    (pct = get_typed(clat, "percentile", json_type_object, C,
	    r)) == NULL)
		return r->why;
	if (get_number(clat, "mean", C, 0, 0, &r->clat_mean_ns, r) == -1 ||
	    get_number(pct, "50.000000", P, 0, 0, &r->clat_p50_ns, r) == -1 ||
	    get_number(pct, "99.000000", P, 0, 0, &r->clat_p99_ns, r) == -1)
		return r->why;
	if (r->clat_mean_ns == 0 || r->clat_p50_ns == 0)
		return fail(r, "fio reports a completion latency of zero");
	if (r->clat_p99_ns < r->clat_p50_ns)
		return fail(r, "fio's 99th latency percentile is below its "
		    "median");

	/* fio derives these from the same counts; 1% covers its rounding. */
	if (!agree(r->iops, ios * 1000 / r->runtime_ms, 0.01, 1))
		return fail(r, "fio's figures disagree: %.0f IOPS but %.0f "
		    "writes in %.0f ms", r->iops, ios, r->runtime_ms);
	if (!agree(r->bw_bytes, r->io_bytes * 1000 / r->runtime_ms, 0.01,
	    1024))
		return fail(r, "fio's figures disagree: %.0f bytes/s but %.0f "
		    "bytes in %.0f ms", r->bw_bytes, r->io_bytes,
		    r->runtime_ms);
	return NULL;
}

static const char *
read_results(struct json_object *root, struct fio_result *r)
{
	struct json_object *jobs, *job, *v;
	int64_t err;
	size_t n;

	if (read_version(root, r) != NULL)
		return r->why;
	if ((jobs = get_typed(root, "jobs", json_type_array, "", r)) == NULL)
		return r->why;
	if ((n = json_object_array_length(jobs)) != 1)
		return fail(r, "fio reports %zu jobs, not 1", n);
	job = json_object_array_get_idx(jobs, 0);
	if (job == NULL || !json_object_is_type(job, json_type_object))
		return fail(r, "jobs[0] is not an object");

	/* A failed job still has numbers; they mean nothing. */
	if ((v = get_typed(job, "error", json_type_int, "jobs[0].",
	    r)) == NULL)
		return r->why;
	err = json_object_get_int64(v);
	if (err < 0 || err > 4095)
		return fail(r, "jobs[0].error is out of range");
	if (err != 0) {
		r->error = (int)err;
		return fail(r, "fio's job failed: %s (error %d)",
		    strerror(r->error), r->error);
	}
	return read_write(job, r);
}

/* Returns NULL and fills r, or returns why the output is unusable. */
const char *
fio_parse(const char *buf, size_t len, struct fio_result *r)
{
	struct json_tokener *tok;
	struct json_object *root;
	enum json_tokener_error jerr;
	const char *start, *why, *p, *end;

	memset(r, 0, sizeof(*r));
	if (buf == NULL || (start = find_object(buf, len)) == NULL)
		return fail(r, "fio's output holds no JSON object");
	len -= (size_t)(start - buf);
	if (len > 0x7fffffff)
		return fail(r, "fio's output is too large");
	if ((tok = json_tokener_new_ex(JSON_TOKENER_DEFAULT_DEPTH)) == NULL)
		return fail(r, "out of memory");
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_ALLOW_TRAILING_CHARS);
	root = json_tokener_parse_ex(tok, start, (int)len);
	jerr = json_tokener_get_error(tok);
	if (root == NULL) {
		if (jerr == json_tokener_continue || jerr == json_tokener_success)
			why = fail(r, "fio's JSON output is truncated");
		else
			why = fail(r, "fio's output is not valid JSON: %s",
			    json_tokener_error_desc(jerr));
		json_tokener_free(tok);
		return why;
	}
	/*
	 * The rest of the document's last line must be blank. json-c may
	 * have read on over white space, newlines too: start at the brace.
	 */
	end = start + len;
	for (p = start + json_tokener_get_parse_end(tok);
	    p > start && isspace((unsigned char)p[-1]); p--)
		;
	for (; p < end && *p != '\n'; p++)
		if (!isspace((unsigned char)*p))
			break;
	json_tokener_free(tok);
	if (p < end && *p != '\n')
		why = fail(r, "unexpected text after fio's JSON output");
	else if (!json_object_is_type(root, json_type_object))
		why = fail(r, "fio's JSON output is not an object");
	else
		why = read_results(root, r);
	json_object_put(root);
	return why;
}
