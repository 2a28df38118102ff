#!/bin/sh
# vc-container -n: nginxbench's server in the engine's own network with
# its port published on 127.0.0.1, or (-n host) in the host's network on
# 127.0.0.1 and a port the host chose; both report a result, -v says
# which network, and no container is left. On every engine that answers.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/engines.sh"

plan $((6 * nengines))
for E in $engines; do
	# measured NAME: a result, and the run's container gone
	measured() {
		c=$(container_of)
		if [ "$rc" -eq 0 ] &&
		    [ "$(field "$out" mib_per_second | awk '{ print ($1 > 0) }')" = 1 ] &&
		    [ -n "$c" ] && ! "$E" container inspect "$c" >/dev/null 2>&1; then
			pass "$1"
		else
			fail "$1" "rc=$rc, container '$c'" "stdout: $out" \
			    "stderr: $(printf '%s\n' "$err" | tail -n 5)"
		fi
	}
	# serve MODE: nginxbench with -n MODE, measured; sets the port it
	# measured and the engine's run line that -v showed
	serve() {
		run vc-container -v -e "$E" -n "$1" nginxbench -s 4M -d 2 -o json
		measured "$E: -n $1: nginxbench measures, no container left"
		port=$(param "$out" url | sed -n 's|^http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p')
		run_line=$(printf '%s\n' "$err" | grep '^vc-container: .* run .*--name virtcost-[0-9]')
	}
	serve default
	case $run_line in
	*" --publish 127.0.0.1:$port:80 "*"nginxbench -S -a 0.0.0.0 -p 80 "*)
		pass "$E: -n default: port 80 published on 127.0.0.1:$port" ;;
	*)	fail "$E: -n default: port 80 published on 127.0.0.1:$port" "$run_line" ;;
	esac
	case $err in
	*"vc-container: network: "*" (-n default: the engine's own); port 80 published on 127.0.0.1:$port"*)
		pass "$E: -n default: -v says the network" ;;
	*)	fail "$E: -n default: -v says the network" "$err" ;;
	esac

	serve host
	case $run_line in
	*--publish*) fail "$E: -n host: the host's network, nothing published" "$run_line" ;;
	*" --network=host "*"nginxbench -S -a 127.0.0.1 -p $port "*)
		pass "$E: -n host: the host's network, the server on 127.0.0.1:$port" ;;
	*)	fail "$E: -n host: the host's network, the server on 127.0.0.1:$port" "$run_line" ;;
	esac
	case $err in
	*"vc-container: network: host (-n host: the host's, no network namespace); the server listened on 127.0.0.1:$port"*)
		pass "$E: -n host: -v says the network" ;;
	*)	fail "$E: -n host: -v says the network" "$err" ;;
	esac
done
done_testing
