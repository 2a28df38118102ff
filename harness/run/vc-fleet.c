/*
 * vc-fleet - vc-suite on several hosts through OpenSSH, and one merged
 * results directory.
 *
 * The transport is the system's ssh(1) and rsync(1), spawned without a
 * local shell, always with BatchMode (the user's own config and keys;
 * no password is ever handled here). Per host, in a worker process of
 * its own (forked, no exec), one after another:
 *
 *	mkdir -m 700 there		RDIR, private to this run: its
 *					name (vc-fleet.RANDOM, in the
 *					remote TMPDIR) chosen here
 *	rsync the staging directory	RDIR/tree: a build tree of our
 *					programs (VIRTCOST_BUILDDIR's
 *					layout), RDIR/cache: image parts
 *	ssh: echo its pid, then		the remote vc-suite's stderr
 *	    exec vc-suite		relayed line by line, prefixed
 *	rsync RDIR/results back		into DIR/hosts/NAME/
 *	rm -rf RDIR
 *
 * The remote command is one string for the remote user's shell (POSIX
 * sh); every word of it goes through sh_quote(). Workers report their
 * end (status and a one-line reason) on a pipe; the parent writes
 * DIR/fleet.json and runs vc-merge. On SIGINT or SIGTERM each worker
 * stops its remote vc-suite by its pid, fetches what it wrote, removes
 * RDIR; then the parent writes what it has and dies of the signal. RDIR's
 * name is chosen here, not by a remote mktemp, so that a signal while
 * it is being made (the ssh killed before it printed the name, as a
 * terminal's ^C kills it) can still remove it.
 * Workers end with _exit(): the staging directory is the parent's to
 * remove (cleanup.c's exit handler).
 */
#include "config.h"

#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "catalog.h"
#include "cleanup.h"
#include "msg.h"
#include "outfile.h"
#include "parse.h"
#include "report/results.h"
#include "resultsdir.h"
#include "run.h"
#include "runner.h"
#include "shquote.h"
#include "suite.h"
#include "xalloc.h"

#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR	"/usr/local/libexec/virtcost"
#endif
#ifndef PKGDATADIR
#define PKGDATADIR	"/usr/local/share/virtcost"
#endif

#define FLEET_JSON	"fleet.json"
#define MAXHOSTS	256
#define OUTKEEP		65536	/* of a remote command's stdout */
#define LINEMAX		4096	/* of one relayed stderr line */
#define SSH_UNREACHABLE	255	/* ssh's own failure, or a lost session */

enum status { ST_RUNNING, ST_COMPLETE, ST_FAILED };
static const char *const status_names[] = { "running", "complete",
	"failed" };

struct fleet_host {
	char	*name;
	enum status status;
	char	*reason;	/* one line, or NULL */
	int	 resume;	/* -r: its results go back, vc-suite -r */
	int	 todo;		/* to run in this invocation */
	pid_t	 worker;	/* 0: not started; -1: done */
	int	 rfd;		/* the worker's report */
};

static struct {
	int64_t	 jobs;		/* -j; 0: every host at once */
	char	*dir;		/* -d, or -r's */
	char	*config;	/* -F, absolute */
	int	 resume;	/* -r */
	char	**suite;	/* the vc-suite options */
	size_t	 nsuite;
	struct json_object *argv;	/* vc-fleet's, as fleet.json keeps it */
} o;

static struct fleet_host hosts[MAXHOSTS];
static size_t nhosts;
static const char *stage;	/* the local staging directory */

static void
usage(void)
{
	printf("usage: %s [-hV] [-j jobs] [-d dir] [-F ssh_config] "
	    "-H host,... [-- vc-suite options ...]\n"
	    "       %s [-j jobs] [-F ssh_config] -r dir\n", progname,
	    progname);
	exit(close_stdout());
}

static void
add_host(const char *name, int check)
{
	const char *why;
	size_t i;

	/* It becomes a path: the fleet format's one rule. */
	if ((why = results_host_ok(name)) != NULL) {
		if (check)
			usage_error("-H '%s': host name %s", name, why);
		die(EXIT_FAIL, "%s/%s: host name '%s' %s", o.dir, FLEET_JSON,
		    name, why);
	}
	for (i = 0; i < nhosts; i++)
		if (strcmp(hosts[i].name, name) == 0) {
			if (check)
				usage_error("-H: host %s given twice", name);
			die(EXIT_FAIL, "%s/%s: host %s twice", o.dir,
			    FLEET_JSON, name);
		}
	if (nhosts == MAXHOSTS)
		usage_error("-H: more than %d hosts", MAXHOSTS);
	hosts[nhosts].name = xstrdup(name);
	hosts[nhosts].status = ST_RUNNING;
	hosts[nhosts].todo = 1;
	hosts[nhosts].rfd = -1;
	nhosts++;
}

static void
parse_hosts(const char *arg)
{
	char *copy = xstrdup(arg), *p, *comma;

	for (p = copy;; p = comma + 1) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		add_host(p, 1);
		if (comma == NULL)
			break;
	}
	free(copy);
}

