/*
 * vc-container - run a benchmark in a container, with docker or podman.
 *
 * The image is made locally, never pulled: vc-image writes a root file
 * system tar of the same binaries the other platforms run (cached by
 * content), and the engine imports it once as virtcost:HASH. Each run is
 * a fresh container removed afterwards, with no CPU or memory cap unless
 * -c or -m asks.
 *
 * diskwrite writes in the container's own file system, in /tmp, as the
 * classic exercise did, or (-s) in a volume or a host directory made for
 * the run and removed after it, or in a tmpfs; or in a volume or bind
 * mount the user names (-b). nginxbench serves in the container (-S)
 * with its port published on 127.0.0.1 only, or (-n host) in the host's
 * network on 127.0.0.1, and measures from the host.
 */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <linux/magic.h>

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cachedir.h"
#include "cleanup.h"
#include "fileid.h"
#include "image-stamp.h"
#include "msg.h"
#include "parse.h"
#include "run.h"
#include "runner.h"
#include "serve.h"
#include "slurp.h"
#include "timing.h"
#include "xalloc.h"

#define MAXFLAGS	64
#define DISKDIR		"/mnt/disk"

/* -s: where diskwrite's directory lives. */
enum disk { DISK_OVERLAY, DISK_VOLUME, DISK_BIND, DISK_TMPFS };
static const char *const disk_names[] = { "overlay", "volume", "bind",
	"tmpfs", NULL };
/* -n: the container's network for nginxbench. */
enum net { NET_DEFAULT, NET_HOST };
static const char *const net_names[] = { "default", "host", NULL };

struct options {
	struct runopts	 run;
	double		 cpus;		/* -c, a fraction too: --cpus */
	const char	*engine;	/* -e, $VIRTCOST_ENGINE */
	const char	*bind;		/* -b volume name or host directory */
	enum disk	 disk;		/* -s */
	int		 disk_given;	/* -s given */
	enum net	 net;		/* -n */
	char		*disk_flag[3];	/* the run's mount on DISKDIR, or none */
	char		*volume;	/* the volume made for the run */
	const char	*hostdir;	/* the directory made for the run */
	char		*global[MAXFLAGS];	/* -G, $VIRTCOST_ENGINE_FLAGS */
	int		 nglobal;
	char		*runflags[MAXFLAGS];	/* -R, $VIRTCOST_RUN_FLAGS */
	int		 nrun;
	int		 user_global;	/* -G or $VIRTCOST_ENGINE_FLAGS given */
	int		 info;		/* -I: describe the platform, exit */
	int		 sweep;		/* -S: remove what killed runs left */
	char		*version;	/* `ENGINE version`, for the cache key */
	const char	*docker_note;	/* why docker was passed over */
	const char	*const *fix;	/* probed global flags, or NULL */
	char		*envelope[8];	/* the run's resource envelope */
	char		*defaults;	/* "ok", or why the defaults failed */
	char		*cachedir;	/* vc-image's, ending in '/' */
	size_t		 first_fix;	/* the first row of fixes that works */
	char		*broken;	/* an installed engine's complaint */
	int		 recalled;	/* engine known from its memo */
	char		*store;		/* the engine's image index, or NULL */
	char		*driver;	/* its storage driver, "-", or NULL */
	char		*image_seen;	/* "TAG ID": TAG there, store at ID */
};

/*
 * Global flags that make podman work where its own settings do not, in
 * the order they are tried: crun refuses some cgroup layouts (runc
 * copes), and the systemd cgroup manager needs a running systemd.
 * Docker's daemon has its settings; it gets only the first, empty row.
 */
static const char *const fixes[][3] = {
	{ NULL },
	{ "--cgroup-manager=cgroupfs", NULL },
	{ "--runtime=runc", NULL },
	{ "--runtime=runc", "--cgroup-manager=cgroupfs", NULL },
};
#define NFIXES	(sizeof(fixes) / sizeof(fixes[0]))

static const char *const usage_extra =
    "[-I | -S]\n\t[-b volume|dir | -s overlay|volume|bind|tmpfs] [-e docker|podman]\n"
    "\t[-G engine-flags] [-n default|host] [-R run-flags]";

/* For the cleanup hook: the engine and the container to remove. */
static struct options *cur;
static char container[128];

/*
 * What a run makes under a name of its own, its container and its
 * volume, is named NAME_PREFIX PID-START-HOST (cleanup_token()) and,
 * unless kept (-k), labelled SWEEP_LABEL: a run killed with SIGKILL
 * cannot remove them, and -S, which vc-suite runs once per suite,
 * removes those whose process is gone. The host keeps one machine's
 * sweep from taking another's runs through a shared engine.
 */
#define NAME_PREFIX	"virtcost-"
#define SWEEP_LABEL	"virtcost.sweep=1"
#define BIND_TAG	"disk"	/* -s bind's directory: CACHE/disk.XXXXXX */

/* Splits s at white space into flags (the flags hold no spaces). */
static void
add_flags(char **flags, int *n, const char *s, const char *what)
{
	char *copy, *tok, *save;

	if (s == NULL)
		return;
	if ((copy = strdup(s)) == NULL)
		diesys(RUN_PLATFORM, "strdup");
	for (tok = strtok_r(copy, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save)) {
		if (*n == MAXFLAGS - 1)
			usage_error("too many %s", what);
		flags[(*n)++] = tok;
	}
}

/* engine [global flags] args... in v, NULL-terminated; returns the count. */
static int
engine_argv(const struct options *o, char **v, char *const args[])
{
	int n = 0, i;

	v[n++] = (char *)o->engine;
	for (i = 0; o->fix != NULL && o->fix[i] != NULL; i++)
		v[n++] = (char *)o->fix[i];
	for (i = 0; i < o->nglobal; i++)
		v[n++] = o->global[i];
	for (i = 0; args[i] != NULL; i++)
		v[n++] = args[i];
	v[n] = NULL;
	return n;
}

/* -v: an engine command, on standard error before it runs. */
static void
show(const struct options *o, char *const v[])
{
	int i;

	if (!o->run.verbose)
		return;
	fprintf(stderr, "%s:", progname);
	for (i = 0; v[i] != NULL; i++)
		fprintf(stderr, " %s", v[i]);
	fputc('\n', stderr);
}

/*
 * Runs an engine command quietly, or with -v shown with its output on
 * standard error (ours is the benchmark's); returns its exit status or
 * -1.
 */
