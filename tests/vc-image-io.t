#!/bin/sh
# The io part: the I/O benchmarks, nginx and fio with their libraries,
# and the virtio modules listed in /etc/vc-modules, each after every
# module its .modinfo says it depends on.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd python3 fio
need_nginx
image_env

run vc-image -q kernel
[ "$rc" -eq 0 ] || skip_all "no guest kernel: $err"
moddir=$(printf '%s\n' "$out" | sed -n 's/^moddir //p')

plan 6
run vc-image -q io
part=${out#io }
if [ "$rc" -eq 0 ] && [ -z "$err" ] &&
    case $out in "io $VIRTCOST_CACHE/io-"*.cpio*) true ;;
    *) false ;; esac && [ -f "$part" ]; then
	pass "vc-image io prints 'io PATH' in the cache"
else
	fail "vc-image io" "rc=$rc" "stdout: $out" "stderr: $err"
fi

[ -f "$part" ] || exit 1	# the rest would only repeat it

# Reads the archive, then prints one line per check: "ok WHAT" or
# "not ok WHAT: why". Paths are resolved through the archive's own
# symlinks, as the guest resolves them.
python3 - "$part" "$moddir" >"$tap_tmp/checks" 2>&1 <<'PY'
import os, posixpath, struct, sys
sys.path.insert(0, os.environ['top_srcdir'] + '/tests')
import cpio
files, links = {}, {}
for mode, name, body, major, minor in cpio.entries(sys.argv[1]):
    if mode & 0o170000 == 0o120000:
        links[name] = body.decode()
    else:
        files[name] = (mode, body)

def resolve(path, depth=0):
    parts, cur = path.strip('/').split('/'), ''
    for k, c in enumerate(parts):
        cur = posixpath.join(cur, c) if cur else c
        if cur in links:
            t = links[cur]
            base = '' if t.startswith('/') else posixpath.dirname(cur)
            rest = '/'.join(parts[k + 1:])
            new = posixpath.normpath(posixpath.join('/', base, t, rest))
            return resolve(new, depth + 1) if depth < 40 else None
    return cur if cur in files else None

def check(ok, what, why=''):
    print(('ok ' if ok else 'not ok ') + what + ('' if ok else ': ' + why))

def modinfo(elf, key):
    shoff, = struct.unpack_from('<Q', elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', elf, 0x3a)
    sec = [struct.unpack_from('<IIQQQQ', elf, shoff + n * shentsize)
           for n in range(shnum)]
    stroff = sec[shstrndx][4]
    for s in sec:
        name = elf[stroff + s[0]:elf.index(b'\0', stroff + s[0])]
        if name == b'.modinfo':
            for kv in elf[s[4]:s[4] + s[5]].split(b'\0'):
                if kv.startswith(key.encode() + b'='):
                    return kv.split(b'=', 1)[1].decode()
            return ''
    return None

need = ['bin/diskwrite', 'bin/nginxbench', 'usr/sbin/nginx', 'usr/bin/fio',
        'lib64/ld-linux-x86-64.so.2']
missing = [p for p in need if resolve(p) is None]
check(not missing, 'programs and the loader are there', str(missing))

mods = files.get('etc/vc-modules', (0, b''))[1].decode().split()
names = [posixpath.basename(m)[:-3] for m in mods]
builtin = set()
try:
    for line in open(sys.argv[2] + '/modules.builtin'):
        builtin.add(posixpath.basename(line.strip())[:-3].replace('-', '_'))
except OSError:
    pass
want = [m for m in ('virtio_pci', 'virtio_blk', 'virtio_net')
        if m not in builtin]
check(all(m in names for m in want), 'virtio modules listed',
      'want %s, listed %s' % (want, names))
absent = [m for m in mods if not m.startswith('/lib/modules/') or
          resolve(m) is None]
# A kernel with every driver built in (bootstrap's own) needs none.
check((mods or not want) and not absent,
      'each listed module is in the archive', str(absent or 'empty list'))
late = []
for k, m in enumerate(mods):
    body = files[resolve(m)][1] if resolve(m) else b''
    deps = modinfo(body, 'depends') if body else None
    if deps is None:
        late.append(m + ' has no .modinfo')
        continue
    for d in filter(None, deps.split(',')):
        d = d.replace('-', '_')
        if d not in builtin and d not in [n.replace('-', '_')
                                          for n in names[:k]]:
            late.append('%s before its dependency %s' % (names[k], d))
check(not late, 'dependencies come first', '; '.join(late))
check(len(set(names)) == len(names), 'no module twice', str(names))
PY
while IFS= read -r line; do
	case $line in
	"ok "*) pass "${line#ok }" ;;
	"not ok "*) fail "${line#not ok }" ;;
	*) fail "reading the archive: $line" ;;
	esac
done <"$tap_tmp/checks"
done_testing
