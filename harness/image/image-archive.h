/* image-archive.h - the files of one image part, its hash, its archive */
#ifndef VC_IMAGE_ARCHIVE_H
#define VC_IMAGE_ARCHIVE_H

#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>

/*
 * One entry of an image. Names are relative ("bin/forksum"): no leading
 * slash, no "." or ".." components. A regular file's content is either
 * the host file src or the bytes data[0..size).
 */
struct entry {
	char		*name;
	mode_t		 mode;		/* type and permissions */
	char		*src;
	unsigned char	*data;
	size_t		 size;
	char		*link;		/* symlink target */
	dev_t		 rdev;		/* device number of a device node */
};

struct image {
	struct entry	*v;
	size_t		 n, cap;
};

enum image_format {
	FORMAT_CPIO_GZ,		/* gzip-compressed newc cpio: an initramfs */
	FORMAT_TAR		/* uncompressed pax/ustar: a container rootfs */
};

void	 image_init(struct image *);
void	 image_free(struct image *);
void	 image_dir(struct image *, const char *, mode_t);
void	 image_file(struct image *, const char *, const char *, mode_t);
void	 image_data(struct image *, const char *, const void *, size_t,
	    mode_t);
void	 image_symlink(struct image *, const char *, const char *);
void	 image_node(struct image *, const char *, mode_t, dev_t);
char	*image_host(struct image *, const char *);
void	 image_finish(struct image *);
uint64_t image_hash(const struct image *, const char *);
off_t	 image_write(const struct image *, int, enum image_format);

#endif
