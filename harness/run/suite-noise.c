/*
 * suite-noise.c - did the machine look quiet while vc-suite measured?
 *
 * Three signs, each read from the kernel, none of them our own work:
 *  - steal: CPU time the hypervisor gave to other guests, over the whole
 *    run (/proc/stat), as a share of all CPU time;
 *  - other load: the machine's busy share of all CPUs during a short
 *    pause before the first measurement and after the last, while
 *    vc-suite and its runners do nothing;
 *  - frequency: the CPUs' mean clock (cpufreq, else /proc/cpuinfo),
 *    sampled after every measurement; a spread means it changed.
 * The load averages at the start and the end are recorded as well, for
 * the reader: they include the suite's own work, so they decide nothing.
 * The verdict and its reasons go into the session's entry in meta.json's
 * "sessions" (a resumed run keeps the earlier ones).
 */
#include "config.h"

#include <dirent.h>
#include <json.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "msg.h"
#include "suite.h"
#include "timing.h"

#define QUIET_SECS	0.5	/* each pause that samples the other load */
#define STEAL_NOISY	2.0	/* percent of all CPU time */
#define OTHERS_NOISY	10.0	/* percent of all CPUs, during a pause */
#define MHZ_NOISY	5.0	/* percent between the lowest and highest */

/* The "cpu" line of /proc/stat; 0 if it cannot be read. */
static int
read_stat(struct cpu_times *t)
{
	unsigned long long v[8] = { 0 };
	FILE *fp;
	int n;

	memset(t, 0, sizeof(*t));
	if ((fp = fopen("/proc/stat", "re")) == NULL)
		return 0;
	n = fscanf(fp, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0],
	    &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
	fclose(fp);
	if (n < 4)
		return 0;
	/* user nice system idle iowait irq softirq steal */
	t->busy = v[0] + v[1] + v[2] + v[5] + v[6];
	t->steal = v[7];
	t->total = t->busy + v[3] + v[4] + t->steal;
	return 1;
}

/* The 1, 5 and 15 minute load averages into l; NAN if unknown. */
static void
read_load(double l[3])
{
	FILE *fp;

	l[0] = l[1] = l[2] = NAN;
	if ((fp = fopen("/proc/loadavg", "re")) == NULL)
		return;
	if (fscanf(fp, "%lf %lf %lf", &l[0], &l[1], &l[2]) != 3)
		l[0] = l[1] = l[2] = NAN;
	fclose(fp);
}

/* The mean of cpufreq's current clocks in MHz, or NAN if there is none. */
static double
cpufreq_mhz(void)
{
	char path[320];
	struct dirent *e;
	double sum = 0, khz;
	int n = 0;
	DIR *d;
	FILE *fp;

	if ((d = opendir("/sys/devices/system/cpu")) == NULL)
		return NAN;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "cpu", 3) != 0 ||
		    strspn(e->d_name + 3, "0123456789") == 0)
			continue;
		snprintf(path, sizeof(path), "/sys/devices/system/cpu/%s/"
		    "cpufreq/scaling_cur_freq", e->d_name);
		if ((fp = fopen(path, "re")) == NULL)
			continue;
		if (fscanf(fp, "%lf", &khz) == 1) {
			sum += khz / 1000;
			n++;
		}
		fclose(fp);
	}
	closedir(d);
	return n > 0 ? sum / n : NAN;
}

/* The CPUs' mean clock in MHz: cpufreq's, else /proc/cpuinfo's. */
static double
read_mhz(void)
{
	char line[256];
	double sum = 0, mhz = cpufreq_mhz();
	int n = 0;
	FILE *fp;

	if (!isnan(mhz) || (fp = fopen("/proc/cpuinfo", "re")) == NULL)
		return mhz;
	while (fgets(line, sizeof(line), fp) != NULL)
		if (sscanf(line, "cpu MHz : %lf", &mhz) == 1) {
			sum += mhz;
			n++;
		}
	fclose(fp);
	return n > 0 ? sum / n : NAN;
}

/* The busy share of all CPUs, in percent, over a pause of ours. */
static double
quiet_busy(void)
{
	struct cpu_times a, b;
	struct timespec ts = { 0, (long)(QUIET_SECS * 1e9) };

	if (!read_stat(&a))
		return NAN;
	while (nanosleep(&ts, &ts) == -1)
		;
	if (!read_stat(&b) || b.total <= a.total)
		return NAN;
	return 100.0 * (double)(b.busy - a.busy) / (double)(b.total - a.total);
}

