/*
 * vc-suite - the whole matrix: benchmarks x platforms x repetitions.
 *
 * Every measurement goes through a platform runner (vc-native,
 * vc-container, vc-qemu, vc-kvm), spawned without a shell, with the
 * benchmark's -o json record parsed and appended to DIR/results.csv as
 * tidy rows (resultsfile.h) in one write followed by fsync: a crash or
 * Ctrl-C loses nothing measured before it, and -r resumes the matrix
 * where it stopped (suite-resume.c). A measurement that fails goes to
 * DIR/failures.csv the same way (results.c), with the reason from the
 * runner's stderr, which is also relayed as it comes; the list of
 * failed cells ends the run. A record whose work is not native's (a
 * refused fork, another order: work.h) is a warning, once per cell,
 * listed at the end too, and with -E a failure of the run.
 * DIR/meta.json records the machine, the software versions, the
 * parameters and each platform's exact command line (suite-meta.c).
 *
 * Order is interleaved: round by round, each benchmark on every platform
 * in turn (shuffled with a recorded seed if -s), so that a drift of the
 * machine does not land on one platform.
 *
 * The matrix's columns are platforms or platform variants (-p
 * qemu:disk=raw, catalog.h): a variant runs its platform's runner with
 * its settings' options after -O's, and is checked, measured, recorded
 * (results.csv's variant column) and resumed as a column of its own.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "cleanup.h"
#include "kvm.h"
#include "msg.h"
#include "parse.h"
#include "report/results.h"
#include "resultsdir.h"
#include "run.h"
#include "runner.h"
#include "stats.h"
#include "suite.h"
#include "timing.h"
#include "xalloc.h"

#define MAXREPS		100000
#define ERRKEEP		65536	/* of a runner's stderr, kept for reason() */

#define ALL_BENCHS	"linpack,memsweep,forksum,diskwrite,nginxbench"
#define ALL_PLATS	"native,container,kvm,qemu"

static const struct profile profiles[] = {
	{ "quick", 3, 0, PROFILE_QUICK, ALL_BENCHS, ALL_PLATS },
	{ "classic", 48, 1, PROFILE_CLASSIC, ALL_BENCHS, ALL_PLATS },
	/*
	 * The course's questions (vc-suite(1)): is it QEMU's user network
	 * that makes nginx slow, would a raw disk be faster than qcow2,
	 * is it the overlay that makes a container's disk slow; and what
	 * the CPU model and count do to the compute benchmarks under TCG.
	 */
	{ "questions", 3, 0, PROFILE_QUICK,
	    "nginxbench,diskwrite,forksum,linpack",
	    "native,container,container:disk=volume,container:disk=bind,"
	    "container:net=host,qemu,qemu:net=passt,qemu:net=tap,"
	    "qemu:net=vhost,qemu:disk=raw,qemu:cache=none,"
	    "qemu:dev=virtio-scsi,qemu:cpu=qemu64,kvm,kvm:net=passt,"
	    "kvm:net=tap,kvm:net=vhost,kvm:disk=raw,kvm:cache=none,"
	    "kvm:dev=virtio-scsi" },
};
#define NPROFILES	(sizeof(profiles) / sizeof(profiles[0]))

static struct options o;
static struct mcell cells[MAXCOLS][NBENCH];
static struct plat_found found[MAXCOLS];
static struct work no_native[NBENCH];	/* without native's column */
static int given_b, given_p;		/* -b, -p: the profile's if not */
static char host[256];
static int csv_fd = -1;
static char *csv_path;			/* DIR/results.csv */
static size_t csv_ncols = R_NCOLS;	/* its columns: fewer in an older */
static int fail_fd = -1;		/* failures.csv, opened at the first */
static size_t fail_ncols;		/* its columns: fewer in an older */

/*
 * Where each platform's time went, for the summary and meta.json: its
 * check, its warm-up runs, and its measured runs, the runners' wall time
 * and the benchmarks' own measured work within it.
 */
static struct {
	double	 check, warmup, wall, work;
	int64_t	 runs;
} spent[MAXCOLS];
/* How quiet the machine looked (suite-noise.c). */
static struct noise noise;
static int64_t nrun, nfail;
static int nunequal;		/* cells whose work was not native's */

/* Measurements done of the total, since t0: for the progress line. */
struct pace {
	double		 t0;
	int64_t		 done, total;
};

/*
 * The arguments of each benchmark and the options of each runner, split
 * at white space once (they live as long as the program).
 */
static char **bench_words[NBENCH];
static char **plat_words[NPLAT];
static size_t nbench_words[NBENCH], nplat_words[NPLAT];

