/*
 * rowout.c - a row of named fields as CSV (results.csv's quoting,
 * resultsfile.h) or as a JSON object (json-c), on stdout.
 *
 * CSV numbers keep ten significant digits, as vc-report always wrote
 * them; JSON numbers the shortest decimal that reads back as the same
 * double. JSON has no NaN or infinity: both are null.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "msg.h"
#include "resultsfile.h"
#include "rowout.h"

void
rowout_csv_header(const char *const *name, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%s", i ? "," : "", name[i]);
	putchar('\n');
}

void
rowout_csv(const struct fval *f, size_t n)
{
	struct csv_out w = { stdout, NULL, 0, 0, 0, 0 };
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (i > 0)
			putchar(',');
		switch (f[i].k) {
		case FK_STR:
			if (f[i].s != NULL)
				csv_field(&w, f[i].s);
			break;
		case FK_INT:
			printf("%lld", f[i].i);
			break;
		case FK_BOOL:
			printf("%d", f[i].i != 0);
			break;
		case FK_NUM:
			if (isinf(f[i].d))
				fputs(f[i].d > 0 ? "inf" : "-inf", stdout);
			else if (!isnan(f[i].d))
				printf("%.10g", f[i].d);
			break;
		case FK_INTS:
			for (j = 0; j < f[i].nv; j++)
				printf("%s%lld", j ? " " : "",
				    (long long)f[i].v[j]);
			break;
		}
	}
	putchar('\n');
}

static struct json_object *
json_num(double v)
{
	char buf[40];

	if (!isfinite(v))
		return NULL;
	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, sizeof(buf), "%.17g", v);
	return json_object_new_double_s(v, buf);
}

static void
add(struct json_object *o, const char *key, struct json_object *v)
{
	if (json_object_object_add(o, key, v) != 0)
		die(EXIT_FAIL, "out of memory");
}

struct json_object *
rowout_json(const char *const *name, const struct fval *f, size_t n)
{
	struct json_object *o, *a;
	size_t i, j;

	if ((o = json_object_new_object()) == NULL)
		die(EXIT_FAIL, "out of memory");
	for (i = 0; i < n; i++)
		switch (f[i].k) {
		case FK_STR:
			add(o, name[i], f[i].s != NULL && *f[i].s != '\0' ?
			    json_object_new_string(f[i].s) : NULL);
			break;
		case FK_INT:
			add(o, name[i], json_object_new_int64(f[i].i));
			break;
		case FK_BOOL:
			add(o, name[i], json_object_new_boolean(f[i].i != 0));
			break;
		case FK_NUM:
			add(o, name[i], json_num(f[i].d));
			break;
		case FK_INTS:
			if ((a = json_object_new_array()) == NULL)
				die(EXIT_FAIL, "out of memory");
			for (j = 0; j < f[i].nv; j++)
				json_object_array_add(a,
				    json_object_new_int64(f[i].v[j]));
			add(o, name[i], a);
			break;
		}
	return o;
}

/* {"schema": 1, "kind": KIND, "rows": []}: rows is found by its key. */
struct json_object *
rowout_doc(const char *kind)
{
	struct json_object *o;

	if ((o = json_object_new_object()) == NULL)
		die(EXIT_FAIL, "out of memory");
	add(o, "schema", json_object_new_int(1));
	add(o, "kind", json_object_new_string(kind));
	add(o, "rows", json_object_new_array());
	return o;
}

void
rowout_json_print(struct json_object *doc)
{
	puts(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(doc);
}

/*
 * A row of a text table: columns two blanks apart, each padded to its
 * width w[j], to the left where bit j of left is set (names), else to
 * the right (numbers); the last one unpadded, so no trailing blanks.
 */
void
rowout_text(char *const *col, const size_t *w, size_t n, unsigned long left)
{
	size_t j;

	for (j = 0; j < n; j++) {
		if (j > 0)
			fputs("  ", stdout);
		if (j == n - 1)
			fputs(col[j], stdout);
		else
			printf(left >> j & 1 ? "%-*s" : "%*s", (int)w[j],
			    col[j]);
	}
	putchar('\n');
}
