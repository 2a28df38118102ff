#!/bin/sh
# vc-container -s: diskwrite runs in each place for its directory (the
# container's own file system, a volume or a host directory made for
# the run, a tmpfs) and reports a result; the volume and the directory
# are gone after the run, also after a timeout or a failed run (kept
# with -k); -s with another benchmark makes nothing. On every engine
# that answers.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/engines.sh"

cache=$(mkdir -p "$VIRTCOST_CACHE" && cd "$VIRTCOST_CACHE" && pwd -P)
plan $((12 * nengines))
for E in $engines; do
	dw() { run vc-container -v -e "$E" "$@"; }
	# result NAME DIR: a diskwrite result, written in DIR
	result() {
		if [ "$rc" -eq 0 ] &&
		    [ "$(field "$out" iops | awk '{ print ($1 > 0) }')" = 1 ] &&
		    [ "$(param "$out" directory)" = "$2" ]; then
			pass "$1"
		else
			fail "$1" "rc=$rc" "stdout: $out" \
			    "stderr: $(printf '%s\n' "$err" | tail -n 3)"
		fi
	}

	dw -s overlay diskwrite -s 16M -t 2 -o json
	result "$E: -s overlay: diskwrite in the container's /tmp" /tmp
	case $err in
	*"diskwrite works in /tmp, in the container's own file system (storage driver "[a-z]*)
		pass "$E: -v names the engine's storage driver" ;;
	*)	fail "$E: -v names the engine's storage driver" "$err" ;;
	esac

	dw -s volume diskwrite -s 16M -t 2 -o json
	result "$E: -s volume: diskwrite in the volume" /mnt/disk
	vol=$(made volume)
	c=$(container_of)
	if [ -n "$vol" ] && gone_volume "$E" "$vol" && [ -n "$c" ] &&
	    ! "$E" container inspect "$c" >/dev/null 2>&1; then
		pass "$E: -s volume: the volume and the container are gone"
	else
		fail "$E: -s volume: the volume and the container are gone" \
		    "volume '$vol', container '$c'" "$("$E" volume ls)"
	fi

	dw -s bind diskwrite -s 16M -t 2 -o json
	result "$E: -s bind: diskwrite in the bind-mounted directory" /mnt/disk
	dir=$(made bind)
	case $dir in
	"$cache"/disk.??????)
		if [ -e "$dir" ]; then
			fail "$E: -s bind: the directory in the cache is gone" "left: $dir"
		else
			pass "$E: -s bind: the directory in the cache is gone"
		fi ;;
	*)	fail "$E: -s bind: the directory in the cache is gone" \
		    "made '$dir', not in $cache" ;;
	esac

	# tmpfs takes O_DIRECT since Linux 6.6; before, diskwrite says why not.
	dw -s tmpfs diskwrite -s 16M -t 2 -o json
	if [ "$rc" -eq 1 ] && printf '%s\n' "$err" | grep -q '^diskwrite: .*tmpfs'; then
		pass "$E: -s tmpfs: diskwrite refuses tmpfs (kernel $(uname -r))"
	else
		result "$E: -s tmpfs: diskwrite in a tmpfs, or its refusal" /mnt/disk
	fi

	dw -s volume forksum 1 10
	case $rc:$(printf '%s\n' "$out" | head -n 1):$err in
	*"volume create"* | *"diskwrite works"*)
		fail "$E: -s volume with forksum: no volume made" "$err" ;;
	0:55:*)	pass "$E: -s volume with forksum: no volume made" ;;
	*)	fail "$E: -s volume with forksum: no volume made" "rc=$rc" "$err" ;;
	esac

	dw -s volume -t 1 diskwrite -s 16M -t 60
	vol=$(made volume)
	is "$rc:$([ -n "$vol" ] && gone_volume "$E" "$vol" && echo gone)" "124:gone" \
	    "$E: -s volume: after a timeout the volume is gone"
	c=$(container_of)
	if [ -n "$c" ] && ! "$E" container inspect "$c" >/dev/null 2>&1; then
		pass "$E: -s volume: after a timeout the container is gone"
	else
		fail "$E: -s volume: after a timeout the container is gone" "'$c'"
	fi

	# diskwrite refuses its arguments in the container: the run failed.
	dw -s bind diskwrite -s 16X
	dir=$(made bind)
	is "$rc:$([ -n "$dir" ] && [ ! -e "$dir" ] && echo gone)" "2:gone" \
	    "$E: -s bind: after a failed run the directory is gone"

	# -k keeps them, and names them.
	run vc-container -e "$E" -k -s volume diskwrite -s 16M -t 1
	c=$(printf '%s\n' "$err" | sed -n 's/^vc-container: kept container //p')
	vol=$(printf '%s\n' "$err" | sed -n 's/^vc-container: kept volume //p')
	if [ "$rc" -eq 0 ] && [ -n "$c" ] && [ "$vol" = "$c" ] &&
	    "$E" volume inspect "$vol" >/dev/null 2>&1; then
		pass "$E: -k -s volume: the volume is kept and named"
	else
		fail "$E: -k -s volume: the volume is kept and named" "rc=$rc" "$err"
	fi
	[ -n "$c" ] && "$E" rm -f "$c" >/dev/null 2>&1
	[ -n "$vol" ] && "$E" volume rm -f "$vol" >/dev/null 2>&1
done
done_testing
