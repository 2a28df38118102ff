/* cachedir.h - where the image cache is, by the user's environment */
#ifndef VC_CACHEDIR_H
#define VC_CACHEDIR_H

char	*cache_dir_name(void);

#endif
