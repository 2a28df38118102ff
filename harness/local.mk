## harness: the platform runners and the guest init. See harness/DESIGN.md.
EXTRA_DIST += harness/DESIGN.md

# vc-init runs as PID 1 in the guest; static so that it needs nothing else.
pkglibexec_PROGRAMS = harness/vc-init
harness_vc_init_SOURCES = harness/vc-init.c
harness_vc_init_LDFLAGS = $(STATIC_LDFLAGS)
# Only lib/channel.o is taken from libvc.a: the record format's one owner
# (exit_code() is inline in run.h, so run.o and its deps stay out).
harness_vc_init_LDADD = lib/libvc.a

# The benchmarks and platforms (harness/catalog.c): one table that the
# runners, vc-image, vc-suite, vc-report and vc-plot all read.
noinst_LIBRARIES += harness/libcatalog.a
harness_libcatalog_a_SOURCES = harness/catalog.c harness/catalog.h
check_PROGRAMS += tests/unit-catalog
tests_unit_catalog_SOURCES = tests/unit-catalog.c tests/tap.h
tests_unit_catalog_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/harness
tests_unit_catalog_LDADD = harness/libcatalog.a lib/libvc.a
TESTS += tests/unit-catalog

# The runners share harness/runner.c (options, nginxbench's host half).
noinst_LIBRARIES += harness/librunner.a
harness_librunner_a_SOURCES = harness/runner.c harness/runner.h
RUNNER_LIBS = harness/librunner.a harness/libcatalog.a lib/libvc.a
# Its parsers of what other programs print, tested without VM or engine.
check_PROGRAMS += tests/unit-runner
tests_unit_runner_SOURCES = tests/unit-runner.c tests/tap.h
tests_unit_runner_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/harness
tests_unit_runner_LDADD = $(RUNNER_LIBS)
TESTS += tests/unit-runner

bin_PROGRAMS += harness/vc-native
harness_vc_native_SOURCES = harness/vc-native.c
harness_vc_native_LDADD = $(RUNNER_LIBS)
dist_man_MANS += man/vc-native.1

# vc-qemu and vc-kvm: one source, two accelerators by default.
bin_PROGRAMS += harness/vc-qemu harness/vc-kvm
harness_vc_qemu_SOURCES = harness/vc-qemu.c
harness_vc_qemu_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS)
harness_vc_qemu_LDADD = $(RUNNER_LIBS) $(LIBARCHIVE_LIBS)
harness_vc_kvm_SOURCES = harness/vc-qemu.c
harness_vc_kvm_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS)
harness_vc_kvm_LDADD = $(RUNNER_LIBS) $(LIBARCHIVE_LIBS)
dist_man_MANS += man/vc-qemu.1 man/vc-kvm.1

bin_PROGRAMS += harness/vc-container
harness_vc_container_SOURCES = harness/vc-container.c
harness_vc_container_LDADD = $(RUNNER_LIBS)
dist_man_MANS += man/vc-container.1

bin_PROGRAMS += harness/vc-suite
harness_vc_suite_SOURCES = harness/vc-suite.c harness/suite-meta.c \
	harness/suite-resume.c harness/suite.h
harness_vc_suite_CPPFLAGS = $(AM_CPPFLAGS) $(JSONC_CFLAGS)
harness_vc_suite_LDADD = harness/libresults.a $(RUNNER_LIBS) $(JSONC_LIBS)
dist_man_MANS += man/vc-suite.1
