#!/bin/sh
# Bad usage of vc-container gives one line and exit 2 before any engine
# is asked: no container is started here. -c takes a fraction, as the
# engines' --cpus does; $VIRTCOST_ENGINE is checked as -e is, -s and -n
# take their words only, and -s and -b together are refused.
. "${top_srcdir:-.}/tests/tap.sh"

plan 21
unset VIRTCOST_ENGINE VIRTCOST_ENGINE_FLAGS VIRTCOST_RUN_FLAGS
usage_error "unknown option" vc-container -Z forksum 1 1
usage_error "missing command" vc-container
usage_error "-I takes no command" vc-container -I forksum 1 1
usage_error "-e names docker or podman" vc-container -e lxc forksum 1 1
usage_error "-c x refused" vc-container -c x forksum 1 1
usage_error "-c 0 refused" vc-container -c 0 forksum 1 1
usage_error "-c 5s refused: no time" vc-container -c 5s forksum 1 1
usage_error "-c 1e3 refused" vc-container -c 1e3 forksum 1 1
# -c 1.5 passes the option parser: the next check speaks.
run vc-container -c 1.5
is "$rc:$err" "2:vc-container: missing command" "-c 1.5 is accepted"
run vc-container -c 0.25 -I forksum
is "$rc:$err" "2:vc-container: -I describes the platform: it takes no command" \
    "-c 0.25 is accepted"
VIRTCOST_ENGINE=lxc usage_error "VIRTCOST_ENGINE=lxc refused as -e lxc is" \
    vc-container forksum 1 1
is "$err" "vc-container: VIRTCOST_ENGINE=lxc: use docker or podman" \
    "the line names the variable"
VIRTCOST_ENGINE=lxc usage_error "VIRTCOST_ENGINE=lxc refused with -I too" vc-container -I
# -e wins: the variable is not used, so not refused; the next check speaks.
VIRTCOST_ENGINE=lxc run vc-container -e podman
is "$rc:$err" "2:vc-container: missing command" "-e wins over VIRTCOST_ENGINE"
usage_error "-s names overlay, volume, bind or tmpfs" vc-container -s disk diskwrite
is "$err" "vc-container: -s disk: use overlay, volume, bind or tmpfs" "-s: the line names the choices"
usage_error "-s empty refused" vc-container -s '' diskwrite
usage_error "-n names default or host" vc-container -n bridge nginxbench
is "$err" "vc-container: -n bridge: use default or host" "-n: the line names the choices"
usage_error "-s with -b refused" vc-container -s volume -b /var/tmp diskwrite
usage_error "-b with -s refused" vc-container -b /var/tmp -s tmpfs diskwrite
done_testing