/* s split at white space, every word kept: a NULL-ended array. */
static char **
split_words(const char *s, size_t *np)
{
	char *copy, *tok, *save, **out;
	size_t n = 0;

	if ((copy = strdup(s != NULL ? s : "")) == NULL)
		diesys(EXIT_FAIL, "strdup");
	/* At most one word per two bytes: the array cannot overflow. */
	if ((out = calloc(strlen(copy) / 2 + 2, sizeof(*out))) == NULL)
		diesys(EXIT_FAIL, "calloc");
	for (tok = strtok_r(copy, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save))
		out[n++] = tok;
	out[n] = NULL;
	if (n == 0)
		free(copy);	/* else the words keep it */
	*np = n;
	return out;
}

static void
usage(void)
{
	printf("usage: %s [-EhqV] [-a bench=args] [-b benchmarks] "
	    "[-c ci-percent]\n\t[-d dir] [-N max-reps] [-n reps] "
	    "[-O platform=options]\n\t[-P quick|classic|questions] "
	    "[-p platform[:key=value...],...]\n\t[-s seed] [-w warmup]\n"
	    "       %s -r dir\n", progname, progname);
	exit(close_stdout());
}

/* A catalogue lookup: the index of len bytes of a name, or -1. */
typedef int	 index_fn(const char *, size_t);

/* "a,b,c" -> flags; refuses unknown names. */
static void
parse_list(const char *arg, index_fn *index_of, int n, int *flags,
    const char *what)
{
	const char *p = arg, *comma;
	size_t len;
	int i;

	memset(flags, 0, sizeof(int) * (size_t)n);
	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if ((i = index_of(p, len)) == -1)
			usage_error("unknown %s '%.*s'", what, (int)len, p);
		flags[i] = 1;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

/* NAME=VALUE for one of names: vals[its index] = VALUE. */
static void
parse_assign(const char *arg, index_fn *index_of, char **vals,
    const char *opt)
{
	const char *eq = strchr(arg, '=');
	int i;

	if (eq == NULL)
		usage_error("-%s %s: expected name=value", opt, arg);
	if ((i = index_of(arg, (size_t)(eq - arg))) == -1)
		usage_error("-%s %s: unknown name '%.*s'", opt, arg,
		    (int)(eq - arg), arg);
	vals[i] = (char *)eq + 1;
}

/* -ch arg as an integer from min to max, or a usage error. */
static int64_t
int_arg(int ch, const char *arg, int64_t min, int64_t max)
{
	const char *why;
	int64_t v;

	if ((why = parse_int(arg, min, max, &v)) != NULL)
		usage_error("-%c %s: %s", ch, arg, why);
	return v;
}

/* -P name: the profile of that name. */
static const struct profile *
profile_arg(const char *arg)
{
	size_t i;

	for (i = 0; i < NPROFILES; i++)
		if (strcmp(arg, profiles[i].name) == 0)
			return &profiles[i];
	usage_error("-P %s: use quick, classic or questions", arg);
}

/* c added to the n columns of v, unless one of that name is there. */
static int
add_column(struct column *v, int n, const struct column *c)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, c->name) == 0)
			return n;
	if (n == MAXCOLS)
		usage_error("-p: more than %d columns", MAXCOLS);
	v[n] = *c;
	return n + 1;
}

/*
 * -p: columns, PLATFORM[:KEY=VALUE...] (catalog.h), "all" for every
 * platform, each once (two spellings of a variant are one column): in
 * the catalogue's order of platforms, each platform's plain column
 * first, then its variants in the order given.
 */
static void
parse_columns(const char *arg)
{
	static struct column given[MAXCOLS];
	struct column c;
	const char *p = arg, *comma;
	char why[COLUMN_MAX + 64];
	size_t len;
	int n = 0, i, k, pl;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 3 && strncmp(p, "all", 3) == 0) {
			for (pl = 0; pl < NPLAT; pl++) {
				catalog_column(catalog_plats[pl].name,
				    strlen(catalog_plats[pl].name), &c, why,
				    sizeof(why));
				n = add_column(given, n, &c);
			}
		} else if (catalog_column(p, len, &c, why, sizeof(why)) == -1)
			usage_error("-p %.*s: %s", (int)len, p, why);
		else
			n = add_column(given, n, &c);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	memset(o.plat, 0, sizeof(o.plat));
	o.ncol = 0;
	o.native = -1;
	for (pl = 0; pl < NPLAT; pl++)
		for (k = 0; k < 2; k++)
			for (i = 0; i < n; i++)
				if (given[i].plat == pl && (given[i].nset > 0) ==
				    k) {
					if (pl == PLAT_NATIVE && k == 0)
						o.native = o.ncol;
					o.col[o.ncol++] = given[i];
					o.plat[pl] = 1;
				}
}

/* Before the options: the classic profile (its benchmarks, columns). */
static void
set_defaults(void)
{
	o.profile = profile_arg("classic");
	o.reps = o.warmup = -1;
	/* A KVM guest that is not up in 10 s will not come up. */
	o.popts[PLAT_KVM] = "-W 10";
	given_b = given_p = 0;
}

