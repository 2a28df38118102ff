/* image-kernel.h - the guest kernel's version and the modules it loads */
#ifndef VC_IMAGE_KERNEL_H
#define VC_IMAGE_KERNEL_H

#include <stddef.h>

/* A module to load, with its content (decompressed). */
struct module {
	char		*file;		/* "virtio_pci.ko" */
	unsigned char	*data;
	size_t		 size;
};

char		*kernel_version(const char *);
struct module	*modules_closure(const char *, const char *const *, size_t,
		    size_t *);
char		*modinfo_get(const unsigned char *, size_t, const char *);

#endif
