/*
 * http.c - check a URL before wrk is let loose on it.
 *
 * wrk reports an unreachable server as a count of connect errors at the
 * end of the run, and counts only statuses >= 400 as errors, so a 301 or
 * an empty 204 would be measured as if it were the file. One HEAD request
 * first gives a clear error for both, and the file's size (Content-Length)
 * that the seconds-per-file metric needs.
 */
#include "config.h"

#include <sys/socket.h>
#include <sys/types.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cleanup.h"
#include "http.h"
#include "parse.h"
#include "timing.h"

/* Enough for any status line and headers a file server sends to HEAD. */
#define HEAD_MAX	16384

static int
is_host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.';
}

/*
 * http://host[:port][/path]: host a name, an IPv4 address or [IPv6];
 * no user info, no fragment, no spaces or control characters (wrk would
 * send them as they are). Returns NULL or why the URL is refused.
 */
const char *
url_parse(const char *s, struct url *u)
{
	struct in6_addr a6;
	const char *p, *host, *end, *path;
	size_t hlen;
	int64_t port;

	memset(u, 0, sizeof(*u));
	if (strncasecmp(s, "https://", 8) == 0)
		return "https is not supported: plain http:// only";
	if (strncasecmp(s, "http://", 7) != 0)
		return "not an http:// URL";
	p = s + 7;
	for (end = p; *end != '\0' && *end != '/' && *end != '?'; end++)
		if (*end == '@')
			return "user information in URLs is not supported";
	path = end;
	if ((size_t)(end - p) >= sizeof(u->authority))
		return "host name too long";
	memcpy(u->authority, p, (size_t)(end - p));

	if (*p == '[') {
		host = p + 1;
		if ((end = memchr(host, ']', (size_t)(path - host))) == NULL)
			return "unterminated [IPv6 address]";
		hlen = (size_t)(end - host);
		if (hlen == 0 || hlen >= sizeof(u->host))
			return "bad [IPv6 address]";
		memcpy(u->host, host, hlen);
		if (inet_pton(AF_INET6, u->host, &a6) != 1)
			return "bad [IPv6 address]";
		end++;
	} else {
		host = p;
		for (end = p; end < path && *end != ':'; end++)
			if (!is_host_char(*end))
				return "bad character in host name";
		hlen = (size_t)(end - host);
		if (hlen == 0)
			return "missing host";
		if (hlen >= sizeof(u->host))
			return "host name too long";
		memcpy(u->host, host, hlen);
	}

	if (end == path) {
		strcpy(u->port, "80");
	} else if (*end == ':') {
		char num[8];

		if (path - end - 1 <= 0 || path - end - 1 >= (long)sizeof(num))
			return "bad port";
		memcpy(num, end + 1, (size_t)(path - end - 1));
		num[path - end - 1] = '\0';
		if (parse_int(num, 1, 65535, &port) != NULL)
			return "bad port (1 to 65535)";
		snprintf(u->port, sizeof(u->port), "%d", (int)port);
	} else {
		return "bad character after host";
	}

	if (strlen(path) + 2 > sizeof(u->path))
		return "path too long";
	for (p = path; *p != '\0'; p++) {
		if (*p == '#')
			return "fragments (#...) are not sent to servers";
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return "space, control or non-ASCII character in path "
			    "(percent-encode it)";
	}
	snprintf(u->path, sizeof(u->path), "%s%s", *path == '/' ? "" : "/",
	    path);
	snprintf(u->text, sizeof(u->text), "http://%s%s", u->authority,
	    u->path);
	return NULL;
}

/*
 * Waits for events on fd until the deadline; 0 when they came, -1 with
 * errno ETIMEDOUT, or EINTR once a cleanup signal is caught.
 */
static int
wait_fd(int fd, short events, double deadline)
{
	struct pollfd pfd;
	double left;
	int n;

	for (;;) {
		if (cleanup_caught()) {
			errno = EINTR;
			return -1;
		}
		if ((left = deadline - wall_now()) <= 0) {
			errno = ETIMEDOUT;
			return -1;
		}
		pfd.fd = fd;
		pfd.events = events;
		n = poll(&pfd, 1, (int)(left * 1000) + 1);
		if (n > 0)
			return 0;
		if (n == -1 && errno != EINTR)
			return -1;
	}
}

/*
 * Connects to the URL's host and port, trying each address it resolves
 * to, before the deadline. On failure, what went wrong is written to msg.
 */
static enum probe_result
connect_any(const struct url *u, double deadline, int *fdp, char *msg,
    size_t msglen)
{
	struct addrinfo hints, *res, *ai;
	socklen_t len;
	int fd, err = ECONNREFUSED, rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	if ((rc = getaddrinfo(u->host, u->port, &hints, &res)) != 0) {
		snprintf(msg, msglen, "cannot resolve host %s: %s", u->host,
		    rc == EAI_SYSTEM ? strerror(errno) : gai_strerror(rc));
		return PROBE_UNREACHABLE;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK |
		    SOCK_CLOEXEC, ai->ai_protocol);
		if (fd == -1) {
			err = errno;
			continue;
		}
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0 ||
		    (errno == EINPROGRESS &&
		    wait_fd(fd, POLLOUT, deadline) == 0)) {
			len = sizeof(err);
			if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err,
			    &len) == 0 && err == 0) {
				freeaddrinfo(res);
				*fdp = fd;
				return PROBE_OK;
			}
		} else {
			err = errno;
		}
		close(fd);
		if (err == EINTR) {
			freeaddrinfo(res);
			return PROBE_INTERRUPTED;
		}
	}
	freeaddrinfo(res);
	snprintf(msg, msglen, "cannot connect to %s port %s: %s", u->host,
	    u->port, err == ETIMEDOUT ? "no answer in time" : strerror(err));
	return PROBE_UNREACHABLE;
}

