/* run.h - run a program with an explicit argv, never through a shell */
#ifndef VC_RUN_H
#define VC_RUN_H

#include <sys/types.h>

/* Descriptors for the child's stdin, stdout, stderr; -1 inherits ours. */
struct spawn_io {
	int	fd[3];
};

#define SPAWN_INHERIT	{ { -1, -1, -1 } }

pid_t	spawn_cmd(char *const [], const struct spawn_io *);
pid_t	spawn_tied(char *const [], const struct spawn_io *);
int	wait_exit(pid_t);
int	run_cmd(char *const [], const struct spawn_io *);

#endif