static int
engine_quiet(const struct options *o, char *const args[])
{
	char *v[MAXFLAGS + 16];
	struct spawn_io io = SPAWN_INHERIT;
	int null, rc;

	engine_argv(o, v, args);
	show(o, v);
	if ((null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		return -1;
	io.fd[0] = null;
	io.fd[1] = o->run.verbose ? 2 : null;
	if (!o->run.verbose)
		io.fd[2] = null;
	rc = run_cmd(v, &io);
	close(null);
	return rc;
}

/* run_read() of an engine command v; with -v, shown with its output. */
static int
engine_read(const struct options *o, char *const v[], char **out, int merge)
{
	int rc;

	show(o, v);
	rc = runner_read(v, merge ? RUN_MERGE : 0, out, NULL, 0);
	if (o->run.verbose)
		fputs(*out, stderr);
	return rc;
}

/*
 * One line of an engine's complaint, at most 300 bytes: its "Error: ..."
 * line without that word, or its last line.
 */
static char *
complaint(const char *out)
{
	const char *p, *end, *last = NULL;

	for (p = out; *p != '\0'; p = *end ? end + 1 : end) {
		end = p + strcspn(p, "\n");
		if (end == p)
			continue;
		last = p;
		if (strncmp(p, "Error", 5) == 0 || strstr(p, "Error ") != NULL)
			break;
	}
	if (last == NULL)
		return xasprintf("it failed without a message");
	if (strncmp(last, "Error: ", 7) == 0)
		last += 7;
	end = last + strcspn(last, "\n");
	return xasprintf("%.*s", end - last > 300 ? 300 : (int)(end - last),
	    last);
}

/*
 * An engine is usable when `ENGINE version` succeeds: a docker client
 * whose daemon does not answer fails it. Its output identifies the
 * engine (client and daemon) for the probe's cache.
 */
static int
usable(struct options *o, const char *engine)
{
	char *v[MAXFLAGS + 8], *args[] = { "version", NULL }, *out;
	size_t i, n;
	int rc;

	o->engine = engine;
	n = o->user_global || strcmp(engine, "podman") != 0 ? 1 : NFIXES;
	for (i = 0; i < n; i++) {
		o->fix = fixes[i];
		engine_argv(o, v, args);
		rc = engine_read(o, v, &out, 1);
		if (rc == 0) {
			free(o->version);
			o->version = out;
			o->first_fix = i;
			return 1;
		}
		/* Installed but not working: keep its first complaint. */
		if (rc != RUN_NOTFOUND && i == 0) {
			free(o->broken);
			o->broken = complaint(out);
		}
		free(out);
	}
	return 0;
}

static uint64_t
fnv1a(uint64_t h, const char *p, size_t len)
{
	while (len-- > 0)
		h = (h ^ (unsigned char)*p++) * UINT64_C(1099511628211);
	return h;
}

#define FNV_OFFSET	UINT64_C(14695981039346656037)

/*
 * The engines' configuration files, whose content the probe's key
 * covers (and the memo's key their identity); NULL for an unset one.
 */
#define NCONF	4
static const char *
conf_file(size_t i)
{
	static const char *const fixed[NCONF - 1] = {
		"/etc/containers/containers.conf",
		"/usr/share/containers/containers.conf",
		"/etc/docker/daemon.json" };

	return i == 0 ? getenv("CONTAINERS_CONF") : fixed[i - 1];
}

/*
 * What else decides an engine's answer to `version` and the probe,
 * stat'ed for the memo (below): the user's and the storage's settings,
 * the OCI runtimes and monitors, docker's daemon and client settings.
 * A path starting with '~' is below $HOME.
 */
static const char *const engine_files[] = {
	"/etc/containers/storage.conf", "/usr/share/containers/storage.conf",
	"~/.config/containers/containers.conf",
	"~/.config/containers/storage.conf",
	"/usr/bin/crun", "/usr/bin/runc", "/usr/sbin/runc",
	"/usr/bin/conmon", "/usr/libexec/podman/conmon",
	"/usr/bin/dockerd", "/usr/sbin/dockerd", "/usr/bin/containerd",
	"~/.docker/config.json",
};
/* The environment the engines read that can change their answer. */
static const char *const engine_env[] = { "CONTAINERS_CONF",
	"CONTAINERS_STORAGE_CONF", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR",
	"HOME", "DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG",
	"DOCKER_API_VERSION", "CONTAINER_HOST", "CONTAINER_CONNECTION" };
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static uint64_t
hash_file_id(uint64_t h, const char *path)
{
	char id[FILEID_MAX];

	h = fnv1a(h, path, strlen(path) + 1);
	if (file_id(path, 1, id, sizeof(id), NULL) == -1)
		snprintf(id, sizeof(id), "?");
	return fnv1a(h, id, strlen(id) + 1);
}

/*
 * Docker's daemon socket, if the client talks to one at a path
 * (DOCKER_HOST unix://PATH, or the default); NULL for another kind of
 * host or a context, which only `docker version` can tell about.
 */
static const char *
docker_socket(void)
{
	const char *host = getenv("DOCKER_HOST"), *ctx = getenv("DOCKER_CONTEXT");

	if (ctx != NULL && *ctx != '\0')
		return NULL;
	if (host == NULL || *host == '\0')
		return "/var/run/docker.sock";
	if (strncmp(host, "unix://", 7) == 0 && host[7] == '/')
		return host + 7;
	return NULL;
}

/* Does a daemon listen there? A socket file left by a dead one refuses. */
static int
answers(const char *path)
{
	struct sockaddr_un sa;
	int fd, rc;

	if (strlen(path) >= sizeof(sa.sun_path))
		return 0;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return 0;
	rc = connect(fd, (struct sockaddr *)&sa, sizeof(sa));
	close(fd);
	return rc == 0;
}

/*
 * The key of the engine's memo: a hash of the identities (fileid.c) of
 * the engine's program as PATH finds it, of every file above, of
 * docker's socket (a new daemon makes a new one), and of the
 * environment and global flags. While it is unchanged, `ENGINE version`
 * would say what it said before, so it is not asked again. NULL when
 * the engine cannot be known that way: not installed, a remote podman,
 * a docker host not on a local socket, or one where no daemon answers.
 */
static char *
engine_key(const struct options *o, const char *engine)
{
	uint64_t h = FNV_OFFSET;
	const char *home = getenv("HOME"), *v, *sock = NULL;
	char *prog, *path, num[32];
	size_t i;
	int k;

	if (strcmp(engine, "podman") == 0 &&
	    ((v = getenv("CONTAINER_HOST")) != NULL ||
	    (v = getenv("CONTAINER_CONNECTION")) != NULL))
		return NULL;
	if (strcmp(engine, "docker") == 0 &&
	    ((sock = docker_socket()) == NULL || !answers(sock)))
		return NULL;
	if ((prog = path_search(engine)) == NULL)
		return NULL;
	h = fnv1a(h, engine, strlen(engine) + 1);
	snprintf(num, sizeof(num), "%ld", (long)getuid());
	h = fnv1a(h, num, strlen(num) + 1);
	h = hash_file_id(h, prog);
	free(prog);
	if (sock != NULL)
		h = hash_file_id(h, sock);
	for (i = 0; i < NCONF; i++)
		if ((v = conf_file(i)) != NULL)
			h = hash_file_id(h, v);
	for (i = 0; i < NELEM(engine_files); i++) {
		if (engine_files[i][0] == '~') {
			if (home == NULL)
				continue;
			path = xasprintf("%s%s", home, engine_files[i] + 1);
		} else
			path = xasprintf("%s", engine_files[i]);
		h = hash_file_id(h, path);
		free(path);
	}
	/* Where those variables move the user's settings. */
	if ((v = getenv("XDG_CONFIG_HOME")) != NULL && *v != '\0') {
		path = xasprintf("%s/containers/containers.conf", v);
		h = hash_file_id(h, path);
		free(path);
		path = xasprintf("%s/containers/storage.conf", v);
		h = hash_file_id(h, path);
		free(path);
	}
	if ((v = getenv("DOCKER_CONFIG")) != NULL && *v != '\0') {
		path = xasprintf("%s/config.json", v);
		h = hash_file_id(h, path);
		free(path);
	}
	for (i = 0; i < NELEM(engine_env); i++) {
		v = getenv(engine_env[i]);
		h = fnv1a(h, v != NULL ? "=" : "-", 1);
		if (v != NULL)
			h = fnv1a(h, v, strlen(v) + 1);
	}
	for (k = 0; k < o->nglobal; k++)
		h = fnv1a(h, o->global[k], strlen(o->global[k]) + 1);
	return xasprintf("%016" PRIx64, h);
}

static char *
memo_file(const struct options *o, const char *engine)
{
	return xasprintf("%sengine-%s-memo", o->cachedir, engine);
}

/*
 * The memo of an engine: what its last `version` said and which row of
 * fixes it took, under the key it was asked with, and the image index
 * file and its identity when our image was last seen there:
 *
 *	key HEX
 *	fix N
 *	store PATH		(optional)
 *	driver NAME		(optional: its storage driver, or "-")
 *	image TAG ID		(optional: TAG was there with the store at ID)
 *	version
 *	... the output of `ENGINE version`, to the end
 *
 * Returns 1 and fills o when it exists under key.
 */
static int
recall(struct options *o, const char *engine, const char *key)
{
	char *file = memo_file(o, engine), *buf = NULL, *line, *next;
	size_t cap = 0;
	ssize_t n;
	unsigned long fix = NFIXES;
	int ok = 0, have_key = 0;
	FILE *fp;

	if ((fp = fopen(file, "re")) == NULL) {
		free(file);
		return 0;
	}
	n = getdelim(&buf, &cap, '\0', fp);
	fclose(fp);
	free(file);
	if (n <= 0) {
		free(buf);
		return 0;
	}
	for (line = buf; *line != '\0'; line = next) {
		next = line + strcspn(line, "\n");
		if (*next == '\n')
			*next++ = '\0';
		if (strncmp(line, "key ", 4) == 0)
			have_key = strcmp(line + 4, key) == 0;
		else if (strncmp(line, "fix ", 4) == 0)
			fix = strtoul(line + 4, NULL, 10);
		else if (strncmp(line, "store ", 6) == 0)
			o->store = xasprintf("%s", line + 6);
		else if (strncmp(line, "driver ", 7) == 0)
			o->driver = xasprintf("%s", line + 7);
		else if (strncmp(line, "image ", 6) == 0)
			o->image_seen = xasprintf("%s", line + 6);
		else if (strcmp(line, "version") == 0) {
			ok = have_key && fix < NFIXES && (fix == 0 ||
			    (strcmp(engine, "podman") == 0 && !o->user_global));
			if (ok) {
				o->engine = engine;
				o->version = xasprintf("%s", next);
				o->first_fix = fix;
				o->fix = fixes[fix];
				o->recalled = 1;
			}
			break;
		}
	}
	free(buf);
	if (!ok) {
		free(o->store);
		free(o->driver);
		free(o->image_seen);
		o->store = o->driver = o->image_seen = NULL;
	}
	return ok;
}

/* The memo, written whole or not at all; without a key, removed. */
static void
remember(const struct options *o)
{
	char *file = memo_file(o, o->engine), *key, *tmp;
	FILE *fp;
	int ok;

	if ((key = engine_key(o, o->engine)) == NULL) {
		unlink(file);
		free(file);
		return;
	}
	tmp = xasprintf("%s.%ld.tmp", file, (long)getpid());
	if ((fp = fopen(tmp, "w")) != NULL) {
		fprintf(fp, "key %s\nfix %zu\n", key, o->first_fix);
		if (o->store != NULL)
			fprintf(fp, "store %s\n", o->store);
		if (o->driver != NULL)
			fprintf(fp, "driver %s\n", o->driver);
		if (o->image_seen != NULL)
			fprintf(fp, "image %s\n", o->image_seen);
		fprintf(fp, "version\n%s", o->version);
		ok = fflush(fp) == 0;
		if (fclose(fp) != 0 || !ok || rename(tmp, file) == -1)
			unlink(tmp);
	}
	free(tmp);
	free(key);
	free(file);
}

/*
 * Is docker's daemon certainly out of reach? Its socket refuses, and
 * nothing sends the client elsewhere (DOCKER_HOST, a context). Then
 * `docker version` would fail, and the choice of an engine need not
 * spend its 0.2 s finding out.
 */
static int
docker_down(void)
{
	const char *sock = docker_socket(), *dir;
	char *conf, buf[65536];

	if (sock == NULL || answers(sock))
		return 0;
	if ((dir = getenv("DOCKER_CONFIG")) != NULL && *dir != '\0')
		conf = xasprintf("%s/config.json", dir);
	else if ((dir = getenv("HOME")) != NULL)
		conf = xasprintf("%s/.docker/config.json", dir);
	else
		return 1;
	/* A context chosen there: only the client knows where it leads. */
	if (slurp(conf, buf, sizeof(buf)) != -1 &&
	    strstr(buf, "currentContext") != NULL) {
		free(conf);
		return 0;
	}
	free(conf);
	return 1;
}

/* After an engine failure: the next run asks the engine again. */
static void
forget(const struct options *o)
{
	char *file = memo_file(o, o->engine);

	unlink(file);
	free(file);
}

/* engine, known from its memo or asked for its version. */
static int
known_or_usable(struct options *o, const char *engine)
{
	char *key, *file;
	int ok;

	if ((key = engine_key(o, engine)) != NULL) {
		ok = recall(o, engine, key);
		free(key);
		if (ok) {
			if (o->run.verbose) {
				file = memo_file(o, engine);
				fprintf(stderr, "%s: %s: its program, settings "
				    "and environment as before: not asked its "
				    "version (%s)\n", progname, engine, file);
				free(file);
			}
			return 1;
		}
	}
	return usable(o, engine);
}

/* The index of name in names, a NULL-terminated table; else bad usage. */
static int
pick(const char *const *names, const char *name, const char *opt,
    const char *choices)
{
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	usage_error("%s %s: use %s", opt, name, choices);
	return -1;
}

/* docker or podman: what -e and $VIRTCOST_ENGINE may name. */
static const char *
engine_name(const char *name, const char *what)
{
	if (strcmp(name, "docker") != 0 && strcmp(name, "podman") != 0)
		usage_error("%s%s: use docker or podman", what, name);
	return name;
}

/* Is dockerd installed? Then say how to start it, never start it. */
static const char *
docker_hint(void)
{
	if (access("/usr/sbin/dockerd", X_OK) != 0 &&
	    access("/usr/bin/dockerd", X_OK) != 0)
		return NULL;
	if (access("/run/systemd/system", F_OK) == 0)
		return "docker's daemon is installed but not running: "
		    "start it with 'sudo systemctl start docker'";
	return "docker's daemon is installed but not running: "
	    "start it with 'sudo dockerd &' (no systemd here)";
}

static void
choose_engine(struct options *o)
{
	const char *want = o->engine, *hint;

	if (want != NULL) {
		if (known_or_usable(o, want))
			return;
		hint = strcmp(want, "docker") == 0 ? docker_hint() : NULL;
		if (hint != NULL)
			die(RUN_PLATFORM, "container engine docker is not "
			    "usable: %s", hint);
		if (o->broken != NULL)
			die(RUN_PLATFORM, "container engine %s does not work "
			    "here: %s", want, o->broken);
		die(RUN_PLATFORM, "container engine %s is not usable "
		    "(not installed, or its daemon does not answer)", want);
	}
	if (!docker_down() && known_or_usable(o, "docker"))
		return;
	o->docker_note = docker_hint();
	free(o->broken);
	o->broken = NULL;
	if (known_or_usable(o, "podman")) {
		if (o->docker_note != NULL && o->run.verbose)
			warnmsg("using podman: %s", o->docker_note);
		return;
	}
	if (o->broken != NULL)
		die(RUN_PLATFORM, "no usable container engine: podman does not "
		    "work here (%s)%s%s", o->broken,
		    o->docker_note != NULL ? ", and " : "",
		    o->docker_note != NULL ? o->docker_note : "");
	if (o->docker_note != NULL)
		die(RUN_PLATFORM, "no usable container engine: podman is not "
		    "installed, and %s", o->docker_note);
	die(RUN_PLATFORM, "no usable container engine: neither docker nor "
	    "podman answers (apt-get install podman, or start dockerd)");
}

/*
 * The container's resource envelope is the native run's: the rlimits
 * this process has (the engines' defaults ask for more than some
 * sandboxes grant), and no pids cap (podman's default of 2048 would
 * refuse forksum's forks and make it do less work). A process limit
 * beyond kernel.pid_max cannot matter, and some sandboxes refuse it in
 * a container, so it is capped there.
 */
static void
make_envelope(struct options *o)
{
	struct rlimit nofile, nproc;
	unsigned long long pidmax = 0;
	FILE *fp;
	int n = 0;

	if ((fp = fopen("/proc/sys/kernel/pid_max", "r")) != NULL) {
		if (fscanf(fp, "%llu", &pidmax) != 1)
			pidmax = 0;
		fclose(fp);
	}
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 &&
	    nofile.rlim_max != RLIM_INFINITY) {
		o->envelope[n++] = "--ulimit";
		o->envelope[n++] = xasprintf("nofile=%llu:%llu",
		    (unsigned long long)nofile.rlim_cur,
		    (unsigned long long)nofile.rlim_max);
	}
	if (getrlimit(RLIMIT_NPROC, &nproc) == 0) {
		if (pidmax > 0 && (nproc.rlim_cur == RLIM_INFINITY ||
		    nproc.rlim_cur > pidmax))
			nproc.rlim_cur = pidmax;
		if (pidmax > 0 && (nproc.rlim_max == RLIM_INFINITY ||
		    nproc.rlim_max > pidmax))
			nproc.rlim_max = pidmax;
		if (nproc.rlim_max != RLIM_INFINITY) {
			o->envelope[n++] = "--ulimit";
			o->envelope[n++] = xasprintf("nproc=%llu:%llu",
			    (unsigned long long)nproc.rlim_cur,
			    (unsigned long long)nproc.rlim_max);
		}
	}
	o->envelope[n++] = "--pids-limit=-1";
	o->envelope[n] = NULL;
}

/*
 * The label an image imported from this cache directory carries,
 * virtcost.cache=HASH of the directory: each cache replaces only its
 * own images, so that two caches (two users' checkouts, CI beside a
 * user) never remove an image the other is about to run.
 */
static char *
cache_label(const struct options *o)
{
	return xasprintf("virtcost.cache=%016" PRIx64,
	    fnv1a(FNV_OFFSET, o->cachedir, strlen(o->cachedir)));
}

/*
 * A new image replaces this cache's older virtcost:* ones (made from
 * binaries that have changed since), so that only the cached image
 * remains.
 */
static void
prune_images(const struct options *o, const char *keep)
{
	char *label = cache_label(o), *filter = xasprintf("label=%s", label);
	char *list[] = { "images", "--filter", filter, "--format",
	    "{{.Repository}}:{{.Tag}}", NULL };
	char *v[MAXFLAGS + 8], *out, *line, *save, *name;

	engine_argv(o, v, list);
	show(o, v);
	out = capture(v);
	if (o->run.verbose)
		fputs(out, stderr);
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		/* podman says localhost/virtcost:HASH, docker virtcost:HASH */
		name = strncmp(line, "localhost/", 10) == 0 ? line + 10 : line;
		if (strncmp(name, "virtcost:", 9) == 0 &&
		    strcmp(name, keep) != 0) {
			char *rmi[] = { "rmi", "-f", name, NULL };

			engine_quiet(o, rmi);
		}
	}
	free(out);
	free(filter);
	free(label);
}

