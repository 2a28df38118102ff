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
 * classic exercise did, or in a volume or bind mount with -b. nginxbench serves in the container (-S) with
 * its port published on 127.0.0.1 only, and measures from the host.
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "msg.h"
#include "run.h"
#include "runner.h"
#include "timing.h"

#define MAXFLAGS	64
#define DISKDIR		"/mnt/disk"

struct options {
	struct runopts	 run;
	const char	*engine;	/* -e, $VIRTCOST_ENGINE */
	const char	*bind;		/* -b volume name or host directory */
	char		*global[MAXFLAGS];	/* -G, $VIRTCOST_ENGINE_FLAGS */
	int		 nglobal;
	char		*runflags[MAXFLAGS];	/* -R, $VIRTCOST_RUN_FLAGS */
	int		 nrun;
};

static const char *const usage_extra =
    "[-b volume|dir] [-e docker|podman]\n\t[-G engine-flags] [-R run-flags]";

/* For the cleanup hook: the engine and the container to remove. */
static struct options *cur;
static char container[64];

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
	for (i = 0; i < o->nglobal; i++)
		v[n++] = o->global[i];
	for (i = 0; args[i] != NULL; i++)
		v[n++] = args[i];
	v[n] = NULL;
	return n;
}

/* Runs an engine command quietly; returns its exit status or -1. */
static int
engine_quiet(const struct options *o, char *const args[])
{
	char *v[MAXFLAGS + 16];
	struct spawn_io io = SPAWN_INHERIT;
	int null, rc;

	engine_argv(o, v, args);
	if ((null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		return -1;
	io.fd[0] = io.fd[1] = null;
	if (!o->run.verbose)
		io.fd[2] = null;
	rc = run_cmd(v, &io);
	close(null);
	return rc;
}

/* A docker client whose daemon does not answer is not usable. */
static int
usable(struct options *o, const char *engine)
{
	char *info[] = { "info", NULL };

	o->engine = engine;
	return engine_quiet(o, info) == 0;
}

static void
choose_engine(struct options *o)
{
	const char *want = o->engine;

	if (want == NULL)
		want = getenv("VIRTCOST_ENGINE");
	if (want != NULL && *want != '\0') {
		if (!usable(o, want))
			die(RUN_PLATFORM, "container engine %s is not usable "
			    "(not installed, or its daemon does not answer)",
			    want);
		return;
	}
	if (usable(o, "docker") || usable(o, "podman"))
		return;
	die(RUN_PLATFORM, "no usable container engine: neither docker nor "
	    "podman answers (apt-get install podman, or start dockerd)");
}

/*
 * A new image replaces the older virtcost:* ones (made from binaries
 * that have changed since), so that only the cached image remains.
 */
static void
prune_images(const struct options *o, const char *keep)
{
	char *list[] = { "images", "--format",
	    "{{.Repository}}:{{.Tag}}", "virtcost", NULL };
	char *v[MAXFLAGS + 8], *out, *line, *save, *name;

	engine_argv(o, v, list);
	out = capture(v);
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
}

/* The image tag for vc-image's rootfs: virtcost:HASH, imported once. */
static char *
get_image(const struct options *o)
{
	char *vi[] = { "vc-image", "-q", "rootfs", NULL }, *out, *tag;
	const char *path, *base, *dash, *dot;

	if (o->run.verbose)
		vi[1] = "rootfs", vi[2] = NULL;
	out = capture(vi);
	if ((path = image_field(out, "rootfs")) == NULL)
		die(RUN_PLATFORM, "vc-image gave no rootfs");
	base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if ((dash = strchr(base, '-')) == NULL ||
	    (dot = strchr(dash, '.')) == NULL)
		die(RUN_PLATFORM, "%s: not a vc-image rootfs name", path);
	if (asprintf(&tag, "virtcost:%.*s", (int)(dot - dash - 1), dash + 1)
	    == -1)
		diesys(RUN_PLATFORM, "asprintf");
	{
		char *inspect[] = { "image", "inspect", tag, NULL };
		char *import[] = { "import", (char *)path, tag, NULL };

		if (engine_quiet(o, inspect) != 0) {
			if (o->run.verbose)
				fprintf(stderr, "%s: importing %s as %s\n",
				    progname, path, tag);
			if (engine_quiet(o, import) != 0)
				die(RUN_PLATFORM, "%s import %s failed",
				    o->engine, path);
			prune_images(o, tag);
		}
	}
	free(out);
	return tag;
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

static pid_t
start_container(struct options *o, const char *image, int port,
    char *const cmd[], int out_fd)
{
	char *args[3 * MAXFLAGS + 32], *v[4 * MAXFLAGS + 48];
	char cpus[32], mem[32], publish[64], *volume = NULL;
	struct spawn_io io = SPAWN_INHERIT;
	int n = 0, i, null;
	pid_t pid;

	args[n++] = "run";
	if (!o->run.keep)
		args[n++] = "--rm";
	args[n++] = "--name";
	args[n++] = container;
	if (o->run.cpus > 0) {
		snprintf(cpus, sizeof(cpus), "%lld", (long long)o->run.cpus);
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
	if (o->bind != NULL) {
		if (asprintf(&volume, "%s:%s", o->bind, DISKDIR) == -1)
			diesys(RUN_PLATFORM, "asprintf");
		args[n++] = DISKDIR;
		args[n++] = "--volume";
		args[n++] = volume;
	} else
		args[n++] = "/tmp";
	if (port != 0) {
		/* Published on the host's loopback only. */
		snprintf(publish, sizeof(publish), "127.0.0.1:%d:%s", port,
		    GUEST_HTTP_PORT);
		args[n++] = "--publish";
		args[n++] = publish;
	}
	for (i = 0; i < o->nrun; i++)
		args[n++] = o->runflags[i];
	args[n++] = (char *)image;
	for (i = 0; cmd[i] != NULL && n < (int)(sizeof(args) / sizeof(args[0])) - 1; i++)
		args[n++] = cmd[i];
	args[n] = NULL;
	engine_argv(o, v, args);
	if (o->run.verbose) {
		fprintf(stderr, "%s:", progname);
		for (i = 0; v[i] != NULL; i++)
			fprintf(stderr, " %s", v[i]);
		fputc('\n', stderr);
	}
	if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1)
		diesys(RUN_PLATFORM, "/dev/null");
	io.fd[0] = null;
	io.fd[1] = out_fd;
	if ((pid = spawn_cmd(v, &io)) == -1)
		diesys(RUN_PLATFORM, "%s", o->engine);
	close(null);
	free(volume);
	cleanup_add_pid(pid);
	return pid;
}

/* Waits for the container's client; 124 on timeout. */
static int
finish(struct options *o, pid_t pid, double deadline)
{
	int status;

	if (wait_deadline(pid, deadline, &status)) {
		warnmsg("timed out after %g s", o->run.timeout);
		remove_container();
		if (wait_deadline(pid, wall_now() + 10.0, &status)) {
			kill(pid, SIGKILL);
			wait_deadline(pid, 0, &status);
		}
		cleanup_del_pid(pid);
		return RUN_TIMEOUT;
	}
	cleanup_del_pid(pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
}

/*
 * nginxbench: the container serves; once it says it is ready, the host
 * measures through the published port; then the container is removed.
 */
static int
serve_and_measure(struct options *o, const char *image, char *argv[],
    double deadline)
{
	char buf[4096], path[512], **sargv;
	size_t len = 0;
	ssize_t n;
	pid_t pid;
	int fds[2], port, status = -1;

	port = free_port();
	if (pipe2(fds, O_CLOEXEC) == -1)
		diesys(RUN_PLATFORM, "pipe");
	sargv = server_argv(argv);
	pid = start_container(o, image, port, sargv, fds[1]);
	free(sargv);
	close(fds[1]);
	while (len < sizeof(buf) - 1) {
		n = read(fds[0], buf + len, sizeof(buf) - 1 - len);
		if (n < 0 && errno == EINTR) {
			cleanup_check();
			continue;
		}
		if (n <= 0)
			break;
		len += (size_t)n;
		if (ready_path(buf, len, path, sizeof(path))) {
			status = measure_server(port, path, argv);
			break;
		}
	}
	close(fds[0]);
	remove_container();
	if (status == -1) {
		/* The server never came up: the container's status says why. */
		status = finish(o, pid, deadline);
		return status == 0 ? RUN_PLATFORM : status;
	}
	finish(o, pid, wall_now() + 10.0);
	return status;
}

int
main(int argc, char *argv[])
{
	struct options o;
	double deadline = 0.0;
	char *image;
	int ch, status;

	msg_init(argv[0]);
	memset(&o, 0, sizeof(o));
	add_flags(o.global, &o.nglobal, getenv("VIRTCOST_ENGINE_FLAGS"),
	    "engine flags");
	add_flags(o.runflags, &o.nrun, getenv("VIRTCOST_RUN_FLAGS"),
	    "run flags");
	while ((ch = getopt(argc, argv, "+" RUNNER_OPTSTRING "b:e:G:R:"))
	    != -1) {
		if (ch == 'h')
			runner_usage(usage_extra);
		if (runner_option(ch, optarg, &o.run))
			continue;
		switch (ch) {
		case 'b':
			o.bind = optarg;
			break;
		case 'e':
			if (strcmp(optarg, "docker") != 0 &&
			    strcmp(optarg, "podman") != 0)
				usage_error("-e %s: use docker or podman",
				    optarg);
			o.engine = optarg;
			break;
		case 'G':
			add_flags(o.global, &o.nglobal, optarg, "engine flags");
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
	if (argc == 0)
		usage_error("missing command");

	cleanup_signals();
	choose_engine(&o);
	image = get_image(&o);
	snprintf(container, sizeof(container), "virtcost-%ld-%lx",
	    (long)getpid(), (unsigned long)(wall_now() * 1e6) & 0xffffff);
	cur = &o;
	cleanup_add_hook(remove_container);
	if (o.run.timeout > 0)
		deadline = wall_now() + o.run.timeout;
	if (bench_kind(argv[0]) == BENCH_NET)
		status = serve_and_measure(&o, image, argv, deadline);
	else
		status = finish(&o, start_container(&o, image, 0, argv, -1),
		    deadline);
	if (o.run.keep)
		fprintf(stderr, "%s: kept container %s\n", progname,
		    container);
	free(image);
	return status;
}
