# container.sh - the vc-container tests, run once per engine: every
# benchmark at a small size, statuses, timeout, and nothing left behind.
# The caller sets ENGINE (docker or podman).
need_cmd "$ENGINE" python3
"$ENGINE" info >/dev/null 2>&1 ||
	skip_all "$ENGINE does not answer (for docker: is dockerd running?)"
VIRTCOST_ENGINE=$ENGINE
export VIRTCOST_ENGINE

# containers_left NAME: no virtcost container remains in the engine.
containers_left() {
	left=$("$ENGINE" ps -a --format '{{.Names}}' | grep '^virtcost-')
	if [ -n "$left" ]; then
		fail "$1" "left: $left"
		"$ENGINE" rm -f $left >/dev/null 2>&1
	else
		pass "$1"
	fi
}

plan 17
run vc-container forksum 1 1000
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:500500" "$ENGINE: forksum 1 1000 prints 500500"
containers_left "$ENGINE: no container left after a run"
run vc-container linpack -n 50 -t 0.01 -o json
is "$rc:$(field "$out" residual_normalised | awk '{ print ($1 < 100) }')" "0:1" "$ENGINE: linpack passes its residual check"
run vc-container memsweep -s 1M -r 1 -o json
is "$rc:$(field "$out" seconds | awk '{ print ($1 > 0) }')" "0:1" "$ENGINE: memsweep reports seconds"
run vc-container diskwrite -s 16M -t 2 -o json
if [ "$rc" -eq 0 ]; then
	is "$(field "$out" iops | awk '{ print ($1 > 0) }')" 1 "$ENGINE: diskwrite in the container's file system"
else
	fail "$ENGINE: diskwrite in the container's file system" "rc=$rc" "$err"
fi
mkdir -p "$tap_tmp/bind"
run vc-container -b "$tap_tmp/bind" diskwrite -s 16M -t 2 -o json
is "$rc:$(field "$out" iops | awk '{ print ($1 > 0) }'):$(ls -A "$tap_tmp/bind")" "0:1:" \
    "$ENGINE: diskwrite in a bind mount, which it leaves empty"
run vc-container nginxbench -s 4M -d 2 -o json
is "$rc:$(field "$out" mib_per_second | awk '{ print ($1 > 0) }')" "0:1" \
    "$ENGINE: nginxbench measures the container's nginx through the published port"
containers_left "$ENGINE: no container left after nginxbench"
run vc-container forksum 5 1
is "$rc" 2 "$ENGINE: exit status 2 relayed"
run vc-container no-such-command
is "$rc" 127 "$ENGINE: command not in the image gives 127"
run vc-container -m 64M memsweep -w -p -s 1G -r 1
is "$rc" 137 "$ENGINE: a command killed by the OOM killer gives 128+9"
run vc-container -t 1 linpack -n 100 -t 600
is "$rc" 124 "$ENGINE: the run timeout gives 124"
containers_left "$ENGINE: no container left after a timeout"

vc-container linpack -n 100 -t 600 >/dev/null 2>&1 &
pid=$!
for i in $(seq 50); do
	"$ENGINE" ps --format '{{.Names}}' | grep -q '^virtcost-' && break
	sleep 0.2
done
kill -TERM "$pid"
wait "$pid"
is "$?" 143 "$ENGINE: vc-container dies of SIGTERM"
containers_left "$ENGINE: no container left after SIGTERM"
usage_error "$ENGINE: bad engine name" vc-container -e lxc forksum 1 2
# Of this cache's images (another checkout's are not ours to prune).
hash=$(vc-image -q rootfs | sed -n 's/^rootfs .*rootfs-\([0-9a-f]*\)\.tar$/\1/p')
label=$("$ENGINE" image inspect --format '{{index .Config.Labels "virtcost.cache"}}' "virtcost:$hash" 2>/dev/null)
n=$("$ENGINE" images --filter "label=virtcost.cache=$label" --format '{{.Repository}}:{{.Tag}}' |
    grep -c '^\(localhost/\)\{0,1\}virtcost:')
case $n:$label in
1:?*)	pass "$ENGINE: one virtcost image of this cache, the cached one" ;;
*)	fail "$ENGINE: one virtcost image of this cache, the cached one" \
	    "$n image(s) labelled '$label' (virtcost:$hash)" ;;
esac
done_testing
