/* nginx.h - a private nginx serving one file on 127.0.0.1 */
#ifndef NB_NGINX_H
#define NB_NGINX_H

#include <sys/types.h>

#include <stdint.h>
#include <stdnoreturn.h>

struct nginx {
	const char	*bin;		/* the nginx program */
	const char	*dir;		/* private prefix: config, logs, file */
	const char	*addr;		/* IPv4 address to listen on */
	int64_t		 workers;	/* worker_processes */
	int64_t		 connections;	/* wrk's, to size worker_connections */
	uint64_t	 size;		/* of the served file, in bytes */
	int64_t		 port;		/* asked for; 0: choose a free one */
	int		 bound;		/* the port it listens on */
	pid_t		 pid;		/* the master process, or -1 */
};

/* The served file's URL path; it is also the index, so "/" serves it. */
#define NGINX_FILE	"/file"

const char	*nginx_check_dir(const char *);
void		 nginx_make_file(const struct nginx *);
void		 nginx_start(struct nginx *);
noreturn void	 nginx_wait(struct nginx *);
void		 nginx_stop(struct nginx *);
void		 nginx_show_log(const struct nginx *, const char *);
void		 nginx_atexit(void);
void		 signal_check(void);

#endif