/*
 * vc-image's rootfs (cached by content; see its stamp), and the tag it
 * is imported as, virtcost:HASH. Sets the cache directory, where the
 * engine's probe and memo go too.
 */
static char *
get_rootfs(struct options *o, char **tag)
{
	char *vi[] = { "vc-image", "-q", "rootfs", NULL }, *out, *path;
	char *name, *dir;
	const char *p, *base, *dash, *dot;

	/* What vc-image would say, if its stamp holds (image-stamp.c). */
	path = NULL;
	if ((name = cache_dir_name()) != NULL &&
	    (dir = realpath(name, NULL)) != NULL) {
		if ((path = stamp_check(dir, "rootfs")) != NULL &&
		    o->run.verbose)
			fprintf(stderr, "%s: rootfs: cached %s (inputs "
			    "unchanged, as vc-image's stamp says)\n",
			    progname, path);
		free(dir);
	}
	free(name);
	if (path == NULL) {
		if (o->run.verbose)
			vi[1] = "rootfs", vi[2] = NULL;
		out = capture(vi);
		if ((p = image_field(out, "rootfs")) == NULL)
			die(RUN_PLATFORM, "vc-image gave no rootfs");
		path = xasprintf("%s", p);
		free(out);
	}
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	o->cachedir = xasprintf("%.*s", (int)(base - path), path);
	if ((dash = strchr(base, '-')) == NULL ||
	    (dot = strchr(dash, '.')) == NULL)
		die(RUN_PLATFORM, "%s: not a vc-image rootfs name", path);
	*tag = xasprintf("virtcost:%.*s", (int)(dot - dash - 1), dash + 1);
	return path;
}

