#!/bin/sh
# -v shows every engine command and its output on standard error (the
# benchmark's output alone stays on standard output); without -v the
# engine says nothing. A stand-in engine: no container is started.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-engine.sh"
fake_engine

plan 8
# stdout: the command's first line, and any line of the engine's
stdout() { printf '%s\n' "$out" | sed -n '1p;/fake-/p'; }
run vc-container forksum 1 100
is "$rc:$(stdout)" "0:5050" "the command's output and status"
is "$err" "" "without -v the engine's commands and output are not shown"
# Probe again, to see the probe's commands.
rm -f "$VIRTCOST_CACHE"/engine-podman-*
run vc-container -v forksum 1 100
is "$rc:$(stdout)" "0:5050" "-v: standard output is still the command's alone"
# shown CMD OUTPUT NAME: the command line, then its output, on stderr
shown() {
	if printf '%s\n' "$err" | grep -q "^vc-container: $1" &&
	    { [ -z "$2" ] || printf '%s\n' "$err" | grep -q "^$2"; }; then
		pass "$3"
	else
		fail "$3" "stderr: $err"
	fi
}
shown "podman version$" "Version: fake-podman$" "-v: the version check and its output"
shown "podman image inspect virtcost:" "fake-podman out: image inspect virtcost:" \
    "-v: the image check and its standard output"
shown "podman run --rm --name virtcost-probe-" "" "-v: the probe's runs"
shown "podman run --rm --name virtcost-[0-9]" "" "-v: the run itself"
shown "podman rm -f virtcost-" "fake-podman out: rm -f virtcost-" \
    "-v: the removal and its output"
done_testing
