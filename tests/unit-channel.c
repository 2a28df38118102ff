/* unit-channel.c - the guest data channel's records, written and read back */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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

static struct channel_reader rd;
static int pfd[2];

/* A fresh reader on a fresh pipe, with s written into it. */
static void
feed(const char *s, size_t len)
{
	close(pfd[0]);
	close(pfd[1]);
	memset(&rd, 0, sizeof(rd));
	if (pipe(pfd) == -1 || write(pfd[1], s, len) != (ssize_t)len) {
		perror("pipe");
		_exit(99);
	}
}

/*
 * Reads the stream in pieces of step bytes (0: as much as has come),
 * taking records as they come whole, until the pipe is empty; the
 * records read, as "TAG[DATA]" strings one after another in got. Returns
 * what channel_take returned last (-1 malformed, 0 all taken).
 */
static int
read_all(const char *s, size_t step, char *got, size_t size)
{
	const char *data;
	size_t len, off = 0, n = strlen(s), glen = 0;
	char tag;
	int r;

	got[0] = '\0';
	feed("", 0);
	for (;;) {
		while ((r = channel_take(&rd, &tag, &data, &len)) == 1)
			glen += (size_t)snprintf(got + glen, size - glen,
			    "%c[%.*s]", tag, (int)len, data);
		if (r == -1 || off == n)
			return r;
		len = step == 0 || n - off < step ? n - off : step;
		if (write(pfd[1], s + off, len) != (ssize_t)len ||
		    channel_read(&rd, pfd[0]) != (ssize_t)len)
			return -2;
		off += len;
	}
}

static void
reader_tests(void)
{
	static const char stream[] =
	    "R 0:O 6:hello!E 4:oops" "O 0:O 3:a:bX 1:0";
	static const char want[] =
	    "R[]O[hello!]E[oops]O[]O[a:b]X[0]";
	static char big[CHANNEL_MAXDATA + 64];
	const char *data;
	char got[256], tag;
	size_t len, step;
	int r;

	for (step = 0; step <= 7; step++) {
		r = read_all(stream, step, got, sizeof(got));
		TAP_OK(r == 0 && strcmp(got, want) == 0,
		    "records read %zu bytes at a time come whole, in order",
		    step);
	}
	r = read_all("O 2:hiX 3:256", 0, got, sizeof(got));
	TAP_OK(r == -1 && strcmp(got, "O[hi]") == 0,
	    "an exit status of 256 is malformed, after what came before");
	TAP_OK(read_all("X 2:01", 1, got, sizeof(got)) == -1,
	    "an exit status with a leading zero is malformed");
	TAP_OK(read_all("X 0:", 0, got, sizeof(got)) == -1,
	    "an empty exit status is malformed");
	TAP_OK(read_all("X 2:-1", 0, got, sizeof(got)) == -1,
	    "a negative exit status is malformed");
	TAP_OK(read_all("X 3:137", 2, got, sizeof(got)) == 0 &&
	    strcmp(got, "X[137]") == 0, "an exit status of 137 is taken");
	r = read_all("O 1:aQ 1:b", 1, got, sizeof(got));
	TAP_OK(r == -1 && strcmp(got, "O[a]") == 0,
	    "an unknown tag after a good record is malformed");
	TAP_OK(read_all("O 65001:", 1, got, sizeof(got)) == -1,
	    "a length over the maximum is malformed, read byte by byte");
	TAP_OK(read_all("O 123456", 0, got, sizeof(got)) == -1,
	    "a length of six digits is malformed before its colon");
	TAP_OK(read_all("O 5:hel", 0, got, sizeof(got)) == 0 && got[0] == '\0',
	    "a record cut short is not taken");
	TAP_OK(read_all("kernel panic\n", 0, got, sizeof(got)) == -1,
	    "console text on the channel is malformed");

	/* The largest record fits, and so does a header after it. */
	memcpy(big, "O 65000:", 8);
	memset(big + 8, 'x', CHANNEL_MAXDATA);
	memcpy(big + 8 + CHANNEL_MAXDATA, "E 5:hello", 9);
	feed(big, 8 + CHANNEL_MAXDATA + 9);
	close(pfd[1]);
	pfd[1] = -1;
	while (channel_read(&rd, pfd[0]) > 0)
		;
	TAP_OK(errno == EMSGSIZE && rd.len == sizeof(rd.buf),
	    "a reader that takes nothing fills up, then refuses to read");
	r = channel_take(&rd, &tag, &data, &len);
	TAP_OK(r == 1 && tag == 'O' && len == CHANNEL_MAXDATA &&
	    data[0] == 'x' && data[len - 1] == 'x',
	    "a record of CHANNEL_MAXDATA bytes is taken whole");
	TAP_OK(channel_take(&rd, &tag, &data, &len) == 0,
	    "the next record is not whole yet");
	TAP_OK(channel_read(&rd, pfd[0]) == 1 &&
	    channel_take(&rd, &tag, &data, &len) == 1 && tag == 'E' &&
	    len == 5 && memcmp(data, "hello", 5) == 0,
	    "taking one makes room for the rest");
	TAP_OK(channel_read(&rd, pfd[0]) == 0, "end of stream reads 0");
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
		m = channel_head(rec, sizeof(rec), CHANNEL_EXIT, (size_t)n);
		memcpy(rec + m, buf, (size_t)n);
		rec[m + n] = '\0';
		if (parse(rec, &tag, &off, &dlen) != 1 || tag != CHANNEL_EXIT ||
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

	pfd[0] = pfd[1] = -1;
	reader_tests();
	return TAP_DONE();
}
