/*
 * nginx.c - start the system's nginx with a private configuration and
 * prefix in nginxbench's temporary directory, on a port of 127.0.0.1 (or
 * of the address given with -a), and stop it again whatever happens.
 *
 * The port: a free one is found by binding port 0 and reading the port
 * back; between our close and nginx's bind another program may take
 * it, so "Address already in use" in nginx's error log means: stop it
 * and try again with another port, a few times. A port given with -p is
 * checked first the same way, for a clear message.
 *
 * Ready means: nginx has written its pid file, which it does only after
 * binding its listening sockets, and a connect() to the port succeeds.
 * Until then, nginx exiting is a failure to start, shown with the end of
 * its error log, since the temporary directory holding it is removed.
 *
 * Stopping: SIGTERM (fast shutdown: the master stops its workers), then
 * SIGKILL after a grace period. The grace period is needed: a master
 * whose worker could not be forked (EAGAIN) waits for it forever and
 * ignores SIGTERM. lib/cleanup's own exit path sends SIGTERM and waits
 * without a limit, so nginx is stopped here first, from an atexit()
 * handler registered after cleanup_signals() (atexit runs handlers in
 * reverse order) and before cleanup_check() on a signal.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "msg.h"
#include "nginx.h"
#include "parse.h"
#include "run.h"
#include "timing.h"

#define START_TRIES	5	/* ports tried when one is chosen for us */
#define START_SECONDS	10.0	/* from spawn to listening; TCG is slow */
#define STOP_SECONDS	3.0	/* from SIGTERM to SIGKILL */
#define LOG_LINES	5	/* of the error log shown on failure */
#define IN_USE		"Address already in use"

/* The nginx to stop at exit or on a signal. */
static struct nginx *running;

static void
path(char *buf, const struct nginx *n, const char *name)
{
	if ((size_t)snprintf(buf, PATH_MAX, "%s/%s", n->dir, name) >=
	    PATH_MAX)
		die(EXIT_FAIL, "temporary directory path too long: %s", n->dir);
}

/*
 * Paths go into the configuration in double quotes. Inside them nginx
 * still gives '\' and '$' (variables, in root) a meaning, so a directory
 * holding those, a quote or a control character is refused outright.
 */
const char *
nginx_check_dir(const char *dir)
{
	const unsigned char *p;

	for (p = (const unsigned char *)dir; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '"' || *p == '\\' ||
		    *p == '$')
			return "has a character nginx's configuration cannot "
			    "hold ('\"', '\\', '$' or a control character)";
	return NULL;
}

static void
nap(void)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };

	nanosleep(&ts, NULL);
}

/*
 * The served file is sparse (ftruncate): it takes no disk space and its
 * zeros come from memory, never from a disk, so what is measured is the
 * HTTP path (nginx, sendfile, TCP over loopback), not storage.
 */
