/*
 * vc-image - build and cache the parts a guest or container is made of:
 * the kernel (found, not built), the initramfs parts "core" and "io",
 * and the container "rootfs". See harness/DESIGN.md for their layout.
 *
 * A part is named after a hash of everything that goes into it, so a
 * cached part is reused exactly as long as no input changed, and a
 * changed binary never runs with a stale image.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cachedir.h"
#include "catalog.h"
#include "cleanup.h"
#include "image-archive.h"
#include "image-elf.h"
#include "image-kernel.h"
#include "image-stamp.h"
#include "msg.h"
#include "run.h"
#include "xalloc.h"

#ifndef BINDIR
#define BINDIR		"/usr/local/bin"
#endif
#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR	"/usr/local/libexec/virtcost"
#endif
#ifndef KERNELCACHE
#define KERNELCACHE	"/var/cache/virtcost/kernel"
#endif
#ifndef FIOCACHE
#define FIOCACHE	"/var/cache/virtcost/fio"
#endif
#ifndef GUESTKERNEL
#define GUESTKERNEL	"/var/cache/virtcost/guest"
#endif

/* Part of every cache key: change it when the layout of a part changes. */
#define IMAGE_VERSION	"vc-image 1"

/* Disk and network for diskwrite and nginx; ext4 is built in. */
static const char *const io_modules[] = { "virtio_pci", "virtio_blk",
	"virtio_net" };
/* Where nginx's compiled-in paths point; it will not start without. */
static const char *const nginx_dirs[] = { "var/lib/nginx",
	"var/log/nginx" };

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char passwd[] =
    "root:x:0:0:root:/root:/bin/sh\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";
static const char group[] =
    "root:x:0:\n"
    "nogroup:x:65534:\n";

struct options {
	const char	*cachedir;	/* -C */
	const char	*kernel;	/* -k */
	const char	*moddir;	/* -M */
	int		 quiet;		/* -q */
};

struct kernel {
	char	*image;
	char	*moddir;
};

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hqV] [-C cachedir] [-k kernel] [-M moddir] "
	    "target ...\n"
	    "targets: kernel core io rootfs\n", progname);
}

