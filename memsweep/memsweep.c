/*
 * memsweep - the classic memory-access benchmark.
 *
 * Over an array of size bytes, for i in 0 .. reps*size-1:
 *
 *	a[(4097 * i) % size] = 1 + a[i % size]
 *
 * a write at a stride of 4097 bytes (a new page almost every time) and a
 * sequential read. As in the classic version the index arithmetic is
 * 32-bit; we make it unsigned so that it wraps modulo 2^32 as the
 * classic int did on common compilers, without undefined behaviour and
 * without the negative index it could produce. -w uses 64-bit arithmetic.
 *
 * The memory is not touched before timing unless -p asks: the page
 * faults of first touch are part of what virtualization costs.
 */
#include "config.h"

#include <sys/mman.h>

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "parse.h"
#include "record.h"
#include "timing.h"

struct options {
	uint64_t	size;		/* bytes */
	int64_t		reps;		/* loop runs reps*size iterations */
	int		prefault;	/* touch every page before timing */
	int		wide;		/* 64-bit index arithmetic */
	enum out_format	fmt;
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hpVw] [-o text|csv|json] [-r reps] "
	    "[-s size]\n", progname);
}

/* The sweeps return the iterations they did: two accesses each. */
static uint64_t
sweep32(unsigned char *a, uint32_t size, uint32_t iters)
{
	uint32_t i;

	for (i = 0; i < iters; i++)
		a[(4097u * i) % size] = (unsigned char)(1 + a[i % size]);
	return i;
}

static uint64_t
sweep64(unsigned char *a, uint64_t size, uint64_t iters)
{
	uint64_t i;

	for (i = 0; i < iters; i++)
		a[(4097u * i) % size] = (unsigned char)(1 + a[i % size]);
	return i;
}

/* One option from getopt; -h and -V end the program here. */
static void
set_option(struct options *o, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'h':
		usage(stdout);
		exit(close_stdout());
	case 'o':
		if ((why = parse_format(arg, &o->fmt)) != NULL)
			usage_error("-o %s: %s", arg, why);
		break;
	case 'p':
		o->prefault = 1;
		break;
	case 'r':
		if ((why = parse_int(arg, 1, 1000000, &o->reps)) != NULL)
			usage_error("-r %s: %s", arg, why);
		break;
	case 's':
		if ((why = parse_size(arg, 1, UINT64_C(1) << 40,
		    &o->size)) != NULL)
			usage_error("-s %s: %s", arg, why);
		break;
	case 'V':
		puts(PACKAGE_STRING);
		exit(close_stdout());
	case 'w':
		o->wide = 1;
		break;
	default:
		exit(EXIT_USAGE);
	}
}

static void
parse_options(int argc, char *argv[], struct options *o)
{
	int ch;

	*o = (struct options){
		.size = 32u << 20,
		.reps = 10,
		.prefault = 0,
		.wide = 0,
		.fmt = OUT_TEXT,
	};
	while ((ch = getopt(argc, argv, "ho:pr:s:Vw")) != -1)
		set_option(o, ch, optarg);
	argc -= optind;
	argv += optind;
	if (argc > 0)
		usage_error("extra operand '%s'", argv[0]);
}

/* The loop's iterations, size times reps, if its index can count them. */
static uint64_t
iterations(const struct options *o)
{
	uint64_t iters;

	if (__builtin_mul_overflow(o->size, (uint64_t)o->reps, &iters))
		usage_error("size times reps is too large");
	if (!o->wide && iters > UINT32_MAX)
		usage_error("size times reps exceeds 32-bit index arithmetic "
		    "(use -w)");
	return iters;
}

/* Fresh anonymous pages: zero-filled and not yet faulted in. */
static unsigned char *
map_array(const struct options *o)
{
	unsigned char *a;

	a = mmap(NULL, o->size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (a == MAP_FAILED)
		diesys(EXIT_FAIL, "cannot map %llu bytes",
		    (unsigned long long)o->size);
	if (o->prefault)
		memset(a, 0, o->size);
	return a;
}

/* done: the iterations the sweep did; sum: the array's checksum. */
static void
write_record(const struct options *o, struct record *rec, double secs,
    double cpu, uint64_t done, uint64_t sum)
{
	record_param(rec, "size", "%llu", (unsigned long long)o->size);
	record_param(rec, "reps", "%lld", (long long)o->reps);
	record_param(rec, "index_bits", "%d", o->wide ? 64 : 32);
	record_param(rec, "prefault", "%d", o->prefault);
	record_metric(rec, "seconds", "s", secs);
	record_metric(rec, "cpu_seconds", "s", cpu);
	record_metric(rec, "accesses_per_second", "1/s",
	    secs > 0 ? 2.0 * (double)done / secs : 0.0);
	record_metric_int(rec, "checksum", "", (int64_t)sum);
	record_metric_int(rec, "accesses", "count", (int64_t)(2 * done));
	record_write(rec, stdout, o->fmt);
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct record rec;
	unsigned char *a;
	uint64_t iters, done, sum, i;
	double c0, t0, secs, cpu;

	msg_init(argv[0]);
	parse_options(argc, argv, &o);
	iters = iterations(&o);
	a = map_array(&o);

	record_init(&rec, "memsweep");
	t0 = wall_now();
	c0 = cpu_now();
	if (o.wide)
		done = sweep64(a, o.size, iters);
	else
		done = sweep32(a, (uint32_t)o.size, (uint32_t)iters);
	cpu = cpu_now() - c0;
	secs = wall_now() - t0;

	/* The checksum makes the work observable, so it cannot be elided. */
	for (sum = 0, i = 0; i < o.size; i++)
		sum += a[i];
	munmap(a, o.size);
	write_record(&o, &rec, secs, cpu, done, sum);
	return close_stdout();
}
