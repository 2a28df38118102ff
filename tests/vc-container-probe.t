#!/bin/sh
# vc-container finds what podman needs on this machine by itself: each
# engine configuration below breaks podman's own settings the way an
# unprepared machine does (a runtime that is not there, a cgroup manager
# without systemd), and the probe must find the working flags, say so in
# one line, cache them, and describe them with -I. Hand-set flags win.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd podman runc
VIRTCOST_ENGINE=podman
export VIRTCOST_ENGINE
# A configuration no earlier run has probed: the probe's cache key
# covers the engine's configuration files.
conf=$tap_tmp/containers.conf

plan 15
printf '# %s\n[engine]\nruntime = "virtcost-no-such-runtime"\n' \
    "$$-$(date +%s%N)" >"$conf"
CONTAINERS_CONF=$conf run vc-container forksum 1 100
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:5050" \
    "a runtime that is not installed: forksum still runs"
is "$(printf '%s\n' "$err" | grep -c 'own settings failed.*--runtime=runc.*probed once, cached in')" 1 \
    "it says in one line what it changed, and where it cached it"
cache=$(printf '%s\n' "$err" | sed -n 's/.*cached in \(.*\))$/\1/p')
ok_if "the answer is cached" test -s "$cache"
CONTAINERS_CONF=$conf run vc-container forksum 1 100
is "$rc:$err" "0:" "the next run uses the cache and says nothing"
CONTAINERS_CONF=$conf run vc-container -v forksum 1 100
is "$(printf '%s\n' "$err" | grep -c 'probed before, cached in')" 1 \
    "with -v every run says what it changed"
CONTAINERS_CONF=$conf run vc-container -I
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^engine_flags //p')" "0:--runtime=runc" \
    "-I gives the engine flags"
is "$(printf '%s\n' "$out" | grep -c '^engine_defaults failed: .*virtcost-no-such-runtime')" 1 \
    "-I says why the engine's own settings failed"

printf '# %s\n[engine]\ncgroup_manager = "systemd"\n' \
    "$$-$(date +%s%N)" >"$conf"
if [ -d /run/systemd/system ]; then want=""; else want="--cgroup-manager=cgroupfs"; fi
CONTAINERS_CONF=$conf run vc-container -I
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^engine_flags *//p')" "0:$want" \
    "the systemd cgroup manager without systemd: cgroupfs"

# The envelope is the native run's: our own rlimits, no pids cap.
run vc-container -I
nofile="nofile=$(ulimit -Sn):$(ulimit -Hn)"
is "$(printf '%s\n' "$out" | sed -n 's/^run_flags //p' | grep -c -- "--ulimit $nofile .*--pids-limit=-1")" 1 \
    "run flags: the host's open-file limit, and no pids cap"
run vc-container forksum -o json 1 3000
is "$rc:$(field "$out" processes):$(field "$out" fork_failures)" "0:5998:0" \
    "forksum 1 3000 creates every process (podman's pids cap of 2048 is lifted)"
run vc-container -R --pids-limit=100 forksum -o json 1 3000
is "$rc:$(field "$out" fork_failures | awk '{ print ($1 > 0) }')" "0:1" \
    "hand-set run flags win over the envelope"
VIRTCOST_ENGINE_FLAGS=--runtime=runc run vc-container -I
is "$rc:$(printf '%s\n' "$out" | sed -n 's/^engine_defaults //p')" \
    "0:not probed: engine flags given" "hand-set engine flags replace the probe"

# Docker that is installed but not running is named, not started.
VIRTCOST_ENGINE= run vc-container -I
if docker version >/dev/null 2>&1; then
	is "$(printf '%s\n' "$out" | grep -c '^note ')" 0 "docker answers: no note"
elif [ -x /usr/sbin/dockerd ] || [ -x /usr/bin/dockerd ]; then
	is "$(printf '%s\n' "$out" | grep -c "^note docker's daemon is installed but not running: start it with")" 1 \
	    "dockerd installed but not running: -I says how to start it"
else
	is "$(printf '%s\n' "$out" | grep -c '^note ')" 0 "no dockerd: no note"
fi
usage_error "-I takes no command" vc-container -I forksum 1 2
is "$(podman ps -a --format '{{.Names}}' | grep -c '^virtcost-')" 0 \
    "no probe container is left"
done_testing
