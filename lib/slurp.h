/* slurp.h - read a small file whole, as a string */
#ifndef VC_SLURP_H
#define VC_SLURP_H

#include <sys/types.h>

ssize_t	slurp(const char *, char *, size_t);

#endif