static void
progress(const struct options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
progress(const struct options *o, const char *fmt, ...)
{
	va_list ap;

	if (o->quiet)
		return;
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static const char *
builddir(void)
{
	const char *d = getenv("VIRTCOST_BUILDDIR");

	return d != NULL && *d != '\0' ? d : NULL;
}

/*
 * An input of ours (a benchmark, vc-init or vc-envelope) must exist; if
 * not, say where it was looked for and how it gets there.
 */
static char *
our_program(const char *name, const char *buildpath, const char *installed)
{
	struct stat st;
	const char *why;
	char *path;

	if (builddir() != NULL)
		path = xasprintf("%s/%s", builddir(), buildpath);
	else
		path = xasprintf("%s/%s", installed, name);
	if (stat(path, &st) == -1)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (access(path, R_OK) == -1)
		why = strerror(errno);
	else
		return path;
	if (builddir() != NULL)
		die(EXIT_FAIL, "no %s program: %s: %s (VIRTCOST_BUILDDIR=%s; "
		    "run make there)", name, path, why, builddir());
	die(EXIT_FAIL, "no %s program: %s: %s (run make install, or set "
	    "VIRTCOST_BUILDDIR to a build tree)", name, path, why);
}

static char *
benchmark(const char *name)
{
	char buildpath[64];

	snprintf(buildpath, sizeof(buildpath), "%s/%s", name, name);
	return our_program(name, buildpath, BINDIR);
}

static int
is_program(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, X_OK) == 0;
}

/*
 * Looked at for the rootfs's servers, whether there or not (for the
 * stamp): nginx's usual place first, and bootstrap's small fio.
 */
static const char *const servers_looked_at[] = { "/usr/sbin/nginx",
	FIOCACHE "/fio", NULL };
static const char *const no_more[] = { NULL };

static char *
nginx_program(void)
{
	char *path;

	if (is_program(servers_looked_at[0]))
		return xasprintf("%s", servers_looked_at[0]);
	if ((path = path_search("nginx")) == NULL)
		die(EXIT_FAIL, "no nginx: not /usr/sbin/nginx, not in PATH; "
		    "the io and rootfs parts need it (apt-get install "
		    "nginx-light)");
	return path;
}

static char *
fio_program(void)
{
	char *path;

	if ((path = path_search("fio")) == NULL)
		die(EXIT_FAIL, "no fio in PATH; the io and rootfs parts need "
		    "it (apt-get install fio)");
	return path;
}

/* What "fio --version" prints ("fio-3.33"), or NULL if it cannot tell. */
static char *
fio_version(const char *path)
{
	char *argv[3], *out;
	size_t len;

	argv[0] = (char *)path;
	argv[1] = (char *)"--version";
	argv[2] = NULL;
	if (run_read(argv, RUN_MERGE, &out, 256, NULL, 0) != 0)
		return NULL;
	len = strcspn(out, "\n");
	if (len == 0 || out[len] != '\n' || out[len + 1] != '\0') {
		free(out);
		return NULL;
	}
	out[len] = '\0';
	return out;
}

/*
 * The fio the images hold: $VIRTCOST_FIO, else the one that bootstrap
 * built from the host fio's own Debian source with only the engines
 * that need no library of their own, else the host's fio. Debian's fio
 * links librbd, librados, libgfapi, libnbd, librdmacm and libpmem into
 * the program itself: some 80 MB of libraries that no libaio or psync
 * job loads. Whichever it is, it must be the host fio's version, the
 * one native runs.
 */
static char *
image_fio(const struct options *o)
{
	const char *given = getenv("VIRTCOST_FIO");
	char *host, *want, *v, *path;

	host = fio_program();
	if ((want = fio_version(host)) == NULL)
		die(EXIT_FAIL, "%s --version failed or said nothing usable",
		    host);
	if (given != NULL && *given != '\0') {
		if (!is_program(given))
			die(EXIT_FAIL, "VIRTCOST_FIO=%s: not an executable "
			    "file", given);
		if ((v = fio_version(given)) == NULL ||
		    strcmp(v, want) != 0)
			die(EXIT_FAIL, "VIRTCOST_FIO=%s is %s, the host's %s "
			    "is %s: a guest must run native's fio", given,
			    v != NULL ? v : "no fio", host, want);
		path = xasprintf("%s", given);
	} else if (!is_program(FIOCACHE "/fio")) {
		progress(o, "no %s/fio: the images take %s with all its "
		    "libraries (./bootstrap --deps builds a smaller one)",
		    FIOCACHE, host);
		v = NULL;
		path = xasprintf("%s", host);
	} else if ((v = fio_version(FIOCACHE "/fio")) == NULL ||
	    strcmp(v, want) != 0) {
		progress(o, "%s/fio is %s, the host's %s is %s: the images "
		    "take the host's with all its libraries (run ./bootstrap "
		    "--deps again)", FIOCACHE, v != NULL ? v : "no fio", host,
		    want);
		path = xasprintf("%s", host);
	} else
		path = xasprintf("%s", FIOCACHE "/fio");
	free(v);
	free(want);
	free(host);
	return path;
}

/* Puts the program at name in the image, with its shared libraries. */
static void
add_program(struct image *img, const char *name, const char *path)
{
	struct stat st;
	char **libs, *real;
	size_t i;

	if (stat(path, &st) == -1)
		diesys(EXIT_FAIL, "%s", path);
	image_file(img, name, path, (st.st_mode & 0777) | 0555);
	libs = elf_needs(path);
	for (i = 0; libs[i] != NULL; i++) {
		if ((real = image_host(img, libs[i])) == NULL)
			diesys(EXIT_FAIL, "%s needs %s", path, libs[i]);
		free(real);
	}
	elf_needs_free(libs);
}

/* The benchmarks that the catalogue puts in part, as bin/NAME. */
static void
add_benchmarks(struct image *img, enum image_part part)
{
	char *path, *name;
	size_t i;

	for (i = 0; i < NBENCH; i++) {
		if (catalog_benchs[i].part != part)
			continue;
		path = benchmark(catalog_benchs[i].name);
		name = xasprintf("bin/%s", catalog_benchs[i].name);
		add_program(img, name, path);
		free(name);
		free(path);
	}
}

/* The platform check (catalog.h): in the core part and the rootfs. */
static void
add_envelope(struct image *img)
{
	char *path;

	path = our_program(ENVELOPE_PROG, "harness/run/" ENVELOPE_PROG,
	    BINDIR);
	add_program(img, "bin/" ENVELOPE_PROG, path);
	free(path);
}

/* What every part has: the empty mount points and the user database. */
static void
add_base(struct image *img, int initramfs)
{
	static const char *const dirs[] = { "dev", "etc", "mnt", "proc",
		"run", "sys" };
	size_t i;

	for (i = 0; i < NELEM(dirs); i++)
		image_dir(img, dirs[i], 0755);
	image_dir(img, "tmp", 01777);
	image_data(img, "etc/passwd", passwd, sizeof(passwd) - 1, 0644);
	image_data(img, "etc/group", group, sizeof(group) - 1, 0644);
	/* The kernel opens it for init's stdio before devtmpfs is up. */
	if (initramfs)
		image_node(img, "dev/console", S_IFCHR | 0600, makedev(5, 1));
}

static void
add_servers(const struct options *o, struct image *img)
{
	char *nginx, *fio;
	size_t i;

	nginx = nginx_program();
	fio = image_fio(o);
	add_program(img, "usr/sbin/nginx", nginx);
	add_program(img, "usr/bin/fio", fio);
	for (i = 0; i < NELEM(nginx_dirs); i++)
		image_dir(img, nginx_dirs[i], 0755);
	free(nginx);
	free(fio);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
is_readable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, R_OK) == 0;
}

