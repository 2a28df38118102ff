/*
 * unit-work.c - work.c's one check: whether a platform's runs did
 * native's work, and the phrase that says why not, with the real
 * catalogue's same-work metrics and params.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "msg.h"
#include "tap.h"
#include "report/work.h"

/* A forksum run: processes and refused forks. */
static void
forksum_run(struct work *w, double procs, double refused)
{
	work_metric(w, "sum", 2001000);
	work_metric(w, "seconds", 0.2);
	work_metric(w, "processes", procs);
	work_metric(w, "fork_failures", refused);
	work_params(w, "start=1 end=2000");
}

/* The kind and note of w against native, as "kind: note". */
static const char *
check(const struct work *w, const struct work *native)
{
	static char got[WORK_NOTE_MAX + 16];
	char note[WORK_NOTE_MAX];
	enum work_kind k;

	k = work_check(w, native, note, sizeof(note));
	snprintf(got, sizeof(got), "%d:%s", (int)k, note);
	return got;
}

static void
is(const char *got, const char *want, const char *name)
{
	TAP_OK(strcmp(got, want) == 0, "%s (got '%s')", name, got);
}

static void
forksum(void)
{
	struct work nat, a, b;

	work_init(&nat, "forksum");
	work_init(&a, "forksum");
	work_init(&b, "forksum");
	forksum_run(&nat, 3998, 0);
	forksum_run(&nat, 3998, 0);
	forksum_run(&a, 3998, 0);
	forksum_run(&a, 3998, 0);
	is(check(&a, &nat), "0:", "the same processes, none refused: same");
	forksum_run(&a, 2587, 1411);
	forksum_run(&a, 3000, 998);
	is(check(&a, &nat), "1:unequal work: 2409 forks refused",
	    "forks refused where native had none: their total over the runs");
	is(check(&nat, &nat), "0:", "native with its forks: nothing to say");

	/* Native refused forks too. */
	forksum_run(&nat, 3978, 20);
	is(check(&nat, &nat), "2:degraded: 20 forks refused",
	    "native's own refused forks: degraded");
	is(check(&a, &nat), "1:unequal work: processes 2587 vs 3998",
	    "both refused, not the same: a value of each that differ");
	forksum_run(&b, 3998, 0);
	is(check(&b, &nat), "1:unequal work: processes 3998 vs 3978",
	    "native's runs differ among themselves: one unlike the platform's");
	is(check(&b, NULL), "0:", "no native: a platform with its forks");
	is(check(&a, NULL), "2:degraded: 2409 forks refused",
	    "no native: a platform that refused forks is degraded");
	work_free(&nat);
	work_free(&a);
	work_free(&b);

	/* The same refusals in every run of both: the same work. */
	work_init(&nat, "forksum");
	work_init(&a, "forksum");
	forksum_run(&nat, 3978, 20);
	forksum_run(&a, 3978, 20);
	is(check(&a, &nat), "0:", "the same refusals in each run: same work");
	work_metric(&a, "processes", NAN);
	is(check(&a, &nat), "0:", "a missing value is no value");
	work_free(&nat);
	work_free(&a);
}

static void
others(void)
{
	struct work nat, a, one, two;
	char cut[64];

	work_init(&nat, "linpack");
	work_init(&a, "linpack");
	work_metric(&nat, "order", 200);
	work_metric(&a, "order", 100);
	work_metric(&a, "solves", 3);
	is(check(&a, &nat), "1:unequal work: order 100 vs 200",
	    "linpack: another order");
	work_free(&nat);
	work_free(&a);

	/* Another kernel is another algorithm; another SIMD, the same. */
	work_init(&nat, "linpack");
	work_init(&a, "linpack");
	work_metric(&nat, "order", 2000);
	work_metric(&a, "order", 2000);
	work_params(&nat, "n=2000 kernel=blocked simd=avx512 "
	    "generator=splitmix64");
	work_params(&a, "n=2000 kernel=blocked simd=avx2 generator=splitmix64");
	is(check(&a, &nat), "0:", "linpack: another SIMD kernel, same work");
	work_params(&a, "n=2000 kernel=classic generator=splitmix64");
	is(check(&a, &nat), "1:unequal work: kernel classic vs blocked",
	    "linpack: another kernel");
	work_free(&nat);
	work_free(&a);

	work_init(&nat, "diskwrite");
	work_init(&a, "diskwrite");
	work_params(&nat, "block_size=4096 iodepth=64 size=33554432 "
	    "runtime=3 directory=/tmp method=direct ioengine=libaio "
	    "fio_version=fio-3.33");
	work_params(&a, "block_size=4096 iodepth=64 size=33554432 runtime=10 "
	    "directory=/mnt method=direct fio_version=fio-3.35");
	work_metric(&a, "writes", 17);
	is(check(&a, &nat), "0:", "diskwrite: runtime, directory, version "
	    "and a param one side lacks do not count");
	work_params(&a, "block_size=1048576 iodepth=64");
	is(check(&a, &nat), "1:unequal work: block_size 1048576 vs 4096",
	    "diskwrite: another block size in one run");
	work_free(&nat);
	work_free(&a);

	/* A long value is cut between characters: é is 2 bytes at 23. */
	work_init(&nat, "nginxbench");
	work_init(&a, "nginxbench");
	work_params(&nat, "file_size=1 threads=1");
	memset(cut, 'x', 23);
	strcpy(cut + 23, "\xc3\xa9yyyyyyyyyyyyyyyy");
	work_params(&a, "threads=1");
	{
		char params[128];

		snprintf(params, sizeof(params), "file_size=%s url=u", cut);
		work_params(&a, params);
	}
	is(check(&a, &nat), "1:unequal work: file_size "
	    "xxxxxxxxxxxxxxxxxxxxxxx... vs 1",
	    "a long value cut, not in the middle of a character");
	work_free(&nat);
	work_free(&a);

	work_init(&a, "dhrystone");
	work_metric(&a, "processes", 1);
	work_init(&nat, "dhrystone");
	work_metric(&nat, "processes", 2);
	is(check(&a, &nat), "0:", "a benchmark not in the catalogue: no rule");
	work_free(&nat);
	work_free(&a);

	/* Two records merged: as if their runs had come one by one. */
	work_init(&nat, "forksum");
	work_init(&a, "forksum");
	work_init(&one, "forksum");
	work_init(&two, "forksum");
	forksum_run(&nat, 3998, 0);
	forksum_run(&one, 3998, 0);
	forksum_run(&two, 2000, 1998);
	work_merge(&a, &one);
	is(check(&a, &nat), "0:", "merged: one run of native's work");
	work_merge(&a, &two);
	is(check(&a, &nat), "1:unequal work: 1998 forks refused",
	    "merged: and one that refused forks");
	work_free(&nat);
	work_free(&a);
	work_free(&one);
	work_free(&two);
}

int
main(int argc, char *argv[])
{
	(void)argc;
	msg_init(argv[0]);
	forksum();
	others();
	return TAP_DONE();
}
