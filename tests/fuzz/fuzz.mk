## Fuzzing: libFuzzer harnesses for the parsers of untrusted input, built
## with ./configure --enable-fuzz CC=clang. `make fuzz` runs each for
## FUZZ_SECONDS on a copy of its corpus; `make fuzz-merge` keeps what
## the runs found new in tests/fuzz/corpus (see README).
FUZZ_NAMES = fiojson wrkreport results modinfo record intake
FUZZ_SECONDS = 30
# Extra libFuzzer flags, for all harnesses.
FUZZ_FLAGS =
# results_read dies on bad input and what it had allocated is lost (see
# fuzz-results.c): no leak checks there, neither libFuzzer's per input
# nor ASan's at exit; and its messages go, not the reports (fd 2
# closed). FUZZ_EXTRA sets env and extra for harness $$n.
FUZZ_EXTRA = case $$n in \
	results) env=ASAN_OPTIONS=$${ASAN_OPTIONS:+$$ASAN_OPTIONS:}detect_leaks=0 \
	    extra='-detect_leaks=0 -close_fd_mask=2' ;; \
	*) env= extra= ;; esac

EXTRA_DIST += tests/fuzz/fuzz.mk \
	tests/fuzz/fuzz-fiojson.c tests/fuzz/fuzz-wrkreport.c \
	tests/fuzz/fuzz-results.c tests/fuzz/fuzz-modinfo.c \
	tests/fuzz/fuzz-record.c tests/fuzz/fuzz-intake.c \
	tests/fuzz/fiojson.dict tests/fuzz/wrkreport.dict \
	tests/fuzz/results.dict tests/fuzz/modinfo.dict \
	tests/fuzz/record.dict tests/fuzz/intake.dict \
	tests/fuzz/corpus

if FUZZ
FUZZ_CFLAGS = $(AM_CFLAGS) -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_LINK = -fsanitize=fuzzer,address,undefined
FUZZ_PROGS = tests/fuzz/fuzz-fiojson tests/fuzz/fuzz-wrkreport \
	tests/fuzz/fuzz-results tests/fuzz/fuzz-modinfo tests/fuzz/fuzz-record \
	tests/fuzz/fuzz-intake
noinst_PROGRAMS += $(FUZZ_PROGS)

tests_fuzz_fuzz_fiojson_SOURCES = tests/fuzz/fuzz-fiojson.c \
	diskwrite/fiojson.c diskwrite/fiojson.h
tests_fuzz_fuzz_fiojson_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/diskwrite
tests_fuzz_fuzz_fiojson_CFLAGS = $(FUZZ_CFLAGS) $(JSONC_CFLAGS)
tests_fuzz_fuzz_fiojson_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_fiojson_LDADD = $(JSONC_LIBS)

tests_fuzz_fuzz_wrkreport_SOURCES = tests/fuzz/fuzz-wrkreport.c \
	nginxbench/wrkreport.c nginxbench/wrkreport.h
tests_fuzz_fuzz_wrkreport_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/nginxbench
tests_fuzz_fuzz_wrkreport_CFLAGS = $(FUZZ_CFLAGS) $(JSONC_CFLAGS)
tests_fuzz_fuzz_wrkreport_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_wrkreport_LDADD = $(JSONC_LIBS)

tests_fuzz_fuzz_modinfo_SOURCES = tests/fuzz/fuzz-modinfo.c \
	harness/image/image-kernel.c harness/image/image-kernel.h
tests_fuzz_fuzz_modinfo_CPPFLAGS = $(AM_CPPFLAGS) $(LIBARCHIVE_CFLAGS)
tests_fuzz_fuzz_modinfo_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_modinfo_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_modinfo_LDADD = lib/libvc.a $(LIBARCHIVE_LIBS)

tests_fuzz_fuzz_record_SOURCES = tests/fuzz/fuzz-record.c \
	lib/channel.c lib/channel.h
tests_fuzz_fuzz_record_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_record_LDFLAGS = $(FUZZ_LINK)

# results.c, resultsfile.c and msg.c with exit, fopen and fclose
# renamed: a die returns to the harness, which closes what the reader
# left open; catalog.c is the table results.c reads.
noinst_LIBRARIES += tests/fuzz/libfuzzresults.a
tests_fuzz_libfuzzresults_a_SOURCES = harness/report/results.c \
	harness/report/resultsfile.c harness/report/work.c lib/msg.c \
	harness/catalog.c
tests_fuzz_libfuzzresults_a_CPPFLAGS = $(AM_CPPFLAGS) -Dexit=fuzz_exit \
	-Dfopen=fuzz_fopen -Dfclose=fuzz_fclose
tests_fuzz_libfuzzresults_a_CFLAGS = $(FUZZ_CFLAGS) $(JSONC_CFLAGS)
tests_fuzz_fuzz_results_SOURCES = tests/fuzz/fuzz-results.c
tests_fuzz_fuzz_results_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_results_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_results_LDADD = tests/fuzz/libfuzzresults.a lib/libvc.a \
	$(JSONC_LIBS)
tests_fuzz_fuzz_intake_SOURCES = tests/fuzz/fuzz-intake.c
tests_fuzz_fuzz_intake_CFLAGS = $(FUZZ_CFLAGS)
tests_fuzz_fuzz_intake_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_intake_LDADD = tests/fuzz/libfuzzresults.a lib/libvc.a \
	$(JSONC_LIBS)

# Each harness on a scratch copy of its corpus, so that the source tree
# gets no new inputs; a crash fails the target and leaves its input as
# tests/fuzz/NAME-crash-* in the build tree. FUZZ_SECONDS=N, FUZZ_FLAGS=...
fuzz: $(FUZZ_PROGS)
	@fail=0; for n in $(FUZZ_NAMES); do \
	  work=tests/fuzz/work/$$n; rm -rf "$$work"; mkdir -p "$$work"; \
	  cp $(srcdir)/tests/fuzz/corpus/$$n/* "$$work"/; \
	  $(FUZZ_EXTRA); \
	  echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
	  if env $$env tests/fuzz/fuzz-$$n -max_total_time=$(FUZZ_SECONDS) \
	      -dict=$(srcdir)/tests/fuzz/$$n.dict \
	      -artifact_prefix=tests/fuzz/$$n- -print_final_stats=1 \
	      $$extra $(FUZZ_FLAGS) "$$work" >tests/fuzz/$$n.log 2>&1; then \
	    runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' \
	      tests/fuzz/$$n.log); \
	    rate=$$(sed -n 's/^stat::average_exec_per_sec: *//p' \
	      tests/fuzz/$$n.log); \
	    echo "PASS: fuzz-$$n $$runs runs, $$rate/s"; \
	  else \
	    fail=1; tail -n 40 tests/fuzz/$$n.log; echo "FAIL: fuzz-$$n"; \
	  fi; \
	done; exit $$fail

# The inputs the runs found that reach new code, merged into the corpus
# in the source tree: for a commit, by hand.
fuzz-merge: $(FUZZ_PROGS)
	@for n in $(FUZZ_NAMES); do \
	  test -d tests/fuzz/work/$$n || continue; \
	  $(FUZZ_EXTRA); \
	  env $$env tests/fuzz/fuzz-$$n -merge=1 $$extra \
	    $(srcdir)/tests/fuzz/corpus/$$n tests/fuzz/work/$$n || exit 1; \
	done
else
fuzz fuzz-merge:
	@echo "$@: CC=clang ./configure --enable-fuzz first" >&2; exit 1
endif
CLEANFILES += tests/fuzz/*.log
.PHONY: fuzz fuzz-merge
