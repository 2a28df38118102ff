/* fileid.h - a file as stat sees it, to tell cheaply whether it changed */
#ifndef VC_FILEID_H
#define VC_FILEID_H

#include <stddef.h>
#include <time.h>

/* Room for one identity: six numbers and their separators. */
#define FILEID_MAX	160

int	 file_id(const char *, int, char *, size_t, time_t *);

#endif
