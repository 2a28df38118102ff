/* http.h - the URL nginxbench measures, and one HEAD request to check it */
#ifndef NB_HTTP_H
#define NB_HTTP_H

#include <stddef.h>
#include <stdint.h>

#define URL_MAX		2048

struct url {
	char	host[256];	/* name or address; IPv6 without brackets */
	char	port[6];
	char	authority[264];	/* host[:port] as written, for Host: */
	char	path[URL_MAX];	/* from the first '/', query included */
	char	text[URL_MAX + 300];	/* normalised http://authority/path */
};

enum probe_result {
	PROBE_OK,
	PROBE_UNREACHABLE,	/* no address could be connected to */
	PROBE_BAD,		/* connected, but no good answer */
	PROBE_INTERRUPTED	/* a signal came (cleanup_caught) */
};

const char		*url_parse(const char *, struct url *);
enum probe_result	 http_probe(const struct url *, double, uint64_t *,
			     char *, size_t);

#endif