/* -F: absolute, readable, and a word rsync's -e can carry. */
static char *
config_path(const char *arg)
{
	char *path;

	if (access(arg, R_OK) == -1)
		usage_error("-F %s: %s", arg, strerror(errno));
	if ((path = realpath(arg, NULL)) == NULL)
		usage_error("-F %s: %s", arg, strerror(errno));
	if (strpbrk(path, "'\"\\ \t\n") != NULL)
		usage_error("-F %s: a path with quotes, backslashes or white "
		    "space cannot be passed on to rsync", arg);
	return path;
}

static void
record_argv(int argc, char *argv[])
{
	int i;

	o.argv = json_object_new_array();
	for (i = 1; i < argc; i++)
		json_object_array_add(o.argv, json_object_new_string(argv[i]));
}

static void
options(int argc, char *argv[])
{
	const char *why, *hostarg = NULL;
	int ch, other = 0;

	record_argv(argc, argv);
	while ((ch = getopt(argc, argv, "d:F:hH:j:r:V")) != -1) {
		switch (ch) {
		case 'd':
			o.dir = xstrdup(optarg);
			other = 1;
			break;
		case 'F':
			o.config = config_path(optarg);
			break;
		case 'h':
			usage();
			break;
		case 'H':
			hostarg = optarg;
			break;
		case 'j':
			if ((why = parse_int(optarg, 1, MAXHOSTS, &o.jobs)) !=
			    NULL)
				usage_error("-j %s: %s", optarg, why);
			break;
		case 'r':
			o.dir = xstrdup(optarg);
			o.resume = 1;
			break;
		case 'V':
			puts(PACKAGE_STRING);
			exit(close_stdout());
		default:
			exit(EXIT_USAGE);	/* getopt said why */
		}
	}
	argc -= optind;
	argv += optind;
	if (o.resume) {
		if (hostarg != NULL || other || argc > 0)
			usage_error("-r resumes a fleet run with its own hosts "
			    "and vc-suite options: it takes no -H, -d or "
			    "vc-suite options");
		return;
	}
	if (hostarg == NULL)
		usage_error("no hosts: give -H host1,host2,...");
	if (optind > 0 && argc > 0 && strcmp(argv[-1], "--") != 0)
		usage_error("extra operand '%s' (vc-suite options go after "
		    "--)", argv[0]);
	parse_hosts(hostarg);
	o.suite = argv;
	o.nsuite = (size_t)argc;
}

/* --- fleet.json -------------------------------------------------- */

static char *
fleet_path(void)
{
	return xasprintf("%s/%s", o.dir, FLEET_JSON);
}

static void
write_fleet(void)
{
	struct json_object *m = json_object_new_object(), *a, *h;
	struct outfile of;
	const char *text;
	char *path = fleet_path();
	size_t i;

	json_object_object_add(m, "schema", json_object_new_int(1));
	json_object_object_add(m, "argv", json_object_get(o.argv));
	a = json_object_new_array();
	for (i = 0; i < o.nsuite; i++)
		json_object_array_add(a, json_object_new_string(o.suite[i]));
	json_object_object_add(m, "suite_args", a);
	a = json_object_new_array();
	for (i = 0; i < nhosts; i++) {
		h = json_object_new_object();
		json_object_object_add(h, "name",
		    json_object_new_string(hosts[i].name));
		json_object_object_add(h, "status",
		    json_object_new_string(status_names[hosts[i].status]));
		json_object_object_add(h, "reason", hosts[i].reason != NULL ?
		    json_object_new_string(hosts[i].reason) : NULL);
		json_object_array_add(a, h);
	}
	json_object_object_add(m, "hosts", a);
	text = json_object_to_json_string_ext(m, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (outfile_open(&of, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	if (fprintf(of.fp, "%s\n", text) < 0 || outfile_commit(&of) == -1) {
		warnsys("%s", path);
		outfile_abort(&of);
		exit(EXIT_FAIL);
	}
	json_object_put(m);
	free(path);
}

static const char *
get_string(struct json_object *obj, const char *key, const char *path)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		die(EXIT_FAIL, "%s: no string \"%s\"", path, key);
	return json_object_get_string(v);
}

static struct json_object *
get_array(struct json_object *obj, const char *key, const char *path)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, key, &v) ||
	    !json_object_is_type(v, json_type_array))
		die(EXIT_FAIL, "%s: no array \"%s\"", path, key);
	return v;
}

