#!/bin/sh
# -c takes a fraction of CPUs, as the engines' --cpus does, and passes
# it on. A stand-in engine: no container is started.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-engine.sh"
fake_engine

plan 3
# cpus ARG: the --cpus of the run's engine command ("-" if none)
cpus() {
	: >"$tap_tmp/engine-args"
	run vc-container ${1:+-c "$1"} forksum 1 10
	[ "$rc" -eq 0 ] || { echo "rc=$rc $err"; return; }
	grep '^run --rm --name virtcost-[0-9]' "$tap_tmp/engine-args" |
	    sed -n 's/.* --cpus \([^ ]*\) .*/\1/p;t;s/.*/-/p'
}
is "$(cpus 1.5)" "1.5" "-c 1.5: --cpus 1.5"
is "$(cpus 2)" "2" "-c 2: --cpus 2, as before"
is "$(cpus '')" "-" "no -c: no --cpus"
done_testing
