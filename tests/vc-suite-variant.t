#!/bin/sh
# Platform variants end to end on real platforms: each variant is a
# column of its own, run with its settings' runner options, recorded in
# results.csv's variant column and in meta.json's columns (the argv, what
# each setting changes), and -r resumes each column on its own.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3 qemu-system-x86_64
vc-image -q kernel >/dev/null 2>&1 || skip_all "no guest kernel"

# The container column where an engine answers, as other tests do.
ct=
if docker info >/dev/null 2>&1 || podman info >/dev/null 2>&1; then
	ct=,container:cpus=1
else
	echo "# no container engine answers: no container:cpus=1 column"
fi

plan 9
d=$tap_tmp/r
run vc-suite -P quick -p "qemu:cpus=1,native,qemu:disk=raw,native:cpus=1$ct" \
    -b forksum -n 2 -a forksum='1 200' -d "$d"
is "$rc:$out" "0:$d" "vc-suite runs the columns"

# Platform and variant, as tidy tools group on them: one pair a column.
is "$(python3 - "$d/results.csv" <<'PY'
import csv, sys
print("|".join(sorted({r["platform"] + "," + r["variant"]
                       for r in csv.DictReader(open(sys.argv[1]))})))
PY
)" "${ct:+container,cpus=1|}native,|native,cpus=1|qemu,cpus=1|qemu,disk=raw" \
    "results.csv: the platform, and the variant in its own column"

meta() {
	python3 - "$d/meta.json" "$@" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
exec(sys.argv[2])
PY
}
is "$(meta 'print(" ".join(c["name"] for c in m["columns"]))')" \
    "native native:cpus=1${ct:+ container:cpus=1} qemu:cpus=1 qemu:disk=raw" \
    "meta.json's columns in the order run: platforms in the catalogue's, the plain column first, then variants as given"
is "$(meta 'c = [c for c in m["columns"] if c["name"] == "qemu:disk=raw"][0]; print(c["platform"], c["settings"], " ".join(c["argv"]), "|", c["descriptions"][0])')" \
    "qemu {'disk': 'raw'} vc-qemu -f raw | guest disk: raw image file" \
    "a column's platform, settings, runner argv and what it changes"
is "$(meta 'print(m["platforms"]["qemu:disk=raw"]["commands"]["forksum"])')" \
    "vc-qemu -f raw forksum -o json 1 200" \
    "the exact command of its runs"
# The setting took effect: what vc-envelope saw in that column.
is "$(meta 'print(m["platforms"]["native:cpus=1"]["envelope"]["cpus_usable"], m["platforms"]["qemu:cpus=1"]["envelope"]["cpus_usable"])')" \
    "1 1" "cpus=1: one CPU usable natively and in the guest"

# -r: take away one column's rep 2, and only that is measured again.
python3 - "$d/results.csv" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines(True)
keep = [l for l in lines if not (",qemu,forksum," in l and l.rstrip("\n").endswith(",disk=raw") and ",2,start=" in l)]
assert len(keep) < len(lines)
open(sys.argv[1], "w").write("".join(keep))
PY
before=$(grep -v ',disk=raw$' "$d/results.csv")
run vc-suite -r "$d"
is "$rc:$(printf '%s\n' "$err" | grep -c '^vc-suite: \[[0-9]*/[0-9]*\] ')" "0:1" \
    "-r: one measurement, the missing one"
case $err in *"[1/1] qemu:disk=raw forksum rep 2: ok"*) pass "-r measured that column's rep" ;;
*) fail "-r measured that column's rep" "$err" ;; esac
is "$(grep -v ',disk=raw$' "$d/results.csv"):$(grep -c ',qemu,forksum,seconds,s,.*,2,start=.*,disk=raw$' "$d/results.csv")" \
    "$before:1" "-r: the other columns untouched, the rep back"
done_testing
