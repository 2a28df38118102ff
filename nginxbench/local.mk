## nginxbench: see man/nginxbench.1
bin_PROGRAMS += nginxbench/nginxbench
nginxbench_nginxbench_SOURCES = nginxbench/nginxbench.c nginxbench/limit.h \
	nginxbench/http.c nginxbench/http.h \
	nginxbench/nginx.c nginxbench/nginx.h \
	nginxbench/wrkreport.c nginxbench/wrkreport.h
# The wrk report script is found where it is installed, unless
# VIRTCOST_DATADIR (the tests) or -L says otherwise.
nginxbench_nginxbench_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPKGDATADIR='"$(pkgdatadir)"'
nginxbench_nginxbench_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
nginxbench_nginxbench_LDADD = lib/libvc.a $(JSONC_LIBS)
dist_pkgdata_DATA = nginxbench/report.lua
dist_man_MANS += man/nginxbench.1

check_PROGRAMS += tests/unit-wrkreport
tests_unit_wrkreport_SOURCES = tests/unit-wrkreport.c tests/tap.h \
	nginxbench/wrkreport.c nginxbench/wrkreport.h
tests_unit_wrkreport_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/nginxbench
tests_unit_wrkreport_CFLAGS = $(AM_CFLAGS) $(JSONC_CFLAGS)
tests_unit_wrkreport_LDADD = $(JSONC_LIBS)
TESTS += tests/unit-wrkreport
SH_TESTS += \
	tests/nginxbench-bad-url.t \
	tests/nginxbench-local.t \
	tests/nginxbench-missing.t \
	tests/nginxbench-nginx-fails.t \
	tests/nginxbench-no-requests.t \
	tests/nginxbench-port-taken.t \
	tests/nginxbench-run-errors.t \
	tests/nginxbench-serve.t \
	tests/nginxbench-signals.t \
	tests/nginxbench-slow.t \
	tests/nginxbench-unreachable.t \
	tests/nginxbench-url.t \
	tests/nginxbench-usage.t
