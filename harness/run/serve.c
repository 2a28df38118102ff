/*
 * serve.c - the host half of nginxbench on a platform: the server's
 * arguments, its ready line, a free port for the forward and the
 * measuring run through it. vc-container and vc-qemu share it.
 */
#include "config.h"

#include <sys/socket.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "limit.h"
#include "msg.h"
#include "parse.h"
#include "run.h"
#include "runner.h"
#include "serve.h"

/*
 * The platform half of nginxbench: the same arguments with -S, so that
 * it serves on addr and port instead of measuring: in a guest or a
 * container of its own network, on all its addresses and
 * GUEST_HTTP_PORT; in the host's network, on 127.0.0.1 and a free port.
 */
char **
server_argv(char *const argv[], const char *addr, const char *port)
{
	char **v;
	size_t n, i;

	for (n = 0; argv[n] != NULL; n++)
		;
	if ((v = calloc(n + 6, sizeof(*v))) == NULL)
		diesys(RUN_PLATFORM, "calloc");
	v[0] = argv[0];
	v[1] = "-S";
	v[2] = "-a";
	v[3] = (char *)addr;
	v[4] = "-p";
	v[5] = (char *)port;
	for (i = 1; i < n; i++)
		v[i + 5] = argv[i];
	return v;
}

/*
 * The host half of nginxbench: measure the platform's server at
 * host:port (a forwarded loopback port, or the guest's own address on a
 * tap device), with the user's arguments. Its status is the run's
 * status; at the deadline (0: none) it is stopped and the run has timed
 * out (RUN_TIMEOUT).
 */
int
measure_server(const char *host, int port, const char *path,
    char *const argv[], double deadline)
{
	char **v, url[600];
	size_t n, i;
	pid_t pid;
	int rc;

	for (n = 0; argv[n] != NULL; n++)
		;
	if ((v = calloc(n + 3, sizeof(*v))) == NULL)
		diesys(RUN_PLATFORM, "calloc");
	snprintf(url, sizeof(url), "http://%s:%d%s", host, port, path);
	v[0] = argv[0];
	v[1] = "-u";
	v[2] = url;
	for (i = 1; i < n; i++)
		v[i + 2] = argv[i];
	if ((pid = spawn_cmd(v, NULL)) == -1) {
		warnsys("%s", v[0]);
		free(v);
		return exec_status(errno);
	}
	free(v);
	cleanup_add_pid(pid);
	if ((rc = wait_or_stop(pid, deadline, NULL, RUN_GRACE, NULL)) == -1)
		diesys(RUN_PLATFORM, "wait");
	return rc;
}

/*
 * How long the measuring half of nginxbench may take when the user set
 * no timeout: twice its hard limit, which is -l, by default
 * NGINXBENCH_LIMIT (nginxbench/limit.h) or -d if that is longer
 * (nginxbench(1)), so that only a run that hangs is ever cut. Values that do not parse are nginxbench's to refuse.
 */
double
measure_timeout(char *const argv[])
{
	double limit = NGINXBENCH_LIMIT, v;
	const char *val;
	int i;

	for (i = 1; argv[i] != NULL && strcmp(argv[i], "--") != 0; i++) {
		if (argv[i][0] != '-' ||
		    (argv[i][1] != 'd' && argv[i][1] != 'l'))
			continue;
		val = argv[i][2] != '\0' ? argv[i] + 2 : argv[i + 1];
		if (argv[i][2] == '\0' && val != NULL)
			i++;
		if (val != NULL && parse_time(val, 0.0, 1e9, &v) == NULL &&
		    v > limit)
			limit = v;
	}
	return 2.0 * limit;
}

/*
 * The path the platform's server serves, from the line nginxbench -S
 * prints when it is ready ("nginxbench: ready: http://ADDR:PORT/PATH
 * serves N bytes\n"). Returns 0 until a whole ready line is in buf.
 */
int
ready_path(const char *buf, size_t len, char *path, size_t size)
{
	const char *p, *end = buf + len, *slash, *sp;

	if ((p = memmem(buf, len, "ready: http://", 14)) == NULL ||
	    memchr(p, '\n', (size_t)(end - p)) == NULL)
		return 0;
	p += 14;
	if ((slash = memchr(p, '/', (size_t)(end - p))) == NULL ||
	    (sp = memchr(slash, ' ', (size_t)(end - slash))) == NULL ||
	    (size_t)(sp - slash) >= size)
		return 0;
	memcpy(path, slash, (size_t)(sp - slash));
	path[sp - slash] = '\0';
	return 1;
}

/*
 * Feeds the platform server's stdout, as it comes (split anywhere), into
 * lines; returns 1 once its ready line has come, with the path it serves
 * in path (see ready_path()).
 */
int
ready_line(struct server_lines *l, const char *data, size_t len,
    char *path, size_t size)
{
	size_t i;

	for (i = 0; i < len; i++) {
		/* A line too long for buf is cut; its newline still ends it. */
		if (l->len < sizeof(l->buf) - 1 || data[i] == '\n')
			l->buf[l->len++] = data[i];
		if (data[i] != '\n')
			continue;
		if (ready_path(l->buf, l->len, path, size))
			return 1;
		l->len = 0;
	}
	return 0;
}

/* A free loopback port (bound, read, released) for a forward. */
int
free_port(void)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int s, port;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1 ||
	    bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(s, (struct sockaddr *)&sin, &len) == -1)
		diesys(RUN_PLATFORM, "choosing a port");
	port = ntohs(sin.sin_port);
	close(s);
	return port;
}
