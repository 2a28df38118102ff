/* runner.h - what every platform runner shares: options, stopping */
#ifndef VC_RUNNER_H
#define VC_RUNNER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "catalog.h"

/* Seconds from SIGTERM to SIGKILL for a command past its deadline. */
#define RUN_GRACE	5.0

/* The options with the same letters in every runner. */
struct runopts {
	int64_t		cpus;		/* -c; 0: as many as the host has */
	uint64_t	mem;		/* -m bytes; 0: platform default */
	double		timeout;	/* -t seconds; 0: none */
	int		verbose;	/* -v: show the platform's own output */
	int		keep;		/* -k: leave VM dir / container */
};

#define RUNNER_OPTSTRING	"c:hkm:t:vV"

int	 runner_option(int, const char *, struct runopts *);
void	 runner_usage(const char *);
int64_t	 host_cpus(void);
uint64_t host_memory(void);
enum bench_kind
	 bench_kind(const char *);
void	 run_quiet(char *const [], int);
int	 runner_read(char *const [], int, char **, char **, size_t);
char	*capture(char *const []);
const char *
	 image_field(const char *, const char *);

#endif
