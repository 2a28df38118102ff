/*
 * resultsdir.c - the default results directory, results/YYYYmmdd-HHMMSS
 * (local time), and results/latest pointing at the newest: one rule for
 * vc-suite and vc-fleet, which `make plots` and the README rely on.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "resultsdir.h"
#include "xalloc.h"

/* results/STAMP (malloc'd), results made if need be; NULL with errno. */
char *
resultsdir_default(void)
{
	time_t now = time(NULL);
	char stamp[32];

	strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", localtime(&now));
	if (mkdir("results", 0755) == -1 && errno != EEXIST)
		return NULL;
	return xasprintf("results/%s", stamp);
}

/* results/latest -> dir's last part, if dir is under results/. */
void
resultsdir_link_latest(const char *dir)
{
	const char *slash = strrchr(dir, '/');
	char *parent, *link, *tmp;

	if (slash == NULL || strncmp(dir, "results/", 8) != 0)
		return;
	parent = xasprintf("%.*s", (int)(slash - dir), dir);
	link = xasprintf("%s/latest", parent);
	tmp = xasprintf("%s/.latest.tmp", parent);
	unlink(tmp);
	if (symlink(slash + 1, tmp) == 0 && rename(tmp, link) == -1)
		unlink(tmp);
	free(parent);
	free(link);
	free(tmp);
}
