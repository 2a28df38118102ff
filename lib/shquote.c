/*
 * shquote.c - the one quoting of data for a shell. Our tools run no
 * shell, but ssh(1) gives its command to the remote user's shell as one
 * string: every word that reaches it goes through sh_quote(), so that
 * it stays one word and nothing in it is code.
 */
#include "config.h"

#include <string.h>

#include "shquote.h"
#include "xalloc.h"

/*
 * s in single quotes, each ' in it as '\'' (malloc'd): POSIX sh takes
 * everything between single quotes literally, newlines included.
 */
char *
sh_quote(const char *s)
{
	size_t n = 2, i;
	char *q, *p;

	for (i = 0; s[i] != '\0'; i++)
		n += s[i] == '\'' ? 4 : 1;
	p = q = xmalloc(n + 1);
	*p++ = '\'';
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '\'') {
			memcpy(p, "'\\''", 4);
			p += 4;
		} else
			*p++ = s[i];
	}
	*p++ = '\'';
	*p = '\0';
	return q;
}
