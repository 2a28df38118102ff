/*
 * image-archive.c - the files of one image part: collected from the host
 * with the symlinks on their way, put in a canonical order, hashed for
 * the cache key, and written with libarchive.
 *
 * The archive must unpack the same way in the guest kernel (which knows
 * no symlink resolution order) and in tar: so no entry ever lies below
 * a symlink of the image, every directory is listed before what it
 * holds, and times and owners are fixed so that equal inputs give equal
 * archives.
 */
#include "config.h"

#include <sys/stat.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "image-archive.h"
#include "msg.h"
#include "xalloc.h"

#define MAXLINKS	40	/* like the kernel's limit on nested symlinks */
#define CHUNK		(64 * 1024)

void
image_init(struct image *img)
{
	img->v = NULL;
	img->n = img->cap = 0;
}

static void
entry_free(struct entry *e)
{
	free(e->name);
	free(e->src);
	free(e->data);
	free(e->link);
}

void
image_free(struct image *img)
{
	size_t i;

	for (i = 0; i < img->n; i++)
		entry_free(&img->v[i]);
	free(img->v);
	image_init(img);
}

/* Appends an entry named name (leading slashes dropped); returns it. */
static struct entry *
add(struct image *img, const char *name, mode_t mode)
{
	struct entry *e;

	while (*name == '/')
		name++;
	if (*name == '\0')
		die(EXIT_FAIL, "internal error: empty name in image");
	if (img->n == img->cap) {
		img->cap = img->cap == 0 ? 64 : img->cap * 2;
		if ((img->v = reallocarray(img->v, img->cap,
		    sizeof(*img->v))) == NULL)
			diesys(EXIT_FAIL, "malloc");
	}
	e = &img->v[img->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	e->mode = mode;
	return e;
}

void
image_dir(struct image *img, const char *name, mode_t perm)
{
	add(img, name, S_IFDIR | (perm & 07777));
}

/* A regular file whose content is read from the host file src. */
void
image_file(struct image *img, const char *name, const char *src, mode_t perm)
{
	add(img, name, S_IFREG | (perm & 0777))->src = xstrdup(src);
}

void
image_data(struct image *img, const char *name, const void *data,
    size_t size, mode_t perm)
{
	struct entry *e;

	e = add(img, name, S_IFREG | (perm & 0777));
	e->data = xmalloc(size);
	memcpy(e->data, data, size);
	e->size = size;
}

void
image_symlink(struct image *img, const char *name, const char *target)
{
	add(img, name, S_IFLNK | 0777)->link = xstrdup(target);
}

void
image_node(struct image *img, const char *name, mode_t mode, dev_t rdev)
{
	add(img, name, mode)->rdev = rdev;
}

/*
 * Copies the host file at path into the image at the same path, with
 * every symlink met on the way to it ("lib" -> "usr/lib" on a merged-usr
 * system, "/lib64/ld-linux-x86-64.so.2" -> ...), so that the path works
 * in the guest exactly as on the host. Returns the file's real host path
 * (malloc'd), or NULL with errno set.
 */
char *
image_host(struct image *img, const char *path)
{
	char resolved[PATH_MAX], cand[PATH_MAX], target[PATH_MAX];
	char *rest, *p, *slash, *next;
	struct stat st;
	size_t len;
	ssize_t tlen;
	int links = 0;

	resolved[0] = '\0';
	rest = xstrdup(path);
	p = rest;
	for (;;) {
		while (*p == '/')
			p++;
		if (*p == '\0') {
			free(rest);
			errno = EISDIR;
			return NULL;
		}
		len = (slash = strchr(p, '/')) != NULL ?
		    (size_t)(slash - p) : strlen(p);
		next = p + len;
		if (len == 1 && p[0] == '.') {
			p = next;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if ((slash = strrchr(resolved, '/')) != NULL)
				*slash = '\0';
			p = next;
			continue;
		}
		if ((size_t)snprintf(cand, sizeof(cand), "%s/%.*s", resolved,
		    (int)len, p) >= sizeof(cand)) {
			free(rest);
			errno = ENAMETOOLONG;
			return NULL;
		}
		if (lstat(cand, &st) == -1)
			goto fail;
		if (S_ISLNK(st.st_mode)) {
			if (++links > MAXLINKS) {
				errno = ELOOP;
				goto fail;
			}
			if ((tlen = readlink(cand, target,
			    sizeof(target) - 1)) == -1)
				goto fail;
			target[tlen] = '\0';
			image_symlink(img, cand, target);
			if (target[0] == '/')
				resolved[0] = '\0';
			/* Go on with the target, then what followed. */
			if (asprintf(&p, "%s%s", target, next) == -1)
				diesys(EXIT_FAIL, "malloc");
			free(rest);
			rest = p;
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			memcpy(resolved, cand, strlen(cand) + 1);
			p = next;
			continue;
		}
		while (*next == '/')
			next++;
		if (*next != '\0') {
			errno = ENOTDIR;
			goto fail;
		}
		if (!S_ISREG(st.st_mode)) {
			errno = EINVAL;	/* a device or socket: not a program */
			goto fail;
		}
		image_file(img, cand, cand, st.st_mode);
		free(rest);
		return xstrdup(cand);
	}
fail:
	free(rest);
	return NULL;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name,
	    ((const struct entry *)b)->name);
}