static char *
xrealpath(const char *path)
{
	char *real;

	if ((real = realpath(path, NULL)) == NULL)
		diesys(EXIT_FAIL, "%s", path);
	return real;
}

/*
 * The modules of a kernel given by path: those of an unpacked kernel
 * package (ROOT/boot/vmlinuz-V next to ROOT/lib/modules/V), or the
 * host's /lib/modules/V.
 */
static char *
moddir_for(const char *image, const char *label)
{
	char *version, *real, *root, *near, *host;
	const char *base;

	base = strrchr(image, '/') != NULL ? strrchr(image, '/') + 1 : image;
	if ((version = kernel_version(image)) == NULL) {
		if (strncmp(base, "vmlinuz-", 8) != 0 || base[8] == '\0')
			die(EXIT_FAIL, "cannot tell the version of kernel %s "
			    "(%s): not a bzImage, not named vmlinuz-VERSION; "
			    "pass -M with its modules directory", image,
			    label);
		version = xasprintf("%s", base + 8);
	}
	real = xrealpath(image);
	root = dirname(dirname(real));
	near = xasprintf("%s/lib/modules/%s", strcmp(root, "/") == 0 ? "" :
	    root, version);
	host = xasprintf("/lib/modules/%s", version);
	free(real);
	if (is_dir(near)) {
		free(host);
		free(version);
		return near;
	}
	if (is_dir(host)) {
		free(near);
		free(version);
		return host;
	}
	if (strcmp(near, host) == 0)
		die(EXIT_FAIL, "no modules for kernel %s (%s, version %s): "
		    "%s is not a directory; pass -M with its modules "
		    "directory", image, label, version, host);
	die(EXIT_FAIL, "no modules for kernel %s (%s, version %s): neither "
	    "%s nor %s is a directory; pass -M with its modules directory",
	    image, label, version, near, host);
}

/* The newest kernel in ROOT/boot (of bootstrap's), by version order. */
static char *
cached_kernel(const char *root)
{
	struct dirent *de;
	DIR *d;
	char *best = NULL, *boot = xasprintf("%s/boot", root);

	d = opendir(boot);
	free(boot);
	if (d == NULL)
		return NULL;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "vmlinuz-", 8) != 0 ||
		    de->d_name[8] == '\0')
			continue;
		if (best == NULL || strverscmp(de->d_name, best) > 0) {
			free(best);
			best = xasprintf("%s", de->d_name);
		}
	}
	closedir(d);
	return best;
}

