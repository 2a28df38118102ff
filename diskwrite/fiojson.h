/* fiojson.h - read the write results of one fio job from its JSON output */
#ifndef VC_FIOJSON_H
#define VC_FIOJSON_H

#include <stddef.h>
#include <stdint.h>

struct fio_result {
	char		version[64];	/* "fio version", e.g. "fio-3.33" */
	int		error;		/* the job's errno; 0 if it succeeded */
	int64_t		total_ios;	/* writes completed */
	double		io_bytes;	/* bytes written */
	double		runtime_ms;	/* fio's measured write time */
	double		iops;
	double		bw_bytes;	/* bytes per second */
	double		clat_mean_ns;
	double		clat_p50_ns;
	double		clat_p99_ns;
	char		why[160];	/* what was wrong, when parsing failed */
};

const char	*fio_parse(const char *, size_t, struct fio_result *);

#endif
