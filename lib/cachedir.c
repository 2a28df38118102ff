/*
 * cachedir.c - the cache directory's name: $VIRTCOST_CACHE, else
 * $XDG_CACHE_HOME/virtcost, else $HOME/.cache/virtcost. vc-image makes
 * it and writes there; the runners read what vc-image wrote.
 */
#include "config.h"

#include <stdlib.h>

#include "cachedir.h"
#include "xalloc.h"

/* The name (malloc'd, not made, perhaps relative), or NULL if none. */
char *
cache_dir_name(void)
{
	const char *env;

	if ((env = getenv("VIRTCOST_CACHE")) != NULL && *env != '\0')
		return xasprintf("%s", env);
	if ((env = getenv("XDG_CACHE_HOME")) != NULL && *env == '/')
		return xasprintf("%s/virtcost", env);
	if ((env = getenv("HOME")) != NULL && *env != '\0')
		return xasprintf("%s/.cache/virtcost", env);
	return NULL;
}
