/*
 * image-kernel.c - what vc-image reads from a guest kernel: its version
 * (from the bzImage header, to find its modules) and the modules a part
 * needs, with their dependencies, in an order the guest can load them.
 *
 * No modprobe, no depmod output: a module's dependencies are read from
 * its own .modinfo section ("depends=a,b"), which every module carries,
 * so an unpacked kernel package is enough, even without modules.dep.
 */
#include "config.h"

#include <sys/stat.h>

#include <archive.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image-kernel.h"
#include "msg.h"

/* x86 boot protocol: "HdrS" at 0x202, version string pointer at 0x20e. */
#define BOOT_MAGIC_OFF		0x202
#define BOOT_VERSION_OFF	0x20e
#define BOOT_SECTOR		0x200

/*
 * Returns the version a bzImage says it is ("6.1.0-56-cloud-amd64"),
 * or NULL if the file is not a bzImage or names no version.
 */
char *
kernel_version(const char *path)
{
	unsigned char hdr[BOOT_VERSION_OFF + 2];
	char buf[256], *p;
	unsigned off;
	ssize_t n;
	size_t len;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	n = pread(fd, hdr, sizeof(hdr), 0);
	if (n != (ssize_t)sizeof(hdr) ||
	    memcmp(hdr + BOOT_MAGIC_OFF, "HdrS", 4) != 0 ||
	    (off = hdr[BOOT_VERSION_OFF] |
	    (unsigned)hdr[BOOT_VERSION_OFF + 1] << 8) == 0 ||
	    (n = pread(fd, buf, sizeof(buf) - 1, (off_t)off + BOOT_SECTOR)) <=
	    0) {
		close(fd);
		return NULL;
	}
	close(fd);
	buf[n] = '\0';
	len = strcspn(buf, " \t\n");
	buf[len] = '\0';
	for (p = buf; *p != '\0'; p++)
		if (*p < '!' || *p > '~' || *p == '/')
			return NULL;
	return len > 0 ? strdup(buf) : NULL;
}

/*
 * The value of key in an ELF64 module's .modinfo section (a run of
 * "key=value" strings separated by NULs), as a new string; "" if the
 * key is absent; NULL if data is not a module with a .modinfo.
 */
char *
modinfo_get(const unsigned char *data, size_t size, const char *key)
{
	Elf64_Ehdr eh;
	Elf64_Shdr sh, strsh;
	const char *p, *end, *names;
	size_t i, klen = strlen(key);

	if (size < sizeof(eh))
		return NULL;
	memcpy(&eh, data, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_shentsize < sizeof(sh) || eh.e_shstrndx >= eh.e_shnum ||
	    eh.e_shoff > size ||
	    (size - eh.e_shoff) / eh.e_shentsize < eh.e_shnum)
		return NULL;
	memcpy(&strsh, data + eh.e_shoff +
	    (size_t)eh.e_shstrndx * eh.e_shentsize, sizeof(strsh));
	if (strsh.sh_offset > size || strsh.sh_size > size - strsh.sh_offset)
		return NULL;
	names = (const char *)data + strsh.sh_offset;
	for (i = 0; i < eh.e_shnum; i++) {
		memcpy(&sh, data + eh.e_shoff + i * eh.e_shentsize,
		    sizeof(sh));
		if (sh.sh_name >= strsh.sh_size ||
		    strnlen(names + sh.sh_name, strsh.sh_size - sh.sh_name) ==
		    strsh.sh_size - sh.sh_name ||
		    strcmp(names + sh.sh_name, ".modinfo") != 0)
			continue;
		if (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset)
			return NULL;
		p = (const char *)data + sh.sh_offset;
		end = p + sh.sh_size;
		while (p < end) {
			i = strnlen(p, (size_t)(end - p));
			if (i > klen && strncmp(p, key, klen) == 0 &&
			    p[klen] == '=')
				return strndup(p + klen + 1, i - klen - 1);
			p += i + 1;
		}
		return strdup("");
	}
	return NULL;
}

/* A module file found under MODDIR/kernel, by its name. */
struct modfile {
	char	*name;		/* normalized: '-' as '_', no suffix */
	char	*path;
	int	 state;		/* 0 new, 1 being visited, 2 taken */
};

static struct modfile *index_v;
static size_t index_n;

static const char *const suffixes[] = { ".ko", ".ko.xz", ".ko.zst",
	".ko.gz" };

/* The length of base without its module suffix; 0 if it has none. */
static size_t
stem_len(const char *base)
{
	size_t i, len = strlen(base), slen;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		slen = strlen(suffixes[i]);
		if (len > slen && strcmp(base + len - slen, suffixes[i]) == 0)
			return len - slen;
	}
	return 0;
}

