## harness: the runners, the images and the results, each in its own
## room (run/, image/, report/, each with its own local.mk), and the
## catalogue all three read. See harness/DESIGN.md.
EXTRA_DIST += harness/DESIGN.md

# The benchmarks and platforms (harness/catalog.c): one table that the
# runners, vc-image, vc-suite, vc-report and vc-plot all read.
noinst_LIBRARIES += harness/libcatalog.a
harness_libcatalog_a_SOURCES = harness/catalog.c harness/catalog.h
check_PROGRAMS += tests/unit-catalog
tests_unit_catalog_SOURCES = tests/unit-catalog.c tests/tap.h
tests_unit_catalog_LDADD = harness/libcatalog.a lib/libvc.a
TESTS += tests/unit-catalog
