/* serve.h - the host half of nginxbench on a platform (vc-container, vc-qemu) */
#ifndef VC_SERVE_H
#define VC_SERVE_H

#include <stddef.h>

/* Port the benchmark server listens on inside a VM or container. */
#define GUEST_HTTP_PORTNUM	80
/* The same, as a string for argv and option strings. */
#define GUEST_HTTP_PORT		VC_STRING(GUEST_HTTP_PORTNUM)
#define VC_STRING(x)		VC_STRING_(x)
#define VC_STRING_(x)		#x

/* The platform server's stdout, gathered into lines: see ready_line(). */
struct server_lines {
	char	 buf[1024];
	size_t	 len;
};

char	**server_argv(char *const [], const char *, const char *);
int	 measure_server(const char *, int, const char *, char *const [],
	    double);
double	 measure_timeout(char *const []);
int	 ready_path(const char *, size_t, char *, size_t);
int	 ready_line(struct server_lines *, const char *, size_t, char *,
	    size_t);
int	 free_port(void);

#endif