static struct entry *
find(const struct image *img, size_t n, const char *name)
{
	struct entry key;

	key.name = (char *)name;
	return bsearch(&key, img->v, n, sizeof(*img->v), by_name);
}

/* Linear: the image is not sorted yet while names are being rewritten. */
static const struct entry *
find_link(const struct image *img, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < img->n; i++)
		if (S_ISLNK(img->v[i].mode) &&
		    strncmp(img->v[i].name, name, len) == 0 &&
		    img->v[i].name[len] == '\0')
			return &img->v[i];
	return NULL;
}

/*
 * Removes "." and ".." components and duplicate slashes from a relative
 * name, in place; ".." at the top stays at the top, as in a chroot.
 */
static void
normalize(char *name)
{
	char *out = name, *p = name, *q;
	size_t len;

	while (*p != '\0') {
		while (*p == '/')
			p++;
		if (*p == '\0')
			break;
		len = (q = strchr(p, '/')) != NULL ? (size_t)(q - p) :
		    strlen(p);
		if (len == 1 && p[0] == '.') {
			p += len;
			continue;
		}
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (out > name && *--out != '/')
				;
			p += len;
			continue;
		}
		if (out > name)
			*out++ = '/';
		memmove(out, p, len);
		out += len;
		p += len;
	}
	*out = '\0';
}

/* The name that rest (empty or starting with '/') has below symlink l. */
static char *
follow(const struct entry *l, const char *rest)
{
	const char *base;
	char *name;
	int dirlen = 0;

	/* A relative target is taken from the directory holding the link. */
	if (l->link[0] != '/' && (base = strrchr(l->name, '/')) != NULL)
		dirlen = (int)(base - l->name) + 1;
	if (asprintf(&name, "%.*s%s%s", dirlen, l->name, l->link, rest) == -1)
		diesys(EXIT_FAIL, "malloc");
	normalize(name);
	return name;
}

/*
 * A placed file ("lib/modules/virtio.ko") may lie below a symlink that
 * a host library brought in ("lib" -> "usr/lib"): store it at the real
 * place, where the symlink leads, so that unpacking never has to write
 * through a symlink.
 */
static void
rewrite_below_links(struct image *img)
{
	const struct entry *l;
	struct entry *e;
	char *name, *slash;
	size_t i;
	int n;

	for (i = 0; i < img->n; i++) {
		e = &img->v[i];
		for (n = 0;; n++) {
			l = NULL;
			for (slash = strchr(e->name, '/'); slash != NULL;
			    slash = strchr(slash + 1, '/'))
				if ((l = find_link(img, e->name,
				    (size_t)(slash - e->name))) != NULL)
					break;
			if (l == NULL)
				break;
			if (n == MAXLINKS)
				die(EXIT_FAIL, "image: too many symlinks "
				    "above /%s", e->name);
			name = follow(l, slash);
			free(e->name);
			e->name = name;
		}
	}
}