/* -r: the hosts, their state and the vc-suite options, as recorded. */
static void
read_fleet(void)
{
	struct json_object *m, *a, *e, *r;
	struct stat st;
	const char *why, *s;
	char *path = fleet_path(), *meta;
	size_t i, n;
	int k;

	if ((m = results_json_file(path, &why)) == NULL)
		die(EXIT_FAIL, "%s: %s: no fleet run to resume there", path,
		    why);
	/* fleet.json keeps the argv of the run, not of this -r. */
	json_object_put(o.argv);
	o.argv = json_object_get(get_array(m, "argv", path));
	a = get_array(m, "suite_args", path);
	n = json_object_array_length(a);
	o.suite = xcalloc(n + 1, sizeof(*o.suite));
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (!json_object_is_type(e, json_type_string))
			die(EXIT_FAIL, "%s: suite_args[%zu] is not a string",
			    path, i);
		o.suite[i] = xstrdup(json_object_get_string(e));
	}
	o.nsuite = n;
	a = get_array(m, "hosts", path);
	n = json_object_array_length(a);
	if (n == 0)
		die(EXIT_FAIL, "%s: no hosts", path);
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(a, i);
		if (!json_object_is_type(e, json_type_object))
			die(EXIT_FAIL, "%s: hosts[%zu] is not an object", path,
			    i);
		add_host(get_string(e, "name", path), 0);
		s = get_string(e, "status", path);
		for (k = 0; k < 3 && strcmp(s, status_names[k]) != 0; k++)
			;
		if (k == 3)
			die(EXIT_FAIL, "%s: %s: unknown status \"%s\"", path,
			    hosts[nhosts - 1].name, s);
		hosts[nhosts - 1].status = (enum status)k;
		if (json_object_object_get_ex(e, "reason", &r) &&
		    json_object_is_type(r, json_type_string))
			hosts[nhosts - 1].reason =
			    xstrdup(json_object_get_string(r));
		hosts[nhosts - 1].todo = k != ST_COMPLETE;
		/* What it has measured goes back; nothing: a fresh run. */
		meta = xasprintf("%s/hosts/%s/meta.json", o.dir,
		    hosts[nhosts - 1].name);
		hosts[nhosts - 1].resume = lstat(meta, &st) == 0 &&
		    S_ISREG(st.st_mode);
		free(meta);
	}
	json_object_put(m);
	free(path);
}

/* --- what every host gets ---------------------------------------- */

/*
 * RDIR/tree is a build tree as vc-image reads VIRTCOST_BUILDDIR: the
 * benchmarks in NAME/NAME, vc-init and vc-envelope in harness/run (with
 * vc-suite and the runners), vc-image in harness/image. Its folders go
 * first on the remote PATH.
 */
static const char *const tree_folders[] = { "harness/run", "harness/image" };
#define NTREE	(sizeof(tree_folders) / sizeof(tree_folders[0]))

/* Links in the staging directory; rsync -L copies what they name. */
static void
stage_link(const char *target, const char *rel)
{
	char *path = xasprintf("%s/%s", stage, rel), *slash;

	slash = strrchr(path, '/');
	*slash = '\0';
	if (outfile_mkdirs(path, 0700) == -1)
		diesys(EXIT_FAIL, "%s", path);
	*slash = '/';
	if (symlink(target, path) == -1)
		diesys(EXIT_FAIL, "%s", path);
	free(path);
}

/*
 * A program the way vc-suite and its runners find it (PATH), at its
 * place in the remote build tree (vc-image's VIRTCOST_BUILDDIR rules).
 */
static void
stage_program(const char *name, const char *folder)
{
	char *path, *rel;

	if ((path = path_search(name)) == NULL)
		die(EXIT_FAIL, "%s not found in PATH: every host needs it",
		    name);
	rel = xasprintf("tree/%s/%s", folder != NULL ? folder : name, name);
	stage_link(path, rel);
	free(rel);
	free(path);
}

/* A helper found where its users look: the build tree, else installed. */
static void
stage_helper(const char *env, const char *buildsub, const char *installed,
    const char *name, const char *rel)
{
	const char *d = getenv(env);
	char *path;

	if (d != NULL && *d != '\0')
		path = xasprintf("%s%s/%s", d, buildsub, name);
	else
		path = xasprintf("%s/%s", installed, name);
	if (access(path, R_OK) == 0)
		stage_link(path, rel);
	else
		warnmsg("%s: %s: the hosts go without it", path,
		    strerror(errno));
	free(path);
}

/*
 * Which image parts the suite options need: the container's rootfs,
 * the VMs' core and io; all of them unless -p says otherwise.
 */
static void
parts_needed(int want[3])
{
	const char *cols = NULL, *p, *opt;
	size_t i, len, n;

	for (i = 0; i < o.nsuite; i++) {
		if (strcmp(o.suite[i], "-p") == 0 && i + 1 < o.nsuite)
			cols = o.suite[++i];
		else if (strncmp(o.suite[i], "-p", 2) == 0)
			cols = o.suite[i] + 2;
		else if (o.suite[i][0] == '-' && o.suite[i][1] != '\0' &&
		    o.suite[i][1] != ':' && o.suite[i][2] == '\0' &&
		    (opt = strchr(SUITE_OPTSTRING, o.suite[i][1])) != NULL &&
		    opt[1] == ':')
			i++;	/* an option's value, whatever it looks like */
	}
	want[0] = want[1] = want[2] = cols == NULL;
	for (p = cols; p != NULL && *p != '\0'; p += len + (p[len] == ',')) {
		len = strcspn(p, ",");
		n = strcspn(p, ":");
		switch (catalog_plat_index(p, n < len ? n : len)) {
		case PLAT_NATIVE:
			break;
		case PLAT_CONTAINER:
			want[2] = 1;
			break;
		case PLAT_KVM:
		case PLAT_QEMU:
			want[0] = want[1] = 1;
			break;
		default:	/* "all", or unsure: more is safe */
			want[0] = want[1] = want[2] = 1;
		}
	}
}