/* One option of the command line, ch, with its argument. */
static void
option(int ch, char *arg)
{
	const char *why;

	switch (ch) {
	case 'a':
		parse_assign(arg, catalog_bench_index, o.args, "a");
		break;
	case 'b':
		parse_list(arg, catalog_bench_index, NBENCH, o.bench,
		    "benchmark");
		given_b = 1;
		break;
	case 'c':
		if ((why = parse_decimal(arg, 0.01, 100, &o.ci)) != NULL)
			usage_error("-c %s: %s", arg, why);
		break;
	case 'd':
		o.dir = arg;
		break;
	case 'E':
		o.equal = 1;
		break;
	case 'h':
		usage();
		break;
	case 'N':
		o.maxreps = int_arg(ch, arg, 1, MAXREPS);
		break;
	case 'n':
		o.reps = int_arg(ch, arg, 1, MAXREPS);
		break;
	case 'O':
		parse_assign(arg, catalog_plat_index, o.popts, "O");
		break;
	case 'P':
		o.profile = profile_arg(arg);
		break;
	case 'p':
		parse_columns(arg);
		given_p = 1;
		break;
	case 'q':
		o.sequential = 1;
		break;
	case 'r':
		o.dir = arg;
		o.resume = 1;
		break;
	case 's':
		o.seed = (uint64_t)int_arg(ch, arg, 0, INT64_MAX);
		o.shuffle = 1;
		break;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	case 'w':
		o.warmup = int_arg(ch, arg, 0, 1000);
		break;
	default:
		exit(EXIT_USAGE);
	}
}

/* After the options: what they left to the profile, and their checks. */
static void
complete_options(void)
{
	int i;

	if (!given_b)
		parse_list(o.profile->benchs, catalog_bench_index, NBENCH,
		    o.bench, "benchmark");
	if (!given_p)
		parse_columns(o.profile->columns);
	if (o.reps == -1)
		o.reps = o.profile->reps;
	if (o.warmup == -1)
		o.warmup = o.profile->warmup;
	if (o.maxreps == 0)
		o.maxreps = o.ci > 0 ? 10 * o.reps : o.reps;
	if (o.maxreps < o.reps)
		usage_error("-N %lld is less than -n %lld",
		    (long long)o.maxreps, (long long)o.reps);
	if (o.ci == 0 && o.maxreps != o.reps)
		usage_error("-N needs -c (the adaptive stopping rule)");
	for (i = 0; i < NBENCH; i++)
		if (o.args[i] == NULL)
			o.args[i] = (char *)catalog_benchs[i].args[
			    o.profile->args];
}

/*
 * The options, from the command line; or, when meta is a path, from the
 * argv meta.json recorded for -r, where a run's options only may be.
 */
static void
parse_args(int argc, char *argv[], const char *meta)
{
	int ch, nopts = 0;

	set_defaults();
	optind = 1;
	while ((ch = getopt(argc, argv, SUITE_OPTSTRING)) !=
	    -1) {
		if (meta != NULL && strchr("hrV", ch) != NULL)
			die(EXIT_FAIL, "%s: argv holds -%c, which is no option "
			    "of a run", meta, ch);
		nopts++;
		option(ch, optarg);
	}
	if (optind < argc)
		usage_error("extra operand '%s'", argv[optind]);
	/* A resumed run has the options it was started with, no other. */
	if (o.resume && nopts > 1)
		usage_error("-r resumes a run with its own options: it takes "
		    "no other");
	complete_options();
}

/*
 * The options of the run: from the command line, or for -r those it was
 * started with, from its meta.json. Returns argc, and in *argvp the argv
 * to record.
 */
static int
read_options(int argc, char ***argvp)
{
	static char **rargv;	/* static: it lives until exit */
	const char *dir;
	char *path;
	int rargc;

	parse_args(argc, *argvp, NULL);
	if (!o.resume)
		return argc;
	dir = o.dir;
	rargc = recorded_argv(dir, &rargv, &path);
	memset(&o, 0, sizeof(o));
	parse_args(rargc, rargv, path);
	free(path);
	o.dir = dir;
	o.resume = 1;
	*argvp = rargv;
	return rargc;
}

/* The benchmarks' arguments and the runners' options, split once. */
static void
split_options(void)
{
	int i;

	for (i = 0; i < NBENCH; i++)
		bench_words[i] = split_words(o.args[i], &nbench_words[i]);
	for (i = 0; i < NPLAT; i++)
		plat_words[i] = split_words(o.popts[i], &nplat_words[i]);
}

static size_t
add_words(char **v, size_t n, char *const words[])
{
	for (; *words != NULL; words++)
		v[n++] = *words;
	return n;
}

/*
 * runner [options] [settings' options] benchmark -o json args: the
 * exact command of a run on column c, in an array sized for it (the
 * caller frees the array only).
 */
