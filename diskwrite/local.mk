## diskwrite: see man/diskwrite.1
# Linked dynamically: json-c reads fio's report, and fio itself is a
# dynamic program, so a static diskwrite would gain nothing.
bin_PROGRAMS += diskwrite/diskwrite
diskwrite_diskwrite_SOURCES = diskwrite/diskwrite.c \
	diskwrite/fiojson.c diskwrite/fiojson.h
diskwrite_diskwrite_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
diskwrite_diskwrite_LDADD = lib/libvc.a $(JSONC_LIBS)
dist_man_MANS += man/diskwrite.1

# The fio report parser, fed good, truncated and hostile input.
check_PROGRAMS += tests/unit-fiojson
tests_unit_fiojson_SOURCES = tests/unit-fiojson.c tests/tap.h \
	diskwrite/fiojson.c diskwrite/fiojson.h
tests_unit_fiojson_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/diskwrite
tests_unit_fiojson_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_fiojson_LDADD = $(JSONC_LIBS)
TESTS += tests/unit-fiojson

SH_TESTS += \
	tests/diskwrite-direct.t \
	tests/diskwrite-fiofail.t \
	tests/diskwrite-nodir.t \
	tests/diskwrite-nofio.t \
	tests/diskwrite-readonly.t \
	tests/diskwrite-run.t \
	tests/diskwrite-signal.t \
	tests/diskwrite-space.t \
	tests/diskwrite-usage.t