/* The cached parts, made if need be by vc-image here, as RDIR/cache/. */
static void
stage_parts(void)
{
	static const char *const parts[] = { "core", "io", "rootfs" };
	char *argv[6], *out, *rel, *base;
	const char *path;
	int want[3], n = 0, rc;
	size_t i;

	parts_needed(want);
	argv[n++] = "vc-image";
	argv[n++] = "-q";
	for (i = 0; i < 3; i++)
		if (want[i])
			argv[n++] = (char *)parts[i];
	argv[n] = NULL;
	if (n == 2)
		return;
	if ((rc = run_read(argv, 0, &out, 0, NULL, 0)) != 0) {
		warnmsg("vc-image %s failed (exit %d): the hosts make their "
		    "own image parts", n > 2 ? argv[2] : "", rc);
		if (rc != -1)
			free(out);
		return;
	}
	for (i = 0; i < 3; i++) {
		if (!want[i] || (path = image_field(out, parts[i])) == NULL)
			continue;
		base = strrchr(path, '/');
		rel = xasprintf("cache/%s", base != NULL ? base + 1 : path);
		stage_link(path, rel);
		free(rel);
	}
	free(out);
}

static void
make_stage(void)
{
	size_t i;

	/* What a vc-fleet killed with SIGKILL left here (cleanup.c). */
	cleanup_sweep("vc-fleet");
	if ((stage = cleanup_tempdir("vc-fleet")) == NULL)
		diesys(EXIT_FAIL, "temporary directory");
	stage_program("vc-suite", tree_folders[0]);
	stage_program("vc-image", tree_folders[1]);
	stage_program(ENVELOPE_PROG, tree_folders[0]);
	for (i = 0; i < NPLAT; i++)
		stage_program(catalog_plats[i].runner, tree_folders[0]);
	for (i = 0; i < NBENCH; i++)
		stage_program(catalog_benchs[i].name, NULL);
	stage_helper("VIRTCOST_BUILDDIR", "/harness/run", PKGLIBEXECDIR,
	    "vc-init", "tree/harness/run/vc-init");
	stage_helper("VIRTCOST_DATADIR", "", PKGDATADIR, "report.lua",
	    "tree/nginxbench/report.lua");
	stage_parts();
}

/* --- one host's worker ------------------------------------------- */

static struct fleet_host *me;		/* in a worker: its host */
static char rdir[PATH_MAX];	/* in a worker: the remote directory */
static char rname[32];		/* in a worker: its name, vc-fleet.RANDOM */
/* In a remote shell: RDIR before the remote has said what it is. */
#define RDIR_SH	"\"${TMPDIR:-/tmp}\"/"

/* ssh -o BatchMode=yes [-o ConnectTimeout=10] [-F config] -- HOST CMD */
static char **
ssh_argv(const char *cmd, int bounded)
{
	char **v = xcalloc(12, sizeof(*v));
	int n = 0;

	v[n++] = "ssh";
	v[n++] = "-o";
	v[n++] = "BatchMode=yes";
	if (bounded) {
		/* Cleaning up after a signal must not wait out a dead host. */
		v[n++] = "-o";
		v[n++] = "ConnectTimeout=10";
	}
	if (o.config != NULL) {
		v[n++] = "-F";
		v[n++] = o.config;
	}
	v[n++] = "--";
	v[n++] = me->name;
	v[n++] = (char *)cmd;
	return v;
}

/* rsync's -e: the same ssh (-F was checked to be one plain word). */
static char *
rsync_shell(void)
{
	return o.config != NULL ?
	    xasprintf("ssh -o BatchMode=yes -F %s", o.config) :
	    xasprintf("ssh -o BatchMode=yes");
}

/* What a remote command gave: its stdout, its last stderr line. */
struct got {
	char	*out;
	size_t	 len;
	char	 first[LINEMAX];	/* its first stderr line (rsync's cause) */
	char	 last[LINEMAX];
	char	 line[LINEMAX];	/* the stderr line being read */
	size_t	 llen;
	int	 relay;		/* stderr lines go to ours, prefixed */
	int	 stopping;	/* the child is not cleanup's to kill */
	void	(*on_out)(struct got *);
	/* At a signal, instead of the child's being killed: */
	void	(*on_signal)(pid_t);
	int	 told;
};

