/*
 * run.c - posix_spawnp with explicit argv and file actions, and the
 * exit-status rule every runner follows: the child's exit code, or
 * 128+signal when it was killed.
 *
 * glibc's posix_spawnp reports a failed exec (ENOENT, EACCES) as its
 * return value, so the caller learns of it without an extra pipe.
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <spawn.h>
#include <unistd.h>

#include "run.h"

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

/* Waits for pid; returns its exit code, 128+signal, or -1 with errno. */
int
wait_exit(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + WTERMSIG(status);
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
