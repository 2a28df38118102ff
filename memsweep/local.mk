## memsweep: see man/memsweep.1
bin_PROGRAMS += memsweep/memsweep
memsweep_memsweep_SOURCES = memsweep/memsweep.c
memsweep_memsweep_LDFLAGS = $(STATIC_LDFLAGS)
dist_man_MANS += man/memsweep.1
