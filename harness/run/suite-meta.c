/*
 * suite-meta.c - vc-suite's DIR/meta.json: the machine, the software
 * versions, the parameters, each platform's envelope (what vc-envelope
 * saw there) and exact command lines or why it was skipped, and the
 * argv the run was started with, which -r reads back to resume the run
 * with its own options; and at the end of each session, where its
 * time went and how quiet the machine looked (suite-noise.c), kept
 * across -r.
 */
#include "config.h"

#include <sys/utsname.h>

#include <errno.h>
#include <json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest.h"
#include "msg.h"
#include "report/results.h"
#include "run.h"
#include "runner.h"
#include "slurp.h"
#include "suite.h"

static char *
first_line_of(char *const v[])
{
	char *out, *r;
	int rc = run_read(v, RUN_MERGE, &out, 0, NULL, 0);

	r = rc == 0 || rc == 1 ? strndup(out, strcspn(out, "\n")) : NULL;
	free(out);
	return r;
}

static char *
read_small(const char *path, const char *key)
{
	char buf[65536], *p, *nl;

	if (slurp(path, buf, sizeof(buf)) <= 0)
		return NULL;
	if (key == NULL)
		return strndup(buf, strcspn(buf, "\n"));
	if ((p = strstr(buf, key)) == NULL || (p = strchr(p, ':')) == NULL)
		return NULL;
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	nl = p + strcspn(p, "\n");
	return strndup(p, (size_t)(nl - p));
}

static void
put(struct json_object *obj, const char *key, const char *val)
{
	json_object_object_add(obj, key,
	    val ? json_object_new_string(val) : NULL);
}

/* put, then free val: for the strings read from the machine. */
static void
put_free(struct json_object *obj, const char *key, char *val)
{
	put(obj, key, val);
	free(val);
}

static void
put_int(struct json_object *obj, const char *key, int64_t val)
{
	json_object_object_add(obj, key, json_object_new_int64(val));
}

/* The "key value" lines of a runner's -I, as strings of obj. */
static void
put_info(struct json_object *obj, const char *info)
{
	const char *p, *nl, *sp;
	char *key;

	for (p = info; p != NULL && *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		sp = p + strcspn(p, " \n");
		if (sp == p)
			continue;
		if ((key = strndup(p, (size_t)(sp - p))) == NULL)
			diesys(EXIT_FAIL, "strndup");
		json_object_object_add(obj, key, json_object_new_string_len(
		    sp + (sp < nl), (int)(nl - sp - (sp < nl))));
		free(key);
	}
}

/*
 * vc-envelope's "key value" lines as an object, numbers as numbers; or
 * NULL if there is none. The check's stderr comes with them (a runner's
 * note): only a line whose key is made of a-z, 0-9 and _ is one of
 * vc-envelope's.
 */
static struct json_object *
envelope(const char *out)
{
	static const char keychars[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
	struct json_object *env = NULL, *v;
	const char *p, *nl, *val;
	char *key, *end;
	long long n;
	size_t klen;

	for (p = out; p != NULL && *p != '\0'; p = *nl ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		klen = strspn(p, keychars);
		if (klen == 0 || p[klen] != ' ' || nl == p + klen + 1)
			continue;
		val = p + klen + 1;
		errno = 0;
		n = strtoll(val, &end, 10);
		if (*val >= '0' && *val <= '9' && end == nl && errno == 0)
			v = json_object_new_int64(n);
		else
			v = json_object_new_string_len(val, (int)(nl - val));
		if ((key = strndup(p, klen)) == NULL)
			diesys(EXIT_FAIL, "strndup");
		if (env == NULL)
			env = json_object_new_object();
		json_object_object_add(env, key, v);
		free(key);
	}
	return env;
}

/* The host: its CPU, memory, kernel and clock source. */
static void
put_machine(struct json_object *m, const char *host)
{
	struct utsname u;
	char buf[160];

	put(m, "host", host);
	put_free(m, "cpu_model", read_small("/proc/cpuinfo", "model name"));
	put_int(m, "cpus", host_cpus());
	put_free(m, "memory", read_small("/proc/meminfo", "MemTotal"));
	if (uname(&u) == 0) {
		snprintf(buf, sizeof(buf), "%s %s", u.sysname, u.release);
		put(m, "kernel", buf);
	}
	put_free(m, "clocksource", read_small("/sys/devices/system/clocksource/"
	    "clocksource0/current_clocksource", NULL));
}

/* The kernel the VMs boot, as vc-image names it, when a VM runs; or NULL. */
static char *
guest_kernel(const struct options *o)
{
	char *vi[] = { "vc-image", "-q", "kernel", NULL }, *out, *sp;
	char *kernel = NULL;

	if (!o->plat[PLAT_QEMU] && !o->plat[PLAT_KVM])
		return NULL;
	/* Its first line: kernel PATH. */
	if (runner_read(vi, 0, &out, NULL, 0) == 0 &&
	    *(sp = out + strcspn(out, " ")) == ' ')
		kernel = strndup(sp + 1, strcspn(sp + 1, "\n"));
	free(out);
	return kernel;
}

/* The machine vc-qemu and vc-kvm make (guest.h), when a VM runs. */
static struct json_object *
guest_machine(const struct options *o)
{
	struct json_object *g;

	if (!o->plat[PLAT_QEMU] && !o->plat[PLAT_KVM])
		return NULL;
	g = json_object_new_object();
	put(g, "tcg_cpu", GUEST_TCG_CPU);
	put(g, "kvm_cpu", "QEMU's default");
	put(g, "cmdline", GUEST_CMDLINE);
	return g;
}

/* The first line of each tool's version, or null if it is not here. */
static struct json_object *
software(void)
{
	static char *const versions[][4] = {
		{ "qemu", "qemu-system-x86_64", "--version", NULL },
		{ "docker", "docker", "--version", NULL },
		{ "podman", "podman", "--version", NULL },
		{ "fio", "fio", "--version", NULL },
		{ "wrk", "wrk", "-v", NULL },
		{ "nginx", "nginx", "-v", NULL },
		{ "gnuplot", "gnuplot", "--version", NULL },
	};
	struct json_object *sw = json_object_new_object();
	size_t i;

	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++)
		put_free(sw, versions[i][0], first_line_of(versions[i] + 1));
	return sw;
}

