/*
 * unit-resultsfile.c - the CSV of results.csv and failures.csv round
 * trip: hostile fields written by resultsfile.c's writer come back the
 * same from its reader; a record's params go into the rows vc-suite
 * appends and come back out of results_scan; a benchmark's title
 * params are the pairs all its rows share.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "report/results.h"
#include "tap.h"
#include "xalloc.h"

static char dir[] = "/tmp/unit-resultsfile.XXXXXX";

static char *
put(const char *name, const char *text, size_t len)
{
	static char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL ||
	    fwrite(text, 1, len, fp) != len || fclose(fp) != 0)
		diesys(EXIT_FAIL, "%s", path);
	return path;
}

/* The first row of text, read back; why on an error. */
static int
read_one(const char *text, struct csv_in *c, const char **why)
{
	const char *path = put("one.csv", text, strlen(text));

	*why = "";
	if (csv_open(c, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	return csv_read(c, why);
}

static void
headers(void)
{
	char *h;

	h = csv_header_line(results_cols, R_NCOLS);
	TAP_OK(strcmp(h, "time,host,platform,benchmark,metric,unit,value,rep,"
	    "params,variant\n") == 0, "results.csv's header: %.*s",
	    (int)strlen(h) - 1, h);
	free(h);
	h = csv_header_line(results_cols, R_NCOLS_NOVARIANT);
	TAP_OK(strcmp(h, "time,host,platform,benchmark,metric,unit,value,rep,"
	    "params\n") == 0, "an older results.csv's: without variant");
	free(h);
	h = csv_header_line(results_cols, R_NCOLS_OLD);
	TAP_OK(strcmp(h, "time,host,platform,benchmark,metric,unit,value,"
	    "rep\n") == 0, "an older results.csv's: the same without params");
	free(h);
	h = csv_header_line(failures_cols, X_NCOLS);
	TAP_OK(strcmp(h, "time,platform,benchmark,rep,status,reason,"
	    "variant,host\n") == 0, "failures.csv's header: %.*s",
	    (int)strlen(h) - 1, h);
	free(h);
	h = csv_header_line(failures_cols, X_NCOLS_NOHOST);
	TAP_OK(strcmp(h, "time,platform,benchmark,rep,status,reason,"
	    "variant\n") == 0, "an older failures.csv's: without host");
	free(h);
	h = csv_header_line(failures_cols, X_NCOLS_OLD);
	TAP_OK(strcmp(h, "time,platform,benchmark,rep,status,reason\n") == 0,
	    "an older failures.csv's: the same without variant");
	free(h);
}

/* Reads a row and compares it with n fields of f. */
static int
same_row(struct csv_in *c, const char *const *f, size_t n)
{
	const char *why;
	size_t i;

	if (csv_read(c, &why) != 1 || c->nfields != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(csv_get(c, i), f[i]) != 0)
			return 0;
	return 1;
}

static void
round_trip(void)
{
	static const char *const f[] = { "plain", "", "a,b", "say \"hi\"",
	    "=1+2", "\"", ",", "two\nlines", "cr\r\nlf", " blank ",
	    "@SUM(1)", "\"\"\"", "end,\"", "x" };
	struct csv_out w = { NULL, NULL, 0, 0, 0, 0 };
	struct csv_in c;
	const char *why, *path, *want;
	size_t start;
	int first, second, end;

	csv_fields(&w, f, CSV_MAXCOLS);
	csv_fields(&w, f + CSV_MAXCOLS, 4);
	path = put("rt.csv", w.p, w.len);
	if (csv_open(&c, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	first = same_row(&c, f, CSV_MAXCOLS);
	TAP_OK(first, "hostile fields (quotes, commas, =, line breaks) come "
	    "back as written");
	second = same_row(&c, f + CSV_MAXCOLS, 4);
	start = c.start;
	end = csv_read(&c, &why);
	TAP_OK(second && start == 4 && end == 0, "then the next row, on line "
	    "4 after 2 quoted line breaks (%d, %zu), and the end", second,
	    start);
	csv_close(&c);
	free(w.p);

	memset(&w, 0, sizeof(w));
	csv_field(&w, "say \"hi\", ok");
	csv_text(&w, ",");
	csv_field(&w, "=plain");
	csv_text(&w, ",");
	csv_quoted(&w, "q");
	csv_text(&w, "");
	want = "\"say \"\"hi\"\", ok\",=plain,\"q\"";
	TAP_OK(w.len == strlen(want) && memcmp(w.p, want, w.len) == 0,
	    "quoted only when it must be, quotes doubled: %.*s",
	    (int)w.len, w.p);
	free(w.p);

	memset(&w, 0, sizeof(w));
	w.max = 10;
	csv_field(&w, "12345");
	csv_field(&w, "67890");
	csv_field(&w, "x");
	TAP_OK(w.over && w.len == 10, "into memory: stops at its limit");
	free(w.p);
}

static void
reader_errors(void)
{
	static const struct {
		const char	*text;
		const char	*why;
	} bad[] = {
		{ "a\"b\n", "quote inside an unquoted field" },
		{ "\"a\"b\n", "text after a closing quote" },
		{ "\"a\nb", "unterminated quoted field" },
		{ "a\rb\n", "carriage return inside a line" },
	};
	struct csv_in c;
	const char *why;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		rc = read_one(bad[i].text, &c, &why);
		TAP_OK(rc == -1 && strcmp(why, bad[i].why) == 0,
		    "refused: %s (%s)", bad[i].why, why);
		csv_close(&c);
	}
	rc = read_one("\xef\xbb\xbftime,value\r\n", &c, &why);
	TAP_OK(rc == 1 && csv_is_header(&c, (const char *const[]){ "time",
	    "value" }, 2), "a byte-order mark and CRLF: the header still");
	csv_close(&c);
}

struct got {
	char	*params[4];
	size_t	 n;
	double	 value;
	char	 column[64], variant[64];
};

static void
keep_row(const struct csv_row *row, void *arg)
{
	struct got *g = arg;

	if (g->n < 4)
		g->params[g->n] = row->params != NULL ? strdup(row->params) :
		    NULL;
	g->value = row->value;
	snprintf(g->column, sizeof(g->column), "%s", row->column);
	snprintf(g->variant, sizeof(g->variant), "%s", row->variant);
	g->n++;
}

/* A record with params, as a benchmark prints it after other output. */
static const char rec[] = "noise\n{\"time\":\"2026-01-01T00:00:00Z\","
    "\"params\":{\"dir\":\"/tmp/a,\\\"b\\\"\",\"note\":\"=x\","
    "\"tab\":\"a\\tb\",\"n\":500,\"t\":0.25},\"metrics\":["
    "{\"metric\":\"kflops\",\"unit\":\"KFLOPS\",\"value\":5},"
    "{\"metric\":\"seconds\",\"unit\":\"s\",\"value\":1.5}]}\n";

/*
 * rec through vc-suite's intake into a results.csv of ncols columns,
 * and read back into g: returns the file's columns, the intake's
 * verdict in *why and the file's text in *text (the caller frees it).
 */
static size_t
rows_back(const char *host, const char *plat, const char *variant,
    size_t ncols, struct got *g, const char **why, char **text)
{
	struct results_rows rows;
	char *head;
	const char *path;
	size_t n;

	*why = results_rows(rec, host, plat, variant, catalog_bench("linpack"),
	    1, ncols, &rows);
	head = csv_header_line(results_cols, ncols);
	*text = xasprintf("%s%.*s", head, (int)rows.len, rows.p);
	path = put("results.csv", *text, strlen(*text));
	memset(g, 0, sizeof(*g));
	n = results_scan(path, keep_row, g);
	free(rows.p);
	work_free(&rows.did);
	free(head);
	return n;
}

static void
got_free(struct got *g)
{
	size_t i;

	for (i = 0; i < g->n && i < 4; i++)
		free(g->params[i]);
}

/* vc-suite's intake to results.csv and back: params in the rows. */
static void
intake(void)
{
	const char *want = "dir=/tmp/a,\"b\" note==x tab=a b n=500 t=0.25";
	struct results_rows rows;
	struct got g;
	const char *why;
	char *text;
	size_t ncols;

	ncols = rows_back("h,1", "native", "", R_NCOLS, &g, &why, &text);
	TAP_OK(why == NULL && ncols == R_NCOLS && g.n == 2 &&
	    g.params[0] != NULL && strcmp(g.params[0], want) == 0 &&
	    strcmp(g.params[1], want) == 0 && g.value == 1.5,
	    "a record's params in each of its rows, read back: %s",
	    g.params[0] != NULL ? g.params[0] : "(none)");
	got_free(&g);
	free(text);

	ncols = rows_back("h", "native", "", R_NCOLS_OLD, &g, &why, &text);
	TAP_OK(why == NULL && ncols == R_NCOLS_OLD && g.n == 2 &&
	    g.params[0] == NULL, "an older file: rows without params, read "
	    "back as such");
	free(text);

	ncols = rows_back("h", "qemu", "disk=raw:net=passt", R_NCOLS, &g, &why,
	    &text);
	TAP_OK(why == NULL && ncols == R_NCOLS && g.n == 2 &&
	    strstr(text, ",disk=raw:net=passt\n") != NULL &&
	    strcmp(g.variant, "disk=raw:net=passt") == 0 &&
	    strcmp(g.column, "qemu:disk=raw:net=passt") == 0,
	    "a variant's rows: the variant last, read back with the column "
	    "%s", g.column);
	got_free(&g);
	free(text);

	why = results_rows("{\"time\":\"2026-01-01T00:00:00Z\",\"params\":"
	    "{\"=k\":1},\"metrics\":[{\"metric\":\"m\",\"value\":1}]}", "h",
	    "native", "", catalog_bench("linpack"), 1, R_NCOLS, &rows);
	TAP_OK(why != NULL && strcmp(why, "result record's params: a key is "
	    "not a name") == 0, "a params key that is no name: refused (%s)",
	    why != NULL ? why : "taken");
	free(rows.p);
	work_free(&rows.did);
}

static void
params_ok(void)
{
	char longer[PARAMS_MAX + 2];

	memset(longer, 'a', sizeof(longer) - 1);
	longer[sizeof(longer) - 1] = '\0';
	TAP_OK(results_params_ok("") == NULL &&
	    results_params_ok("n=1 dir=/a b") == NULL, "params: empty, or "
	    "pairs");
	TAP_OK(results_params_ok("=cmd") != NULL &&
	    results_params_ok("+1") != NULL &&
	    results_params_ok("-x") != NULL &&
	    results_params_ok("@SUM(1)") != NULL,
	    "params a spreadsheet would run: refused");
	TAP_OK(results_params_ok("a=1\nb=2") != NULL &&
	    results_params_ok("a=\033[31m") != NULL &&
	    results_params_ok(longer) != NULL,
	    "a control character, or longer than %d bytes: refused",
	    PARAMS_MAX);
	TAP_OK(results_variant_ok("") == NULL &&
	    results_variant_ok("disk=raw:cpu=qemu64") == NULL &&
	    results_variant_ok("=cmd") != NULL &&
	    results_variant_ok("-x") != NULL &&
	    results_variant_ok("net=a b") != NULL &&
	    results_variant_ok("net=a,b") != NULL,
	    "a variant: empty or key=value:..., no formula, space or comma");
}

/* A benchmark's title params: the pairs all its rows share. */
static void
shared_params(void)
{
	static const char csv[] =
	    "time,host,platform,benchmark,metric,unit,value,rep,params\n"
	    "2026-01-01T00:00:00Z,h,native,linpack,kflops,,1,1,"
	    "n=50 dir=/a b reps=10 v=1\n"
	    "2026-01-01T00:00:01Z,h,native,linpack,kflops,,1,2,"
	    "n=50 dir=/a b reps=12 v=1\n"
	    "2026-01-01T00:00:02Z,h,qemu,linpack,kflops,,1,1,"
	    "n=50 v=2 dir=/a b x=1\n"
	    "2026-01-01T00:00:00Z,h,native,forksum,seconds,s,1,1,"
	    "\"dir=/a,b v=1\"\n"
	    "2026-01-01T00:00:00Z,h,qemu,forksum,seconds,s,1,1,"
	    "\"dir=/a,b\"\n"
	    "2026-01-01T00:00:00Z,h,native,memsweep,seconds,s,1,1,a=1\n"
	    "2026-01-01T00:00:00Z,h,qemu,memsweep,seconds,s,1,1,a=2\n";
	struct results r;
	size_t i;
	const char *p[3] = { NULL, NULL, "none" };

	put("results.csv", csv, strlen(csv));
	results_read(&r, dir);
	for (i = 0; i < r.nbench; i++)
		if (strcmp(r.bench[i].name, "linpack") == 0)
			p[0] = r.bench[i].params;
		else if (strcmp(r.bench[i].name, "forksum") == 0)
			p[1] = r.bench[i].params;
		else if (strcmp(r.bench[i].name, "memsweep") == 0)
			p[2] = r.bench[i].params;
	TAP_OK(p[0] != NULL && strcmp(p[0], "n=50 dir=/a b") == 0,
	    "the pairs all rows share, a value with a blank whole: %s",
	    p[0] != NULL ? p[0] : "(none)");
	TAP_OK(p[1] != NULL && strcmp(p[1], "dir=/a,b") == 0,
	    "a value with a comma: %s", p[1] != NULL ? p[1] : "(none)");
	TAP_OK(p[2] == NULL, "none shared: no params");
	results_free(&r);
}

int
main(void)
{
	char path[512];

	msg_init("unit-resultsfile");
	if (mkdtemp(dir) == NULL)
		diesys(EXIT_FAIL, "mkdtemp");
	headers();
	round_trip();
	reader_errors();
	intake();
	params_ok();
	shared_params();
	snprintf(path, sizeof(path), "%s/one.csv", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/rt.csv", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/results.csv", dir);
	unlink(path);
	rmdir(dir);
	return TAP_DONE();
}
