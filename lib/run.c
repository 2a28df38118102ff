/*
 * run.c - posix_spawnp with explicit argv and file actions; waiting,
 * with a deadline if need be; reading what a child writes; and the
 * exit-status rule every runner follows: the child's exit code, or
 * 128+signal when it was killed (exit_code(), in run.h), 124 when it
 * ran out of time, 126/127 when it could not be run.
 *
 * glibc's posix_spawnp reports a failed exec (ENOENT, EACCES) as its
 * return value, so the caller learns of it without an extra pipe.
 * Nothing here exits: errors come back as -1 with errno, except that a
 * signal caught by cleanup_signals() ends a wait through cleanup_check().
 */
#include "config.h"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "run.h"
#include "timing.h"
#include "xalloc.h"

extern char **environ;

/* Returns the child's pid, or -1 with errno set. */
pid_t
spawn_cmd(char *const argv[], const struct spawn_io *io)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int i, rc;

	if ((rc = posix_spawn_file_actions_init(&fa)) != 0) {
		errno = rc;
		return -1;
	}
	for (i = 0; io != NULL && i < 3; i++) {
		if (io->fd[i] < 0 || io->fd[i] == i)
			continue;
		if ((rc = posix_spawn_file_actions_adddup2(&fa, io->fd[i],
		    i)) != 0)
			break;
	}
	if (rc == 0)
		rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	return pid;
}

/*
 * spawn_cmd for a child that must not outlive us however we die, even
 * of SIGKILL (a VM left running would hold a CPU and our files): the
 * kernel sends it SIGKILL when we are gone (PR_SET_PDEATHSIG). That
 * needs code between fork and exec, so no posix_spawn here; a failed
 * exec comes back through a close-on-exec pipe as the errno.
 */
pid_t
spawn_tied(char *const argv[], const struct spawn_io *io)
{
	pid_t pid, parent = getpid();
	int fds[2], e = 0, i;
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return -1;
	if ((pid = fork()) == -1) {
		e = errno;
		close(fds[0]);
		close(fds[1]);
		errno = e;
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		/* Handlers of the parent's must not run in here. */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() != parent)
			_exit(127);
		for (i = 0; io != NULL && i < 3; i++)
			if (io->fd[i] >= 0 && io->fd[i] != i &&
			    dup2(io->fd[i], i) == -1)
				goto fail;
		execvp(argv[0], argv);
fail:
		e = errno;
		(void)!write(fds[1], &e, sizeof(e));
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], &e, sizeof(e))) == -1 && errno == EINTR)
		;
	close(fds[0]);
	if (n == (ssize_t)sizeof(e)) {
		while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
			;
		errno = e;
		return -1;
	}
	return pid;
}

/* Exit code for a spawn that failed with errno e, as the shell gives. */
int
exec_status(int e)
{
	return e == ENOENT || e == ENOTDIR ? RUN_NOTFOUND : RUN_NOEXEC;
}

/* Waits for pid; returns its exit code, 128+signal, or -1 with errno. */
int
wait_exit(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	return exit_code(status);
}

/*
 * Waits for pid until the deadline (a wall_now() time; 0: none). Returns
 * 0 with *status set, 1 if the deadline passed first (pid still runs),
 * or -1 with errno. A caught SIGINT/SIGTERM ends the wait through
 * cleanup_check().
 */
int
wait_deadline(pid_t pid, double deadline, int *status)
{
	struct timespec ts = { 0, 0 };
	double left, step = 0.0005;
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, deadline > 0 ? WNOHANG : 0);
		if (r == pid)
			return 0;
		if (r == -1 && errno != EINTR)
			return -1;
		cleanup_check();
		if (deadline <= 0)
			continue;
		if ((left = deadline - wall_now()) <= 0)
			return 1;
		/* Short sleeps first: most runs of a quick command end soon. */
		if (step < 0.02)
			step *= 2;
		if (step > left)
			step = left;
		ts.tv_sec = 0;
		ts.tv_nsec = (long)(step * 1e9);
		nanosleep(&ts, NULL);
	}
}

/*
 * Waits for pid, a child in cleanup's list, until the deadline (0:
 * none): its exit code, or RUN_TIMEOUT once it has been stopped: asked
 * by stop(pid), or SIGTERM if stop is NULL, then after grace seconds
 * killed. *timed_out, if given, says which it was, so that a command
 * that exits 124 itself is never taken for a timeout. -1 with errno if
 * the wait failed.
 */
int
wait_or_stop(pid_t pid, double deadline, void (*stop)(pid_t), double grace,
    int *timed_out)
{
	int status, rc, late = 0;

	if ((rc = wait_deadline(pid, deadline, &status)) == 1) {
		late = 1;
		if (stop != NULL)
			stop(pid);
		else
			kill(pid, SIGTERM);
		rc = wait_deadline(pid, wall_now() + grace, &status);
		if (rc == 1) {
			kill(pid, SIGKILL);
			rc = wait_deadline(pid, 0, &status);
		}
	}
	if (timed_out != NULL)
		*timed_out = late;
	if (rc == -1)
		return -1;
	cleanup_del_pid(pid);
	return late ? RUN_TIMEOUT : exit_code(status);
}

/* spawn_cmd then wait_exit: -1 with errno if it could not be started. */
int
run_cmd(char *const argv[], const struct spawn_io *io)
{
	pid_t pid;

	if ((pid = spawn_cmd(argv, io)) == -1)
		return -1;
	return wait_exit(pid);
}

/* One stream that run_read reads: the first max bytes kept (0: all). */
struct sink {
	char	*buf;
	size_t	 len, size, max;
	int	 relay;		/* and each byte written to our stderr */
};