/* One stderr line, control characters blanked. */
static void
err_line(struct got *g)
{
	char *msg;
	size_t i;

	g->line[g->llen] = '\0';
	for (i = 0; i < g->llen; i++)
		if ((unsigned char)g->line[i] < ' ' || g->line[i] == 0x7f)
			g->line[i] = ' ';
	while (g->llen > 0 && g->line[g->llen - 1] == ' ')
		g->line[--g->llen] = '\0';
	if (g->llen > 0 && g->first[0] == '\0')
		memcpy(g->first, g->line, g->llen + 1);
	if (g->llen > 0)
		memcpy(g->last, g->line, g->llen + 1);
	if (g->relay) {
		/* One write per line: lines of hosts never mix. */
		msg = xasprintf("%s: %s\n", me->name, g->line);
		(void)!write(2, msg, strlen(msg));
		free(msg);
	}
	g->llen = 0;
}

static void
take_err(struct got *g, const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (buf[i] == '\n') {
			err_line(g);
			continue;
		}
		if (g->llen < sizeof(g->line) - 1)
			g->line[g->llen++] = buf[i];
	}
}

static void
take_out(struct got *g, const char *buf, size_t n)
{
	if (g->len + n > OUTKEEP)
		n = OUTKEEP - g->len;
	memcpy(g->out + g->len, buf, n);
	g->len += n;
	g->out[g->len] = '\0';
	if (g->on_out != NULL)
		g->on_out(g);
}

/*
 * Runs argv with stdin from /dev/null, reading its stdout and stderr
 * to their ends; its exit code, or -1 with errno if it could not be
 * started. A caught signal never ends it here: the worker decides.
 */
static int
run_got(char *const argv[], struct got *g)
{
	struct spawn_io io = SPAWN_INHERIT;
	struct pollfd pfd[2];
	int outp[2] = { -1, -1 }, errp[2] = { -1, -1 }, null, i, e;
	char buf[8192];
	ssize_t n;
	pid_t pid = -1;

	g->out = xmalloc(OUTKEEP + 1);
	g->out[0] = g->first[0] = g->last[0] = '\0';
	g->len = g->llen = 0;
	if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) != -1 &&
	    pipe2(outp, O_CLOEXEC) == 0 && pipe2(errp, O_CLOEXEC) == 0) {
		io.fd[0] = null;
		io.fd[1] = outp[1];
		io.fd[2] = errp[1];
		pid = spawn_cmd(argv, &io);
	}
	e = errno;
	if (null != -1)
		close(null);
	if (outp[1] != -1)
		close(outp[1]);
	if (errp[1] != -1)
		close(errp[1]);
	if (pid == -1) {
		if (outp[0] != -1)
			close(outp[0]);
		if (errp[0] != -1)
			close(errp[0]);
		snprintf(g->last, sizeof(g->last), "%s: %s", argv[0],
		    strerror(e));
		memcpy(g->first, g->last, sizeof(g->first));
		errno = e;
		return -1;
	}
	/* Once stopping, the fetch and the removal must run to their end. */
	if (!g->stopping && !cleanup_caught())
		cleanup_add_pid(pid);
	pfd[0].fd = outp[0];
	pfd[1].fd = errp[0];
	pfd[0].events = pfd[1].events = POLLIN;
	while (pfd[0].fd != -1 || pfd[1].fd != -1) {
		if (g->on_signal != NULL && !g->told && cleanup_caught()) {
			g->told = 1;
			g->on_signal(pid);
		}
		if (poll(pfd, 2, -1) == -1)
			continue;	/* EINTR: the child is told already */
		for (i = 0; i < 2; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			if ((n = read(pfd[i].fd, buf, sizeof(buf))) == -1 &&
			    errno == EINTR)
				continue;
			if (n <= 0) {
				close(pfd[i].fd);
				pfd[i].fd = -1;
			} else if (i == 0)
				take_out(g, buf, (size_t)n);
			else
				take_err(g, buf, (size_t)n);
		}
	}
	if (g->llen > 0)
		err_line(g);
	i = wait_exit(pid);
	cleanup_del_pid(pid);
	return i;
}

static int
remote(const char *cmd, struct got *g)
{
	char **v = ssh_argv(cmd, cleanup_caught() != 0);
	int rc = run_got(v, g);

	free(v);
	return rc;
}