char **
command(int c, int b, const char *const override[])
{
	int p = o.col[c].plat;
	size_t n = 0, size = nplat_words[p] + 2 * NSETTING + nbench_words[b] +
	    6;
	char **v;

	for (n = 0; override != NULL && override[n] != NULL; n++)
		size++;
	if ((v = calloc(size, sizeof(*v))) == NULL)
		diesys(EXIT_FAIL, "calloc");
	n = 0;
	v[n++] = (char *)catalog_plats[p].runner;
	n = add_words(v, n, plat_words[p]);
	n += catalog_column_opts(&o.col[c], (const char **)v + n);
	if (override != NULL) {
		for (; *override != NULL; override++)
			v[n++] = (char *)*override;
	} else {
		v[n++] = (char *)catalog_benchs[b].name;
		v[n++] = "-o";
		v[n++] = "json";
		n = add_words(v, n, bench_words[b]);
	}
	v[n] = NULL;
	return v;
}

/*
 * Runs v with its stdout into *out and the seconds it took in *secs. Its
 * stderr: into *out too if merge_stderr; else, if err, relayed to ours
 * as it comes and its first ERRKEEP bytes kept in *err; else inherited.
 */
static int
run_capture(char *const v[], char **out, int merge_stderr, char **err,
    double *secs)
{
	double t0 = wall_now();
	int rc;

	rc = runner_read(v, merge_stderr ? RUN_MERGE : 0, out, err, ERRKEEP);
	if (secs != NULL)
		*secs = wall_now() - t0;
	return rc;
}

/*
 * A one-line reason from a failed runner's output: its own first
 * message ("vc-kvm: ..."), else the last line.
 */
static char *
reason(const char *s, const char *runner)
{
	const char *end, *start = NULL, *p;
	size_t rlen = strlen(runner);
	char *r;

	for (p = s; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		if (end > p)
			start = p;
		if (strncmp(p, runner, rlen) == 0 && p[rlen] == ':')
			break;
	}
	if (start == NULL)
		return strdup("failed without a message");
	end = start + strcspn(start, "\n");
	if ((r = strndup(start, (size_t)(end - start))) == NULL)
		diesys(EXIT_FAIL, "strndup");
	return r;
}

/* The value of key in "key value" lines, as a static copy, or "". */
static const char *
info_value(const char *info, const char *key)
{
	static char vals[4][1024];
	static int next;
	const char *v = image_field(info, key);

	next = (next + 1) % 4;
	snprintf(vals[next], sizeof(vals[next]), "%s", v != NULL ? v : "");
	return vals[next];
}

/*
 * The container platform as vc-container -I describes it (engine, the
 * flags it probed, why the engine's own settings failed, a note on
 * docker), for meta.json; the user sees it once, here.
 */
static void
describe_container(int p)
{
	const char *const info[] = { "-I", NULL };
	char **v, *out;
	const char *why;
	int rc;

	v = command(p, 0, info);
	rc = run_capture(v, &out, 0, NULL, NULL);
	free(v);
	if (rc != 0) {
		free(out);
		return;
	}
	found[p].info = out;
	if (strncmp((why = info_value(out, "engine_defaults")), "failed: ", 8)
	    == 0)
		fprintf(stderr, "%s: container: %s's own settings fail here "
		    "(%s); it runs with %s%s%s\n", progname,
		    info_value(out, "engine"), why + 8,
		    info_value(out, "engine_flags"),
		    *info_value(out, "engine_flags") ? " " : "",
		    info_value(out, "run_flags"));
	if (*(why = info_value(out, "note")) != '\0')
		fprintf(stderr, "%s: container: %s uses %s; %s, to measure "
		    "docker\n", progname, catalog_plats[o.col[p].plat].runner,
		    info_value(out, "engine"), why);
}

/* A reason as it is recorded and shown (results.c); frees r. */
static char *
clean_reason(char *r)
{
	char buf[REASON_MAX + 4];

	reason_clean(buf, sizeof(buf), r);
	free(r);
	if ((r = strdup(buf)) == NULL)
		diesys(EXIT_FAIL, "strdup");
	return r;
}

/*
 * Is the platform usable here? A run of vc-envelope says, or says why
 * not; what it prints is the platform's envelope, for meta.json.
 */
static void
probe(int p)
{
	const char *const envelope[] = { ENVELOPE_PROG, NULL };
	static int described_container;	/* once: the engine is one */
	char **v, *out, why[256];
	double secs;
	int rc;

	if (o.col[p].plat == PLAT_KVM && kvm_check(why, sizeof(why)) == -1) {
		found[p].skipped = clean_reason(xasprintf("KVM cannot run a "
		    "guest here: %s", why));
		return;
	}
	v = command(p, 0, envelope);
	fprintf(stderr, "%s: checking %s ...\n", progname,
	    o.col[p].name);
	rc = run_capture(v, &out, 1, NULL, &secs);
	free(v);
	spent[p].check += secs;
	if (rc != 0) {
		found[p].skipped = clean_reason(reason(out,
		    catalog_plats[o.col[p].plat].runner));
		free(out);
	} else
		found[p].envelope = out;
	if (rc == 0 && o.col[p].plat == PLAT_CONTAINER &&
	    !described_container) {
		described_container = 1;
		describe_container(p);
	}
}

