/*
 * image-stamp.c - the stamp of a part: what it was made of, as stat
 * sees it. A part's name is a hash of its inputs' full content, which
 * takes reading every byte of them (90 MB for the rootfs) and asking the
 * dynamic loader for every program's libraries. The stamp lets a later
 * run that finds every input as it was (same identity, see fileid.c)
 * name the same part without reading anything: the file
 * CACHEDIR/TARGET.stamp, one per target, rewritten whole when the part
 * is made or found again.
 *
 * What decides which files go in, beyond the files themselves, is in
 * the stamp too: the environment variables vc-image and the loader read
 * (PATH and the directories on it, whose times change when a program
 * appears or goes), the loader's cache, and vc-image itself (its
 * version, the catalogue and the fixed files are compiled in).
 *
 * Format, one line each, a line's fields separated by one space:
 *
 *	vc-image stamp 1
 *	part PATH
 *	env NAME [VALUE]	(no value: unset)
 *	file F|L ID PATH	(F: stat, L: lstat; ID as file_id() writes)
 *	end
 *
 * A stamp without its last line, or naming a part outside the cache
 * directory or of another target, is not trusted.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "fileid.h"
#include "image-stamp.h"
#include "msg.h"
#include "xalloc.h"

#define STAMP_HEAD	"vc-image stamp 1"

/* What vc-image and the dynamic loader read from the environment. */
static const char *const envs[] = { "VIRTCOST_BUILDDIR", "PATH",
	"LD_LIBRARY_PATH", "LD_PRELOAD" };
/* What the loader reads besides the libraries. */
static const char *const loader_files[] = { "/etc/ld.so.cache",
	"/etc/ld.so.preload" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

struct stamp {
	char	*text;		/* the lines after "part" */
	size_t	 len, cap;
	int	 fresh;		/* an input changed too recently to trust */
};

/* A file changed after this (minus a second) is not trusted. */
static time_t started;

/* Called first thing: inputs that change during the run are fresh. */
void
stamp_begin(void)
{
	started = time(NULL);
}

static void
put(struct stamp *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
put(struct stamp *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(s->text + s->len, s->cap - s->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			diesys(EXIT_FAIL, "vsnprintf");
		if ((size_t)n < s->cap - s->len)
			break;
		s->cap = 2 * (s->len + (size_t)n + 1);
		s->text = xrealloc(s->text, s->cap, 1);
	}
	s->len += (size_t)n;
}

/* One "file" line; a path with a newline cannot be stamped. */
static void
put_file(struct stamp *s, const char *path, int follow)
{
	char id[FILEID_MAX];
	time_t newest;

	if (strchr(path, '\n') != NULL ||
	    file_id(path, follow, id, sizeof(id), &newest) == -1) {
		s->fresh = 1;
		return;
	}
	if (newest >= started - 1)
		s->fresh = 1;
	put(s, "file %s %s %s\n", follow ? "F" : "L", id, path);
}

/* The lines every part has: environment, loader, vc-image, PATH. */
static void
put_common(struct stamp *s)
{
	const char *v, *p, *colon;
	char *dir, self[PATH_MAX];
	ssize_t n;
	size_t i;

	for (i = 0; i < NELEM(envs); i++) {
		if ((v = getenv(envs[i])) != NULL && strchr(v, '\n') != NULL)
			s->fresh = 1;
		put(s, "env %s%s%s\n", envs[i], v != NULL ? " " : "",
		    v != NULL ? v : "");
	}
	for (i = 0; i < NELEM(loader_files); i++)
		put_file(s, loader_files[i], 1);
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) == -1) {
		s->fresh = 1;
		return;
	}
	self[n] = '\0';
	put_file(s, self, 1);
	if ((v = getenv("PATH")) == NULL)
		return;
	for (p = v;; p = colon + 1) {
		colon = strchr(p, ':');
		dir = colon != NULL ? xasprintf("%.*s", (int)(colon - p), p) :
		    xasprintf("%s", p);
		put_file(s, *dir != '\0' ? dir : ".", 1);
		free(dir);
		if (colon == NULL)
			break;
	}
}

/*
 * The inputs of img now, before its content is read: every host file
 * and symlink in it, and the paths in also (NULL-terminated) that
 * vc-image looked at, present or not.
 */
