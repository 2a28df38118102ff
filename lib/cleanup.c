/*
 * cleanup.c - what a tool made, it removes: on success, on failure, and
 * on SIGINT, SIGTERM, SIGHUP or SIGPIPE.
 *
 * The signal handler does only async-signal-safe work: it notes the
 * signal and sends SIGTERM to the registered children. Their deaths end
 * whatever blocking wait the tool is in; the tool then calls
 * cleanup_check(), which removes the registered paths, waits for the
 * children and re-raises the signal, so the tool's parent sees it die
 * of that signal. cleanup_run() also runs at exit; it stops children,
 * runs the registered hooks, then removes the paths. A tool that exits
 * after SIGPIPE (its write failed with EPIPE) still dies of SIGPIPE, as
 * it would have without us, but with nothing left behind.
 *
 * Each temporary directory holds an owner file (pid and start time), so
 * that cleanup_sweep() can tell the directories of dead processes, which
 * no handler could clean (SIGKILL), from those of live ones.
 */
#include "config.h"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "slurp.h"

#define MAXPIDS		16
#define MAXPATHS	16
#define MAXHOOKS	4
#define OWNER		".vc-owner"

static volatile sig_atomic_t caught;
static volatile pid_t pids[MAXPIDS];
static char *paths[MAXPATHS];
static int kept[MAXPATHS];
static size_t npaths;
static void (*hooks[MAXHOOKS])(void);
static size_t nhooks;
static int registered;

static void
at_exit(void)
{
	cleanup_run();
	if (caught == SIGPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
}

static void
on_signal(int sig)
{
	size_t i;
	int saved = errno;

	caught = sig;
	for (i = 0; i < MAXPIDS; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	errno = saved;
}

/* No SA_RESTART: a blocking read or wait returns EINTR at the signal. */
void
cleanup_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	if (!registered) {
		atexit(at_exit);
		registered = 1;
	}
}

int
cleanup_caught(void)
{
	return caught;
}

/* If a signal came: clean up and die of it. */
void
cleanup_check(void)
{
	int sig = caught;

	if (sig == 0)
		return;
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

void
cleanup_add_pid(pid_t pid)
{
	size_t i;

	for (i = 0; i < MAXPIDS; i++)
		if (pids[i] == 0) {
			pids[i] = pid;
			break;
		}
	if (caught)
		kill(pid, SIGTERM);
}

/* The child was reaped: never signal its pid again. */
void
cleanup_del_pid(pid_t pid)
{
	size_t i;

	for (i = 0; i < MAXPIDS; i++)
		if (pids[i] == pid)
			pids[i] = 0;
}

/*
 * fn runs at cleanup, after the children are stopped, outside any signal
 * handler: for what needs a program to undo (a container to remove).
 */
void
cleanup_add_hook(void (*fn)(void))
{
	if (!registered) {
		atexit(at_exit);
		registered = 1;
	}
	if (nhooks < MAXHOOKS)
		hooks[nhooks++] = fn;
}

void
cleanup_add_path(const char *path)
{
	char *copy;

	if (!registered) {
		atexit(at_exit);
		registered = 1;
	}
	if (npaths < MAXPATHS && (copy = strdup(path)) != NULL)
		paths[npaths++] = copy;
}

/* Leave path in place after all (a user asked to keep it). */
void
cleanup_keep(const char *path)
{
	char *owner;
	size_t i;

	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], path) == 0) {
			kept[i] = 1;
			/* Kept means kept: no sweep may take it later. */
			if (asprintf(&owner, "%s/" OWNER, path) != -1) {
				unlink(owner);
				free(owner);
			}
		}
}

/*
 * If our parent dies, even of SIGKILL, we get SIGTERM: for a runner
 * whose parent (vc-suite) is the only one that knows of it.
 */
void
cleanup_with_parent(void)
{
	pid_t parent = getppid();

	if (prctl(PR_SET_PDEATHSIG, SIGTERM) == -1 || getppid() != parent)
		raise(SIGTERM);
}

/* When pid started, in clock ticks after boot (0: not running). */
static unsigned long long
start_time(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long t = 0;
	int field;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	if (slurp(path, buf, sizeof(buf)) <= 0)
		return 0;
	/* Field 22; the name in field 2 may hold anything but ends at ')'. */
	if ((p = strrchr(buf, ')')) == NULL)
		return 0;
	for (field = 2; field < 22 && p != NULL; field++)
		p = strchr(p + 1, ' ');
	if (p != NULL)
		t = strtoull(p + 1, NULL, 10);
	return t;
}

static const char *
tmp_dir(void)
{
	const char *tmp = getenv("TMPDIR");

	return tmp == NULL || *tmp == '\0' ? "/tmp" : tmp;
}