static int
same_entry(const struct entry *a, const struct entry *b)
{
	if (a->mode != b->mode)
		return 0;
	if (S_ISLNK(a->mode))
		return strcmp(a->link, b->link) == 0;
	if (S_ISCHR(a->mode) || S_ISBLK(a->mode))
		return a->rdev == b->rdev;
	if (!S_ISREG(a->mode))
		return 1;
	if (a->src != NULL || b->src != NULL)
		return a->src != NULL && b->src != NULL &&
		    strcmp(a->src, b->src) == 0;
	return a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* Sorts by name and drops repeated entries; two different ones clash. */
static void
sort_unique(struct image *img)
{
	size_t i, j;

	qsort(img->v, img->n, sizeof(*img->v), by_name);
	for (i = j = 0; i < img->n; i++) {
		if (j > 0 && strcmp(img->v[j - 1].name, img->v[i].name) == 0) {
			if (!same_entry(&img->v[j - 1], &img->v[i]))
				die(EXIT_FAIL, "image: two different files "
				    "for /%s", img->v[i].name);
			entry_free(&img->v[i]);
			continue;
		}
		img->v[j++] = img->v[i];
	}
	img->n = j;
}

/*
 * Puts the image in its final form: names below image symlinks moved to
 * where the links lead, parent directories added (mode 0755), entries
 * sorted by name, which lists every directory before its contents.
 */
void
image_finish(struct image *img)
{
	const struct entry *d;
	size_t i, n;
	char *parent, *slash;

	rewrite_below_links(img);
	sort_unique(img);
	n = img->n;
	for (i = 0; i < n; i++) {
		parent = xstrdup(img->v[i].name);
		for (slash = strchr(parent, '/'); slash != NULL;
		    slash = strchr(slash + 1, '/')) {
			*slash = '\0';
			d = find(img, n, parent);
			if (d == NULL)
				image_dir(img, parent, 0755);
			else if (!S_ISDIR(d->mode))
				die(EXIT_FAIL, "image: /%s is not a directory "
				    "but /%s is in it", parent,
				    img->v[i].name);
			*slash = '/';
		}
		free(parent);
	}
	sort_unique(img);
}

/* 64-bit FNV-1a: simple, and plenty to tell cache entries apart. */
#define FNV_OFFSET	0xcbf29ce484222325ULL
#define FNV_PRIME	0x100000001b3ULL

static uint64_t
fnv(uint64_t h, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len-- > 0) {
		h ^= *p++;
		h *= FNV_PRIME;
	}
	return h;
}

static ssize_t
read_some(int fd, void *buf, size_t len, const char *path)
{
	ssize_t n;

	while ((n = read(fd, buf, len)) == -1) {
		if (errno != EINTR)
			diesys(EXIT_FAIL, "read %s", path);
		cleanup_check();
	}
	return n;
}

static int
open_src(const struct entry *e, struct stat *st)
{
	int fd;

	if ((fd = open(e->src, O_RDONLY | O_CLOEXEC)) == -1)
		diesys(EXIT_FAIL, "open %s", e->src);
	if (fstat(fd, st) == -1)
		diesys(EXIT_FAIL, "stat %s", e->src);
	if (!S_ISREG(st->st_mode))
		die(EXIT_FAIL, "%s: not a regular file", e->src);
	return fd;
}

/*
 * The cache key: a hash of tag (format version and part name) and of
 * every entry's name, type, mode, device and full content. Content is
 * delimited by its length, so no two different images hash the same
 * input bytes.
 */
uint64_t
image_hash(const struct image *img, const char *tag)
{
	const struct entry *e;
	unsigned char *buf;
	char meta[64];
	uint64_t h, len;
	struct stat st;
	ssize_t n;
	size_t i;
	int fd;

	buf = xmalloc(CHUNK);
	h = fnv(FNV_OFFSET, tag, strlen(tag) + 1);
	for (i = 0; i < img->n; i++) {
		e = &img->v[i];
		h = fnv(h, e->name, strlen(e->name) + 1);
		snprintf(meta, sizeof(meta), "%o:%llx:", (unsigned)e->mode,
		    (unsigned long long)e->rdev);
		h = fnv(h, meta, strlen(meta));
		len = 0;
		if (S_ISLNK(e->mode)) {
			len = strlen(e->link);
			h = fnv(h, e->link, len);
		} else if (S_ISREG(e->mode) && e->src == NULL) {
			len = e->size;
			h = fnv(h, e->data, e->size);
		} else if (S_ISREG(e->mode)) {
			fd = open_src(e, &st);
			while ((n = read_some(fd, buf, CHUNK, e->src)) > 0) {
				h = fnv(h, buf, (size_t)n);
				len += (uint64_t)n;
			}
			close(fd);
		}
		snprintf(meta, sizeof(meta), ":%llu", (unsigned long long)len);
		h = fnv(h, meta, strlen(meta) + 1);
		cleanup_check();
	}
	free(buf);
	return h;
}

struct sink {
	int	fd;
	off_t	bytes;
};

