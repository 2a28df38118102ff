#!/bin/sh
# Modules are found by name ('-' and '_' alike) anywhere under -M's
# kernel/ tree, compressed ones are stored decompressed, built-in ones
# are left out, and a module that is nowhere is a clear error.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3 fio
need_nginx
image_env

# The modules come from a kernel that has them: the default one, or,
# when that has every driver built in (bootstrap's own), Debian's
# kernel that bootstrap unpacks beside it.
for k in "" /var/cache/virtcost/kernel/boot/vmlinuz-*; do
	VIRTCOST_KERNEL=$k run vc-image -q kernel
	[ "$rc" -eq 0 ] || continue
	moddir=$(printf '%s\n' "$out" | sed -n 's/^moddir //p')
	[ -n "$(find "$moddir/kernel" -name 'virtio_blk.ko*' 2>/dev/null)" ] &&
		break
done
[ "$rc" -eq 0 ] || skip_all "no guest kernel: $err"
kernel=$(printf '%s\n' "$out" | sed -n 's/^kernel //p')
moddir=$(printf '%s\n' "$out" | sed -n 's/^moddir //p')

# A modules tree of our own: the kernel's virtio, failover and
# net_failover modules, some compressed (gzip, xz), net_failover
# renamed net-failover; virtio_ring is declared built in.
m=$tap_tmp/mods
mkdir -p "$m/kernel/a/b" "$m/kernel/c"
python3 - "$moddir" "$m" <<'PY'
import gzip, lzma, os, sys
src, dst = sys.argv[1], sys.argv[2]
found = {}
for d, _, fs in os.walk(src + '/kernel'):
    for f in fs:
        found[f] = os.path.join(d, f)
def stem(f):
    return f.split('.ko')[0].replace('-', '_')
want = {'virtio', 'virtio_ring', 'virtio_pci', 'virtio_pci_modern_dev',
        'virtio_pci_legacy_dev', 'virtio_blk', 'virtio_net', 'failover',
        'net_failover'}
builtin = []
for f, p in found.items():
    s = stem(f)
    if s not in want:
        continue
    data = open(p, 'rb').read()
    if f.endswith('.xz'):
        data = lzma.decompress(data)
    elif f.endswith('.gz'):
        data = gzip.decompress(data)
    elif f.endswith('.zst'):
        sys.exit('zstd modules: not handled by this test')
    if s == 'virtio_ring':
        builtin.append('kernel/drivers/virtio/virtio_ring.ko')
    elif s == 'virtio_blk':
        open(dst + '/kernel/a/b/virtio_blk.ko.xz', 'wb').write(
            lzma.compress(data))
    elif s == 'virtio':
        open(dst + '/kernel/c/virtio.ko.gz', 'wb').write(
            gzip.compress(data))
    elif s == 'net_failover':
        open(dst + '/kernel/c/net-failover.ko', 'wb').write(data)
    else:
        open(dst + '/kernel/a/' + s + '.ko', 'wb').write(data)
open(dst + '/modules.builtin', 'w').write('\n'.join(builtin) + '\n')
PY
[ $? -eq 0 ] || skip_all "cannot make a modules tree from $moddir"

plan 4
run vc-image -q -k "$kernel" -M "$m" io
part=${out#io }
if [ "$rc" -eq 0 ] && [ -f "$part" ]; then
	pass "io with compressed, renamed and built-in modules"
else
	fail "io with compressed, renamed and built-in modules" "rc=$rc" "$err"
fi

[ -f "$part" ] || exit 1	# the rest would only repeat it

# The list, and whether each module in the archive equals its source.
python3 - "$part" "$moddir" >"$tap_tmp/got" 2>&1 <<'PY'
import gzip, lzma, os, sys
sys.path.insert(0, os.environ['top_srcdir'] + '/tests')
import cpio
files = {name: body for mode, name, body, major, minor in
         cpio.entries(sys.argv[1])}
print(files['etc/vc-modules'].decode().replace('\n', ' ').strip())
orig = {}
for d, _, fs in os.walk(sys.argv[2] + '/kernel'):
    for f in fs:
        orig[f.split('.ko')[0].replace('-', '_')] = os.path.join(d, f)
for m in files['etc/vc-modules'].decode().split():
    base = os.path.basename(m)[:-3]
    raw = open(orig[base.replace('-', '_')], 'rb').read()
    if orig[base.replace('-', '_')].endswith('.xz'):
        raw = lzma.decompress(raw)
    elif orig[base.replace('-', '_')].endswith('.gz'):
        raw = gzip.decompress(raw)
    same = files.get('usr/lib/modules/' + base + '.ko',
                     files.get('lib/modules/' + base + '.ko')) == raw
    print(base, 'same' if same else 'differs')
PY
list=$(head -n 1 "$tap_tmp/got")
is "$list" "/lib/modules/virtio_pci_modern_dev.ko /lib/modules/virtio_pci_legacy_dev.ko /lib/modules/virtio.ko /lib/modules/virtio_pci.ko /lib/modules/virtio_blk.ko /lib/modules/failover.ko /lib/modules/net-failover.ko /lib/modules/virtio_net.ko" \
    "dependencies first, built-in virtio_ring left out"
differs=$(sed 1d "$tap_tmp/got" | grep -v ' same$')
is "$differs" "" "decompressed modules equal the kernel's"

rm "$m/kernel/a/failover.ko"
run vc-image -q -k "$kernel" -M "$m" io
if [ "$rc" -eq 1 ] && case $err in
    *"kernel module failover (needed by net_failover)"*) true ;;
    *) false ;; esac; then
	pass "a missing module is named, with what needs it"
else
	fail "a missing module is named" "rc=$rc" "$err"
fi
done_testing
