/*
 * run.c - posix_spawnp with explicit argv and file actions; waiting,
 * with a deadline if need be; and the exit-status rule every runner follows: the child's exit code, or
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
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "run.h"
#include "timing.h"

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