/*
 * From one `ENGINE info`: the file in which the engine lists its images,
 * which it rewrites when one is added, tagged or removed, and the
 * storage driver that makes a container's file system (overlay,
 * overlay2, vfs, btrfs...); each "-" if it cannot be found.
 */
static void
image_store(struct options *o)
{
	char *fmt = strcmp(o->engine, "podman") == 0 ?
	    "{{.Store.GraphDriverName}} {{.Store.GraphRoot}}/"
	    "{{.Store.GraphDriverName}}-images/images.json" :
	    "{{.Driver}} {{.DockerRootDir}}/image/{{.Driver}}/"
	    "repositories.json";
	char *args[] = { "info", "--format", fmt, NULL };
	char *v[MAXFLAGS + 8], *out, *path;
	struct stat st;
	size_t len;

	free(o->store);
	free(o->driver);
	engine_argv(o, v, args);
	if (engine_read(o, v, &out, 0) == 0)
		out[strcspn(out, "\n")] = '\0';
	else
		out[0] = '\0';
	if (out[0] == ' ' || (path = strchr(out, ' ')) == NULL ||
	    path[1] != '/') {
		free(out);
		o->store = xasprintf("-");
		o->driver = xasprintf("-");
		return;
	}
	len = (size_t)(path - out);
	o->driver = xasprintf("%.*s", (int)len, out);
	o->store = xasprintf("%s", stat(path + 1, &st) == 0 &&
	    S_ISREG(st.st_mode) ? path + 1 : "-");
	free(out);
}