/*
 * A kernel that bootstrap put in the cache ROOT (boot/vmlinuz-RELEASE,
 * lib/modules/RELEASE): the newest there. Returns 0 if there is none.
 */
static int
cache_kernel(const struct options *o, const char *root, struct kernel *k)
{
	char *name;

	if ((name = cached_kernel(root)) == NULL)
		return 0;
	k->image = xasprintf("%s/boot/%s", root, name);
	k->moddir = o->moddir != NULL ? xasprintf("%s", o->moddir) :
	    xasprintf("%s/lib/modules/%s", root, name + 8);
	if (!is_dir(k->moddir))
		die(EXIT_FAIL, "kernel %s has no modules: %s is not a "
		    "directory; run ./bootstrap --deps again or pass "
		    "-M", k->image, k->moddir);
	free(name);
	return 1;
}

/*
 * The guest kernel: -k, else $VIRTCOST_KERNEL, else the small one that
 * bootstrap built (GUESTKERNEL: it boots fastest), else the host's own
 * (/boot/vmlinuz-RELEASE with /lib/modules/RELEASE), else the newest
 * Debian kernel that bootstrap unpacked. -M names the modules.
 */
static void
search_kernel(const struct options *o, struct kernel *k)
{
	const char *given, *label;
	struct utsname u;
	char *boot, *mods;

	if ((given = o->kernel) != NULL)
		label = "-k";
	else if ((given = getenv("VIRTCOST_KERNEL")) != NULL &&
	    *given != '\0')
		label = "VIRTCOST_KERNEL";
	else
		given = label = NULL;
	if (given != NULL) {
		if (!is_readable(given))
			die(EXIT_FAIL, "kernel %s (%s): %s", given, label,
			    access(given, R_OK) == 0 ? "not a regular file" :
			    strerror(errno));
		k->image = xasprintf("%s", given);
		k->moddir = o->moddir != NULL ? xasprintf("%s", o->moddir) :
		    moddir_for(given, label);
		return;
	}
	if (cache_kernel(o, GUESTKERNEL, k))
		return;
	if (uname(&u) == -1)
		diesys(EXIT_FAIL, "uname");
	boot = xasprintf("/boot/vmlinuz-%s", u.release);
	mods = xasprintf("/lib/modules/%s", u.release);
	if (is_readable(boot) && (o->moddir != NULL || is_dir(mods))) {
		k->image = boot;
		k->moddir = o->moddir != NULL ? xasprintf("%s", o->moddir) :
		    mods;
		return;
	}
	if (cache_kernel(o, KERNELCACHE, k)) {
		free(boot);
		free(mods);
		return;
	}
	if (is_readable(boot))
		die(EXIT_FAIL, "no guest kernel: -k not given, VIRTCOST_KERNEL "
		    "not set, %s has no %s, nothing in %s/boot; run "
		    "./bootstrap --deps or pass -k and -M", boot, mods,
		    KERNELCACHE);
	die(EXIT_FAIL, "no guest kernel: -k not given, VIRTCOST_KERNEL not "
	    "set, %s not readable, nothing in %s/boot; run ./bootstrap "
	    "--deps or pass -k", boot, KERNELCACHE);
}

/* Absolute paths without symlinks: the runners use them from anywhere. */
static void
find_kernel(const struct options *o, struct kernel *k)
{
	char *p;

	if (o->moddir != NULL && !is_dir(o->moddir))
		die(EXIT_FAIL, "modules directory %s (-M): %s", o->moddir,
		    access(o->moddir, F_OK) == 0 ? "not a directory" :
		    strerror(errno));
	search_kernel(o, k);
	p = xrealpath(k->image);
	free(k->image);
	k->image = p;
	p = xrealpath(k->moddir);
	free(k->moddir);
	k->moddir = p;
}

static void
make_dir(const char *dir, const char *cachedir)
{
	if (mkdir(dir, 0755) == -1 && errno != EEXIST)
		diesys(EXIT_FAIL, "cannot create the cache directory %s",
		    cachedir);
	if (!is_dir(dir))
		die(EXIT_FAIL, "cannot create the cache directory %s: %s is "
		    "not a directory", cachedir, dir);
}

