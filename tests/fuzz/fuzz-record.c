/* fuzz-record.c - libFuzzer: vc-qemu's reader of the guest's records */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "channel.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The input as a stream of records. Whatever the reader accepts must be
 * what the writer would have written (the same header, a status that
 * prints back the same), and within the input.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	char head[CHANNEL_HEADMAX], tag, st[8];
	size_t pos = 0, off, dlen;
	int n, status;

	while (pos < size && channel_next(buf + pos, size - pos, &tag, &off,
	    &dlen) == 1) {
		if (off + dlen > size - pos)
			__builtin_trap();
		n = channel_head(head, sizeof(head), tag, dlen);
		if (n < 0 || (size_t)n != off || memcmp(head, buf + pos, off))
			__builtin_trap();
		if (tag == 'X' && (status = channel_exit_status(buf + pos + off,
		    dlen)) != -1) {
			n = channel_exit(st, sizeof(st), status);
			if (n < 0 || (size_t)n != dlen ||
			    memcmp(st, buf + pos + off, dlen) != 0)
				__builtin_trap();
		}
		pos += off + dlen;
	}
	return 0;
}
