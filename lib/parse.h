/* parse.h - the one strict parser for numbers given by users */
#ifndef VC_PARSE_H
#define VC_PARSE_H

#include <stdint.h>

/*
 * Each returns NULL on success, or a short reason ("not a number",
 * "out of range", ...) for the caller's one-line error message.
 */
const char	*parse_int(const char *, int64_t, int64_t, int64_t *);
const char	*parse_size(const char *, uint64_t, uint64_t, uint64_t *);
const char	*parse_decimal(const char *, double, double, double *);
const char	*parse_time(const char *, double, double, double *);

#endif