static int
send_all(int fd, const char *buf, size_t len, double deadline)
{
	ssize_t n;

	while (len > 0) {
		if (wait_fd(fd, POLLOUT, deadline) == -1)
			return -1;
		if ((n = send(fd, buf, len, MSG_NOSIGNAL)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Reads until the blank line that ends the headers, or EOF. */
static ssize_t
read_head(int fd, char *buf, size_t size, double deadline)
{
	size_t len = 0;
	ssize_t n;

	while (len < size - 1) {
		if (wait_fd(fd, POLLIN, deadline) == -1)
			return -1;
		if ((n = recv(fd, buf + len, size - 1 - len, 0)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		buf[len] = '\0';
		if (strstr(buf, "\r\n\r\n") != NULL)
			break;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

/* The value of header name in the head, or NULL; trims spaces. */
static char *
header(char *head, const char *name, char *val, size_t size)
{
	size_t nlen = strlen(name), vlen;
	char *line, *end;

	for (line = strstr(head, "\r\n"); line != NULL;
	    line = strstr(line, "\r\n")) {
		line += 2;
		if (strncasecmp(line, name, nlen) != 0 || line[nlen] != ':')
			continue;
		line += nlen + 1;
		while (*line == ' ' || *line == '\t')
			line++;
		if ((end = strstr(line, "\r\n")) == NULL)
			end = line + strlen(line);
		while (end > line && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		vlen = (size_t)(end - line);
		if (vlen >= size)
			vlen = size - 1;
		memcpy(val, line, vlen);
		val[vlen] = '\0';
		return val;
	}
	return NULL;
}

/*
 * Connects to the URL's server within timeout seconds, sends HEAD for its
 * path and wants a 2xx answer with a Content-Length, which goes to *size.
 * On failure, what went wrong is written to msg.
 */
enum probe_result
http_probe(const struct url *u, double timeout, uint64_t *size, char *msg,
    size_t msglen)
{
	char req[URL_MAX + 512], head[HEAD_MAX], val[64], *eol;
	double deadline = wall_now() + timeout;
	enum probe_result res;
	ssize_t n;
	int64_t clen;
	int fd, status;

	if ((res = connect_any(u, deadline, &fd, msg, msglen)) != PROBE_OK)
		return res;
	snprintf(req, sizeof(req), "HEAD %s HTTP/1.1\r\nHost: %s\r\n"
	    "User-Agent: nginxbench\r\nConnection: close\r\n\r\n",
	    u->path, u->authority);
	if (send_all(fd, req, strlen(req), deadline) == -1 ||
	    (n = read_head(fd, head, sizeof(head), deadline)) == -1) {
		close(fd);
		if (errno == EINTR)
			return PROBE_INTERRUPTED;
		if (errno == ETIMEDOUT)
			snprintf(msg, msglen, "%s: no answer to a HEAD request "
			    "within %g s", u->text, timeout);
		else
			snprintf(msg, msglen, "%s: HEAD request failed: %s",
			    u->text, strerror(errno));
		return PROBE_BAD;
	}
	close(fd);
	if ((eol = strstr(head, "\r\n")) == NULL) {
		snprintf(msg, msglen, "%s: %s answer to a HEAD request", u->text,
		    n == 0 ? "empty" : "incomplete or non-HTTP");
		return PROBE_BAD;
	}
	*eol = '\0';
	if (strlen(head) < 12 || strncmp(head, "HTTP/1.", 7) != 0 ||
	    head[8] != ' ' ||
	    sscanf(head + 9, "%3d", &status) != 1) {
		snprintf(msg, msglen, "%s: not an HTTP answer: %.60s", u->text,
		    head);
		return PROBE_BAD;
	}
	if (status < 200 || status > 299) {
		snprintf(msg, msglen, "%s: the server answered '%.60s', not "
		    "2xx", u->text, head);
		return PROBE_BAD;
	}
	*eol = '\r';
	if (header(head, "Content-Length", val, sizeof(val)) == NULL) {
		snprintf(msg, msglen, "%s: the answer has no Content-Length, "
		    "so the file's size is unknown", u->text);
		return PROBE_BAD;
	}
	if (parse_int(val, 0, INT64_MAX, &clen) != NULL) {
		snprintf(msg, msglen, "%s: bad Content-Length '%s'", u->text,
		    val);
		return PROBE_BAD;
	}
	if (clen == 0) {
		snprintf(msg, msglen, "%s: the file is empty", u->text);
		return PROBE_BAD;
	}
	*size = (uint64_t)clen;
	return PROBE_OK;
}