/* mkdir -p, mode 0755. */
static void
make_dirs(const char *path)
{
	char *copy, *p;

	copy = xasprintf("%s", path);
	for (p = copy + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		make_dir(copy, path);
		*p = '/';
	}
	make_dir(copy, path);
	free(copy);
}

static char *
cache_dir(const struct options *o)
{
	char *dir, *real;

	if (o->cachedir != NULL)
		dir = xasprintf("%s", o->cachedir);
	else if ((dir = cache_dir_name()) == NULL)
		die(EXIT_FAIL, "no cache directory: no -C, and VIRTCOST_CACHE, "
		    "XDG_CACHE_HOME and HOME are unset");
	make_dirs(dir);
	/* Absolute, for runners that use the parts from another directory. */
	real = xrealpath(dir);
	free(dir);
	return real;
}

/* The cache directory, made once. */
static const char *
the_cache(const struct options *o)
{
	static char *dir;

	if (dir == NULL)
		dir = cache_dir(o);
	return dir;
}

/*
 * Prints the part that target's stamp names, if its inputs are as the
 * stamp says (image-stamp.c), without reading them; returns 0 if not.
 */
static int
stamped_part(const struct options *o, const char *target)
{
	char *path;

	if ((path = stamp_check(the_cache(o), target)) == NULL)
		return 0;
	progress(o, "%s: cached %s (inputs unchanged)", target, path);
	printf("%s %s\n", target, path);
	fflush(stdout);
	free(path);
	return 1;
}

/*
 * Writes the part unless the cache has it: into a temporary file of
 * the cache directory, renamed into place once complete, so that no
 * reader ever sees a partial part, and an interrupt leaves nothing.
 * With also (the paths looked at besides the image's own files, NULL-
 * terminated), a stamp of the inputs goes beside it.
 */
static void
build_part(const struct options *o, const char *target, struct image *img,
    enum image_format fmt, const char *const also[])
{
	const char *dir = the_cache(o);
	const char *ext = fmt == FORMAT_TAR ? "tar" : "cpio.gz";
	struct stamp *stamp = NULL;
	struct stat st;
	char *tag, *path, *tmp;
	uint64_t h;
	off_t bytes;
	int fd;

	image_finish(img);
	/* Before the content is read: what changes later shows next time. */
	if (also != NULL)
		stamp = stamp_take(img, also);
	tag = xasprintf("%s %s", IMAGE_VERSION, target);
	h = image_hash(img, tag);
	path = xasprintf("%s/%s-%016llx.%s", dir, target,
	    (unsigned long long)h, ext);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		progress(o, "%s: cached %s", target, path);
	} else {
		tmp = xasprintf("%s/.%s-%016llx.XXXXXX", dir, target,
		    (unsigned long long)h);
		if ((fd = mkostemp(tmp, O_CLOEXEC)) == -1)
			diesys(EXIT_FAIL, "cannot create a file in the cache "
			    "directory %s", dir);
		cleanup_add_path(tmp);
		progress(o, "%s: building %s (%zu entries)", target, path,
		    img->n);
		bytes = image_write(img, fd, fmt);
		if (fchmod(fd, 0644) == -1 || fsync(fd) == -1 ||
		    close(fd) == -1)
			diesys(EXIT_FAIL, "writing %s", tmp);
		cleanup_check();
		if (rename(tmp, path) == -1)
			diesys(EXIT_FAIL, "rename %s to %s", tmp, path);
		progress(o, "%s: %lld bytes", target, (long long)bytes);
		free(tmp);
	}
	if (stamp != NULL)
		stamp_save(stamp, dir, target, path);
	printf("%s %s\n", target, path);
	fflush(stdout);
	free(tag);
	free(path);
}

