/* xalloc.h - allocation that cannot fail: out of memory ends the program */
#ifndef VC_XALLOC_H
#define VC_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