struct stamp *
stamp_take(const struct image *img, const char *const also[])
{
	struct stamp *s = xcalloc(1, sizeof(*s));
	const struct entry *e;
	char *path;
	size_t i;

	put_common(s);
	for (i = 0; also[i] != NULL; i++)
		put_file(s, also[i], 1);
	for (i = 0; i < img->n; i++) {
		e = &img->v[i];
		if (S_ISREG(e->mode) && e->src != NULL)
			put_file(s, e->src, 1);
		else if (S_ISLNK(e->mode)) {
			/* A library's link, at its own host path. */
			path = xasprintf("/%s", e->name);
			put_file(s, path, 0);
			free(path);
		}
	}
	return s;
}

static char *
stamp_path(const char *dir, const char *target)
{
	return xasprintf("%s/%s.stamp", dir, target);
}

/*
 * Once the part is in the cache: the stamp, written whole (a temporary
 * file renamed) unless an input was too fresh to trust, in which case
 * an older stamp goes, its inputs having changed. Frees s.
 */
void
stamp_save(struct stamp *s, const char *dir, const char *target,
    const char *part)
{
	char *file = stamp_path(dir, target), *tmp;
	FILE *fp;
	int fd, ok;

	if (s->fresh || strchr(part, '\n') != NULL) {
		unlink(file);
		goto out;
	}
	tmp = xasprintf("%s/.%s.stamp.XXXXXX", dir, target);
	if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1) {
		free(tmp);
		goto out;	/* no stamp: the next run reads the inputs */
	}
	cleanup_add_path(tmp);
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		free(tmp);
		goto out;
	}
	fprintf(fp, "%s\npart %s\n", STAMP_HEAD, part);
	fwrite(s->text, 1, s->len, fp);
	fputs("end\n", fp);
	ok = fflush(fp) == 0 && fchmod(fd, 0644) == 0;
	if (fclose(fp) != 0 || !ok || rename(tmp, file) == -1)
		unlink(tmp);
	free(tmp);
out:
	free(file);
	free(s->text);
	free(s);
}

/* Does one line of a stamp still hold? */
static int
line_holds(char *line, char **part)
{
	char id[FILEID_MAX], *name, *val, *path;
	const char *now;
	int follow;

	if (strncmp(line, "part ", 5) == 0) {
		*part = line + 5;
		return 1;
	}
	if (strncmp(line, "env ", 4) == 0) {
		name = line + 4;
		if ((val = strchr(name, ' ')) != NULL)
			*val++ = '\0';
		now = getenv(name);
		return val == NULL ? now == NULL :
		    now != NULL && strcmp(now, val) == 0;
	}
	if (strncmp(line, "file ", 5) != 0 || (line[5] != 'F' &&
	    line[5] != 'L') || line[6] != ' ')
		return 0;
	follow = line[5] == 'F';
	val = line + 7;
	if ((path = strchr(val, ' ')) == NULL)
		return 0;
	*path++ = '\0';
	return file_id(path, follow, id, sizeof(id), NULL) == 0 &&
	    strcmp(id, val) == 0;
}

/* Is part DIR/TARGET-...? */
static int
ours(const char *part, const char *dir, const char *target)
{
	size_t d = strlen(dir), t = strlen(target);

	return strncmp(part, dir, d) == 0 && part[d] == '/' &&
	    strncmp(part + d + 1, target, t) == 0 && part[d + 1 + t] == '-' &&
	    strchr(part + d + 1, '/') == NULL;
}

/*
 * The part named by target's stamp in dir, if the stamp exists, every
 * input is as it says, and the part is there; else NULL.
 */
char *
stamp_check(const char *dir, const char *target)
{
	char *file = stamp_path(dir, target), *line = NULL, *part = NULL;
	char *found = NULL;
	size_t cap = 0;
	ssize_t n;
	struct stat st;
	FILE *fp;
	int first = 1, end = 0;

	if ((fp = fopen(file, "re")) == NULL) {
		free(file);
		return NULL;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (end)
			goto out;
		if (!first && strcmp(line, "end") == 0) {
			end = 1;
			continue;
		}
		if (first ? strcmp(line, STAMP_HEAD) != 0 :
		    !line_holds(line, &part))
			goto out;
		if (part != NULL && found == NULL)
			found = xstrdup(part);
		first = 0;
	}
	if (!ferror(fp) && end && found != NULL && ours(found, dir, target) &&
	    stat(found, &st) == 0 && S_ISREG(st.st_mode)) {
		fclose(fp);
		free(line);
		free(file);
		return found;
	}
out:
	fclose(fp);
	free(line);
	free(file);
	free(found);
	return NULL;
}
