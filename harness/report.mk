## vc-report and vc-plot: a results directory -> tables and charts.
lib_libvc_a_SOURCES += lib/stats.c lib/stats.h

check_PROGRAMS += tests/unit-stats
tests_unit_stats_SOURCES = tests/unit-stats.c tests/tap.h
TESTS += tests/unit-stats