void
nginx_make_file(const struct nginx *n)
{
	char www[PATH_MAX], file[PATH_MAX];
	int fd;

	path(www, n, "www");
	path(file, n, "www" NGINX_FILE);
	if (mkdir(www, 0755) == -1)
		diesys(EXIT_FAIL, "%s", www);
	if ((fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1)
		diesys(EXIT_FAIL, "%s", file);
	if (ftruncate(fd, (off_t)n->size) == -1)
		diesys(EXIT_FAIL, "cannot make %s %llu bytes long", file,
		    (unsigned long long)n->size);
	if (close(fd) == -1)
		diesys(EXIT_FAIL, "%s", file);
}

/*
 * master_process on: worker_processes (-w) means nothing without a
 * master, and it is how the packaged nginx runs. daemon off keeps the
 * master our child, so its pid is the one spawn_cmd returns.
 *
 * As root, the workers would switch to nobody, who may not be able to
 * enter the directory holding ours (a private TMPDIR, /root/tmp); so they
 * stay root, which makes no difference to what is measured. As another
 * user nginx cannot switch, and a "user" line would only draw a warning.
 */
static void
write_config(const struct nginx *n, int port)
{
	char conf[PATH_MAX];
	FILE *fp;
	int64_t wc;

	path(conf, n, "nginx.conf");
	if ((fp = fopen(conf, "we")) == NULL)
		diesys(EXIT_FAIL, "%s", conf);
	/* Every connection of wrk's, plus room for the listener. */
	wc = n->connections + 32 > 1024 ? n->connections + 32 : 1024;
	fprintf(fp, "# nginxbench: private configuration, removed at exit\n"
	    "daemon off;\n"
	    "master_process on;\n"
	    "worker_processes %lld;\n", (long long)n->workers);
	if (geteuid() == 0)
		fputs("user root;\n", fp);
	fprintf(fp, "pid \"%1$s/nginx.pid\";\n"
	    "lock_file \"%1$s/nginx.lock\";\n"
	    "error_log \"%1$s/error.log\" warn;\n"
	    "events {\n"
	    "\tworker_connections %2$lld;\n"
	    "}\n"
	    "http {\n"
	    "\taccess_log off;\n"
	    "\tsendfile on;\n"
	    "\tdefault_type application/octet-stream;\n"
	    "\tclient_body_temp_path \"%1$s/client_body\";\n"
	    "\tproxy_temp_path \"%1$s/proxy\";\n"
	    "\tfastcgi_temp_path \"%1$s/fastcgi\";\n"
	    "\tuwsgi_temp_path \"%1$s/uwsgi\";\n"
	    "\tscgi_temp_path \"%1$s/scgi\";\n"
	    "\tserver {\n"
	    "\t\tlisten %4$s:%3$d;\n"
	    "\t\troot \"%1$s/www\";\n"
	    "\t\tindex %5$s;\n"
	    "\t}\n"
	    "}\n", n->dir, (long long)wc, port, n->addr, NGINX_FILE + 1);
	if (ferror(fp) | (fclose(fp) != 0))
		diesys(EXIT_FAIL, "cannot write %s", conf);
}

/*
 * A socket for addr:port. To reach a server listening on 0.0.0.0, the
 * readiness check connects to 127.0.0.1 (to_reach).
 */
static int
inet_socket(const char *addr, int port, int to_reach,
    struct sockaddr_in *sin)
{
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons((uint16_t)port);
	if (inet_pton(AF_INET, addr, &sin->sin_addr) != 1)
		die(EXIT_FAIL, "bad IPv4 address %s", addr);
	if (to_reach && sin->sin_addr.s_addr == htonl(INADDR_ANY))
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
}

static int
free_port(const struct nginx *n)
{
	struct sockaddr_in sin;
	socklen_t len = sizeof(sin);
	int fd;

	if ((fd = inet_socket(n->addr, 0, 0, &sin)) == -1 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &len) == -1)
		diesys(EXIT_FAIL, "cannot find a free port on %s", n->addr);
	close(fd);
	return ntohs(sin.sin_port);
}

/*
 * With SO_REUSEADDR, as nginx binds: a port left in TIME_WAIT is free,
 * one with a listener is not. Other errors (EACCES below port 1024) are
 * nginx's to meet and report.
 */
