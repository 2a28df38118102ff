# fake-engine.sh - a stand-in container engine for the vc-container tests
# of what it asks the engine: no engine is called, no container started.
# Sourced after tap.sh.
#
#   fake_engine         puts stand-ins for podman and docker first on
#                       PATH, and a private image cache in
#                       $VIRTCOST_CACHE (vc-image builds the rootfs there;
#                       the probe's answer is cached there too). Each call
#                       appends its arguments, one line, to
#                       $tap_tmp/engine-args, and says on standard output
#                       and standard error what it was asked, except `run`,
#                       which runs the command after the image on the
#                       host, as a container would run it: its output
#                       and status are the command's. Its image list
#                       (`info`) is $tap_tmp/images.json, which import
#                       and rmi change.
fake_engine() {
	mkdir -p "$tap_tmp/bin"
	for e in podman docker; do
		cat >"$tap_tmp/bin/$e" <<FAKE
#!/bin/sh
printf '%s\n' "\$*" >>'$tap_tmp/engine-args'
case \$1 in
version)
	echo "Version: fake-$e" ;;
run)
	while [ \$# -gt 0 ]; do
		case \$1 in virtcost:*) shift; exec "\$@" ;; esac
		shift
	done
	exit 125 ;;
container)
	# container inspect: the container is gone
	echo "fake-$e: no such container" >&2
	exit 1 ;;
info)
	# its storage driver and the file that lists its images
	echo 'fake-driver $tap_tmp/images.json' ;;
import | rmi)
	# the list changes, as a real engine's does
	date +%s%N >>'$tap_tmp/images.json'
	echo "fake-$e out: \$*"
	echo "fake-$e err: \$*" >&2 ;;
*)
	echo "fake-$e out: \$*"
	echo "fake-$e err: \$*" >&2 ;;
esac
exit 0
FAKE
		chmod +x "$tap_tmp/bin/$e"
	done
	: >"$tap_tmp/images.json"
	PATH="$tap_tmp/bin:$PATH"
	VIRTCOST_CACHE=$tap_tmp/cache
	VIRTCOST_ENGINE=podman
	export PATH VIRTCOST_CACHE VIRTCOST_ENGINE
	unset VIRTCOST_ENGINE_FLAGS VIRTCOST_RUN_FLAGS CONTAINERS_CONF
	# Never a real engine: its images and containers are not ours.
	for e in podman docker; do
		[ "$(command -v "$e")" = "$tap_tmp/bin/$e" ] ||
			{ echo "Bail out! $e is not the stand-in"; exit 1; }
	done
}
