/*
 * xalloc.c - the allocation wrappers the tools share. A tool that runs
 * out of memory can do nothing useful, so it says so and exits 1.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "xalloc.h"

void *
xmalloc(size_t n)
{
	void *p;

	if ((p = malloc(n == 0 ? 1 : n)) == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

/* n elements of size bytes, checked for overflow. */
void *
xrealloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		die(EXIT_FAIL, "out of memory");
	if ((p = realloc(p, n * size)) == NULL && n != 0 && size != 0)
		die(EXIT_FAIL, "out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	char *p;

	if ((p = strdup(s)) == NULL)
		die(EXIT_FAIL, "out of memory");
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (rc == -1)
		die(EXIT_FAIL, "out of memory");
	return s;
}