/* The worker's end: its status and reason, to the parent, and exit. */
static noreturn void
report(int fd, enum status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report(int fd, enum status st, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n = 0;

	if (fmt != NULL) {
		va_start(ap, fmt);
		n = vsnprintf(line, sizeof(line), fmt, ap);
		va_end(ap);
		if (n < 0)
			n = 0;
		if ((size_t)n >= sizeof(line))
			n = (int)sizeof(line) - 1;
		if (st == ST_FAILED) {
			char *msg = xasprintf("%s: %s: %s\n", progname,
			    me->name, line);
			(void)!write(2, msg, strlen(msg));
			free(msg);
		}
	}
	/* The status, then the reason: one pipe write under PIPE_BUF. */
	{
		char out[1 + sizeof(line)];

		out[0] = (char)('0' + st);
		memcpy(out + 1, line, (size_t)n);
		(void)!write(fd, out, (size_t)n + 1);
	}
	_exit(st == ST_COMPLETE ? 0 : 1);
}

/* Whether the path the remote printed is one we may give a shell. */
static int
plain_path(const char *s)
{
	return s[0] == '/' && strstr(s, "..") == NULL &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789/._-") == strlen(s);
}

static long remote_pid;

/*
 * The value of the whole line "TAG VALUE" in out (a static copy), or
 * NULL: what a remote command tells us is tagged, as a login script may
 * write to stdout too.
 */
static const char *
marked(const char *out, const char *tag)
{
	static char val[LINEMAX];
	size_t tlen = strlen(tag), vlen;
	const char *p, *nl;

	for (p = out; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		if (strncmp(p, tag, tlen) != 0 || p[tlen] != ' ')
			continue;
		vlen = (size_t)(nl - p) - tlen - 1;
		if (vlen >= sizeof(val))
			return NULL;
		memcpy(val, p + tlen + 1, vlen);
		val[vlen] = '\0';
		return val;
	}
	return NULL;
}

/* The run's first line on stdout: the remote vc-suite's pid. */
static void
pid_line(struct got *g)
{
	const char *v;

	if (remote_pid != 0 || (v = marked(g->out, "vc-fleet-pid")) == NULL)
		return;
	remote_pid = strspn(v, "0123456789") == strlen(v) && strlen(v) < 10 &&
	    *v != '\0' ? strtol(v, NULL, 10) : -1;
}

/* rsync -rpt from to, over our ssh. */
static int
copy(const char *from, const char *to, int links, struct got *g)
{
	char *shell = rsync_shell();
	char *v[] = { "rsync", links ? "-rLpt" : "-rpt", "-e", shell, "--",
		(char *)from, (char *)to, NULL };
	int rc;

	rc = run_got(v, g);
	free(shell);
	free(g->out);
	return rc;
}

/* What the remote vc-suite wrote, into DIR/hosts/NAME/. */
static int
fetch(struct got *g)
{
	char *from = xasprintf("%s:%s/results/", me->name, rdir);
	char *to = xasprintf("%s/hosts/%s/", o.dir, me->name);
	int rc;

	if (outfile_mkdirs(to, 0755) == -1) {
		snprintf(g->first, sizeof(g->first), "%s: %s", to,
		    strerror(errno));
		rc = -1;
	} else
		rc = copy(from, to, 0, g);
	free(from);
	free(to);
	return rc;
}

/* SIGINT/SIGTERM: the remote vc-suite stopped, and gone, before we go on. */
static void
stop_remote(void)
{
	static int stopped;
	struct got g = { 0 };
	char *cmd;

	if (remote_pid <= 0 || stopped)
		return;
	stopped = 1;
	g.stopping = 1;
	cmd = xasprintf("kill -INT %ld 2>/dev/null; while kill -0 %ld "
	    "2>/dev/null; do sleep 0.1; done", remote_pid, remote_pid);
	remote(cmd, &g);
	free(g.out);
	free(cmd);
}

/*
 * A signal during the run: its ssh is left to end when the remote
 * vc-suite, stopped by its pid, has gone (its last words relayed). Before
 * the pid came (ssh still connecting), the local ssh is stopped instead.
 */
static void
stop_run(pid_t ssh)
{
	if (remote_pid > 0)
		stop_remote();
	else
		kill(ssh, SIGTERM);
}

/*
 * Before the remote said what RDIR is (a signal while it was being
 * made), it is named by the remote shell; no complaint then if that
 * fails, as the host may never have been reached.
 */
static void
remove_rdir(void)
{
	struct got g = { 0 };
	char *q = sh_quote(rdir), *cmd = rdir[0] != '\0' ?
	    xasprintf("rm -rf -- %s", q) :
	    xasprintf("rm -rf -- " RDIR_SH "%s", rname);

	g.stopping = 1;
	if (remote(cmd, &g) != 0 && rdir[0] != '\0')
		fprintf(stderr, "%s: %s: could not remove %s: %s\n", progname,
		    me->name, rdir, g.last);
	free(g.out);
	free(cmd);
	free(q);
}

/* RDIR's name: vc-fleet. and 12 random letters or digits. */
static void
choose_rname(void)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	unsigned char r[12];
	size_t i, n = strlen("vc-fleet.");

	if (getrandom(r, sizeof(r), 0) != (ssize_t)sizeof(r))
		die(EXIT_FAIL, "getrandom: %s", strerror(errno));
	memcpy(rname, "vc-fleet.", n);
	for (i = 0; i < sizeof(r); i++)
		rname[n + i] = set[r[i] % (sizeof(set) - 1)];
	rname[n + i] = '\0';
}

