/* run.h - run a program with an explicit argv, never through a shell */
#ifndef VC_RUN_H
#define VC_RUN_H

#include <sys/types.h>
#include <sys/wait.h>

#include <stddef.h>

/* Exit codes of our own, as timeout(1), env(1) and docker(1) use them. */
enum {
	RUN_TIMEOUT = 124,	/* the run timeout expired */
	RUN_PLATFORM = 125,	/* the platform failed: no boot, no engine */
	RUN_NOEXEC = 126,	/* command found but could not be run */
	RUN_NOTFOUND = 127	/* command not found on the platform */
};

/* Descriptors for the child's stdin, stdout, stderr; -1 inherits ours. */
struct spawn_io {
	int	fd[3];
};

#define SPAWN_INHERIT	{ { -1, -1, -1 } }

/* run_read: the child's stderr goes with its stdout. */
#define RUN_MERGE	1

/*
 * A wait status as a runner passes it on: the exit code, or 128+signal.
 * Inline so that the static vc-init takes it without the rest of run.o.
 */
static inline int
exit_code(int status)
{
	return WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status);
}

pid_t	spawn_cmd(char *const [], const struct spawn_io *);
pid_t	spawn_tied(char *const [], const struct spawn_io *);
int	exec_status(int);
int	wait_exit(pid_t);
int	wait_deadline(pid_t, double, int *);
int	wait_or_stop(pid_t, double, void (*)(pid_t), double, int *);
int	run_cmd(char *const [], const struct spawn_io *);
int	run_read(char *const [], int, char **, size_t, char **, size_t);
char	*path_search(const char *);

#endif
