/*
 * cleanup.c - what a tool made, it removes: on success, on failure, and
 * on SIGINT, SIGTERM or SIGHUP.
 *
 * The signal handler does only async-signal-safe work: it notes the
 * signal and sends SIGTERM to the registered children. Their deaths end
 * whatever blocking wait the tool is in; the tool then calls
 * cleanup_check(), which removes the registered paths, waits for the
 * children and re-raises the signal, so the tool's parent sees it die
 * of that signal. cleanup_run() also runs at exit; it stops children,
 * runs the registered hooks, then removes the paths.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"

#define MAXPIDS		16
#define MAXPATHS	16
#define MAXHOOKS	4

static volatile sig_atomic_t caught;
static volatile pid_t pids[MAXPIDS];
static char *paths[MAXPATHS];
static int kept[MAXPATHS];
static size_t npaths;
static void (*hooks[MAXHOOKS])(void);
static size_t nhooks;
static int registered;

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
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	if (!registered) {
		atexit(cleanup_run);
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
		atexit(cleanup_run);
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
		atexit(cleanup_run);
		registered = 1;
	}
	if (npaths < MAXPATHS && (copy = strdup(path)) != NULL)
		paths[npaths++] = copy;
}

/* Leave path in place after all (a user asked to keep it). */
void
cleanup_keep(const char *path)
{
	size_t i;

	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], path) == 0)
			kept[i] = 1;
}

/*
 * A fresh private directory under $TMPDIR, removed with all it holds.
 * The name belongs to this module: valid until cleanup_run().
 */
const char *
cleanup_tempdir(const char *tag)
{
	const char *tmp = getenv("TMPDIR");
	char *dir;
	size_t before = npaths;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (asprintf(&dir, "%s/%s.XXXXXX", tmp, tag) == -1)
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
