## harness/run: the platform runners, the guest's init and vc-suite.
# vc-init runs as PID 1 in the guest; static so that it needs nothing else.
pkglibexec_PROGRAMS = harness/run/vc-init
harness_run_vc_init_SOURCES = harness/run/vc-init.c
harness_run_vc_init_LDFLAGS = $(STATIC_LDFLAGS)
# Only lib/channel.o is taken from libvc.a: the record format's one owner
# (exit_code() is inline in run.h, so run.o and its deps stay out).
harness_run_vc_init_LDADD = lib/libvc.a

# vc-envelope: what a process may use on a platform, read from inside;
# static like vc-init, so that it runs in the guest and the container.
bin_PROGRAMS += harness/run/vc-envelope
harness_run_vc_envelope_SOURCES = harness/run/vc-envelope.c
harness_run_vc_envelope_LDFLAGS = $(STATIC_LDFLAGS)
dist_man_MANS += man/vc-envelope.1

# The runners share runner.c (the common options, helper programs) and
# serve.c (the host half of nginxbench).
noinst_LIBRARIES += harness/run/librunner.a
harness_run_librunner_a_SOURCES = harness/run/runner.c harness/run/runner.h \
	harness/run/serve.c harness/run/serve.h
# serve.c takes nginxbench's default limit from nginxbench/limit.h.
harness_run_librunner_a_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/nginxbench
RUNNER_LIBS = harness/run/librunner.a harness/libcatalog.a lib/libvc.a
# Its parsers of what other programs print, tested without VM or engine.
check_PROGRAMS += tests/unit-runner
tests_unit_runner_SOURCES = tests/unit-runner.c tests/tap.h
tests_unit_runner_LDADD = $(RUNNER_LIBS)
TESTS += tests/unit-runner

bin_PROGRAMS += harness/run/vc-native
harness_run_vc_native_SOURCES = harness/run/vc-native.c
harness_run_vc_native_LDADD = $(RUNNER_LIBS)
dist_man_MANS += man/vc-native.1

# vc-qemu and vc-kvm: one source, two accelerators by default.
bin_PROGRAMS += harness/run/vc-qemu harness/run/vc-kvm
harness_run_vc_qemu_SOURCES = harness/run/vc-qemu.c harness/run/guest.h
harness_run_vc_qemu_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS)
harness_run_vc_qemu_LDADD = $(RUNNER_LIBS) $(LIBARCHIVE_LIBS)
harness_run_vc_kvm_SOURCES = harness/run/vc-qemu.c harness/run/guest.h
harness_run_vc_kvm_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS)
harness_run_vc_kvm_LDADD = $(RUNNER_LIBS) $(LIBARCHIVE_LIBS)
dist_man_MANS += man/vc-qemu.1 man/vc-kvm.1

bin_PROGRAMS += harness/run/vc-container
# It reads vc-image's stamp of the rootfs itself: one exec less per run.
harness_run_vc_container_SOURCES = harness/run/vc-container.c \
	harness/image/image-stamp.c harness/image/image-stamp.h
harness_run_vc_container_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/harness/image
harness_run_vc_container_LDADD = $(RUNNER_LIBS)
dist_man_MANS += man/vc-container.1

bin_PROGRAMS += harness/run/vc-suite
harness_run_vc_suite_SOURCES = harness/run/vc-suite.c harness/run/suite.h \
	harness/run/suite-meta.c harness/run/suite-noise.c \
	harness/run/suite-resume.c harness/run/guest.h
harness_run_vc_suite_CPPFLAGS = $(AM_CPPFLAGS) $(JSONC_CFLAGS)
harness_run_vc_suite_LDADD = harness/report/libresults.a $(RUNNER_LIBS) \
	$(JSONC_LIBS)
dist_man_MANS += man/vc-suite.1

# Their tests: real platforms where the machine has them, and stand-ins
# (a runner, an engine, a qemu) for what a real one cannot be made to do.
SH_TESTS += \
	tests/vc-envelope-usage.t \
	tests/vc-envelope-native.t \
	tests/vc-qemu-envelope.t \
	tests/vc-suite-envelope.t \
	tests/vc-suite-sessions.t \
	tests/vc-native-status.t \
	tests/vc-native-signal.t \
	tests/vc-qemu-run.t \
	tests/vc-qemu-io.t \
	tests/vc-qemu-net.t \
	tests/vc-qemu-net-signal.t \
	tests/vc-qemu-disk-variants.t \
	tests/vc-qemu-cpu.t \
	tests/vc-qemu-watchdog.t \
	tests/vc-kvm-check.t \
	tests/vc-qemu-signal.t \
	tests/vc-qemu-records.t \
	tests/vc-qemu-orphan.t \
	tests/vc-qemu-comma.t \
	tests/vc-qemu-usage.t \
	tests/vc-qemu-write-error.t \
	tests/vc-qemu-verbose.t \
	tests/vc-qemu-unequal.t \
	tests/vc-container-docker.t \
	tests/vc-container-podman.t \
	tests/vc-container-probe.t \
	tests/vc-container-usage.t \
	tests/vc-container-verbose.t \
	tests/vc-container-cpus.t \
	tests/vc-container-memo.t \
	tests/vc-suite-usage.t \
	tests/vc-suite-variant-usage.t \
	tests/vc-suite-variant.t \
	tests/vc-suite-variant-profile.t \
	tests/vc-suite-skip.t \
	tests/vc-suite-all-skipped.t \
	tests/vc-suite-signal.t \
	tests/vc-suite-resume.t \
	tests/vc-suite-failed.t \
	tests/vc-suite-matrix.t \
	tests/vc-suite-record-size.t \
	tests/vc-suite-resume-matrix.t \
	tests/vc-suite-resume-argv.t \
	tests/vc-suite-words.t \
	tests/vc-suite-full-disk.t \
	tests/vc-suite-resume-partial.t \
	tests/vc-suite-shuffle.t \
	tests/vc-suite-resume-foreign.t \
	tests/vc-suite-adaptive.t \
	tests/vc-suite-params.t \
	tests/vc-suite-unequal.t \
	tests/vc-container-unequal.t \
	tests/vc-container-equal.t \
	tests/vc-container-disk.t \
	tests/vc-container-disk-signal.t \
	tests/vc-container-sweep.t \
	tests/vc-container-two-caches.t \
	tests/vc-container-net.t
EXTRA_DIST += tests/fake-runner.sh tests/fake-engine.sh tests/fake-qemu.py \
	tests/qemu.sh tests/container.sh tests/engines.sh

# vc-fleet: vc-suite on several hosts through ssh and rsync, merged.
bin_PROGRAMS += harness/run/vc-fleet
harness_run_vc_fleet_SOURCES = harness/run/vc-fleet.c
harness_run_vc_fleet_CPPFLAGS = $(AM_CPPFLAGS) $(JSONC_CFLAGS) \
	-DPKGLIBEXECDIR='"$(pkglibexecdir)"' -DPKGDATADIR='"$(pkgdatadir)"'
harness_run_vc_fleet_LDADD = harness/report/libresults.a $(RUNNER_LIBS) \
	$(JSONC_LIBS)
dist_man_MANS += man/vc-fleet.1
# Its tests run a real sshd of their own (tests/sshd.sh).
SH_TESTS += \
	tests/vc-fleet-usage.t \
	tests/vc-fleet-run.t \
	tests/vc-fleet-unreachable.t \
	tests/vc-fleet-resume.t \
	tests/vc-fleet-signal.t \
	tests/vc-fleet-qemu.t \
	tests/vc-fleet-quoting.t
EXTRA_DIST += tests/sshd.sh
