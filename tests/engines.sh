# engines.sh - the container engines that answer here, for the
# vc-container tests that run each on every one: $engines (podman, then
# docker) and their count $nengines. Skips the whole test when none
# answers. Sourced after tap.sh.
need_cmd python3
engines=
for e in podman docker; do
	command -v "$e" >/dev/null 2>&1 && "$e" info >/dev/null 2>&1 &&
		engines="$engines $e"
done
[ -n "$engines" ] ||
	skip_all "no container engine answers (podman, or docker with dockerd running)"
nengines=$(echo $engines | wc -w)
unset VIRTCOST_ENGINE_FLAGS VIRTCOST_RUN_FLAGS

# param JSON NAME: a parameter of a record (python3's parser).
param() {
	printf '%s\n' "$1" | python3 -c '
import json, sys
for line in sys.stdin:
    if line.startswith("{"):
        print(json.loads(line)["params"].get(sys.argv[1], ""))
' "$2"
}

# made WHAT: the name of the volume or host directory vc-container -v
# said (in $err) it made for the run, or nothing.
made() {
	case $1 in
	volume) printf '%s\n' "$err" |
		sed -n 's/^vc-container: diskwrite works in .*, on volume \([^ ,]*\), made for this run$/\1/p' ;;
	bind) printf '%s\n' "$err" |
		sed -n 's/^vc-container: diskwrite works in .*, the host directory \(.*\) bind-mounted, made for this run$/\1/p' ;;
	esac
}

# gone_volume ENGINE NAME: no volume NAME in the engine.
gone_volume() { ! "$1" volume inspect "$2" >/dev/null 2>&1; }

# container_of: the container of the run vc-container -v showed in $err.
container_of() {
	printf '%s\n' "$err" |
		sed -n 's/^vc-container: .* run .*--name \(virtcost-[0-9][^ ]*\) .*/\1/p' |
		head -n 1
}