static struct json_object *
parameters(const struct options *o)
{
	struct json_object *params = json_object_new_object();

	put(params, "profile", o->profile->name);
	put_int(params, "reps", o->reps);
	put_int(params, "max_reps", o->maxreps);
	json_object_object_add(params, "ci_percent",
	    json_object_new_double(o->ci));
	put_int(params, "warmup", o->warmup);
	put(params, "order", o->sequential ? "sequential" :
	    o->shuffle ? "interleaved, shuffled" : "interleaved");
	if (o->shuffle)
		put_int(params, "seed", (int64_t)o->seed);
	return params;
}

/* Each chosen benchmark's arguments. */
static struct json_object *
benchmarks(const struct options *o)
{
	struct json_object *benchs = json_object_new_object();
	int b;

	for (b = 0; b < NBENCH; b++)
		if (o->bench[b])
			put(benchs, catalog_benchs[b].name, o->args[b]);
	return benchs;
}

/* The command of a run of benchmark b on platform p, words joined. */
static char *
command_line(int p, int b)
{
	char **v = command(p, b, NULL), *line;
	size_t len = 0;
	int i;

	for (i = 0; v[i] != NULL; i++)
		len += strlen(v[i]) + 1;
	if ((line = malloc(len + 1)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	line[0] = '\0';
	for (i = 0; v[i] != NULL; i++) {
		strcat(line, i ? " " : "");
		strcat(line, v[i]);
	}
	free(v);
	return line;
}

/*
 * Each column: its name, platform, settings, the runner's argv before
 * the benchmark (its -O options and the settings' options), what each
 * setting changes, and why it was skipped.
 */
static struct json_object *
columns(const struct options *o, const struct plat_found *found)
{
	struct json_object *cols, *col, *set, *argv, *desc;
	char **v, buf[256];
	int c, i;

	cols = json_object_new_array();
	for (c = 0; c < o->ncol; c++) {
		col = json_object_new_object();
		put(col, "name", o->col[c].name);
		put(col, "platform", catalog_plats[o->col[c].plat].name);
		set = json_object_new_object();
		desc = json_object_new_array();
		for (i = 0; i < o->col[c].nset; i++) {
			put(set, catalog_settings[o->col[c].set[i].def].key,
			    o->col[c].set[i].value);
			json_object_array_add(desc, json_object_new_string(
			    catalog_setting_desc(&o->col[c], i, buf,
			    sizeof(buf))));
		}
		json_object_object_add(col, "settings", set);
		argv = json_object_new_array();
		v = command(c, 0, (const char *const []){ NULL });
		for (i = 0; v[i] != NULL; i++)
			json_object_array_add(argv,
			    json_object_new_string(v[i]));
		free(v);
		json_object_object_add(col, "argv", argv);
		json_object_object_add(col, "descriptions", desc);
		if (found[c].skipped != NULL)
			put(col, "skipped", found[c].skipped);
		json_object_array_add(cols, col);
	}
	return cols;
}

/*
 * Each column, by name: what its check found (vc-container -I, the
 * envelope), and why it was skipped or the command of each benchmark
 * on it.
 */
static struct json_object *
platforms(const struct options *o, const struct plat_found *found)
{
	struct json_object *plats, *pl, *cmds, *env;
	int p, b;

	plats = json_object_new_object();
	for (p = 0; p < o->ncol; p++) {
		pl = json_object_new_object();
		put_info(pl, found[p].info);
		if ((env = envelope(found[p].envelope)) != NULL)
			json_object_object_add(pl, "envelope", env);
		if (found[p].skipped != NULL)
			put(pl, "skipped", found[p].skipped);
		else {
			cmds = json_object_new_object();
			for (b = 0; b < NBENCH; b++)
				if (o->bench[b])
					put_free(cmds, catalog_benchs[b].name,
					    command_line(p, b));
			json_object_object_add(pl, "commands", cmds);
		}
		json_object_object_add(plats, o->col[p].name, pl);
	}
	return plats;
}

/* The arguments after the program's name. */
static struct json_object *
arguments(int argc, char *argv[])
{
	struct json_object *args = json_object_new_array();
	int i;

	for (i = 1; i < argc; i++)
		json_object_array_add(args, json_object_new_string(argv[i]));
	return args;
}

/* m into DIR/meta.json whole, through a rename. */
static void
save(struct json_object *m, const char *dir)
{
	char *path, *tmp;

	if (asprintf(&path, "%s/meta.json", dir) == -1 ||
	    asprintf(&tmp, "%s/.meta.json.tmp", dir) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if (json_object_to_file_ext(tmp, m, JSON_C_TO_STRING_PRETTY) == -1 ||
	    rename(tmp, path) == -1)
		die(EXIT_FAIL, "cannot write %s", path);
	free(path);
	free(tmp);
}

/*
 * The "sessions" array of DIR/meta.json as it is (a new reference), or
 * a new empty one.
 */
static struct json_object *
old_sessions(const char *dir)
{
	struct json_object *m, *c, *r = NULL;
	const char *why;
	char *path;

	if (asprintf(&path, "%s/meta.json", dir) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if ((m = results_json_file(path, &why)) != NULL &&
	    json_object_object_get_ex(m, "sessions", &c) &&
	    json_object_is_type(c, json_type_array))
		r = json_object_get(c);
	json_object_put(m);
	free(path);
	return r != NULL ? r : json_object_new_array();
}

/* The sidecar: machine, software, parameters, command lines, skips. */
void
write_meta(const struct options *o, const struct plat_found *found,
    const char *host, int argc, char *argv[])
{
	struct json_object *m = json_object_new_object();

	put(m, "virtcost", PACKAGE_VERSION);
	put_machine(m, host);
	put_free(m, "guest_kernel", guest_kernel(o));
	json_object_object_add(m, "guest_machine", guest_machine(o));
	json_object_object_add(m, "software", software());
	json_object_object_add(m, "parameters", parameters(o));
	json_object_object_add(m, "benchmarks", benchmarks(o));
	json_object_object_add(m, "platforms", platforms(o, found));
	json_object_object_add(m, "columns", columns(o, found));
	json_object_object_add(m, "argv", arguments(argc, argv));
	/* A resumed run keeps its earlier sessions. */
	json_object_object_add(m, "sessions", o->resume ?
	    old_sessions(o->dir) : json_object_new_array());
	save(m, o->dir);
	json_object_put(m);
}

/*
 * This session's entry (taken: json_object_put'd here) appended to
 * DIR/meta.json's "sessions"; write_meta wrote the file at the start.
 */
void
add_session(const char *dir, struct json_object *session)
{
	struct json_object *m, *c;
	const char *why;
	char *path;

	if (asprintf(&path, "%s/meta.json", dir) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if ((m = results_json_file(path, &why)) == NULL)
		die(EXIT_FAIL, "%s: %s", path, why);
	if (!json_object_object_get_ex(m, "sessions", &c) ||
	    !json_object_is_type(c, json_type_array)) {
		c = json_object_new_array();
		json_object_object_add(m, "sessions", c);
	}
	json_object_array_add(c, session);
	save(m, dir);
	json_object_put(m);
	free(path);
}

/* The argv a run was started with, to resume it the same way. */
int
recorded_argv(const char *dir, char ***argvp, char **pathp)
{
	struct json_object *m, *a, *e;
	const char *why;
	char *path, **v;
	size_t i, n;

	if (asprintf(&path, "%s/meta.json", dir) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if ((m = results_json_file(path, &why)) == NULL)
		die(EXIT_FAIL, "%s: %s: no run to resume there", path, why);
	if (!json_object_object_get_ex(m, "argv", &a) ||
	    !json_object_is_type(a, json_type_array))
		die(EXIT_FAIL, "%s: no argv: no run to resume there", path);
	n = json_object_array_length(a);
	if ((v = calloc(n + 2, sizeof(*v))) == NULL)
		diesys(EXIT_FAIL, "calloc");
	v[0] = (char *)progname;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (!json_object_is_type(e, json_type_string))
			die(EXIT_FAIL, "%s: argv[%zu] is not a string", path,
			    i);
		if ((v[i + 1] = strdup(json_object_get_string(e))) == NULL)
			diesys(EXIT_FAIL, "strdup");
	}
	json_object_put(m);
	*pathp = path;
	*argvp = v;
	return (int)n + 1;
}