/*
 * Turns a benchmark's JSON record into CSV rows (results.c) and appends
 * them in one write, then fsync: a row is on disk before the next run
 * starts. Returns NULL, or why the record is refused (a failure).
 */
static const char *
append_record(int p, int b, int64_t rep, const char *out, double *work,
    double *primary)
{
	struct results_rows rows;
	const char *why;

	why = results_rows(out, host, catalog_plats[o.col[p].plat].name,
	    o.col[p].variant, &catalog_benchs[b], (long long)rep, csv_ncols, &rows);
	if (why == NULL) {
		results_append(csv_fd, csv_path, rows.p, rows.len);
		*work = rows.work;
		*primary = rows.primary;
		work_merge(&cells[p][b].work, &rows.did);
	}
	free(rows.p);
	work_free(&rows.did);
	return why;
}

/* What native's plain column did of benchmark b, or nothing. */
static struct work *
native_work(int b)
{
	return o.native != -1 ? &cells[o.native][b].work : &no_native[b];
}

/*
 * Did cell (p, b)'s records so far do the work of native's (work.h)?
 * If not, said once per cell, with the rep of the record that showed
 * it (0: none, a record of native's or of the file, -r).
 */
static void
check_work(int p, int b, int64_t rep)
{
	struct mcell *c = &cells[p][b];
	char note[WORK_NOTE_MAX];

	if (c->warned || work_check(&c->work, native_work(b),
	    note, sizeof(note)) == WORK_SAME)
		return;
	c->warned = 1;
	if (isatty(2))
		fputc('\n', stderr);
	if (rep > 0)
		warnmsg("%s %s rep %lld: %s", o.col[p].name,
		    catalog_benchs[b].name, (long long)rep, note);
	else
		warnmsg("%s %s: %s", o.col[p].name,
		    catalog_benchs[b].name, note);
}

/* A new record of (p, b): its cell checked; native's, every cell. */
static void
check_record(int p, int b, int64_t rep)
{
	int q;

	check_work(p, b, rep);
	if (p == o.native)
		for (q = 0; q < o.ncol; q++)
			if (q != o.native)
				check_work(q, b, 0);
}

/* Adaptive rule: the 95% CI half-width within o.ci percent of the mean. */
static int
converged(const struct mcell *c)
{
	double mean, sd, half;

	if (c->nprimary < 2)
		return 0;
	mean = stats_mean(c->primary, c->nprimary);
	sd = stats_sd(c->primary, c->nprimary);
	half = stats_t_quantile(0.975, (double)c->nprimary - 1) * sd /
	    sqrt((double)c->nprimary);
	return mean != 0 && 100.0 * half / fabs(mean) <= o.ci;
}

/* Does cell (p, b) want repetition rep in this pass? */
static int
wanted(int p, int b, int64_t rep)
{
	struct mcell *c = &cells[p][b];

	if (c->skip || c->done[rep])
		return 0;
	if (rep <= o.reps)
		return 1;
	return o.ci > 0 && rep <= o.maxreps && !c->converged;
}

static void
progress(const struct pace *pc, int p, int b, int64_t rep, const char *what)
{
	double el = wall_now() - pc->t0, eta;

	eta = pc->done > 0 && pc->total > pc->done ? el / (double)pc->done *
	    (double)(pc->total - pc->done) : 0;
	if (isatty(2))
		fprintf(stderr, "\r\033[K[%lld/%lld] %s %s rep %lld %s  "
		    "elapsed %.0fs  ETA %.0fs", (long long)pc->done,
		    (long long)pc->total, o.col[p].name,
		    catalog_benchs[b].name, (long long)rep, what, el, eta);
	else if (strcmp(what, "running") != 0)
		fprintf(stderr, "%s: [%lld/%lld] %s %s rep %lld: %s, "
		    "ETA %.0f s\n", progname, (long long)pc->done,
		    (long long)pc->total, o.col[p].name,
		    catalog_benchs[b].name, (long long)rep, what, eta);
}

/*
 * A failed measurement: on disk at once (failures.csv), counted for the
 * list at the end, and said now.
 */
static void
record_failure(int p, int b, int64_t rep, int rc, const char *err,
    const char *refused)
{
	struct mcell *c = &cells[p][b];
	char *why;

	why = clean_reason(rc != 0 ? reason(err,
	    catalog_plats[o.col[p].plat].runner) : strdup(refused));
	if (fail_fd == -1)
		fail_fd = failures_open(o.dir, &fail_ncols);
	failures_append(fail_fd, fail_ncols, host,
	    catalog_plats[o.col[p].plat].name, o.col[p].variant,
	    catalog_benchs[b].name, rep, rc, why);
	nfail++;
	c->nfailed++;
	if (isatty(2))
		fputc('\n', stderr);
	warnmsg("%s %s rep %lld failed (exit %d): %s", o.col[p].name,
	    catalog_benchs[b].name, (long long)rep, rc, why);
	if (c->failure == NULL)
		c->failure = why;
	else
		free(why);
}