/*
 * The image is in the engine, imported once. Checking costs an engine
 * call, so it is skipped while the engine's image list is the file it
 * was when the image was last seen there (the memo's "image" line): a
 * removed image changes it. The list's identity is taken before the
 * check, so that a change during the check shows next time. Returns 1
 * if the memo changed.
 */
static int
ensure_image(struct options *o, const char *path, const char *tag)
{
	char *inspect[] = { "image", "inspect", (char *)tag, NULL };
	char *import[] = { "import", "--change", NULL, (char *)path,
	    (char *)tag, NULL };
	char id[FILEID_MAX], *seen = NULL, *label;
	int changed = 0;

	/* A memo from before the driver was kept asks info again. */
	if (o->store == NULL || o->driver == NULL) {
		image_store(o);
		changed = 1;
	}
	if (strcmp(o->store, "-") != 0 &&
	    file_id(o->store, 1, id, sizeof(id), NULL) == 0 &&
	    strcmp(id, "-") != 0)
		seen = xasprintf("%s %s", tag, id);
	if (seen != NULL && o->image_seen != NULL &&
	    strcmp(seen, o->image_seen) == 0) {
		if (o->run.verbose)
			fprintf(stderr, "%s: %s: seen before, and %s is "
			    "unchanged since\n", progname, tag, o->store);
		free(seen);
		return changed;
	}
	if (engine_quiet(o, inspect) != 0) {
		if (o->run.verbose)
			fprintf(stderr, "%s: importing %s as %s\n",
			    progname, path, tag);
		label = cache_label(o);
		import[2] = xasprintf("LABEL %s", label);
		if (engine_quiet(o, import) != 0)
			die(RUN_PLATFORM, "%s import %s failed",
			    o->engine, path);
		free(import[2]);
		free(label);
		prune_images(o, tag);
	}
	free(o->image_seen);
	o->image_seen = seen;
	return 1;
}

/*
 * Cleanup hook: the container goes, whatever happened to the client.
 * A client killed early may have asked for a container that the engine
 * creates only after a first rm, so remove until it is really gone.
 */
static void
remove_container(void)
{
	char *rm[] = { "rm", "-f", container, NULL };
	char *inspect[] = { "container", "inspect", container, NULL };
	struct timespec ts = { 0, 200 * 1000 * 1000 };
	int i;

	if (container[0] == '\0' || cur == NULL || cur->run.keep)
		return;
	for (i = 0; i < 25; i++) {
		engine_quiet(cur, rm);
		if (engine_quiet(cur, inspect) != 0)
			return;
		nanosleep(&ts, NULL);
	}
	warnmsg("container %s could not be removed", container);
}

/*
 * Cleanup hook: the container, then the volume made for the run (its
 * directory goes after the hooks, registered with cleanup_add_path).
 * The volume's name is set before it is made: a create cut short by a
 * signal is undone too, and rm -f of a volume that is not there
 * succeeds.
 */
static void
remove_run(void)
{
	char *rm[] = { "volume", "rm", "-f", NULL, NULL };

	remove_container();
	if (cur == NULL || cur->volume == NULL || cur->run.keep)
		return;
	rm[3] = cur->volume;
	if (engine_quiet(cur, rm) != 0)
		warnmsg("volume %s could not be removed", cur->volume);
	free(cur->volume);
	cur->volume = NULL;
}


/*
 * Runs forksum 1 1 in a container with the engine's global flags fix
 * and, if envelope, our envelope. Returns NULL when it works, else the
 * engine's complaint.
 */
static char *
try_engine(struct options *o, const char *const *fix, int envelope,
    const char *image)
{
	char *args[32], *v[MAXFLAGS + 48], *out, *why = NULL;
	int n = 0, i, rc;

	o->fix = fix;
	args[n++] = "run";
	args[n++] = "--rm";
	args[n++] = "--name";
	args[n++] = container;
	args[n++] = "--pull=never";
	for (i = 0; envelope && o->envelope[i] != NULL; i++)
		args[n++] = o->envelope[i];
	args[n++] = (char *)image;
	args[n++] = "forksum";
	args[n++] = "1";
	args[n++] = "1";
	args[n] = NULL;
	engine_argv(o, v, args);
	if ((rc = engine_read(o, v, &out, 1)) != 0)
		why = complaint(out);
	free(out);
	remove_container();
	return why;
}

/*
 * The cache file: the engine's name and a hash of what decides its
 * behaviour, `ENGINE version` (client and daemon) and the engine's
 * configuration files, so that a change of either probes again.
 */
static char *
probe_file(const struct options *o)
{
	uint64_t h = FNV_OFFSET;
	const char *conf;
	char buf[4096];
	ssize_t n;
	size_t i;
	int fd;

	h = fnv1a(h, o->version, strlen(o->version));
	for (i = 0; i < NCONF; i++) {
		if ((conf = conf_file(i)) == NULL)
			continue;
		h = fnv1a(h, conf, strlen(conf) + 1);
		if ((fd = open(conf, O_RDONLY | O_CLOEXEC)) == -1)
			continue;
		while ((n = read(fd, buf, sizeof(buf))) > 0)
			h = fnv1a(h, buf, (size_t)n);
		close(fd);
	}
	return xasprintf("%sengine-%s-%016" PRIx64, o->cachedir, o->engine,
	    h);
}

/* The cached answer, if there is one and it names a row of fixes. */
static int
read_probe(struct options *o, const char *file)
{
	char buf[1024], line[128];
	const char *val;
	size_t i, j, len;

	if (slurp(file, buf, sizeof(buf)) <= 0 ||
	    (val = image_field(buf, "global")) == NULL)
		return 0;
	for (i = 0; i < NFIXES; i++) {
		line[0] = '\0';
		for (j = 0; fixes[i][j] != NULL; j++) {
			len = strlen(line);
			snprintf(line + len, sizeof(line) - len, "%s%s",
			    j ? " " : "", fixes[i][j]);
		}
		if (strcmp(val, line) == 0)
			break;
	}
	if (i == NFIXES || (val = image_field(buf, "defaults")) == NULL)
		return 0;
	o->fix = fixes[i];
	o->defaults = xasprintf("%s", val);
	return 1;
}

/* Written whole or not at all: a temporary file, then rename. */
static void
write_probe(const struct options *o, const char *file)
{
	char *tmp = xasprintf("%s.%ld.tmp", file, (long)getpid());
	FILE *fp;
	int i, ok;

	if ((fp = fopen(tmp, "w")) == NULL) {
		free(tmp);
		return;		/* no cache: probe again next time */
	}
	fputs("global ", fp);
	for (i = 0; o->fix[i] != NULL; i++)
		fprintf(fp, "%s%s", i ? " " : "", o->fix[i]);
	fprintf(fp, "\ndefaults %s\n", o->defaults);
	ok = fflush(fp) == 0 && fsync(fileno(fp)) == 0;
	if (fclose(fp) != 0 || !ok || rename(tmp, file) == -1)
		unlink(tmp);
	free(tmp);
}

