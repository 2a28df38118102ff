/* unit-channel.c - the guest data channel's records, written and read back */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "channel.h"
#include "tap.h"

/* Parses s as a record stream: 1/0/-1 as channel_next, with the parts. */
static int
parse(const char *s, char *tag, size_t *off, size_t *dlen)
{
	return channel_next(s, strlen(s), tag, off, dlen);
}

static int
status_of(const char *s)
{
	return channel_exit_status(s, strlen(s));
}

int
main(void)
{
	char buf[64], rec[128], tag = 0;
	size_t off = 0, dlen = 0;
	int n, m, st;

	/* Round trip: what the writer makes, the reader takes back. */
	for (st = 0; st <= 255; st++) {
		n = channel_exit(buf, sizeof(buf), st);
		m = channel_head(rec, sizeof(rec), 'X', (size_t)n);
		memcpy(rec + m, buf, (size_t)n);
		rec[m + n] = '\0';
		if (parse(rec, &tag, &off, &dlen) != 1 || tag != 'X' ||
		    channel_exit_status(rec + off, dlen) != st)
			break;
	}
	TAP_OK(st == 256, "exit statuses 0-255 round-trip (stopped at %d)", st);
	TAP_OK(channel_exit(buf, sizeof(buf), 256) == -1, "256 not written");
	TAP_OK(channel_exit(buf, sizeof(buf), -1) == -1, "-1 not written");
	TAP_OK(channel_head(rec, sizeof(rec), 'Z', 1) == -1, "unknown tag not written");
	TAP_OK(channel_head(rec, sizeof(rec), 'O', CHANNEL_MAXDATA + 1) == -1,
	    "overlong record not written");

	/* Exit records a guest might send. */
	TAP_OK(status_of("0") == 0, "X 1:0 is 0");
	TAP_OK(status_of("137") == 137, "X 3:137 is 137");
	TAP_OK(status_of("abc") == -1, "X 3:abc is malformed");
	TAP_OK(status_of("") == -1, "X 0: is malformed");
	TAP_OK(status_of("256") == -1, "X 3:256 is malformed");
	TAP_OK(status_of("513") == -1, "X 3:513 is malformed");
	TAP_OK(status_of("-1") == -1, "X 2:-1 is malformed");
	TAP_OK(status_of("+1") == -1, "X 2:+1 is malformed");
	TAP_OK(status_of(" 1") == -1, "X 2: 1 is malformed");
	TAP_OK(status_of("1 ") == -1, "X 2:1  is malformed");
	TAP_OK(status_of("01") == -1, "X 2:01 is malformed");
	TAP_OK(status_of("99999999999999999999") == -1, "a huge status is malformed");
	TAP_OK(channel_exit_status("3\n", 1) == 3, "only len bytes are read");

	/* Framing. */
	TAP_OK(parse("O 5:hello", &tag, &off, &dlen) == 1 && tag == 'O' &&
	    off == 4 && dlen == 5, "O 5:hello");
	TAP_OK(parse("R 0:", &tag, &off, &dlen) == 1 && tag == 'R' &&
	    dlen == 0, "R 0:");
	TAP_OK(parse("O 5:hell", &tag, &off, &dlen) == 0, "incomplete data waits");
	TAP_OK(parse("O 12", &tag, &off, &dlen) == 0, "incomplete length waits");
	TAP_OK(parse("O", &tag, &off, &dlen) == 0, "a lone tag waits");
	TAP_OK(parse("", &tag, &off, &dlen) == 0, "nothing waits");
	TAP_OK(parse("Z 1:x", &tag, &off, &dlen) == -1, "unknown tag");
	TAP_OK(parse("Z", &tag, &off, &dlen) == -1, "unknown tag, seen early");
	TAP_OK(parse("O:1:x", &tag, &off, &dlen) == -1, "no space");
	TAP_OK(parse("O -1:x", &tag, &off, &dlen) == -1, "negative length");
	TAP_OK(parse("O +1:x", &tag, &off, &dlen) == -1, "signed length");
	TAP_OK(parse("O  1:x", &tag, &off, &dlen) == -1, "spaced length");
	TAP_OK(parse("O :x", &tag, &off, &dlen) == -1, "empty length");
	TAP_OK(parse("O 01:x", &tag, &off, &dlen) == -1, "leading zero");
	TAP_OK(parse("O 1x:x", &tag, &off, &dlen) == -1, "junk in the length");
	TAP_OK(parse("O 65001:", &tag, &off, &dlen) == -1, "length over the maximum");
	TAP_OK(parse("O 99999", &tag, &off, &dlen) == -1, "length over the maximum, seen early");
	TAP_OK(parse("O 1000000", &tag, &off, &dlen) == -1, "six digits, seen early");
	TAP_OK(parse("O 65000", &tag, &off, &dlen) == 0, "the maximum waits");
	return TAP_DONE();
}
