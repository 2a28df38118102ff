## harness/image: vc-image builds and caches the guest initramfs parts and the container
## rootfs (see harness/DESIGN.md and man/vc-image.1).
bin_PROGRAMS += harness/image/vc-image
harness_image_vc_image_SOURCES = harness/image/vc-image.c \
	harness/image/image-archive.c harness/image/image-archive.h \
	harness/image/image-elf.c harness/image/image-elf.h \
	harness/image/image-kernel.c harness/image/image-kernel.h \
	harness/image/image-stamp.c harness/image/image-stamp.h
harness_image_vc_image_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS) \
	-DBINDIR='"$(bindir)"' -DPKGLIBEXECDIR='"$(pkglibexecdir)"' \
	-DKERNELCACHE='"/var/cache/virtcost/kernel"' \
	-DFIOCACHE='"/var/cache/virtcost/fio"' \
	-DGUESTKERNEL='"/var/cache/virtcost/guest"'
harness_image_vc_image_LDADD = harness/libcatalog.a lib/libvc.a \
	$(LIBARCHIVE_LIBS)
dist_man_MANS += man/vc-image.1
SH_TESTS += \
	tests/vc-image-cache.t \
	tests/vc-image-cachedir.t \
	tests/vc-image-core.t \
	tests/vc-image-fio.t \
	tests/vc-image-io.t \
	tests/vc-image-kernel.t \
	tests/vc-image-missing.t \
	tests/vc-image-modules.t \
	tests/vc-image-rootfs.t \
	tests/vc-image-stamp.t \
	tests/vc-image-usage.t