static void
write_owner(const char *dir)
{
	char *path, line[64];
	int fd, n;

	if (asprintf(&path, "%s/" OWNER, dir) == -1)
		return;
	n = snprintf(line, sizeof(line), "%ld %llu\n", (long)getpid(),
	    start_time(getpid()));
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0600)) != -1) {
		(void)!write(fd, line, (size_t)n);
		close(fd);
	}
	free(path);
}

/* 1 if dir's owner file names a process that is gone. */
static int
owner_dead(int dfd)
{
	char line[64];
	long pid;
	unsigned long long t;
	ssize_t n;
	int fd;

	if ((fd = openat(dfd, OWNER, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) == -1)
		return 0;	/* kept, or not yet written: not ours to take */
	n = read(fd, line, sizeof(line) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	line[n] = '\0';
	if (sscanf(line, "%ld %llu", &pid, &t) != 2 || pid <= 0)
		return 0;
	return start_time((pid_t)pid) != t;
}

/*
 * This process as "PID-START" (start in clock ticks after boot), for a
 * name that may outlive it, as a container or a volume made for a run:
 * cleanup_token_dead() tells, from the name alone, whether its owner is
 * gone.
 */
void
cleanup_token(char *buf, size_t size)
{
	snprintf(buf, size, "%ld-%llu", (long)getpid(), start_time(getpid()));
}

/*
 * 1 if token, cleanup_token()'s form and nothing more, names a process
 * of this machine that is gone; 0 if it lives or token is not one.
 */
int
cleanup_token_dead(const char *token)
{
	unsigned long long t;
	long pid;
	int end = 0;

	if (strspn(token, "0123456789-") != strlen(token) ||
	    sscanf(token, "%ld-%llu%n", &pid, &t, &end) != 2 ||
	    token[end] != '\0' || pid <= 0)
		return 0;
	return start_time((pid_t)pid) != t;
}

/*
 * A fresh private directory under $TMPDIR, removed with all it holds.
 * The name belongs to this module: valid until cleanup_run().
 */
const char *
cleanup_tempdir(const char *tag)
{
	return cleanup_tempdir_in(tmp_dir(), tag);
}

/* The same in parent: PARENT/TAG.XXXXXX. */
const char *
cleanup_tempdir_in(const char *parent, const char *tag)
{
	char *dir;
	size_t before = npaths;

	if (asprintf(&dir, "%s%s%s.XXXXXX", parent,
	    parent[0] != '\0' && parent[strlen(parent) - 1] == '/' ? "" : "/",
	    tag) == -1)
		return NULL;
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	cleanup_add_path(dir);
	if (npaths == before) {
		/* Table full: removal could not be promised, so none made. */
		rmdir(dir);
		free(dir);
		return NULL;
	}
	free(dir);
	write_owner(paths[npaths - 1]);
	return paths[npaths - 1];
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/*
 * Waits for a child told to stop; one that ignores SIGTERM for 3 s (an
 * nginx master stuck without workers, say) gets SIGKILL.
 */
static void
reap(pid_t pid)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	pid_t r;
	int i;

	for (i = 0; i < 300; i++) {
		if ((r = waitpid(pid, NULL, WNOHANG)) == pid ||
		    (r == -1 && errno != EINTR))
			return;
		nanosleep(&ts, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
}

/*
 * Removes the temporary directories named for tag (cleanup_tempdir's)
 * that are ours and whose owner is dead; returns how many.
 */
int
cleanup_sweep(const char *tag)
{
	return cleanup_sweep_in(tmp_dir(), tag);
}

/* The same in parent, for cleanup_tempdir_in(parent, tag)'s. */
int
cleanup_sweep_in(const char *tmp, const char *tag)
{
	size_t taglen = strlen(tag);
	struct dirent *de;
	struct stat st;
	char *path;
	DIR *d;
	int n = 0, dfd, dead;

	if ((d = opendir(tmp)) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, tag, taglen) != 0 ||
		    de->d_name[taglen] != '.' ||
		    strlen(de->d_name + taglen + 1) != 6)
			continue;
		if ((dfd = openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		dead = fstat(dfd, &st) == 0 && st.st_uid == geteuid() &&
		    owner_dead(dfd);
		close(dfd);
		if (!dead || asprintf(&path, "%s/%s", tmp, de->d_name) == -1)
			continue;
		nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS);
		free(path);
		n++;
	}
	closedir(d);
	return n;
}

/* Stop the children, then remove the paths, newest first. */
void
cleanup_run(void)
{
	size_t i;
	pid_t pid;

	for (i = 0; i < MAXPIDS; i++) {
		if ((pid = pids[i]) <= 0)
			continue;
		pids[i] = 0;
		kill(pid, SIGTERM);
		reap(pid);
	}
	while (nhooks > 0)
		hooks[--nhooks]();
	while (npaths > 0) {
		npaths--;
		if (!kept[npaths])
			nftw(paths[npaths], remove_one, 16,
			    FTW_DEPTH | FTW_PHYS);
		free(paths[npaths]);
	}
}
