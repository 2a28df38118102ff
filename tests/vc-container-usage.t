#!/bin/sh
# Bad usage of vc-container gives one line and exit 2 before any engine
# is asked: no container is started here. $VIRTCOST_ENGINE is checked
# as -e is.
. "${top_srcdir:-.}/tests/tap.sh"

plan 8
unset VIRTCOST_ENGINE VIRTCOST_ENGINE_FLAGS VIRTCOST_RUN_FLAGS
usage_error "unknown option" vc-container -Z forksum 1 1
usage_error "missing command" vc-container
usage_error "-I takes no command" vc-container -I forksum 1 1
usage_error "-e names docker or podman" vc-container -e lxc forksum 1 1
VIRTCOST_ENGINE=lxc usage_error "VIRTCOST_ENGINE=lxc refused as -e lxc is" \
    vc-container forksum 1 1
is "$err" "vc-container: VIRTCOST_ENGINE=lxc: use docker or podman" \
    "the line names the variable"
VIRTCOST_ENGINE=lxc usage_error "VIRTCOST_ENGINE=lxc refused with -I too" vc-container -I
# -e wins: the variable is not used, so not refused; the next check speaks.
VIRTCOST_ENGINE=lxc run vc-container -e podman
is "$rc:$err" "2:vc-container: missing command" "-e wins over VIRTCOST_ENGINE"
done_testing
