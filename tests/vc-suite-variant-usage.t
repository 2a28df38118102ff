#!/bin/sh
# -p's platform variants (PLATFORM:KEY=VALUE...): a bad one is refused
# with one line and exit 2 before anything runs; two spellings of one
# variant, or one given twice, are one column under its canonical name.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 13
usage_error "an unknown platform" vc-suite -p native,xen:cpus=1
usage_error "an unknown setting" vc-suite -p qemu:colour=red
usage_error "a setting of another platform" vc-suite -p native:disk=raw
usage_error "the CPU model is qemu's, not kvm's" vc-suite -p kvm:cpu=max
usage_error "an unknown value" vc-suite -p qemu:disk=vmdk
usage_error "no value" vc-suite -p qemu:disk
usage_error "a key twice" vc-suite -p qemu:disk=raw:disk=qcow2
usage_error "cpus=0" vc-suite -p container:cpus=0
usage_error "a CPU model that is no plain word" vc-suite -p 'qemu:cpu=a/b'
usage_error "an empty setting" vc-suite -p qemu:
cols=native
i=1
while [ $i -le 32 ]; do cols="$cols,native:cpus=$i"; i=$((i + 1)); done
usage_error "more than 32 columns" vc-suite -p "$cols"

d=$tap_tmp/r
run vc-suite -P quick -p native:cpus=1,native:cpus=01,native:cpus=1 -b forksum \
    -n 1 -a forksum='1 10' -d "$d"
is "$rc:$(python3 -c 'import json, sys; print(" ".join(c["name"] for c in json.load(open(sys.argv[1]))["columns"]))' "$d/meta.json"):$(cut -d, -f3,10 "$d/results.csv" | sort -u | tr '\n' ' ')" \
    "0:native:cpus=1:native,cpus=1 platform,variant " \
    "three spellings of one variant: one column, its canonical name"
# Different orders of the settings: one column (no need to run it: the
# names in meta.json are written before any run, even when all are skipped).
VIRTCOST_ENGINE=no-such-engine
export VIRTCOST_ENGINE
run vc-suite -P quick -p container:cpus=1:disk=volume,container:disk=volume:cpus=1 \
    -b forksum -n 1 -d "$tap_tmp/s"
is "$(python3 -c 'import json, sys; print(" ".join(c["name"] for c in json.load(open(sys.argv[1]))["columns"]))' "$tap_tmp/s/meta.json")" \
    "container:disk=volume:cpus=1" \
    "settings in either order: one column, in the table's key order"
done_testing