static void
make_core(const struct options *o)
{
	struct image img;
	char *init;

	if (stamped_part(o, "core"))
		return;
	image_init(&img);
	add_base(&img, 1);
	init = our_program("vc-init", "harness/run/vc-init", PKGLIBEXECDIR);
	add_program(&img, "init", init);
	free(init);
	add_benchmarks(&img, PART_CORE);
	add_envelope(&img);
	build_part(o, "core", &img, FORMAT_CPIO_GZ, no_more);
	image_free(&img);
}

static void
make_io(const struct options *o, struct kernel *k)
{
	struct image img;
	struct module *mods;
	char *name, *list, *p;
	size_t i, n, len = 0;

	image_init(&img);
	add_base(&img, 1);
	add_benchmarks(&img, PART_IO);
	add_servers(o, &img);
	if (k->image == NULL)
		find_kernel(o, k);
	mods = modules_closure(k->moddir, io_modules, NELEM(io_modules), &n);
	for (i = 0; i < n; i++)
		len += strlen("/lib/modules/\n") + strlen(mods[i].file);
	p = list = malloc(len + 1);
	if (list == NULL)
		diesys(EXIT_FAIL, "malloc");
	for (i = 0; i < n; i++) {
		name = xasprintf("lib/modules/%s", mods[i].file);
		image_data(&img, name, mods[i].data, mods[i].size, 0644);
		p += sprintf(p, "/%s\n", name);
		free(name);
		free(mods[i].data);
		free(mods[i].file);
	}
	free(mods);
	image_data(&img, "etc/vc-modules", list, len, 0644);
	free(list);
	build_part(o, "io", &img, FORMAT_CPIO_GZ, NULL);
	image_free(&img);
}

static void
make_rootfs(const struct options *o)
{
	/* A fio named by VIRTCOST_FIO is an override: no stamp. */
	int stamped = getenv("VIRTCOST_FIO") == NULL;
	struct image img;

	if (stamped && stamped_part(o, "rootfs"))
		return;
	image_init(&img);
	add_base(&img, 0);
	add_benchmarks(&img, PART_CORE);
	add_benchmarks(&img, PART_IO);
	add_envelope(&img);
	add_servers(o, &img);
	build_part(o, "rootfs", &img, FORMAT_TAR,
	    stamped ? servers_looked_at : NULL);
	image_free(&img);
}

int
main(int argc, char *argv[])
{
	static const char *const targets[] = { "kernel", "core", "io",
		"rootfs" };
	struct options opts = { NULL, NULL, NULL, 0 };
	struct kernel k = { NULL, NULL };
	size_t t;
	int ch, i;

	msg_init(argv[0]);
	stamp_begin();
	while ((ch = getopt(argc, argv, "+C:hk:M:qV")) != -1) {
		switch (ch) {
		case 'C':
			if (*optarg == '\0')
				usage_error("-C: empty directory name");
			opts.cachedir = optarg;
			break;
		case 'h':
			usage(stdout);
			return close_stdout();
		case 'k':
			if (*optarg == '\0')
				usage_error("-k: empty kernel path");
			opts.kernel = optarg;
			break;
		case 'M':
			if (*optarg == '\0')
				usage_error("-M: empty modules directory");
			opts.moddir = optarg;
			break;
		case 'q':
			opts.quiet = 1;
			break;
		case 'V':
			puts(PACKAGE_STRING);
			return close_stdout();
		default:
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage_error("missing target (kernel, core, io or rootfs)");
	for (i = 0; i < argc; i++) {
		for (t = 0; t < NELEM(targets); t++)
			if (strcmp(argv[i], targets[t]) == 0)
				break;
		if (t == NELEM(targets))
			usage_error("unknown target '%s' (kernel, core, io "
			    "or rootfs)", argv[i]);
	}

	cleanup_signals();
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "core") == 0)
			make_core(&opts);
		else if (strcmp(argv[i], "rootfs") == 0)
			make_rootfs(&opts);
		else if (strcmp(argv[i], "io") == 0)
			make_io(&opts, &k);
		else {
			if (k.image == NULL)
				find_kernel(&opts, &k);
			printf("kernel %s\nmoddir %s\n", k.image, k.moddir);
			fflush(stdout);
		}
	}
	free(k.image);
	free(k.moddir);
	return close_stdout();
}