static la_ssize_t
sink_write(struct archive *a, void *cookie, const void *buf, size_t len)
{
	struct sink *s = cookie;
	const char *p = buf;
	ssize_t n;
	size_t left = len;

	while (left > 0) {
		if ((n = write(s->fd, p, left)) == -1) {
			if (errno == EINTR) {
				cleanup_check();
				continue;
			}
			archive_set_error(a, errno, "write");
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	s->bytes += (off_t)len;
	return (la_ssize_t)len;
}

static void
check(struct archive *a, int rc, const char *what)
{
	if (rc < ARCHIVE_WARN)
		die(EXIT_FAIL, "writing the archive: %s: %s", what,
		    archive_error_string(a));
}

static void
write_entry(struct archive *a, struct archive_entry *ae,
    const struct entry *e, unsigned char *buf)
{
	struct stat st;
	la_ssize_t w;
	ssize_t n;
	off_t done = 0;
	int fd = -1;

	if (S_ISREG(e->mode) && e->src != NULL) {
		fd = open_src(e, &st);
		archive_entry_set_size(ae, st.st_size);
	} else if (S_ISREG(e->mode))
		archive_entry_set_size(ae, (la_int64_t)e->size);
	else
		archive_entry_set_size(ae, 0);
	check(a, archive_write_header(a, ae), e->name);
	if (S_ISREG(e->mode) && e->src == NULL && e->size > 0) {
		if ((w = archive_write_data(a, e->data, e->size)) < 0 ||
		    (size_t)w != e->size)
			check(a, ARCHIVE_FATAL, e->name);
	}
	if (fd == -1)
		return;
	while ((n = read_some(fd, buf, CHUNK, e->src)) > 0) {
		if (done + n > st.st_size)
			break;
		if ((w = archive_write_data(a, buf, (size_t)n)) != n)
			check(a, ARCHIVE_FATAL, e->name);
		done += n;
		cleanup_check();
	}
	if (done != st.st_size || n > 0)
		die(EXIT_FAIL, "%s changed while it was being copied", e->src);
	close(fd);
}

/*
 * Writes the image to fd; returns the number of bytes written. Every
 * entry belongs to root, dated 1970, with its own inode number (newc
 * would take equal numbers for hard links).
 */
off_t
image_write(const struct image *img, int fd, enum image_format fmt)
{
	const struct entry *e;
	struct archive *a;
	struct archive_entry *ae;
	struct sink sink;
	unsigned char *buf;
	size_t i;

	if ((a = archive_write_new()) == NULL ||
	    (ae = archive_entry_new()) == NULL)
		diesys(EXIT_FAIL, "libarchive");
	if (fmt == FORMAT_CPIO_GZ) {
		check(a, archive_write_set_format_cpio_newc(a), "cpio");
		check(a, archive_write_add_filter_gzip(a), "gzip");
		/* No time in the gzip header: same input, same bytes. */
		check(a, archive_write_set_filter_option(a, "gzip",
		    "timestamp", NULL), "gzip");
		/* The kernel needs no padding after the last member. */
		check(a, archive_write_set_bytes_in_last_block(a, 1), "cpio");
	} else
		check(a, archive_write_set_format_pax_restricted(a), "tar");
	sink.fd = fd;
	sink.bytes = 0;
	check(a, archive_write_open2(a, &sink, NULL, sink_write, NULL, NULL),
	    "open");
	buf = xmalloc(CHUNK);
	for (i = 0; i < img->n; i++) {
		e = &img->v[i];
		archive_entry_clear(ae);
		archive_entry_set_pathname(ae, e->name);
		archive_entry_set_mode(ae, e->mode);
		archive_entry_set_uid(ae, 0);
		archive_entry_set_gid(ae, 0);
		if (fmt == FORMAT_TAR) {
			archive_entry_set_uname(ae, "root");
			archive_entry_set_gname(ae, "root");
		}
		archive_entry_set_mtime(ae, 0, 0);
		archive_entry_set_ino64(ae, (la_int64_t)i + 1);
		archive_entry_set_nlink(ae, S_ISDIR(e->mode) ? 2 : 1);
		if (S_ISLNK(e->mode))
			archive_entry_set_symlink(ae, e->link);
		if (S_ISCHR(e->mode) || S_ISBLK(e->mode))
			archive_entry_set_rdev(ae, e->rdev);
		write_entry(a, ae, e, buf);
		cleanup_check();
	}
	check(a, archive_write_close(a), "close");
	archive_entry_free(ae);
	archive_write_free(a);
	free(buf);
	return sink.bytes;
}
