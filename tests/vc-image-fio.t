#!/bin/sh
# Which fio the io part holds: by default the one ./bootstrap --deps
# built with only the engines that need no library, so none of the
# libraries Debian's fio links for ceph, glusterfs, nbd, rdma or pmem;
# VIRTCOST_FIO names another, refused unless it is the host fio's
# version, the one native runs.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3 fio
need_nginx
image_env
hostfio=$(command -v fio)

run vc-image -q kernel
[ "$rc" -eq 0 ] || skip_all "no guest kernel: $err"

# names PART: the part's file names, one a line
names() {
	python3 - "$1" <<'PY'
import os, sys
sys.path.insert(0, os.environ['top_srcdir'] + '/tests')
import cpio
for mode, name, body, major, minor in cpio.entries(sys.argv[1]):
    print(name)
PY
}
# body PART NAME: that file's bytes
body() {
	python3 - "$1" "$2" <<'PY'
import os, sys
sys.path.insert(0, os.environ['top_srcdir'] + '/tests')
import cpio
for mode, name, body, major, minor in cpio.entries(sys.argv[1]):
    if name == sys.argv[2]:
        sys.stdout.buffer.write(body)
PY
}

run env VIRTCOST_FIO="$hostfio" vc-image -q io
old=${out#io }
orc=$rc oerr=$err
run vc-image io
new=${out#io }
[ "$rc" -eq 0 ] && [ "$new" = "$old" ] &&
    skip_all "the io part holds the host's fio: $err"

plan 7
if [ "$orc" -eq 0 ] && [ -f "$old" ] &&
    body "$old" usr/bin/fio | cmp -s - "$hostfio"; then
	pass "VIRTCOST_FIO=$hostfio: the io part holds that fio"
else
	fail "VIRTCOST_FIO=$hostfio" "rc=$orc" "$oerr"
fi
if [ "$rc" -eq 0 ] && [ -f "$new" ]; then
	pass "by default another fio than the host's: ${new##*/}"
else
	fail "vc-image io" "rc=$rc" "$err"
fi
big=$(names "$new" | grep -E 'lib(rbd|rados|ceph|gfapi|glusterfs|nbd|ibverbs|rdmacm|pmem|icu)' | tr '\n' ' ')
is "$big" "" "none of the libraries of the engines we do not run"
body "$new" usr/bin/fio >"$tap_tmp/fio"
chmod +x "$tap_tmp/fio"
is "$("$tap_tmp/fio" --version)" "$(fio --version)" \
    "it is the host fio's version"
eng=$("$tap_tmp/fio" --enghelp | awk '$1 == "libaio" || $1 == "psync" { print $1 }' |
    sort | tr '\n' ' ')
is "$eng" "libaio psync " "it has the engines diskwrite runs"

one_line_fail "VIRTCOST_FIO that is no program" \
    "VIRTCOST_FIO=$tap_tmp/none: not an executable file" \
    env VIRTCOST_FIO="$tap_tmp/none" vc-image io
one_line_fail "VIRTCOST_FIO that is no fio" \
    "VIRTCOST_FIO=/bin/true is no fio, the host's $hostfio is $(fio --version)" \
    env VIRTCOST_FIO=/bin/true vc-image io
done_testing
