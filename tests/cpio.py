# cpio.py - the tests' one reader of an initramfs part as the kernel
# reads it: newc cpio, gzip-compressed or not (told by its first bytes,
# as the kernel tells), with zeros after the archive.
# entries(path) returns [(mode, name, body, rdevmajor, rdevminor)] in
# archive order, up to the trailer.
import gzip
import io


def unpacked(path):
    data = open(path, 'rb').read()
    if data[:2] == b'\x1f\x8b':
        # GzipFile, unlike gzip.decompress, takes the zeros after it.
        return gzip.GzipFile(fileobj=io.BytesIO(data)).read()
    return data


def entries(path):
    data, i, out = unpacked(path), 0, []
    while True:
        h = data[i:i + 110]
        if h[:6] != b'070701':
            raise ValueError('bad header at %d' % i)
        f = [int(h[6 + 8 * k:14 + 8 * k], 16) for k in range(13)]
        name = data[i + 110:i + 110 + f[11] - 1].decode()
        i = (i + 110 + f[11] + 3) & ~3
        body = data[i:i + f[6]]
        i = (i + f[6] + 3) & ~3
        if name == 'TRAILER!!!':
            break
        out.append((f[1], name, body, f[9], f[10]))
    if data[i:].strip(b'\0'):
        raise ValueError('%d bytes after the trailer are not all zero'
                         % (len(data) - i))
    return out