static int
port_in_use(const struct nginx *n, int port)
{
	struct sockaddr_in sin;
	int fd, on = 1, busy;

	if ((fd = inet_socket(n->addr, port, 0, &sin)) == -1)
		diesys(EXIT_FAIL, "socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	busy = bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 &&
	    errno == EADDRINUSE;
	close(fd);
	return busy;
}

static int
answers(const struct nginx *n, int port)
{
	struct sockaddr_in sin;
	int fd, ok;

	if ((fd = inet_socket(n->addr, port, 1, &sin)) == -1)
		return 0;
	ok = connect(fd, (struct sockaddr *)&sin, sizeof(sin)) == 0;
	close(fd);
	return ok;
}

/*
 * The last size-1 bytes of a file, or "" if there is none. Returns 1 if
 * the file was longer, so that the first line may be cut.
 */
static int
read_tail(const char *file, char *buf, size_t size)
{
	off_t end;
	ssize_t n;
	int fd, cut;

	buf[0] = '\0';
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	end = lseek(fd, 0, SEEK_END);
	cut = end > (off_t)(size - 1);
	lseek(fd, cut ? end - (off_t)(size - 1) : 0, SEEK_SET);
	if ((n = read(fd, buf, size - 1)) < 0)
		n = 0;
	buf[n] = '\0';
	close(fd);
	return cut;
}

static int
log_says(const struct nginx *n, const char *what)
{
	char file[PATH_MAX], buf[8192];

	path(file, n, "error.log");
	read_tail(file, buf, sizeof(buf));
	return strstr(buf, what) != NULL;
}

static int
pidfile_is(const struct nginx *n)
{
	char file[PATH_MAX], buf[32], *nl;
	int64_t pid;

	path(file, n, "nginx.pid");
	read_tail(file, buf, sizeof(buf));
	if ((nl = strchr(buf, '\n')) == NULL)
		return 0;	/* not written yet, or not completely */
	*nl = '\0';
	return parse_int(buf, 1, INT32_MAX, &pid) == NULL && pid == n->pid;
}

/*
 * "2026/01/01 00:00:00 [emerg] 123#123: what" -> "[emerg] what"; the
 * form nginx writes on stderr, "nginx: [emerg] what", keeps its "[".
 */
static void
put_line(const char *what, const char *line)
{
	const char *lvl, *p;
	size_t pid;

	fprintf(stderr, "%s: %s; nginx says: ", progname, what);
	if ((lvl = strchr(line, '[')) == NULL ||
	    (p = strstr(lvl, "] ")) == NULL) {
		fprintf(stderr, "%s\n", line);
		return;
	}
	p += 2;
	pid = strspn(p, "0123456789#");
	if (pid > 0 && p[pid] == ':' && p[pid + 1] == ' ')
		fprintf(stderr, "%.*s%s\n", (int)(p - lvl), lvl, p + pid + 2);
	else
		fprintf(stderr, "%s\n", lvl);
}

/*
 * What failed, on one line with the last line of nginx's error log (or
 * of its stderr, where it writes before the log is open), shortened;
 * then, if there is more, up to LOG_LINES of them as they are: the log
 * goes with the temporary directory.
 */
void
nginx_show_log(const struct nginx *n, const char *what)
{
	char file[PATH_MAX], buf[4096], *start, *p, *last;
	size_t len;
	int cut, lines = 0;

	fflush(stdout);
	path(file, n, "error.log");
	cut = read_tail(file, buf, sizeof(buf));
	if (buf[strspn(buf, " \t\r\n")] == '\0') {
		path(file, n, "nginx.stderr");
		cut = read_tail(file, buf, sizeof(buf));
	}
	len = strlen(buf);
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r' ||
	    buf[len - 1] == ' '))
		buf[--len] = '\0';
	if (len == 0) {
		fprintf(stderr, "%s: %s; nginx's error log is empty\n",
		    progname, what);
		return;
	}
	for (p = buf + len; p > buf; p--)
		if (p[-1] == '\n' && ++lines == LOG_LINES)
			break;
	start = p;
	if (start == buf && cut && (p = strchr(buf, '\n')) != NULL)
		start = p + 1;
	if ((last = strrchr(start, '\n')) == NULL) {
		put_line(what, start);
		return;
	}
	put_line(what, last + 1);
	fprintf(stderr, "%s: the end of nginx's error log:\n", progname);
	for (p = strtok(start, "\n"); p != NULL; p = strtok(NULL, "\n"))
		fprintf(stderr, "  %s\n", p);
}

