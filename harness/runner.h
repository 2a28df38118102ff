/* runner.h - what every platform runner shares: options, exit codes */
#ifndef VC_RUNNER_H
#define VC_RUNNER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Exit codes of our own, as timeout(1), env(1) and docker(1) use them. */
enum {
	RUN_TIMEOUT = 124,	/* the run timeout expired */
	RUN_PLATFORM = 125,	/* the platform failed: no boot, no engine */
	RUN_NOEXEC = 126,	/* command found but could not be run */
	RUN_NOTFOUND = 127	/* command not found on the platform */
};

/* The options with the same letters in every runner. */
struct runopts {
	int64_t		cpus;		/* -c; 0: as many as the host has */
	uint64_t	mem;		/* -m bytes; 0: platform default */
	double		timeout;	/* -t seconds; 0: none */
	int		verbose;	/* -v: show the platform's own output */
	int		keep;		/* -k: leave VM dir / container */
};

#define RUNNER_OPTSTRING	"c:hkm:t:vV"

/* What a benchmark needs of its platform. */
enum bench_kind {
	BENCH_CPU,		/* nothing: linpack, memsweep, forksum */
	BENCH_DISK,		/* a disk to write to: diskwrite */
	BENCH_NET,		/* a server reached from the host: nginxbench */
	BENCH_OTHER		/* any other command */
};

/* Port the benchmark server listens on inside a VM or container. */
#define GUEST_HTTP_PORT	"80"

/* The platform server's stdout, gathered into lines: see ready_line(). */
struct server_lines {
	char	 buf[1024];
	size_t	 len;
};

int	 runner_option(int, const char *, struct runopts *);
void	 runner_usage(const char *);
int64_t	 host_cpus(void);
int	 wait_deadline(pid_t, double, int *);
int	 wait_or_stop(pid_t, double, int *);
int	 exec_status(int);
int	 exit_code(int);
enum bench_kind
	 bench_kind(const char *);
char	**server_argv(char *const []);
int	 measure_server(int, const char *, char *const [], double);
double	 measure_timeout(char *const []);
int	 ready_path(const char *, size_t, char *, size_t);
int	 ready_line(struct server_lines *, const char *, size_t, char *,
	    size_t);
int	 free_port(void);
void	 run_quiet(char *const [], int);
int	 run_read(char *const [], char **, int);
char	*capture(char *const []);
const char *
	 image_field(const char *, const char *);

#endif
