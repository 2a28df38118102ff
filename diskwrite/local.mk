## diskwrite: see man/diskwrite.1 (being written)

# The fio report parser, fed good, truncated and hostile input.
check_PROGRAMS += tests/unit-fiojson
tests_unit_fiojson_SOURCES = tests/unit-fiojson.c tests/tap.h \
	diskwrite/fiojson.c diskwrite/fiojson.h
tests_unit_fiojson_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/diskwrite
tests_unit_fiojson_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_fiojson_LDADD = $(JSONC_LIBS)
TESTS += tests/unit-fiojson