/* Stops it, shows why it failed, and exits 1. */
static noreturn void
fail(struct nginx *n, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static noreturn void
fail(struct nginx *n, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	nginx_stop(n);
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	nginx_show_log(n, what);
	exit(EXIT_FAIL);
}
static void
spawn(struct nginx *n)
{
	char prefix[PATH_MAX], conf[PATH_MAX], errlog[PATH_MAX];
	char errout[PATH_MAX], pidfile[PATH_MAX];
	char *argv[] = { (char *)n->bin, "-p", prefix, "-c", conf, "-e",
	    errlog, NULL };
	struct spawn_io io;
	int null, err;

	snprintf(prefix, sizeof(prefix), "%s/", n->dir);
	path(conf, n, "nginx.conf");
	path(errlog, n, "error.log");
	path(errout, n, "nginx.stderr");
	path(pidfile, n, "nginx.pid");
	/* Each try starts from a clean slate: old lines would mislead. */
	unlink(errlog);
	unlink(pidfile);
	if ((null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "/dev/null");
	if ((err = open(errout, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1)
		diesys(EXIT_FAIL, "%s", errout);
	io.fd[0] = null;
	io.fd[1] = null;
	io.fd[2] = err;
	n->pid = spawn_cmd(argv, &io);
	close(null);
	close(err);
	if (n->pid == -1)
		diesys(EXIT_FAIL, "cannot run %s", n->bin);
	cleanup_add_pid(n->pid);
	running = n;
}

enum start { STARTED, PORT_TAKEN };

static enum start
await_ready(struct nginx *n, int port)
{
	double deadline = wall_now() + START_SECONDS;
	int status;

	for (;;) {
		if (waitpid(n->pid, &status, WNOHANG) == n->pid) {
			cleanup_del_pid(n->pid);
			n->pid = -1;
			if (log_says(n, IN_USE))
				return PORT_TAKEN;
			if (WIFEXITED(status))
				fail(n, "nginx failed to start (exit status "
				    "%d)", WEXITSTATUS(status));
			fail(n, "nginx failed to start (killed by signal %d)",
			    WTERMSIG(status));
		}
		/* nginx retries bind() for 2.5 s: no need to wait for that. */
		if (log_says(n, IN_USE)) {
			nginx_stop(n);
			return PORT_TAKEN;
		}
		if (pidfile_is(n) && answers(n, port))
			return STARTED;
		if (wall_now() > deadline)
			fail(n, "nginx did not listen on %s:%d within %g s",
			    n->addr, port, START_SECONDS);
		nap();
		signal_check();
	}
}

void
nginx_start(struct nginx *n)
{
	int port, try;

	for (try = 1;; try++) {
		if ((port = (int)n->port) == 0)
			port = free_port(n);
		else if (port_in_use(n, port))
			break;
		write_config(n, port);
		spawn(n);
		if (await_ready(n, port) == STARTED) {
			n->bound = port;
			return;
		}
		if (n->port != 0)
			break;
		if (try == START_TRIES)
			die(EXIT_FAIL, "nginx found each of %d free ports taken "
			    "before it could listen on them", START_TRIES);
	}
	die(EXIT_FAIL, "port %d on %s is already in use; choose another "
	    "with -p, or leave -p out to have a free one chosen", port,
	    n->addr);
}

/*
 * Serves until a signal ends nginxbench (signal_check) or nginx exits on
 * its own, which is a failure.
 */
noreturn void
nginx_wait(struct nginx *n)
{
	pid_t r;
	int status;

	while ((r = waitpid(n->pid, &status, 0)) == -1 && errno == EINTR)
		signal_check();
	if (r == -1)
		diesys(EXIT_FAIL, "waiting for nginx");
	cleanup_del_pid(n->pid);
	n->pid = -1;
	/* It may have died of the SIGTERM our signal handler sent it. */
	signal_check();
	if (WIFEXITED(status))
		fail(n, "nginx exited while serving (exit status %d)",
		    WEXITSTATUS(status));
	fail(n, "nginx died while serving (signal %d)", WTERMSIG(status));
}

void
nginx_stop(struct nginx *n)
{
	double deadline;
	pid_t r;

	if (n == NULL || n->pid <= 0)
		return;
	kill(n->pid, SIGTERM);
	deadline = wall_now() + STOP_SECONDS;
	while ((r = waitpid(n->pid, NULL, WNOHANG)) == 0 ||
	    (r == -1 && errno == EINTR)) {
		if (wall_now() > deadline) {
			/* Kills the master only; see the top of this file. */
			kill(n->pid, SIGKILL);
			while (waitpid(n->pid, NULL, 0) == -1 && errno == EINTR)
				;
			break;
		}
		nap();
	}
	cleanup_del_pid(n->pid);
	n->pid = -1;
}

void
nginx_atexit(void)
{
	nginx_stop(running);
}

/* After every wait: on SIGINT/TERM/HUP, stop nginx, clean up, die of it. */
void
signal_check(void)
{
	if (!cleanup_caught())
		return;
	nginx_stop(running);
	cleanup_check();
}
