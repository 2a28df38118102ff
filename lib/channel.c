/*
 * channel.c - the one owner of the guest data channel's record format.
 *
 * The guest is untrusted: a reader takes only what a writer here could
 * have written (a known tag, a plain decimal length within bounds, an
 * exit status 0-255 in plain decimal) and calls everything else
 * malformed, so that a broken or hostile guest cannot pass for success.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "channel.h"

/* Plain decimal, no sign, no space, no leading zero: -1 if not. */
static long
decimal(const char *p, size_t len, long max)
{
	long v = 0;
	size_t i;

	if (len == 0 || (len > 1 && p[0] == '0'))
		return -1;
	for (i = 0; i < len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
		if (v > max)
			return -1;
	}
	return v;
}

static int
known_tag(char tag)
{
	return tag == CHANNEL_READY || tag == CHANNEL_OUT ||
	    tag == CHANNEL_ERR || tag == CHANNEL_EXIT;
}

/* The header of a record of len bytes: its length, or -1. */
int
channel_head(char *buf, size_t size, char tag, size_t len)
{
	int n;

	if (!known_tag(tag) || len > CHANNEL_MAXDATA)
		return -1;
	n = snprintf(buf, size, "%c %zu:", tag, len);
	return n < 0 || (size_t)n >= size ? -1 : n;
}

/* The data of an X record for status: its length, or -1. */
int
channel_exit(char *buf, size_t size, int status)
{
	int n;

	if (status < 0 || status > 255)
		return -1;
	n = snprintf(buf, size, "%d", status);
	return n < 0 || (size_t)n >= size ? -1 : n;
}

/*
 * Looks for one whole record at the start of buf: 1 found (its tag, the
 * offset of its data and the data's length), 0 not all there yet, -1
 * malformed (nothing more from this channel can be trusted).
 */
int
channel_next(const char *buf, size_t len, char *tag, size_t *off,
    size_t *dlen)
{
	const char *colon;
	size_t digits;
	long n;

	if (len >= 1 && !known_tag(buf[0]))
		return -1;
	if (len >= 2 && buf[1] != ' ')
		return -1;
	if (len < 3)
		return 0;
	digits = len - 2 < 6 ? len - 2 : 6;
	if ((colon = memchr(buf + 2, ':', digits)) == NULL) {
		/* Five digits at most, and only digits so far. */
		if (digits == 6 || decimal(buf + 2, digits,
		    CHANNEL_MAXDATA) == -1)
			return -1;
		return 0;
	}
	if ((n = decimal(buf + 2, (size_t)(colon - buf - 2),
	    CHANNEL_MAXDATA)) == -1)
		return -1;
	*off = (size_t)(colon + 1 - buf);
	if (*off + (size_t)n > len)
		return 0;
	*tag = buf[0];
	*dlen = (size_t)n;
	return 1;
}

/* The status an X record carries, 0-255, or -1 if malformed. */
int
channel_exit_status(const char *data, size_t len)
{
	return (int)decimal(data, len, 255);
}

/* Drops the record taken last. */
static void
compact(struct channel_reader *r)
{
	memmove(r->buf, r->buf + r->used, r->len - r->used);
	r->len -= r->used;
	r->used = 0;
}

/*
 * One read(2) of fd into r, with its result; -1 and EMSGSIZE if r is
 * full, which it never is when records are taken as they come whole.
 */
ssize_t
channel_read(struct channel_reader *r, int fd)
{
	ssize_t n;

	compact(r);
	if (r->len == sizeof(r->buf)) {
		errno = EMSGSIZE;
		return -1;
	}
	if ((n = read(fd, r->buf + r->len, sizeof(r->buf) - r->len)) > 0)
		r->len += (size_t)n;
	return n;
}

/*
 * Takes the next whole record out of r: 1 with its tag and data (valid
 * until r is used again), 0 if none is whole yet, -1 if the stream is
 * malformed, an exit record whose status does not read back included;
 * then nothing more from it can be trusted.
 */
int
channel_take(struct channel_reader *r, char *tag, const char **data,
    size_t *len)
{
	size_t off;
	int n;

	compact(r);
	if ((n = channel_next(r->buf, r->len, tag, &off, len)) != 1)
		return n;
	if (*tag == CHANNEL_EXIT &&
	    channel_exit_status(r->buf + off, *len) == -1)
		return -1;
	*data = r->buf + off;
	r->used = off + *len;
	return 1;
}
