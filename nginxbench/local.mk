## nginxbench: see man/nginxbench.1 (being written)
# wrk's done() reporter, installed with the package, and the strict
# parser of the line it writes, with its unit test.
dist_pkgdata_DATA = nginxbench/report.lua

check_PROGRAMS += tests/unit-wrkreport
tests_unit_wrkreport_SOURCES = tests/unit-wrkreport.c tests/tap.h \
	nginxbench/wrkreport.c nginxbench/wrkreport.h
tests_unit_wrkreport_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/nginxbench
tests_unit_wrkreport_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_wrkreport_LDADD = $(JSONC_LIBS)
TESTS += tests/unit-wrkreport