/* "virtio-pci.ko.xz" -> "virtio_pci"; NULL if not a module file name. */
static char *
module_name(const char *base)
{
	size_t len;
	char *name, *p;

	if ((len = stem_len(base)) == 0)
		return NULL;
	if ((name = strndup(base, len)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	for (p = name; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	return name;
}

static int
index_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	char *name;

	if (flag != FTW_F || !S_ISREG(st->st_mode) ||
	    (name = module_name(path + ftw->base)) == NULL)
		return 0;
	if ((index_v = reallocarray(index_v, index_n + 1,
	    sizeof(*index_v))) == NULL ||
	    (index_v[index_n].path = strdup(path)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	index_v[index_n].name = name;
	index_v[index_n].state = 0;
	index_n++;
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	const struct modfile *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->path, y->path);	/* a stable choice of twins */
}

static struct modfile *
index_find(const char *name)
{
	size_t lo = 0, hi = index_n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(index_v[mid].name, name)) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < index_n && strcmp(index_v[lo].name, name) == 0 ?
	    &index_v[lo] : NULL;
}

/* Is name listed in MODDIR/modules.builtin (built into the kernel)? */
static int
builtin(const char *moddir, const char *name)
{
	char path[PATH_MAX], *line = NULL, *base, *mod;
	size_t cap = 0, len;
	ssize_t n;
	FILE *fp;
	int found = 0;

	snprintf(path, sizeof(path), "%s/modules.builtin", moddir);
	if ((fp = fopen(path, "re")) == NULL)
		return 0;
	while (!found && (n = getline(&line, &cap, fp)) > 0) {
		len = (size_t)n;
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		base = strrchr(line, '/');
		if ((mod = module_name(base != NULL ? base + 1 : line)) !=
		    NULL) {
			found = strcmp(mod, name) == 0;
			free(mod);
		}
	}
	free(line);
	fclose(fp);
	return found;
}

static unsigned char *
read_plain(const char *path, size_t *size)
{
	struct stat st;
	unsigned char *buf;
	size_t len = 0;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) == -1)
		diesys(EXIT_FAIL, "%s", path);
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	while (len < (size_t)st.st_size) {
		if ((n = read(fd, buf + len, (size_t)st.st_size - len)) ==
		    -1) {
			if (errno == EINTR)
				continue;
			diesys(EXIT_FAIL, "read %s", path);
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	*size = len;
	return buf;
}

/*
 * A compressed module is stored decompressed: the guest loads it with
 * finit_module(2) and no decompression flag. libarchive's raw format
 * with every filter is a decompressor for xz, zstd and gzip.
 */
static unsigned char *
read_compressed(const char *path, size_t *size)
{
	struct archive *a;
	struct archive_entry *ae;
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;
	la_ssize_t n;

	if ((a = archive_read_new()) == NULL)
		diesys(EXIT_FAIL, "libarchive");
	archive_read_support_filter_all(a);
	archive_read_support_format_raw(a);
	if (archive_read_open_filename(a, path, 64 * 1024) != ARCHIVE_OK ||
	    archive_read_next_header(a, &ae) != ARCHIVE_OK)
		die(EXIT_FAIL, "cannot decompress module %s: %s", path,
		    archive_error_string(a));
	for (;;) {
		if (cap - len < 64 * 1024) {
			cap = cap == 0 ? 256 * 1024 : cap * 2;
			if ((buf = realloc(buf, cap)) == NULL)
				diesys(EXIT_FAIL, "malloc");
		}
		if ((n = archive_read_data(a, buf + len, cap - len)) < 0)
			die(EXIT_FAIL, "cannot decompress module %s: %s",
			    path, archive_error_string(a));
		if (n == 0)
			break;
		len += (size_t)n;
	}
	archive_read_free(a);
	*size = len;
	return buf;
}

struct closure {
	const char	*moddir;
	struct module	*v;
	size_t		 n;
};

/* Depth first: a module is taken after everything it depends on. */
static void
visit(struct closure *c, const char *want, const char *needed_by)
{
	struct modfile *m;
	struct module mod;
	char *name, *deps, *dep, *save, *p;
	const char *base;
	size_t len;

	if ((name = strdup(want)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	for (p = name; *p != '\0'; p++)
		if (*p == '-')
			*p = '_';
	if ((m = index_find(name)) == NULL) {
		if (builtin(c->moddir, name)) {
			free(name);
			return;
		}
		if (needed_by != NULL)
			die(EXIT_FAIL, "kernel module %s (needed by %s) is "
			    "neither in %s/kernel nor built in", name,
			    needed_by, c->moddir);
		die(EXIT_FAIL, "kernel module %s is neither in %s/kernel "
		    "nor built in (%s/modules.builtin)", name, c->moddir,
		    c->moddir);
	}
	free(name);
	if (m->state == 2)
		return;
	if (m->state == 1)
		die(EXIT_FAIL, "kernel modules depend on each other in a "
		    "circle through %s", m->path);
	m->state = 1;
	base = strrchr(m->path, '/') + 1;
	len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".ko") == 0)
		mod.data = read_plain(m->path, &mod.size);
	else
		mod.data = read_compressed(m->path, &mod.size);
	if ((deps = modinfo_get(mod.data, mod.size, "depends")) == NULL)
		die(EXIT_FAIL, "%s: not a kernel module (no .modinfo)",
		    m->path);
	for (dep = strtok_r(deps, ",", &save); dep != NULL;
	    dep = strtok_r(NULL, ",", &save))
		visit(c, dep, m->name);
	free(deps);
	if (asprintf(&mod.file, "%.*s.ko", (int)stem_len(base), base) == -1)
		diesys(EXIT_FAIL, "malloc");
	if ((c->v = reallocarray(c->v, c->n + 1, sizeof(*c->v))) == NULL)
		diesys(EXIT_FAIL, "malloc");
	c->v[c->n++] = mod;
	m->state = 2;
}

/*
 * The modules named in roots and all they depend on, dependencies
 * first, each once; built-in ones are left out. Sets *n.
 */
struct module *
modules_closure(const char *moddir, const char *const roots[], size_t nroots,
    size_t *n)
{
	struct closure c;
	char dir[PATH_MAX];
	size_t i;

	snprintf(dir, sizeof(dir), "%s/kernel", moddir);
	if (nftw(dir, index_one, 32, FTW_PHYS) == -1)
		diesys(EXIT_FAIL, "kernel modules: %s", dir);
	if (index_n > 0)	/* a kernel with every driver built in: none */
		qsort(index_v, index_n, sizeof(*index_v), by_name);
	c.moddir = moddir;
	c.v = NULL;
	c.n = 0;
	for (i = 0; i < nroots; i++)
		visit(&c, roots[i], NULL);
	*n = c.n;
	return c.v;
}
