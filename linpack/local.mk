## linpack: see man/linpack.1
bin_PROGRAMS += linpack/linpack
linpack_linpack_SOURCES = linpack/linpack.c linpack/blocked.c linpack/blocked.h
linpack_linpack_LDFLAGS = $(STATIC_LDFLAGS)
dist_man_MANS += man/linpack.1
