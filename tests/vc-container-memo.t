#!/bin/sh
# Per run, vc-container asks the engine only to run the container: its
# version while its program, settings and environment are unchanged,
# the image while the engine's image list is unchanged, and the
# container's removal after --rm has removed it are not asked again,
# and any change brings each back. A stand-in engine: no container.
. "${top_srcdir:-.}/tests/tap.sh"
. "${top_srcdir:-.}/tests/fake-engine.sh"
fake_engine

# asked: the engine's subcommands this run, one line ("run" alone is best)
asked() {
	: >"$tap_tmp/engine-args"
	run vc-container "$@"
	printf '%s:' "$rc"
	awk '{ print $1 }' "$tap_tmp/engine-args" | tr '\n' ' ' | sed 's/ $//'
}

plan 12
asked forksum 1 10 >/dev/null
is "$(asked forksum 1 10)" "0:run" "the second run asks the engine only to run"
is "$(asked forksum 5 1)" "2:run" "a command's own failure: no removal either"
is "$(asked -k forksum 1 10)" "0:run" "-k: the container is kept, as named"

# A changed engine program (same size: its times change).
sed 's/Version: fake-podman/Version: fake-podmaN/' "$tap_tmp/bin/podman" >"$tap_tmp/p"
cat "$tap_tmp/p" >"$tap_tmp/bin/podman"
case $(asked forksum 1 10) in
"0:version info image run "*) pass "a changed engine program: asked its version, the image again, probed" ;;
*) fail "a changed engine program: asked its version, the image again, probed" "$(cat "$tap_tmp/engine-args")" ;;
esac
is "$(asked forksum 1 10)" "0:run" "then remembered"

# Another configuration, by the environment or a file's change.
printf '# one\n' >"$tap_tmp/conf"
CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10 >/dev/null
is "$(CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10)" "0:run" \
    "CONTAINERS_CONF set: asked once, then remembered"
printf '# two\n' >"$tap_tmp/conf"
case $(CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10) in
"0:version "*) pass "a changed configuration file: asked again" ;;
*) fail "a changed configuration file: asked again" "$(cat "$tap_tmp/engine-args")" ;;
esac

# The image list changed (another image, or ours removed).
CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10 >/dev/null
echo changed >>"$tap_tmp/images.json"
is "$(CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10)" "0:image run" \
    "a changed image list: the image is looked for again"

# A memo cut short, or an engine failure, and the engine is asked again.
head -n 2 "$VIRTCOST_CACHE/engine-podman-memo" >"$tap_tmp/m"
mv "$tap_tmp/m" "$VIRTCOST_CACHE/engine-podman-memo"
case $(CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10) in
"0:version "*) pass "a memo cut short is not trusted" ;;
*) fail "a memo cut short is not trusted" "$(cat "$tap_tmp/engine-args")" ;;
esac
CONTAINERS_CONF=$tap_tmp/conf run vc-container sh -c 'exit 125'
case $rc:$(CONTAINERS_CONF=$tap_tmp/conf asked forksum 1 10) in
"125:0:version "*) pass "after the engine's failure (125) it is asked again" ;;
*) fail "after the engine's failure (125) it is asked again" "rc=$rc" "$(cat "$tap_tmp/engine-args")" ;;
esac

# The rootfs: vc-image's stamp read here, while it holds, and vc-image
# asked when it does not (another PATH).
sleep 2		# inputs older than the run, so that it stamps them
run vc-container forksum 1 10
run vc-container -v forksum 1 10
case $rc:$err in
"0:"*"rootfs: cached "*"(inputs unchanged, as vc-image's stamp says)"*)
	pass "the rootfs named by vc-image's stamp, without vc-image" ;;
*) fail "the rootfs named by vc-image's stamp, without vc-image" "rc=$rc" "$err" ;;
esac
mkdir "$tap_tmp/more"
PATH="$tap_tmp/more:$PATH" run vc-container -v forksum 1 10
case $rc:$err in
*"as vc-image's stamp says"*) fail "another PATH: vc-image is asked" "$err" ;;
"0:"*"vc-image: rootfs: cached "*) pass "another PATH: vc-image is asked" ;;
*) fail "another PATH: vc-image is asked" "rc=$rc" "$err" ;;
esac
done_testing
