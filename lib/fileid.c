/*
 * fileid.c - a file's identity as stat(2) gives it: device, inode,
 * size, mode, and modification and change times to the nanosecond.
 * Writing a file changes its times, and replacing it (install, rename)
 * its inode, so an unchanged identity means unchanged content, except
 * for a change made within one tick of the clock that stamped the
 * times: whoever trusts an identity must not trust a fresh one (see
 * the newest time that file_id() returns).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>

#include "fileid.h"

/*
 * Writes path's identity into buf ("-" if there is no such file): of
 * the file a symlink names if follow, else of the link itself. Sets
 * *newest, if not NULL, to the later of its modification and change
 * times (0 if absent). Returns 0, or -1 with errno set if stat failed
 * for another reason than absence.
 */
int
file_id(const char *path, int follow, char *buf, size_t len, time_t *newest)
{
	struct stat st;

	if (newest != NULL)
		*newest = 0;
	if ((follow ? stat(path, &st) : lstat(path, &st)) == -1) {
		if (errno != ENOENT && errno != ENOTDIR)
			return -1;
		snprintf(buf, len, "-");
		return 0;
	}
	snprintf(buf, len, "%llx:%llx:%llx:%o:%lld.%09ld:%lld.%09ld",
	    (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
	    (unsigned long long)st.st_size, (unsigned)st.st_mode,
	    (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
	    (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec);
	if (newest != NULL)
		*newest = st.st_mtim.tv_sec > st.st_ctim.tv_sec ?
		    st.st_mtim.tv_sec : st.st_ctim.tv_sec;
	return 0;
}