/* One measurement (or warm-up, rep 0): run, parse, append. */
static int
measure(int p, int b, int64_t rep)
{
	struct mcell *c = &cells[p][b];
	char **v, *out, *err;
	double secs, work = 0, primary = NAN;
	const char *refused = NULL;
	int rc;

	v = command(p, b, NULL);
	rc = run_capture(v, &out, 0, &err, &secs);
	free(v);
	if (rep == 0) {
		spent[p].warmup += secs;
		free(out);
		free(err);
		return 0;
	}
	nrun++;
	spent[p].runs++;
	spent[p].wall += secs;
	if (rc != 0 || (refused = append_record(p, b, rep, out, &work,
	    &primary)) != NULL) {
		record_failure(p, b, rep, rc, err, refused);
		free(out);
		free(err);
		return -1;
	}
	spent[p].work += work;
	c->done[rep] = 1;
	check_record(p, b, rep);
	if (isfinite(primary) && c->nprimary < (size_t)o.maxreps)
		c->primary[c->nprimary++] = primary;
	if (o.ci > 0 && rep >= o.reps)
		c->converged = converged(c);
	free(out);
	free(err);
	return 0;
}

/*
 * The failed cells, one line each, after the summary: N of M reps,
 * M counting the reps measured, in this run or before it (-r).
 */
static void
list_failures(void)
{
	int64_t r, ok;
	int p, b;

	for (p = 0; p < o.ncol; p++)
		for (b = 0; b < NBENCH; b++) {
			if (cells[p][b].nfailed == 0)
				continue;
			for (r = 1, ok = 0; r <= o.maxreps; r++)
				ok += cells[p][b].done[r];
			fprintf(stderr, "%s: failed: %s %s (%lld of %lld "
			    "reps): %s\n", progname, o.col[p].name,
			    catalog_benchs[b].name,
			    (long long)cells[p][b].nfailed,
			    (long long)(cells[p][b].nfailed + ok),
			    cells[p][b].failure);
		}
}

/*
 * The cells whose work was not native's, one line each, after the
 * failed ones; counted in nunequal.
 */
static void
list_unequal(void)
{
	char note[WORK_NOTE_MAX];
	int p, b;

	for (p = 0; p < o.ncol; p++)
		for (b = 0; b < NBENCH; b++)
			if (work_check(&cells[p][b].work,
			    native_work(b), note, sizeof(note)) !=
			    WORK_SAME) {
				fprintf(stderr, "%s: %s %s: %s\n", progname,
				    o.col[p].name,
				    catalog_benchs[b].name, note);
				nunequal++;
			}
}

/* One cell's repetition, with progress before and after. */
static void
step(struct pace *pc, int p, int b, int64_t rep)
{
	int rc;

	/* The adaptive reps beyond -n are counted as they come. */
	if (rep > o.reps)
		pc->total++;
	progress(pc, p, b, rep, "running");
	rc = measure(p, b, rep);
	noise_sample(&noise);
	pc->done++;
	progress(pc, p, b, rep, rc == 0 ? "ok" : "FAILED");
}

/*
 * A permutation of the platforms for one round (xorshift, seeded). The
 * state starts from the seed through splitmix64's finaliser: 0 is
 * xorshift's fixed point, and -s 0 would never shuffle.
 */
static void
order(int *ord)
{
	static uint64_t x;
	int i, j, t;

	for (i = 0; i < o.ncol; i++)
		ord[i] = i;
	if (!o.shuffle)
		return;
	if (x == 0) {
		x = o.seed + 0x9e3779b97f4a7c15ULL;
		x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
		x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
		x ^= x >> 31;
		if (x == 0)
			x = 0x9e3779b97f4a7c15ULL;
	}
	for (i = o.ncol - 1; i > 0; i--) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		j = (int)(x % (uint64_t)(i + 1));
		t = ord[i];
		ord[i] = ord[j];
		ord[j] = t;
	}
}

static int64_t
count_todo(void)
{
	int64_t n = 0, r;
	int p, b;

	for (p = 0; p < o.ncol; p++)
		for (b = 0; b < NBENCH; b++)
			for (r = 1; r <= o.reps; r++)
				n += wanted(p, b, r);
	return n;
}

static void
make_dir(void)
{
	char *d, *s;

	if (o.dir == NULL && (o.dir = resultsdir_default()) == NULL)
		diesys(EXIT_FAIL, "mkdir results");
	/* mkdir -p */
	if ((d = strdup(o.dir)) == NULL)
		diesys(EXIT_FAIL, "strdup");
	for (s = d + 1; *s != '\0'; s++)
		if (*s == '/') {
			*s = '\0';
			if (mkdir(d, 0755) == -1 && errno != EEXIST)
				diesys(EXIT_FAIL, "mkdir %s", d);
			*s = '/';
		}
	if (mkdir(d, 0755) == -1 && errno != EEXIST)
		diesys(EXIT_FAIL, "mkdir %s", d);
	free(d);
}