/* Writes all of buf to fd, as far as it can: a relay never fails a run. */
static void
relay(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

/* One read from fd into s: as read(2), and -1 with ENOMEM if full. */
static ssize_t
take(struct sink *s, int fd)
{
	char chunk[8192], *p;
	size_t keep, size;
	ssize_t n;

	if ((n = read(fd, chunk, sizeof(chunk))) <= 0)
		return n;
	if (s->relay)
		relay(2, chunk, (size_t)n);
	keep = (size_t)n;
	if (s->max > 0 && keep > s->max - s->len)
		keep = s->max - s->len;
	if (s->len + keep + 1 > s->size) {
		size = s->size * 2 > s->len + keep + 1 ? s->size * 2 :
		    s->len + keep + 1;
		if ((p = realloc(s->buf, size)) == NULL) {
			errno = ENOMEM;
			return -1;
		}
		s->buf = p;
		s->size = size;
	}
	memcpy(s->buf + s->len, chunk, keep);
	s->len += keep;
	s->buf[s->len] = '\0';
	return n;
}

/* Closes *fd if open, and marks it closed. */
static void
closefd(int *fd)
{
	if (*fd != -1)
		close(*fd);
	*fd = -1;
}

/*
 * Reads the child's stdout and stderr (or -1) to their ends, so that it
 * never blocks on a full pipe, into s[0] and s[1]; closes both. Returns
 * 0, or -1 with errno, the first error, after which it reads no more.
 */
static int
drain(int out, int err, struct sink s[2])
{
	struct pollfd pfd[2];
	int i, e = 0;
	ssize_t n;

	pfd[0].fd = out;
	pfd[1].fd = err;
	pfd[0].events = pfd[1].events = POLLIN;
	while (e == 0 && (pfd[0].fd != -1 || pfd[1].fd != -1)) {
		if (poll(pfd, 2, -1) == -1) {
			if (errno != EINTR)
				e = errno;
			cleanup_check();
			continue;
		}
		for (i = 0; i < 2 && e == 0; i++) {
			if (pfd[i].fd == -1 || pfd[i].revents == 0)
				continue;
			if ((n = take(&s[i], pfd[i].fd)) == -1 &&
			    errno == EINTR) {
				cleanup_check();
				continue;
			}
			if (n == -1)
				e = errno;
			if (n <= 0)
				closefd(&pfd[i].fd);
		}
	}
	closefd(&pfd[0].fd);
	closefd(&pfd[1].fd);
	errno = e;
	return e == 0 ? 0 : -1;
}

/*
 * Runs argv with its stdin from /dev/null and its stdout read into
 * *out, a string the caller frees: the first outmax bytes (0: all), the
 * rest read and dropped. Its stderr, with RUN_MERGE, goes into *out
 * too; else, if err is given, it is relayed to ours as it comes and its
 * first errmax bytes (0: all) kept in *err; else it is ours. Returns
 * exit_code() of the child, or -1 with errno and no strings if it could
 * not be run or read. A caught signal ends it through cleanup_check().
 */
int
run_read(char *const argv[], int flags, char **out, size_t outmax,
    char **err, size_t errmax)
{
	struct spawn_io io = SPAWN_INHERIT;
	struct sink s[2] = { { NULL, 0, 256, outmax, 0 },
	    { NULL, 0, 256, errmax, 1 } };
	int fds[2] = { -1, -1 }, efds[2] = { -1, -1 };
	int null = -1, status, saved, rc;
	pid_t pid = -1;

	*out = NULL;
	if (err != NULL)
		*err = NULL;
	if ((flags & RUN_MERGE) != 0)
		err = NULL;
	if ((s[0].buf = calloc(1, s[0].size)) == NULL ||
	    (s[1].buf = calloc(1, s[1].size)) == NULL)
		goto fail;
	if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) != -1 &&
	    pipe2(fds, O_CLOEXEC) == 0 &&
	    (err == NULL || pipe2(efds, O_CLOEXEC) == 0)) {
		io.fd[0] = null;
		io.fd[1] = fds[1];
		io.fd[2] = (flags & RUN_MERGE) != 0 ? fds[1] : efds[1];
		pid = spawn_cmd(argv, &io);
	}
	/* Only the child writes: our read ends see EOF when it is done. */
	saved = errno;
	closefd(&null);
	closefd(&fds[1]);
	closefd(&efds[1]);
	if (pid == -1) {
		closefd(&fds[0]);
		closefd(&efds[0]);
		errno = saved;
		goto fail;
	}
	cleanup_add_pid(pid);
	rc = drain(fds[0], efds[0], s);
	saved = errno;
	if (wait_deadline(pid, 0, &status) == -1)
		goto fail;
	cleanup_del_pid(pid);
	cleanup_check();
	errno = saved;
	if (rc == -1)
		goto fail;
	*out = s[0].buf;
	if (err != NULL)
		*err = s[1].buf;
	else
		free(s[1].buf);
	return exit_code(status);
fail:
	saved = errno;
	free(s[0].buf);
	free(s[1].buf);
	errno = saved;
	return -1;
}

/*
 * The program that a PATH search for name finds, as the shell's and
 * posix_spawnp's, without either (malloc'd); NULL if none.
 */
char *
path_search(const char *name)
{
	const char *path = getenv("PATH"), *p, *colon;
	struct stat st;
	char *cand;
	size_t len;

	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = colon + 1) {
		colon = strchr(p, ':');
		len = colon != NULL ? (size_t)(colon - p) : strlen(p);
		if (len == 0)
			cand = xasprintf("./%s", name);
		else
			cand = xasprintf("%.*s/%s", (int)len, p, name);
		if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(cand, X_OK) == 0)
			return cand;
		free(cand);
		if (colon == NULL)
			return NULL;
	}
}