/* The remote command: our programs first, our cache, then vc-suite. */
static char *
suite_command(void)
{
	char *cmd, *t, *q, *path = xstrdup("");
	size_t i;

	/* make_stage()'s folders: the harness's, then NAME/ per benchmark. */
	for (i = 0; i < NTREE + NBENCH; i++) {
		t = xasprintf("%s%s/tree/%s:", path, rdir, i < NTREE ?
		    tree_folders[i] : catalog_benchs[i - NTREE].name);
		free(path);
		path = t;
	}
	cmd = xasprintf("echo vc-fleet-pid $$ && PATH=%s\"$PATH\" VIRTCOST_BUILDDIR=%s/tree "
	    "VIRTCOST_DATADIR=%s/tree/nginxbench VIRTCOST_CACHE=%s/cache && "
	    "export PATH VIRTCOST_BUILDDIR VIRTCOST_DATADIR VIRTCOST_CACHE && "
	    "exec vc-suite", path, rdir, rdir, rdir);
	free(path);
	if (me->resume) {
		t = xasprintf("%s -r %s/results", cmd, rdir);
		free(cmd);
		return t;
	}
	for (i = 0; i < o.nsuite; i++) {
		q = sh_quote(o.suite[i]);
		t = xasprintf("%s %s", cmd, q);
		free(cmd);
		free(q);
		cmd = t;
	}
	/* Last: vc-suite takes the last -d, so it is ours whatever came. */
	t = xasprintf("%s -d %s/results", cmd, rdir);
	free(cmd);
	return t;
}

static void
worker(int fd)
{
	struct got g = { 0 };
	enum status st;
	char why[PATH_MAX + LINEMAX + 128], *cmd, *to, *from;
	const char *dir;
	int rc;
	size_t len;

	/*
	 * Step 1: the private directory there. mkdir makes it as mktemp -d
	 * would: mode 700, never through an existing name or symlink.
	 */
	choose_rname();
	cmd = xasprintf("d=" RDIR_SH "%s && mkdir -m 700 -- \"$d\" && "
	    "echo vc-fleet-dir \"$d\"", rname);
	rc = remote(cmd, &g);
	free(cmd);
	if (cleanup_caught()) {
		remove_rdir();
		report(fd, ST_FAILED, "interrupted");
	}
	if (rc == SSH_UNREACHABLE || rc == -1)
		report(fd, ST_FAILED, "unreachable: %s", g.last[0] ? g.last :
		    "ssh failed");
	if (rc != 0 || (dir = marked(g.out, "vc-fleet-dir")) == NULL ||
	    (len = strlen(dir)) >= sizeof(rdir) || !plain_path(dir))
		report(fd, ST_FAILED, "mkdir failed there (exit %d)%s%s",
		    rc, g.last[0] ? ": " : "", g.last);
	memcpy(rdir, dir, len + 1);
	free(g.out);

	/* Step 2: the programs and image parts, and -r's results. */
	from = xasprintf("%s/", stage);
	to = xasprintf("%s:%s/", me->name, rdir);
	rc = copy(from, to, 1, &g);
	free(from);
	free(to);
	if (rc == 0 && me->resume && !cleanup_caught()) {
		from = xasprintf("%s/hosts/%s/", o.dir, me->name);
		to = xasprintf("%s:%s/results/", me->name, rdir);
		rc = copy(from, to, 0, &g);
		free(from);
		free(to);
	}
	if (cleanup_caught()) {
		remove_rdir();
		report(fd, ST_FAILED, "interrupted");
	}
	if (rc != 0) {
		snprintf(why, sizeof(why), "%s: copying to %s failed (exit "
		    "%d): %s", rc == SSH_UNREACHABLE ? "unreachable" : "copy",
		    rdir, rc, g.first);
		remove_rdir();
		report(fd, ST_FAILED, "%s", why);
	}

	/* Step 3: the run, its stderr relayed. */
	cmd = suite_command();
	g.relay = 1;
	g.on_out = pid_line;
	g.stopping = 1;
	g.on_signal = stop_run;
	rc = remote(cmd, &g);
	g.stopping = 0;
	g.on_signal = NULL;
	g.relay = 0;
	free(cmd);
	free(g.out);
	if (cleanup_caught()) {
		stop_remote();
		st = ST_FAILED;
		snprintf(why, sizeof(why), "interrupted");
	} else if (rc == 0) {
		st = ST_COMPLETE;
		why[0] = '\0';
	} else if (remote_pid == 0 && rc == SSH_UNREACHABLE) {
		st = ST_FAILED;
		snprintf(why, sizeof(why), "unreachable: %s", g.last);
	} else if (rc == SSH_UNREACHABLE) {
		st = ST_FAILED;
		snprintf(why, sizeof(why), "run died: vc-suite killed or the "
		    "connection lost (ssh exit 255)%s%s", g.last[0] ? ": " :
		    "", g.last);
	} else {
		st = ST_FAILED;
		snprintf(why, sizeof(why), "vc-suite exited %d: %s", rc,
		    g.last);
	}

	/* Step 4: what it wrote, whatever happened, if the host answers. */
	if ((rc = fetch(&g)) != 0) {
		if (st == ST_COMPLETE) {
			st = ST_FAILED;
			snprintf(why, sizeof(why), "fetching the results "
			    "failed (exit %d): %s", rc, g.first);
		} else
			fprintf(stderr, "%s: %s: nothing fetched: %s\n",
			    progname, me->name, g.first);
	}
	remove_rdir();
	report(fd, st, st == ST_COMPLETE ? NULL : "%s", why);
}

