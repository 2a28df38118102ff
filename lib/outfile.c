/*
 * outfile.c - outputs written into directories we do not own the
 * contents of (a results directory from someone else).
 *
 * Opening an existing name for writing follows a symbolic link planted
 * there, and overwrites whatever it points to. So an output is written
 * under a fresh name made with O_EXCL in the same directory, and then
 * renamed over the old name: rename(2) replaces a link, never its
 * target, and a reader sees either the old file or the whole new one,
 * never a half-written one.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outfile.h"

/* The mode a plain creat(path, 0666) would give. */
static mode_t
default_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* "DIR/.NAME.XXXXXX" for "DIR/NAME": hidden, and in the same directory. */
static char *
temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	char *t;

	if ((t = malloc(strlen(path) + 10)) == NULL)
		return NULL;
	memcpy(t, path, dirlen);
	t[dirlen] = '.';
	strcpy(t + dirlen + 1, path + dirlen);
	strcat(t, ".XXXXXX");
	return t;
}

/* 0, or -1 with errno set. */
int
outfile_open(struct outfile *o, const char *path)
{
	int fd, e;

	memset(o, 0, sizeof(*o));
	if ((o->tmp = temp_name(path)) == NULL ||
	    (o->path = strdup(path)) == NULL)
		goto fail;
	/* mkostemp: O_CREAT|O_EXCL, so no link is followed. */
	if ((fd = mkostemp(o->tmp, O_CLOEXEC)) == -1)
		goto fail;
	if (fchmod(fd, default_mode()) == -1 ||
	    (o->fp = fdopen(fd, "w")) == NULL) {
		e = errno;
		close(fd);
		unlink(o->tmp);
		errno = e;
		goto fail;
	}
	return 0;
fail:
	e = errno;
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
	errno = e;
	return -1;
}

/* Closes and puts the file in place: 0, or -1 with errno (then no file). */
int
outfile_commit(struct outfile *o)
{
	int failed, e = 0;

	failed = ferror(o->fp) != 0;
	if (fclose(o->fp) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	o->fp = NULL;
	if (!failed && rename(o->tmp, o->path) == -1) {
		failed = 1;
		e = errno;
	}
	if (failed)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	if (failed) {
		errno = e != 0 ? e : EIO;
		return -1;
	}
	return 0;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof(*o));
}

/*
 * For outputs another program writes (gnuplot): a fresh private
 * directory "DIR/.vc-XXXXXX" inside dir, for them to be made in and
 * then put in place one by one with outfile_place(). NULL with errno.
 */
char *
outfile_tmpdir(const char *dir)
{
	char *t;

	if ((t = malloc(strlen(dir) + 12)) == NULL)
		return NULL;
	strcpy(t, dir);
	strcat(t, "/.vc-XXXXXX");
	if (mkdtemp(t) == NULL) {
		free(t);
		return NULL;
	}
	return t;
}

/*
 * mkdir -p: path and its missing parents, with mode (less the umask).
 * Returns 0, or -1 with errno set: ENOTDIR when path, or a part of it,
 * is there but no directory.
 */
int
outfile_mkdirs(const char *path, mode_t mode)
{
	struct stat st;
	char *copy, *p, c;

	if ((copy = strdup(path)) == NULL)
		return -1;
	for (p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		c = *p;
		*p = '\0';
		if (mkdir(copy, mode) == -1 && errno != EEXIST) {
			free(copy);
			return -1;
		}
		if ((*p = c) == '\0')
			break;
	}
	free(copy);
	if (stat(path, &st) == -1)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}
