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
	tests/linpack-blocked.t \
	tests/linpack-orders.t \
	tests/linpack-residual.t \
	tests/linpack-usage.t \
	tests/memsweep-run.t \
	tests/memsweep-usage.t \
	tests/output-formats.t \
	tests/write-error.t \
	tests/man-lint.t \
	tests/formula-prefix.t \
	tests/meta-regular.t
EXTRA_DIST += $(SH_TESTS)
clean-local:
	rm -rf tests/cache tests/fuzz/work

## A fleet on Slurm: doc/virtcost.sbatch (installed beside nginxbench's
## report.lua, in pkgdatadir; virtcost(7), SLURM) and its tests on a
## real cluster on this machine that tests/slurm.sh starts (one node,
## then two).
dist_pkgdata_DATA += doc/virtcost.sbatch
SH_TESTS += tests/vc-slurm.t tests/vc-slurm-nodes.t
EXTRA_DIST += tests/slurm.sh
