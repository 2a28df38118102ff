/*
 * merge.c - DIR/hosts/NAME/, one vc-suite results directory per host,
 * merged into DIR/results.csv, DIR/failures.csv and DIR/meta.json.
 *
 * Hosts in byte order of NAME, each host's rows in file order, read
 * and checked by results.c's one reader of each file (results_scan,
 * failures_scan): a row vc-report would refuse is refused here, naming
 * its file and line. results.csv's rows get NAME as their host and the
 * current form (params and variant, empty in an older file's); the
 * rows of failures.csv a last column host, NAME. meta.json lists the
 * hosts with their own meta.json and how their run ended.
 *
 * The three files are written under temporary names and renamed into
 * place only when all three are whole: an error leaves DIR as it was.
 * The same hosts merged again give the same files: meta.json's
 * "merged" time is kept when nothing else in it changed.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "cleanup.h"
#include "merge.h"
#include "msg.h"
#include "outfile.h"
#include "results.h"
#include "xalloc.h"

/* One host of the fleet: a directory, an entry of fleet.json, or both. */
struct fleet_host {
	char			*name;
	int			 has_dir;
	struct json_object	*fleet;	/* its fleet.json entry, or NULL */
};

struct fleet_hosts {
	struct fleet_host	*v;
	size_t		 n, cap;
};

static struct fleet_host *
find_host(struct fleet_hosts *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->v[i].name, name) == 0)
			return &h->v[i];
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 16;
		h->v = xrealloc(h->v, h->cap, sizeof(*h->v));
	}
	memset(&h->v[h->n], 0, sizeof(h->v[h->n]));
	h->v[h->n].name = xstrdup(name);
	return &h->v[h->n++];
}

static int
cmp_host(const void *a, const void *b)
{
	return strcmp(((const struct fleet_host *)a)->name,
	    ((const struct fleet_host *)b)->name);
}