/*
 * A runner killed with SIGKILL (or whose machine lost power) could not
 * remove its directory; its VM died with it. A killed vc-container
 * leaves what the engine holds: a container still running (nginx, say),
 * a volume, a bind directory. The suite sweeps them up, not vc-image:
 * it is what starts the runners, it runs once per suite rather than
 * once per run, and a sweep takes only what dead processes left.
 */
static void
sweep_runners(void)
{
	static const char *const tags[] = { "vc-qemu", "nginxbench" };
	char **v, *out;
	size_t i;
	int n = 0, k = 0;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		n += cleanup_sweep(tags[i]);
	if (n > 0)
		warnmsg("removed %d temporary director%s of dead runners", n,
		    n == 1 ? "y" : "ies");
	if (!o.plat[PLAT_CONTAINER])
		return;
	/* vc-container -S with the platform's options (its engine). */
	v = xcalloc(nplat_words[PLAT_CONTAINER] + 3, sizeof(*v));
	v[k++] = (char *)catalog_plats[PLAT_CONTAINER].runner;
	k = (int)add_words(v, (size_t)k, plat_words[PLAT_CONTAINER]);
	v[k++] = "-S";
	/* No engine, or a broken one: the platform's check will say. */
	if (run_capture(v, &out, 1, NULL, NULL) == 0)
		fputs(out, stderr);
	free(out);
	free(v);
}

/* DIR/results.csv, to append to; a new run refuses one already there. */
static void
open_results(void)
{
	struct stat st;

	if (asprintf(&csv_path, "%s/%s", o.dir, RESULTS_CSV) == -1)
		diesys(EXIT_FAIL, "asprintf");
	if (!o.resume && stat(csv_path, &st) == 0)
		usage_error("%s already holds results: resume with -r %s, "
		    "or choose another -d", o.dir, o.dir);
	/* -r resumes a file that is there; it never makes one. */
	if ((csv_fd = open(csv_path, O_WRONLY | O_APPEND | O_CLOEXEC |
	    (o.resume ? 0 : O_CREAT), 0644)) == -1)
		diesys(EXIT_FAIL, "%s", csv_path);
}

/* The matrix: the chosen cells, each with room for -N reps. */
static void
make_cells(void)
{
	int p, b;

	for (p = 0; p < o.ncol; p++)
		for (b = 0; b < NBENCH; b++) {
			cells[p][b].skip = !o.bench[b];
			if ((cells[p][b].done = calloc((size_t)o.maxreps + 1,
			    1)) == NULL || (cells[p][b].primary = calloc(
			    (size_t)o.maxreps, sizeof(double))) == NULL)
				diesys(EXIT_FAIL, "calloc");
			work_init(&cells[p][b].work, catalog_benchs[b].name);
		}
	for (b = 0; b < NBENCH; b++)
		work_init(&no_native[b], catalog_benchs[b].name);
}

/* -r: the work of the records already there, as if they had just come. */
static void
check_done(void)
{
	int p, b;

	for (b = 0; b < NBENCH; b++)
		for (p = 0; p < o.ncol; p++)
			check_work(p, b, 0);
}

/*
 * DIR and its results.csv: a new file with its header, or for -r the
 * file there, with the reps it holds already marked done.
 */
static void
set_up_dir(void)
{
	char *head;

	make_dir();
	open_results();
	make_cells();
	if (o.resume) {
		csv_ncols = read_done(csv_path, &o, cells);
		check_done();
	} else {
		head = csv_header_line(results_cols, R_NCOLS);
		results_append(csv_fd, csv_path, head, strlen(head));
		free(head);
	}
	resultsdir_link_latest(o.dir);
}

/* Each chosen platform checked: one that cannot run here is skipped. */
static void
check_platforms(void)
{
	int p, b;

	for (p = 0; p < o.ncol; p++) {
		probe(p);
		if (found[p].skipped != NULL) {
			fprintf(stderr, "%s: skipping %s: %s\n", progname,
			    o.col[p].name, found[p].skipped);
			for (b = 0; b < NBENCH; b++)
				cells[p][b].skip = 1;
		}
	}
}

/* Is a chosen platform left to measure on? */
static int
any_platform(void)
{
	int p;

	for (p = 0; p < o.ncol; p++)
		if (found[p].skipped == NULL)
			return 1;
	return 0;
}

/* -w rounds of every cell, measured and thrown away. */
static void
warm_up(const struct pace *pc)
{
	int64_t w;
	int p, b;

	for (w = 0; w < o.warmup; w++)
		for (b = 0; b < NBENCH; b++)
			for (p = 0; p < o.ncol; p++)
				if (!cells[p][b].skip) {
					progress(pc, p, b, 0, "warm-up");
					measure(p, b, 0);
				}
}

/* -q: cell after cell, each with all its reps. */
static void
run_sequential(struct pace *pc)
{
	int64_t rep;
	int p, b;

	for (p = 0; p < o.ncol; p++)
		for (b = 0; b < NBENCH; b++)
			for (rep = 1; rep <= o.maxreps; rep++)
				if (wanted(p, b, rep))
					step(pc, p, b, rep);
}