void
noise_begin(struct noise *n)
{
	memset(n, 0, sizeof(*n));
	n->t0 = wall_now();
	n->started = time(NULL);
	n->mhz_min = INFINITY;
	n->mhz_max = -INFINITY;
	n->others_before = quiet_busy();
	read_load(n->load_start);
	n->have_stat = read_stat(&n->stat0);
	noise_sample(n);
}

void
noise_sample(struct noise *n)
{
	double mhz = read_mhz();

	if (isnan(mhz))
		return;
	n->samples++;
	if (mhz < n->mhz_min)
		n->mhz_min = mhz;
	if (mhz > n->mhz_max)
		n->mhz_max = mhz;
}

/* v rounded to digits decimals as o's key; null if it is not finite. */
void
put_rounded(struct json_object *o, const char *key, double v, int digits)
{
	double scale = pow(10, digits);

	json_object_object_add(o, key, isnan(v) || isinf(v) ? NULL :
	    json_object_new_double(round(v * scale) / scale));
}

static void
put_load(struct json_object *o, const char *key, const double l[3])
{
	struct json_object *a = json_object_new_array();
	int i;

	for (i = 0; i < 3; i++)
		json_object_array_add(a, isnan(l[i]) ? NULL :
		    json_object_new_double(l[i]));
	json_object_object_add(o, key, a);
}

/* One reason, fmt with its arguments, added to the array why. */
static void __attribute__((format(printf, 2, 3)))
reason(struct json_object *why, const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	json_object_array_add(why, json_object_new_string(buf));
}

struct json_object *
noise_end(struct noise *n)
{
	struct json_object *o = json_object_new_object(), *why;
	struct cpu_times s1;
	double steal = NAN, after, load[3], spread = NAN;
	char when[32];

	noise_sample(n);
	read_load(load);
	if (n->have_stat && read_stat(&s1) && s1.total > n->stat0.total)
		steal = 100.0 * (double)(s1.steal - n->stat0.steal) /
		    (double)(s1.total - n->stat0.total);
	after = quiet_busy();
	if (n->samples > 0 && n->mhz_min > 0)
		spread = 100.0 * (n->mhz_max - n->mhz_min) / n->mhz_min;

	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ",
	    gmtime(&n->started));
	json_object_object_add(o, "started", json_object_new_string(when));
	put_rounded(o, "seconds", wall_now() - n->t0, 1);
	put_rounded(o, "steal_percent", steal, 2);
	put_rounded(o, "others_before_percent", n->others_before, 1);
	put_rounded(o, "others_after_percent", after, 1);
	put_rounded(o, "mhz_min", n->samples ? n->mhz_min : NAN, 0);
	put_rounded(o, "mhz_max", n->samples ? n->mhz_max : NAN, 0);
	json_object_object_add(o, "mhz_samples",
	    json_object_new_int64(n->samples));
	put_load(o, "load_start", n->load_start);
	put_load(o, "load_end", load);

	why = json_object_new_array();
	if (steal >= STEAL_NOISY)
		reason(why, "steal %.1f%% of CPU time", steal);
	if (n->others_before >= OTHERS_NOISY)
		reason(why, "other programs used %.0f%% of the CPUs before "
		    "the run", n->others_before);
	if (after >= OTHERS_NOISY)
		reason(why, "other programs used %.0f%% of the CPUs after "
		    "the run", after);
	if (spread >= MHZ_NOISY)
		reason(why, "CPU clock changed by %.0f%%", spread);
	json_object_object_add(o, "noisy",
	    json_object_new_boolean(json_object_array_length(why) > 0));
	json_object_object_add(o, "why", why);
	return o;
}

/* One line on stderr if the session's entry says it looked noisy. */
void
noise_warn(struct json_object *session)
{
	struct json_object *v, *why;
	size_t i, n;

	if (!json_object_object_get_ex(session, "noisy", &v) ||
	    !json_object_get_boolean(v) ||
	    !json_object_object_get_ex(session, "why", &why))
		return;
	fprintf(stderr, "%s: the machine looked noisy: ", progname);
	n = json_object_array_length(why);
	for (i = 0; i < n; i++)
		fprintf(stderr, "%s%s", i ? "; " : "",
		    json_object_get_string(json_object_array_get_idx(why, i)));
	fputs(" (the numbers may vary more than they should)\n", stderr);
}
