#!/bin/sh
# -P questions: the benchmarks and columns that answer the course's
# questions, each column checked with its settings' runner options (a
# column that cannot run is skipped with its runner's reason); -b and -p
# still replace the profile's. Stand-in runners whose check fails, so
# that nothing boots: what is tested is what vc-suite asks of them.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 6
. "$top_srcdir/tests/fake-runner.sh"
no_platform vc-native vc-container vc-qemu vc-kvm

meta() {
	python3 - "$1/meta.json" "$2" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
exec(sys.argv[2])
PY
}
d=$tap_tmp/q
run vc-suite -P questions -d "$d"
is "$rc" 1 "every column skipped here: exit 1"
is "$(meta "$d" 'print(" ".join(m["benchmarks"]), "|", m["benchmarks"]["forksum"], "|", m["parameters"]["profile"], m["parameters"]["reps"])')" \
    "linpack forksum diskwrite nginxbench | 1 2000 | questions 3" \
    "the profile's benchmarks, with the quick arguments and repetitions"
is "$(meta "$d" 'print(" ".join(c["name"] for c in m["columns"]))')" \
    "native container container:disk=volume container:disk=bind container:net=host kvm kvm:net=passt kvm:net=tap kvm:net=vhost kvm:disk=raw kvm:cache=none kvm:dev=virtio-scsi qemu qemu:net=passt qemu:net=tap qemu:net=vhost qemu:disk=raw qemu:cache=none qemu:dev=virtio-scsi qemu:cpu=qemu64" \
    "the profile's columns: platforms in the catalogue's order, variants as the profile gives them"
is "$(meta "$d" 'print(m["platforms"]["qemu:net=passt"]["skipped"], "|", m["platforms"]["container:disk=volume"]["skipped"])')" \
    "vc-qemu: no such platform here: -N passt vc-envelope | vc-container: no such platform here: -s volume vc-envelope" \
    "each column checked with its settings' options, skipped with its reason"
case $(meta "$d" 'print(m["platforms"]["kvm:net=tap"]["skipped"])') in
"KVM cannot run a guest here"*|"vc-kvm: no such platform here: -W 10 -N tap vc-envelope")
	pass "a kvm variant: KVM's own check, or the runner's with its options" ;;
*) fail "a kvm variant: KVM's own check, or the runner's with its options" ;; esac

run vc-suite -P questions -p native,qemu:disk=raw -b forksum -d "$tap_tmp/o"
is "$rc:$(meta "$tap_tmp/o" 'print(" ".join(m["benchmarks"]), "|", " ".join(c["name"] for c in m["columns"]))')" \
    "1:forksum | native qemu:disk=raw" "-b and -p replace the profile's"
done_testing