/* Round by round, each benchmark on every platform, in order()'s turn. */
static void
run_interleaved(struct pace *pc)
{
	int64_t rep;
	int ord[MAXCOLS], i, b;

	for (rep = 1; rep <= o.maxreps; rep++)
		for (b = 0; b < NBENCH; b++) {
			order(ord);
			for (i = 0; i < o.ncol; i++)
				if (wanted(ord[i], b, rep))
					step(pc, ord[i], b, rep);
		}
}

/*
 * Where the time went: the platform checks, the warm-up runs, the
 * platforms' overhead (boots, container starts: a run's wall time that
 * is not its benchmark's measured work), the benchmarks' measured work,
 * and the suite's own (spawning, parsing, writing, the pauses that
 * sample the machine); the same per platform. Then the platforms
 * skipped, whether the machine looked noisy, the cells that failed and
 * those whose work was not native's, so that a run ends with what failed.
 */
static void
summary(double wall, struct json_object *session)
{
	double check = 0, warmup = 0, runs = 0, work = 0, suite;
	int p;

	if (isatty(2))
		fputc('\n', stderr);
	for (p = 0; p < o.ncol; p++) {
		check += spent[p].check;
		warmup += spent[p].warmup;
		runs += spent[p].wall;
		work += spent[p].work;
	}
	suite = wall - check - warmup - runs;
	fprintf(stderr, "%s: %lld measurements (%lld failed) in %.1f s: "
	    "measured work %.1f s (%.0f%%), platform overhead %.1f s, "
	    "platform checks %.1f s, warm-up %.1f s, suite overhead %.1f s\n",
	    progname, (long long)nrun, (long long)nfail, wall, work,
	    wall > 0 ? 100.0 * work / wall : 0.0, runs - work, check, warmup,
	    suite);
	for (p = 0; p < o.ncol; p++)
		if (spent[p].runs > 0)
			fprintf(stderr, "%s:   %s: %lld runs, %.1f s: measured "
			    "work %.1f s, overhead %.2f s per run\n", progname,
			    o.col[p].name, (long long)spent[p].runs,
			    spent[p].wall, spent[p].work,
			    (spent[p].wall - spent[p].work) /
			    (double)spent[p].runs);
	for (p = 0; p < o.ncol; p++)
		if (found[p].skipped != NULL)
			fprintf(stderr, "%s: %s skipped: %s\n", progname,
			    o.col[p].name, found[p].skipped);
	noise_warn(session);
	list_failures();
	list_unequal();
}

/* The session's time per platform, into its meta.json entry. */
static void
add_times(struct json_object *session)
{
	struct json_object *all = json_object_new_object(), *t;
	int p;

	for (p = 0; p < o.ncol; p++) {
		t = json_object_new_object();
		json_object_object_add(t, "runs",
		    json_object_new_int64(spent[p].runs));
		put_rounded(t, "check_seconds", spent[p].check, 2);
		put_rounded(t, "warmup_seconds", spent[p].warmup, 2);
		put_rounded(t, "run_seconds", spent[p].wall, 2);
		put_rounded(t, "measured_seconds", spent[p].work, 2);
		json_object_object_add(all, o.col[p].name, t);
	}
	json_object_object_add(session, "platforms", all);
}

/*
 * The files closed, and the exit status: 1 if a measurement failed, or
 * with -E if a cell's work was not native's.
 */
static int
finish(void)
{
	if (close(csv_fd) == -1)
		diesys(EXIT_FAIL, "%s", csv_path);
	if (fail_fd != -1 && close(fail_fd) == -1)
		diesys(EXIT_FAIL, "%s/%s", o.dir, FAILURES_CSV);
	free(csv_path);
	if (close_stdout() != EXIT_OK)
		return EXIT_FAIL;
	return nfail > 0 || (o.equal && nunequal > 0) ? EXIT_FAIL : EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct pace pc = { wall_now(), 0, 0 };
	struct json_object *session;

	msg_init(argv[0]);
	if (gethostname(host, sizeof(host) - 1) != 0)
		strcpy(host, "unknown");
	argc = read_options(argc, &argv);
	split_options();
	cleanup_signals();
	sweep_runners();
	set_up_dir();
	noise_begin(&noise);
	check_platforms();
	write_meta(&o, found, host, argc, argv);
	if (!any_platform())
		die(EXIT_FAIL, "every platform was skipped: nothing measured "
		    "(the reasons are in %s/meta.json)", o.dir);
	warm_up(&pc);
	pc.total = count_todo();
	if (o.sequential)
		run_sequential(&pc);
	else
		run_interleaved(&pc);
	session = noise_end(&noise);
	add_times(session);
	summary(wall_now() - pc.t0, session);
	add_session(o.dir, session);
	printf("%s\n", o.dir);
	return finish();
}