static void
print_flags(FILE *fp, const char *const *v)
{
	int i;

	for (i = 0; v != NULL && v[i] != NULL; i++)
		fprintf(fp, " %s", v[i]);
}

/*
 * What the probe found, in one line: when it has just probed and the
 * engine's own settings failed, and on every run with -v.
 */
static void
tell(const struct options *o, const char *file, int fresh)
{
	if (!o->run.verbose && (!fresh ||
	    (strcmp(o->defaults, "ok") == 0 && o->fix[0] == NULL)))
		return;
	fprintf(stderr, "%s: %s with its own settings %s; it runs with",
	    progname, o->engine, o->defaults);
	print_flags(stderr, o->fix);
	print_flags(stderr, (const char *const *)o->envelope);
	fprintf(stderr, " (%s %s)\n", fresh ? "probed once, cached in" :
	    "probed before, cached in", file);
}

/*
 * What the engine needs on this machine, found once per engine version
 * and cached: first its own settings (only to tell the user), then our
 * envelope with each row of fixes until a container runs. Global flags
 * given by hand (-G, $VIRTCOST_ENGINE_FLAGS) replace the probe.
 */
static void
probe_engine(struct options *o, const char *image)
{
	char *file, *why = NULL, *first = NULL;
	size_t i;

	if (o->user_global) {
		o->fix = fixes[0];
		o->defaults = xasprintf("not probed: engine flags given");
		return;
	}
	file = probe_file(o);
	if (read_probe(o, file)) {
		tell(o, file, 0);
		free(file);
		return;
	}
	/* Known from the memo: ask again, for its complaint if any. */
	if (o->recalled) {
		o->recalled = 0;
		if (!usable(o, o->engine))
			die(RUN_PLATFORM, "container engine %s does not work "
			    "here: %s", o->engine, o->broken != NULL ?
			    o->broken : "its version command failed");
		free(file);
		file = probe_file(o);
	}
	snprintf(container, sizeof(container), "virtcost-probe-%ld",
	    (long)getpid());
	if (o->first_fix > 0)
		o->defaults = xasprintf("failed: %s", o->broken);
	else if ((why = try_engine(o, fixes[0], 0, image)) == NULL)
		o->defaults = xasprintf("ok");
	else
		o->defaults = xasprintf("failed: %s", why);
	free(why);
	why = NULL;
	for (i = o->first_fix;
	    i < (strcmp(o->engine, "podman") == 0 ? NFIXES : 1); i++) {
		if ((why = try_engine(o, fixes[i], 1, image)) == NULL)
			break;
		if (first == NULL)
			first = why;
		else
			free(why);
	}
	container[0] = '\0';
	if (why != NULL)
		die(RUN_PLATFORM, "%s cannot run a container here: %s "
		    "(tried its own settings and --runtime=runc, "
		    "--cgroup-manager=cgroupfs; pass your own with -G and -R)",
		    o->engine, first);
	free(first);
	write_probe(o, file);
	tell(o, file, 1);
	free(file);
}

/* The engine's storage driver, as -I and -v name it. */
static const char *
driver_name(const struct options *o)
{
	return o->driver == NULL || strcmp(o->driver, "-") == 0 ?
	    "unknown" : o->driver;
}

/* -I: the platform as vc-suite records it, as "key value" lines. */
static int
describe(const struct options *o)
{
	int i;

	printf("engine %s\nengine_flags", o->engine);
	print_flags(stdout, o->fix);
	for (i = 0; i < o->nglobal; i++)
		printf(" %s", o->global[i]);
	printf("\nrun_flags");
	print_flags(stdout, (const char *const *)o->envelope);
	for (i = 0; i < o->nrun; i++)
		printf(" %s", o->runflags[i]);
	printf("\nengine_defaults %s\n", o->defaults);
	printf("storage_driver %s\n", driver_name(o));
	if (o->bind != NULL)
		printf("disk %s %s\n", o->bind[0] == '/' ? "bind" : "volume",
		    o->bind);
	else
		printf("disk %s\n", disk_names[o->disk]);
	printf("network %s\n", net_names[o->net]);
	if (o->docker_note != NULL)
		printf("note %s\n", o->docker_note);
	return close_stdout();
}

/* -HOST: the end of this host's runs' names (see NAME_PREFIX). */
static void
name_suffix(char *buf, size_t size)
{
	char host[32] = "";
	size_t i;

	if (gethostname(host, sizeof(host) - 1) != 0 || host[0] == '\0')
		strcpy(host, "localhost");
	/* What an engine takes in a name: [a-zA-Z0-9_.-]. */
	for (i = 0; host[i] != '\0'; i++)
		if (!isalnum((unsigned char)host[i]) && host[i] != '.' &&
		    host[i] != '-')
			host[i] = '_';
	snprintf(buf, size, "-%s", host);
}

/* This run's name (see NAME_PREFIX). */
static void
run_name(char *buf, size_t size)
{
	char suffix[40], token[40];

	name_suffix(suffix, sizeof(suffix));
	cleanup_token(token, sizeof(token));
	snprintf(buf, size, NAME_PREFIX "%s%s", token, suffix);
}

/* 1 if name is one of this host's runs' and its process is gone. */
static int
dead_run(char *name)
{
	char suffix[40], *end;
	size_t len = strlen(name), slen, plen = strlen(NAME_PREFIX);
	int dead;

	name_suffix(suffix, sizeof(suffix));
	slen = strlen(suffix);
	if (len <= plen + slen || strncmp(name, NAME_PREFIX, plen) != 0 ||
	    strcmp(name + len - slen, suffix) != 0)
		return 0;
	end = name + len - slen;
	*end = '\0';
	dead = cleanup_token_dead(name + plen);
	*end = suffix[0];
	return dead;
}

/*
 * Removes each of the names that list (an engine command) prints that
 * is one of this host's runs whose process is gone, with rm (an engine
 * command with a free slot at its end); returns how many went.
 */
static int
sweep_list(const struct options *o, char *list[], char *rm[],
    const char *what)
{
	char *v[MAXFLAGS + 16], *out, *line, *save;
	size_t slot;
	int n = 0;

	for (slot = 0; rm[slot] != NULL; slot++)
		;
	engine_argv(o, v, list);
	if (engine_read(o, v, &out, 1) != 0)
		die(RUN_PLATFORM, "%s %s %s failed: %s", o->engine, list[0],
		    list[1], complaint(out));
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (!dead_run(line))
			continue;
		rm[slot] = line;
		if (engine_quiet(o, rm) == 0) {
			fprintf(stderr, "%s: removed %s %s, left by a run that "
			    "was killed\n", progname, what, line);
			n++;
		} else
			warnmsg("%s %s could not be removed", what, line);
	}
	rm[slot] = NULL;
	free(out);
	return n;
}

/*
 * -S: what runs killed with SIGKILL left behind, removed: their
 * containers (a server still running, say), then their volumes (a
 * volume in use cannot go), then their bind directories in the cache.
 * Kept runs (-k) are not touched, nor live ones.
 */
