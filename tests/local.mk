## Tests shared by the tools, and the unit tests of lib/.
check_PROGRAMS += tests/unit-parse tests/unit-record tests/unit-channel
tests_unit_parse_SOURCES = tests/unit-parse.c tests/tap.h
tests_unit_record_SOURCES = tests/unit-record.c tests/tap.h
tests_unit_channel_SOURCES = tests/unit-channel.c tests/tap.h

TESTS += tests/unit-parse tests/unit-record tests/unit-channel $(SH_TESTS)
check_PROGRAMS += tests/unit-run
tests_unit_run_SOURCES = tests/unit-run.c tests/tap.h
TESTS += tests/unit-run
SH_TESTS += \
	tests/forksum-sums.t \
	tests/forksum-nproc.t \
	tests/forksum-usage.t \
	tests/linpack-residual.t \
	tests/linpack-usage.t \
	tests/memsweep-run.t \
	tests/memsweep-usage.t \
	tests/output-formats.t \
	tests/write-error.t \
	tests/man-lint.t \
	tests/vc-native-status.t \
	tests/vc-native-signal.t \
	tests/vc-qemu-run.t \
	tests/vc-qemu-io.t \
	tests/vc-qemu-watchdog.t \
	tests/vc-qemu-signal.t \
	tests/vc-qemu-records.t \
	tests/vc-qemu-orphan.t \
	tests/vc-qemu-comma.t \
	tests/vc-qemu-usage.t \
	tests/vc-qemu-write-error.t \
	tests/vc-qemu-verbose.t \
	tests/vc-container-docker.t \
	tests/vc-container-podman.t \
	tests/vc-container-probe.t \
	tests/vc-container-usage.t \
	tests/vc-container-verbose.t \
	tests/vc-container-cpus.t \
	tests/vc-suite-usage.t \
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
	tests/formula-prefix.t \
	tests/meta-regular.t
EXTRA_DIST += $(SH_TESTS) tests/fake-runner.sh tests/fake-engine.sh tests/fake-qemu.py
clean-local:
	rm -rf tests/cache tests/fuzz/work
