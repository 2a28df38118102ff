/*
 * timing.c - the clocks every benchmark times itself with.
 *
 * Wall time is CLOCK_MONOTONIC: immune to NTP steps and settimeofday,
 * which matters in guests whose clock is adjusted while they run.
 */
#include "config.h"

#include <time.h>

#include "timing.h"

static double
clock_seconds(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) != 0)
		return 0.0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
wall_now(void)
{
	return clock_seconds(CLOCK_MONOTONIC);
}

double
cpu_now(void)
{
	return clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
}