static int
sweep(struct options *o)
{
	char *ps[] = { "ps", "-a", "--filter", "label=" SWEEP_LABEL,
	    "--format", "{{.Names}}", NULL };
	char *rm[] = { "rm", "-f", NULL, NULL };
	char *vols[] = { "volume", "ls", "--filter", "label=" SWEEP_LABEL,
	    "--format", "{{.Name}}", NULL };
	char *vrm[] = { "volume", "rm", "-f", NULL, NULL };
	char *name;
	int n, dirs;

	if ((name = cache_dir_name()) == NULL)
		die(RUN_PLATFORM, "no cache directory: set VIRTCOST_CACHE or "
		    "HOME");
	o->cachedir = xasprintf("%s/", name);
	choose_engine(o);
	n = sweep_list(o, ps, rm, "container");
	n += sweep_list(o, vols, vrm, "volume");
	if ((dirs = cleanup_sweep_in(name, BIND_TAG)) > 0)
		fprintf(stderr, "%s: removed %d bind director%s in %s, left by "
		    "runs that were killed\n", progname, dirs,
		    dirs == 1 ? "y" : "ies", name);
	n += dirs;
	if (o->run.verbose)
		fprintf(stderr, "%s: %d left behind, removed\n", progname, n);
	free(name);
	return close_stdout();
}

/*
 * diskwrite's directory, before the run: the mount on DISKDIR that -b
 * names (for any command, as ever) or -s asks for (for diskwrite only:
 * a fresh volume or host directory, removed after the run, or a
 * tmpfs), or none: the container's own file system.
 */
static void
prepare_disk(struct options *o, const char *cmd)
{
	char *create[] = { "volume", "create", "--label", SWEEP_LABEL, NULL,
	    NULL }, *real;
	const char *dir;
	struct statfs sf;

	if (o->bind != NULL) {
		o->disk_flag[0] = "--volume";
		o->disk_flag[1] = xasprintf("%s:%s", o->bind, DISKDIR);
		return;
	}
	if (bench_kind(cmd) != BENCH_DISK)
		return;
	switch (o->disk) {
	case DISK_OVERLAY:
		if (o->run.verbose)
			fprintf(stderr, "%s: diskwrite works in /tmp, in the "
			    "container's own file system (storage driver "
			    "%s)\n", progname, driver_name(o));
		return;
	case DISK_VOLUME:
		/* Named before made: see remove_run(). */
		o->volume = xasprintf("%s", container);
		if (o->run.keep)
			create[2] = o->volume, create[3] = NULL;
		else
			create[4] = o->volume;
		if (engine_quiet(o, create) != 0)
			die(RUN_PLATFORM, "%s volume create %s failed",
			    o->engine, o->volume);
		o->disk_flag[1] = xasprintf("%s:%s", o->volume, DISKDIR);
		if (o->run.verbose)
			fprintf(stderr, "%s: diskwrite works in %s, on "
			    "volume %s, made for this run\n", progname,
			    DISKDIR, o->volume);
		break;
	case DISK_BIND:
		/* The cache directory: on a disk, where /tmp may be a tmpfs. */
		if ((dir = cleanup_tempdir_in(o->cachedir, BIND_TAG)) == NULL)
			diesys(RUN_PLATFORM, "%s", o->cachedir);
		/* The engine wants it absolute; the cache may be relative. */
		if ((real = realpath(dir, NULL)) == NULL)
			diesys(RUN_PLATFORM, "%s", dir);
		o->hostdir = dir;
		if (statfs(real, &sf) == 0 && sf.f_type == TMPFS_MAGIC)
			warnmsg("-s bind: the cache directory %s is on a tmpfs: "
			    "diskwrite writes in memory there", o->cachedir);
		o->disk_flag[1] = xasprintf("%s:%s", real, DISKDIR);
		if (o->run.verbose)
			fprintf(stderr, "%s: diskwrite works in %s, the host "
			    "directory %s bind-mounted, made for this run\n",
			    progname, DISKDIR, real);
		free(real);
		break;
	case DISK_TMPFS:
		o->disk_flag[0] = "--tmpfs";
		o->disk_flag[1] = DISKDIR;
		if (o->run.verbose)
			fprintf(stderr, "%s: diskwrite works in %s, a tmpfs "
			    "(memory, not a disk)\n", progname, DISKDIR);
		return;
	}
	o->disk_flag[0] = "--volume";
}

static pid_t
start_container(struct options *o, const char *image, int port,
    char *const cmd[], int out_fd)
{
	char *args[3 * MAXFLAGS + 32], *v[4 * MAXFLAGS + 48];
	char cpus[32], mem[32], publish[64];
	struct spawn_io io = SPAWN_INHERIT;
	int n = 0, i, null;
	pid_t pid;

	args[n++] = "run";
	if (!o->run.keep)
		args[n++] = "--rm";
	args[n++] = "--name";
	args[n++] = container;
	if (!o->run.keep) {
		args[n++] = "--label";
		args[n++] = SWEEP_LABEL;
	}
	/* The image is ours: never fetched, even when it has gone. */
	args[n++] = "--pull=never";
	if (o->cpus > 0) {
		snprintf(cpus, sizeof(cpus), "%.9g", o->cpus);
		args[n++] = "--cpus";
		args[n++] = cpus;
	}
	if (o->run.mem > 0) {
		snprintf(mem, sizeof(mem), "%llub",
		    (unsigned long long)o->run.mem);
		args[n++] = "--memory";
		args[n++] = mem;
	}
	args[n++] = "--workdir";
	if (o->disk_flag[0] != NULL) {
		args[n++] = DISKDIR;
		args[n++] = o->disk_flag[0];
		args[n++] = o->disk_flag[1];
	} else
		args[n++] = "/tmp";
	if (port != 0 && o->net == NET_HOST)
		/* No namespace: the server binds the host's 127.0.0.1. */
		args[n++] = "--network=host";
	else if (port != 0) {
		/* Published on the host's loopback only. */
		snprintf(publish, sizeof(publish), "127.0.0.1:%d:%s", port,
		    GUEST_HTTP_PORT);
		args[n++] = "--publish";
		args[n++] = publish;
	}
	for (i = 0; o->envelope[i] != NULL; i++)
		args[n++] = o->envelope[i];
	for (i = 0; i < o->nrun; i++)
		args[n++] = o->runflags[i];
	args[n++] = (char *)image;
	for (i = 0; cmd[i] != NULL && n < (int)(sizeof(args) / sizeof(args[0])) - 1; i++)
		args[n++] = cmd[i];
	args[n] = NULL;
	engine_argv(o, v, args);
	show(o, v);
	if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		diesys(RUN_PLATFORM, "/dev/null");
	io.fd[0] = null;
	io.fd[1] = out_fd;
	if ((pid = spawn_cmd(v, &io)) == -1)
		diesys(RUN_PLATFORM, "%s", o->engine);
	close(null);
	cleanup_add_pid(pid);
	return pid;
}

/*
 * A container past its deadline is stopped by removing it, not by a
 * signal to its client, which would leave it running.
 */
static void
stop_container(pid_t client)
{
	(void)client;
	warnmsg("timed out after %g s", cur->run.timeout);
	remove_container();
}

