/* wrkreport.h - read the one-line report nginxbench's report.lua writes */
#ifndef NB_WRKREPORT_H
#define NB_WRKREPORT_H

#include <stddef.h>
#include <stdint.h>

/* The value of the "format" key; bumped when the keys change. */
#define WRKREPORT_FORMAT	"nginxbench-wrk-1"

/* What wrk's done(summary, latency, requests) saw; times in microseconds. */
struct wrkreport {
	uint64_t	duration_us;	/* summary.duration */
	uint64_t	requests;	/* summary.requests, completed */
	uint64_t	bytes;		/* summary.bytes, all bytes read */
	uint64_t	errors_connect;	/* summary.errors.* */
	uint64_t	errors_read;
	uint64_t	errors_write;
	uint64_t	errors_status;	/* responses with status >= 400 */
	uint64_t	errors_timeout;
	double		latency_mean_us;
	double		latency_p99_us;
};

const char	*wrkreport_parse(const char *, size_t, struct wrkreport *);

#endif
