/*
 * slurp.c - the first size - 1 bytes of a small file (one read, as from
 * /proc or a cache file of ours), NUL-terminated.
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "slurp.h"

/* Returns the length read, or -1 (errno set) with buf empty. */
ssize_t
slurp(const char *path, char *buf, size_t size)
{
	ssize_t n;
	int fd;

	buf[0] = '\0';
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}
