/* cleanup.h - leave nothing behind: temporary files, directories, children */
#ifndef VC_CLEANUP_H
#define VC_CLEANUP_H

#include <signal.h>
#include <sys/types.h>
#include <stddef.h>

void	 cleanup_signals(void);
int	 cleanup_caught(void);
void	 cleanup_check(void);
const char *
	 cleanup_tempdir(const char *);
const char *
	 cleanup_tempdir_in(const char *, const char *);
void	 cleanup_add_path(const char *);
void	 cleanup_keep(const char *);
void	 cleanup_with_parent(void);
int	 cleanup_sweep(const char *);
int	 cleanup_sweep_in(const char *, const char *);
void	 cleanup_token(char *, size_t);
int	 cleanup_token_dead(const char *);
void	 cleanup_add_hook(void (*)(void));
void	 cleanup_add_pid(pid_t);
void	 cleanup_del_pid(pid_t);
void	 cleanup_run(void);

#endif
