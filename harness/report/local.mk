## harness/report: vc-report and vc-plot, a results directory -> tables
## and charts, and the one reader and writer of its files.
lib_libvc_a_SOURCES += lib/stats.c lib/stats.h

# Both read a results directory the same way; json-c reads meta.json.
# resultsfile.c owns the CSV files' format, vc-suite writes them with it.
noinst_LIBRARIES += harness/report/libresults.a
harness_report_libresults_a_SOURCES = \
	harness/report/results.c harness/report/results.h \
	harness/report/resultsfile.c harness/report/resultsfile.h \
	harness/report/work.c harness/report/work.h \
	harness/report/compare.c harness/report/compare.h \
	harness/report/merge.c harness/report/merge.h
harness_report_libresults_a_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
REPORT_LIBS = harness/report/libresults.a harness/libcatalog.a lib/libvc.a \
	$(JSONC_LIBS)

bin_PROGRAMS += harness/report/vc-report harness/report/vc-plot
harness_report_vc_report_SOURCES = harness/report/vc-report.c \
	harness/report/rowout.c harness/report/rowout.h \
	harness/report/report.h harness/report/vc-report-compare.c \
	harness/report/html.c harness/report/html.h
harness_report_vc_report_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
harness_report_vc_report_LDADD = $(REPORT_LIBS)
harness_report_vc_plot_SOURCES = harness/report/vc-plot.c
harness_report_vc_plot_LDADD = $(REPORT_LIBS)
dist_man_MANS += man/vc-report.1 man/vc-plot.1

# vc-merge: a fleet's hosts (DIR/hosts/NAME/) into DIR's own files.
bin_PROGRAMS += harness/report/vc-merge
harness_report_vc_merge_SOURCES = harness/report/vc-merge.c
harness_report_vc_merge_LDADD = $(REPORT_LIBS)
dist_man_MANS += man/vc-merge.1
SH_TESTS += \
	tests/vc-merge.t \
	tests/vc-merge-edges.t

check_PROGRAMS += tests/unit-stats
tests_unit_stats_SOURCES = tests/unit-stats.c tests/tap.h
TESTS += tests/unit-stats
SH_TESTS += \
	tests/vc-report-errors.t \
	tests/vc-report-duplicates.t \
	tests/vc-report-many-series.t \
	tests/vc-report-failed.t \
	tests/vc-report-export.t \
	tests/vc-report-flags.t \
	tests/vc-report-formats.t \
	tests/vc-report-stats.t \
	tests/vc-report-write-error.t \
	tests/vc-report-symlinks.t \
	tests/vc-report-extreme.t \
	tests/vc-report-params.t \
	tests/vc-report-envelope.t \
	tests/vc-report-conditions.t \
	tests/vc-report-unequal.t \
	tests/vc-report-variant.t \
	tests/vc-report-json.t \
	tests/vc-report-compare.t \
	tests/vc-plot-charts.t \
	tests/vc-plot-errors.t \
	tests/vc-plot-format.t \
	tests/vc-plot-overhead.t \
	tests/vc-plot-hostile.t \
	tests/vc-plot-failed.t \
	tests/vc-plot-symlinks.t \
	tests/vc-plot-extreme.t \
	tests/vc-plot-title.t \
	tests/vc-plot-unequal.t \
	tests/vc-plot-compare.t \
	tests/vc-report-html.t \
	tests/vc-report-html-escape.t \
	tests/vc-report-hosts.t \
	tests/vc-report-hosts-dirs.t \
	tests/vc-report-hosts-suite.t \
	tests/vc-plot-hosts.t
EXTRA_DIST += tests/report-data.sh

# failures.csv: written by vc-suite, read by vc-report and vc-plot.
check_PROGRAMS += tests/unit-failures
tests_unit_failures_SOURCES = tests/unit-failures.c tests/tap.h
tests_unit_failures_LDADD = $(REPORT_LIBS)
TESTS += tests/unit-failures

# results.csv and failures.csv's CSV, and params, written and read back.
check_PROGRAMS += tests/unit-resultsfile
tests_unit_resultsfile_SOURCES = tests/unit-resultsfile.c tests/tap.h
tests_unit_resultsfile_LDADD = $(REPORT_LIBS)
TESTS += tests/unit-resultsfile

# work.c: did a platform's runs do native's work? The one check.
check_PROGRAMS += tests/unit-work
tests_unit_work_SOURCES = tests/unit-work.c tests/tap.h
tests_unit_work_LDADD = $(REPORT_LIBS)
TESTS += tests/unit-work

# compare.c and stats_welch: vc-report -b's numbers, worked by hand.
check_PROGRAMS += tests/unit-compare
tests_unit_compare_SOURCES = tests/unit-compare.c tests/tap.h
tests_unit_compare_LDADD = $(REPORT_LIBS)
TESTS += tests/unit-compare
