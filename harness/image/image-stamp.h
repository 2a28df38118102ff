/* image-stamp.h - a part's inputs as stat sees them, to skip rereading */
#ifndef VC_IMAGE_STAMP_H
#define VC_IMAGE_STAMP_H

#include "image-archive.h"

struct stamp;

void	 stamp_begin(void);
char	*stamp_check(const char *, const char *);
struct stamp *
	 stamp_take(const struct image *, const char *const []);
void	 stamp_save(struct stamp *, const char *, const char *,
	    const char *);

#endif