/* --- the parent -------------------------------------------------- */

static void
start(struct fleet_host *h)
{
	int p[2];
	size_t i;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) == -1)
		diesys(EXIT_FAIL, "pipe");
	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == -1)
		diesys(EXIT_FAIL, "fork");
	if (pid == 0) {
		close(p[0]);
		/* The siblings are the parent's to signal, not ours. */
		for (i = 0; i < nhosts; i++)
			if (hosts[i].worker > 0)
				cleanup_del_pid(hosts[i].worker);
		me = h;
		worker(p[1]);
		_exit(EXIT_FAIL);
	}
	close(p[1]);
	h->worker = pid;
	h->rfd = p[0];
	cleanup_add_pid(pid);
}

static void
finished(struct fleet_host *h, int code)
{
	char buf[2048];
	ssize_t n;

	n = read(h->rfd, buf, sizeof(buf) - 1);
	close(h->rfd);
	h->rfd = -1;
	h->worker = -1;
	free(h->reason);
	h->reason = NULL;
	if (n >= 1 && buf[0] == '0' + ST_COMPLETE) {
		h->status = ST_COMPLETE;
		return;
	}
	h->status = ST_FAILED;
	if (n >= 2) {
		buf[n] = '\0';
		h->reason = xstrdup(buf + 1);
	} else
		h->reason = xasprintf("worker died (exit %d)", code);
}

/* Every host to do, at most -j at once; the workers told of a signal. */
static void
run_hosts(void)
{
	size_t next = 0, running = 0, i, limit;
	int status;
	pid_t pid;

	limit = o.jobs > 0 ? (size_t)o.jobs : nhosts;
	for (;;) {
		while (!cleanup_caught() && running < limit && next < nhosts) {
			if (hosts[next].todo) {
				start(&hosts[next]);
				running++;
			}
			next++;
		}
		if (running == 0)
			break;
		if ((pid = waitpid(-1, &status, 0)) == -1) {
			if (errno != EINTR)
				diesys(EXIT_FAIL, "waitpid");
			continue;
		}
		for (i = 0; i < nhosts; i++)
			if (hosts[i].worker == pid) {
				cleanup_del_pid(pid);
				finished(&hosts[i], exit_code(status));
				running--;
			}
	}
	for (i = 0; i < nhosts; i++)
		if (hosts[i].todo && hosts[i].worker == 0) {
			hosts[i].status = ST_FAILED;
			free(hosts[i].reason);
			hosts[i].reason = xstrdup("interrupted: not started");
		}
}

/* vc-merge DIR: the one merge step (fleet-format.md). */
static int
merge(void)
{
	char *v[] = { "vc-merge", o.dir, NULL };
	struct spawn_io io = SPAWN_INHERIT;
	int rc;

	/* Its summary line goes with our messages: stdout is DIR alone. */
	io.fd[1] = 2;
	if ((rc = run_cmd(v, &io)) == -1) {
		warnsys("vc-merge");
		return EXIT_FAIL;
	}
	if (rc != 0) {
		warnmsg("vc-merge %s failed (exit %d)", o.dir, rc);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct stat st;
	char *path;
	size_t i, ntodo = 0;
	int rc = EXIT_OK;

	msg_init(argv[0]);
	options(argc, argv);
	if (o.resume)
		read_fleet();
	else {
		if (o.dir == NULL && (o.dir = resultsdir_default()) == NULL)
			diesys(EXIT_FAIL, "mkdir results");
		path = fleet_path();
		if (lstat(path, &st) == 0)
			usage_error("%s already holds a fleet run: resume it "
			    "with -r %s, or choose another -d", o.dir, o.dir);
		free(path);
		if (outfile_mkdirs(o.dir, 0755) == -1)
			diesys(EXIT_FAIL, "%s", o.dir);
		resultsdir_link_latest(o.dir);
	}
	cleanup_signals();
	for (i = 0; i < nhosts; i++)
		if (hosts[i].todo) {
			hosts[i].status = ST_RUNNING;
			free(hosts[i].reason);
			hosts[i].reason = NULL;
			ntodo++;
		}
	/* -r of a fleet run that is complete: only the merge again. */
	if (ntodo > 0)
		make_stage();
	write_fleet();
	run_hosts();
	write_fleet();
	if (merge() != EXIT_OK)
		rc = EXIT_FAIL;
	cleanup_check();
	for (i = 0; i < nhosts; i++)
		if (hosts[i].status != ST_COMPLETE)
			rc = EXIT_FAIL;
	printf("%s\n", o.dir);
	if (close_stdout() != EXIT_OK)
		rc = EXIT_FAIL;
	return rc;
}
