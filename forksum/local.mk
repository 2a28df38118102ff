## forksum: see man/forksum.1
bin_PROGRAMS += forksum/forksum
forksum_forksum_SOURCES = forksum/forksum.c
forksum_forksum_LDFLAGS = $(STATIC_LDFLAGS)
dist_man_MANS += man/forksum.1