/* DIR/hosts/NAME/: each a directory with a good name. */
static void
list_dirs(struct fleet_hosts *h, const char *dir)
{
	struct dirent *e;
	struct stat st;
	const char *why;
	char *hosts, *path;
	DIR *d;

	hosts = xasprintf("%s/%s", dir, FLEET_HOSTS);
	if ((d = opendir(hosts)) == NULL)
		diesys(EXIT_USAGE, "%s", hosts);
	while ((errno = 0, e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((why = results_host_ok(e->d_name)) != NULL)
			die(EXIT_USAGE, "%s: host name '%.80s' %s", hosts,
			    e->d_name, why);
		path = xasprintf("%s/%s", hosts, e->d_name);
		if (stat(path, &st) == -1)
			diesys(EXIT_FAIL, "%s", path);
		if (!S_ISDIR(st.st_mode))
			die(EXIT_USAGE, "%s: not a directory", path);
		free(path);
		find_host(h, e->d_name)->has_dir = 1;
	}
	if (errno != 0)
		diesys(EXIT_FAIL, "%s", hosts);
	closedir(d);
	free(hosts);
}

/* A string member of o, or NULL. */
static const char *
get_string(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/*
 * DIR/fleet.json, if vc-fleet wrote one (a Slurm run has none): its
 * hosts' status and reason. Returns the file's object, or NULL.
 */
static struct json_object *
read_fleet(struct fleet_hosts *h, const char *dir)
{
	static const char *const statuses[] = { "complete", "partial",
	    "failed", "running", NULL };
	struct json_object *f, *list, *e, *v;
	const char *why, *name, *status;
	char *path;
	size_t i, k;

	path = xasprintf("%s/%s", dir, FLEET_JSON);
	if ((f = results_json_file(path, &why)) == NULL) {
		if (errno != ENOENT)
			die(EXIT_FAIL, "%s: %s", path, why);
		free(path);
		return NULL;
	}
	if (!json_object_object_get_ex(f, "hosts", &list) ||
	    !json_object_is_type(list, json_type_array))
		die(EXIT_FAIL, "%s: no \"hosts\" array", path);
	for (i = 0; i < json_object_array_length(list); i++) {
		e = json_object_array_get_idx(list, i);
		if ((name = get_string(e, "name")) == NULL ||
		    (status = get_string(e, "status")) == NULL)
			die(EXIT_FAIL, "%s: hosts[%zu]: no \"name\" or "
			    "\"status\" string", path, i);
		if ((why = results_host_ok(name)) != NULL)
			die(EXIT_USAGE, "%s: hosts[%zu]: host name '%.80s' %s",
			    path, i, name, why);
		for (k = 0; statuses[k] != NULL &&
		    strcmp(statuses[k], status) != 0; k++)
			;
		if (statuses[k] == NULL)
			die(EXIT_FAIL, "%s: hosts[%zu]: status '%.40s' is not "
			    "complete, partial, failed or running", path, i,
			    status);
		if (json_object_object_get_ex(e, "reason", &v) && v != NULL &&
		    !json_object_is_type(v, json_type_string))
			die(EXIT_FAIL, "%s: hosts[%zu]: reason is neither a "
			    "string nor null", path, i);
		find_host(h, name)->fleet = e;
	}
	free(path);
	return f;
}

/* Where the merged rows go, and the host they are from. */
struct sink {
	struct csv_out	 w;
	const char	*name;
	size_t		 n;
};

/* A row of a host's results.csv, in the current form, host NAME. */
static void
put_row(const struct csv_row *row, void *arg)
{
	struct sink *s = arg;
	const char *f[R_NCOLS];

	memcpy(f, row->cell, sizeof(f));
	f[R_HOST] = s->name;
	csv_fields(&s->w, f, R_NCOLS);
	s->n++;
}

/* A row of a host's failures.csv, with host NAME last. */
static void
put_failure(const struct failure_row *row, void *arg)
{
	struct sink *s = arg;
	const char *f[X_NCOLS];

	memcpy(f, row->field, sizeof(f));
	f[X_HOST] = s->name;
	csv_fields(&s->w, f, X_NCOLS);
	s->n++;
}

/* DIR/NAME under a fresh name, its header written; gone at an error. */
static void
open_out(struct outfile *out, const char *dir, const char *name,
    const char *header)
{
	char *path = xasprintf("%s/%s", dir, name);

	if (outfile_open(out, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	cleanup_add_path(out->tmp);
	if (header != NULL)
		fputs(header, out->fp);
	free(path);
}

/* Everything written out (a full disk said here), before any rename. */
static void
flush_out(struct outfile *out, const char *dir, const char *name)
{
	if (fflush(out->fp) == EOF || ferror(out->fp))
		diesys(EXIT_FAIL, "%s/%s", dir, name);
}

static void
commit_out(struct outfile *out, const char *dir, const char *name)
{
	if (outfile_commit(out) == -1)
		diesys(EXIT_FAIL, "%s/%s", dir, name);
}

/* Did vc-suite finish? It adds its session to "sessions" at the end. */
static int
finished(struct json_object *meta)
{
	struct json_object *s;

	return meta != NULL &&
	    json_object_object_get_ex(meta, "sessions", &s) &&
	    json_object_is_type(s, json_type_array) &&
	    json_object_array_length(s) > 0;
}

static void
put_str(struct json_object *o, const char *key, const char *s)
{
	json_object_object_add(o, key, s != NULL ?
	    json_object_new_string(s) : NULL);
}

/*
 * One host merged: its rows into res and fail, its entry of meta.json
 * returned. status and reason come from fleet.json when it lists the
 * host; else from the host's own files.
 */
static struct json_object *
merge_host(const char *dir, const struct fleet_host *h, struct sink *res,
    struct sink *fail)
{
	struct json_object *e, *meta = NULL;
	struct stat st;
	const char *why, *status, *reason = NULL;
	char *hdir, *path;
	size_t rows0 = res->n;
	int have_csv = 0;

	hdir = xasprintf("%s/%s/%s", dir, FLEET_HOSTS, h->name);
	res->name = fail->name = h->name;
	if (h->has_dir) {
		path = xasprintf("%s/%s", hdir, RESULTS_CSV);
		/* Empty: vc-suite stopped before its header, no rows. */
		if (stat(path, &st) == 0)
			have_csv = st.st_size > 0;
		else if (errno != ENOENT)
			diesys(EXIT_FAIL, "%s", path);
		if (have_csv)
			results_scan(path, put_row, res);
		free(path);
		path = xasprintf("%s/%s", hdir, FAILURES_CSV);
		failures_scan(path, put_failure, fail);
		free(path);
		path = xasprintf("%s/meta.json", hdir);
		if ((meta = results_json_file(path, &why)) == NULL &&
		    errno != ENOENT)
			die(EXIT_FAIL, "%s: %s", path, why);
		if (meta != NULL && !json_object_is_type(meta,
		    json_type_object))
			die(EXIT_FAIL, "%s: not a JSON object", path);
		free(path);
	}
	if (h->fleet != NULL) {
		status = get_string(h->fleet, "status");
		reason = get_string(h->fleet, "reason");
	} else if (finished(meta))
		status = "complete";
	else if (res->n > rows0) {
		status = "partial";
		reason = "vc-suite did not finish: no session in its meta.json";
	} else {
		status = "failed";
		reason = !h->has_dir ? "no directory" : !have_csv ?
		    "no results.csv" : "no rows in results.csv";
	}
	e = json_object_new_object();
	put_str(e, "name", h->name);
	put_str(e, "hostname", meta != NULL ? get_string(meta, "host") :
	    NULL);
	put_str(e, "status", status);
	put_str(e, "reason", reason);
	json_object_object_add(e, "meta", meta);
	free(hdir);
	return e;
}

/*
 * "merged": now, or the time of the merge that wrote DIR/meta.json if
 * it holds these very hosts (the same files merged again).
 */
static char *
merged_time(const char *dir, struct json_object *hosts)
{
	struct json_object *old, *v;
	const char *why, *t;
	char *path, *r = NULL, stamp[32];
	time_t now = time(NULL);

	path = xasprintf("%s/meta.json", dir);
	if ((old = results_json_file(path, &why)) != NULL &&
	    (t = get_string(old, "kind")) != NULL &&
	    strcmp(t, "fleet") == 0 &&
	    json_object_object_get_ex(old, "hosts", &v) &&
	    json_object_equal(v, hosts) &&
	    (t = get_string(old, "merged")) != NULL)
		r = xstrdup(t);
	json_object_put(old);
	free(path);
	if (r == NULL) {
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&now));
		r = xstrdup(stamp);
	}
	return r;
}

/*
 * Merges DIR/hosts/NAME/ into DIR; dies on an error (exit 2 for no
 * DIR/hosts or a bad NAME, 1 for a file that cannot be read or is not
 * right, naming it and the line), leaving DIR's files as they were.
 */
void
merge_fleet(const char *dir, struct merge_count *count)
{
	struct fleet_hosts h = { NULL, 0, 0 };
	struct outfile res_out, fail_out, meta_out;
	struct sink res, fail;
	struct json_object *fleet, *meta, *list;
	char *head, *when;
	size_t i;

	list_dirs(&h, dir);
	fleet = read_fleet(&h, dir);
	qsort(h.v, h.n, sizeof(*h.v), cmp_host);

	memset(&res, 0, sizeof(res));
	memset(&fail, 0, sizeof(fail));
	head = csv_header_line(results_cols, R_NCOLS);
	open_out(&res_out, dir, RESULTS_CSV, head);
	free(head);
	head = csv_header_line(failures_cols, X_NCOLS);
	open_out(&fail_out, dir, FAILURES_CSV, head);
	free(head);
	res.w.fp = res_out.fp;
	fail.w.fp = fail_out.fp;

	list = json_object_new_array();
	for (i = 0; i < h.n; i++)
		json_object_array_add(list, merge_host(dir, &h.v[i], &res,
		    &fail));
	meta = json_object_new_object();
	json_object_object_add(meta, "schema", json_object_new_int(1));
	put_str(meta, "kind", "fleet");
	when = merged_time(dir, list);
	put_str(meta, "merged", when);
	json_object_object_add(meta, "hosts", list);
	open_out(&meta_out, dir, "meta.json", NULL);
	fputs(json_object_to_json_string_ext(meta, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE), meta_out.fp);
	fputc('\n', meta_out.fp);

	/* All three whole: into place. */
	flush_out(&res_out, dir, RESULTS_CSV);
	flush_out(&fail_out, dir, FAILURES_CSV);
	flush_out(&meta_out, dir, "meta.json");
	commit_out(&res_out, dir, RESULTS_CSV);
	commit_out(&fail_out, dir, FAILURES_CSV);
	commit_out(&meta_out, dir, "meta.json");

	count->hosts = h.n;
	count->rows = res.n;
	count->failures = fail.n;
	json_object_put(meta);
	json_object_put(fleet);
	for (i = 0; i < h.n; i++)
		free(h.v[i].name);
	free(h.v);
	free(when);
}