/* Waits for the container's client; 124 on timeout. */
static int
finish(pid_t pid, double deadline)
{
	int status;

	/* The client ends once the container is gone; 10 s, else killed. */
	if ((status = wait_or_stop(pid, deadline, stop_container, 10.0, NULL))
	    == -1)
		diesys(RUN_PLATFORM, "wait");
	return status;
}

/*
 * -v: the network the server was in, as the engine says (podman:
 * bridge, slirp4netns, pasta or host; docker: default, bridge or
 * host), asked after the measurement so as not to disturb it.
 */
static void
show_network(const struct options *o, int port)
{
	char *args[] = { "container", "inspect", "--format",
	    "{{.HostConfig.NetworkMode}}", container, NULL };
	char *v[MAXFLAGS + 16], *out;

	if (!o->run.verbose)
		return;
	engine_argv(o, v, args);
	show(o, v);
	if (runner_read(v, 0, &out, NULL, 0) != 0)
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	if (o->net == NET_HOST)
		fprintf(stderr, "%s: network: %s (-n host: the host's, no "
		    "network namespace); the server listened on "
		    "127.0.0.1:%d\n", progname, *out ? out : "?", port);
	else
		fprintf(stderr, "%s: network: %s (-n default: the engine's "
		    "own); port %s published on 127.0.0.1:%d\n", progname,
		    *out ? out : "?", GUEST_HTTP_PORT, port);
	free(out);
}

/*
 * nginxbench: the container serves; once it says it is ready, the host
 * measures through the published port; then the container is removed.
 */
static int
serve_and_measure(struct options *o, const char *image, char *argv[],
    double deadline)
{
	struct server_lines lines = { "", 0 };
	char buf[4096], path[512], **sargv, portstr[16];
	ssize_t n;
	pid_t pid;
	int fds[2], port, status = -1;

	port = free_port();
	snprintf(portstr, sizeof(portstr), "%d", port);
	if (pipe2(fds, O_CLOEXEC) == -1)
		diesys(RUN_PLATFORM, "pipe");
	if (o->net == NET_HOST)
		sargv = server_argv(argv, "127.0.0.1", portstr);
	else
		sargv = server_argv(argv, "0.0.0.0", GUEST_HTTP_PORT);
	pid = start_container(o, image, port, sargv, fds[1]);
	free(sargv);
	close(fds[1]);
	for (;;) {
		n = read(fds[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR) {
			cleanup_check();
			continue;
		}
		if (n <= 0)
			break;
		if (ready_line(&lines, buf, (size_t)n, path, sizeof(path))) {
			status = measure_server("127.0.0.1", port, path,
			    argv, 0);
			show_network(o, port);
			break;
		}
	}
	close(fds[0]);
	remove_container();
	if (status == -1) {
		/* The server never came up: the container's status says why. */
		status = finish(pid, deadline);
		return status == 0 ? RUN_PLATFORM : status;
	}
	finish(pid, wall_now() + 10.0);
	return status;
}

int
main(int argc, char *argv[])
{
	static struct options o;	/* static: what it holds lives to the end */
	double deadline = 0.0;
	const char *why;
	char *image, *rootfs;
	int ch, status, memo;

	msg_init(argv[0]);
	memset(&o, 0, sizeof(o));
	add_flags(o.global, &o.nglobal, getenv("VIRTCOST_ENGINE_FLAGS"),
	    "engine flags");
	o.user_global = o.nglobal > 0;
	add_flags(o.runflags, &o.nrun, getenv("VIRTCOST_RUN_FLAGS"),
	    "run flags");
	while ((ch = getopt(argc, argv, "+" RUNNER_OPTSTRING "b:e:G:In:R:Ss:"))
	    != -1) {
		if (ch == 'h')
			runner_usage(usage_extra);
		/* A fraction too, as --cpus takes (the other runners' -c not). */
		if (ch == 'c') {
			if ((why = parse_decimal(optarg, 0.01, 1024, &o.cpus))
			    != NULL)
				usage_error("-c %s: %s", optarg, why);
			continue;
		}
		if (runner_option(ch, optarg, &o.run))
			continue;
		switch (ch) {
		case 'b':
			o.bind = optarg;
			break;
		case 'e':
			o.engine = engine_name(optarg, "-e ");
			break;
		case 'G':
			add_flags(o.global, &o.nglobal, optarg, "engine flags");
			o.user_global = 1;
			break;
		case 'I':
			o.info = 1;
			break;
		case 'S':
			o.sweep = 1;
			break;
		case 'n':
			o.net = (enum net)pick(net_names, optarg,
			    "-n", "default or host");
			break;
		case 's':
			o.disk = (enum disk)pick(disk_names, optarg,
			    "-s", "overlay, volume, bind or tmpfs");
			o.disk_given = 1;
			break;
		case 'R':
			add_flags(o.runflags, &o.nrun, optarg, "run flags");
			break;
		default:
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0 && !o.info && !o.sweep)
		usage_error("missing command");
	if (argc > 0 && o.info)
		usage_error("-I describes the platform: it takes no command");
	if (argc > 0 && o.sweep)
		usage_error("-S removes what killed runs left: it takes no "
		    "command");
	if (o.info && o.sweep)
		usage_error("-I and -S exclude each other");
	if (o.bind != NULL && o.disk_given)
		usage_error("-b and -s both place diskwrite's directory: "
		    "give one");
	/* -e wins; empty is unset: the first usable engine. */
	if (o.engine == NULL && (why = getenv("VIRTCOST_ENGINE")) != NULL &&
	    *why != '\0')
		o.engine = engine_name(why, "VIRTCOST_ENGINE=");

	if (o.sweep)
		return sweep(&o);
	cleanup_signals();
	cur = &o;
	cleanup_add_hook(remove_run);
	make_envelope(&o);
	rootfs = get_rootfs(&o, &image);
	choose_engine(&o);
	memo = ensure_image(&o, rootfs, image) || !o.recalled;
	probe_engine(&o, image);
	if (memo || !o.recalled)
		remember(&o);
	free(rootfs);
	if (o.info) {
		free(image);
		return describe(&o);
	}
	run_name(container, sizeof(container));
	prepare_disk(&o, argv[0]);
	if (o.run.timeout > 0)
		deadline = wall_now() + o.run.timeout;
	if (bench_kind(argv[0]) == BENCH_NET)
		status = serve_and_measure(&o, image, argv, deadline);
	else {
		status = finish(start_container(&o, image, 0, argv, -1),
		    deadline);
		/*
		 * A command that ended by itself: its client, run with --rm,
		 * returned once the engine had removed the container.
		 */
		if (status < RUN_TIMEOUT && !o.run.keep)
			container[0] = '\0';
	}
	/* The engine failed: ask it again next time, not the memo. */
	if (status == RUN_PLATFORM)
		forget(&o);
	if (o.run.keep) {
		fprintf(stderr, "%s: kept container %s\n", progname,
		    container);
		if (o.volume != NULL)
			fprintf(stderr, "%s: kept volume %s\n", progname,
			    o.volume);
		if (o.hostdir != NULL) {
			cleanup_keep(o.hostdir);
			fprintf(stderr, "%s: kept directory %s\n", progname,
			    o.hostdir);
		}
	}
	free(image);
	return status;
}
