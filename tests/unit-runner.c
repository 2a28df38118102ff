/*
 * unit-runner.c - the runners' parsers of what other programs print:
 * nginxbench -S's ready line (ready_path, ready_line) and vc-image's
 * "key value" lines (image_field), where no VM or container is at hand;
 * and what a command needs of a platform (bench_kind).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "run/runner.h"
#include "run/serve.h"
#include "tap.h"

#define READY	"nginxbench: ready: http://10.0.2.15:80/data.bin serves " \
		"8388608 bytes\n"

/* ready_path on s: the path, or "" if none. */
static const char *
path_of(const char *s, size_t size)
{
	static char path[512];

	path[0] = '\0';
	if (!ready_path(s, strlen(s), path, size))
		return "";
	return path;
}

/* Feeds s to a fresh ready_line step bytes at a time: the path or "". */
static const char *
fed(const char *s, size_t step)
{
	static char path[512];
	struct server_lines l = { "", 0 };
	size_t off, n, len = strlen(s);

	for (off = 0; off < len; off += n) {
		n = len - off < step ? len - off : step;
		if (ready_line(&l, s + off, n, path, sizeof(path)))
			return path;
	}
	return "";
}

static void
ready_tests(void)
{
	static char longline[2049 + sizeof(READY)];
	size_t step;
	int ok;

	TAP_OK(strcmp(path_of(READY, 512), "/data.bin") == 0,
	    "ready_path: the path of a ready line");
	TAP_OK(strcmp(path_of("nginxbench: ready: http://127.0.0.1:8080/ "
	    "serves 1 bytes\n", 512), "/") == 0, "ready_path: the path /");
	TAP_OK(strcmp(path_of("nginxbench: ready: http://[::1]:80/x serves "
	    "1 bytes\n", 512), "/x") == 0, "ready_path: an IPv6 address");
	TAP_OK(*path_of("nginxbench: ready: http://10.0.2.15:80/data.bin "
	    "serves 8388608 bytes", 512) == '\0',
	    "ready_path: no newline, no ready line yet");
	TAP_OK(*path_of("nginxbench: ready: http://10.0.2.15:80/data.bin\n",
	    512) == '\0', "ready_path: a path not followed by a space");
	TAP_OK(*path_of("nginxbench: ready: http://10.0.2.15:80 serves\n",
	    512) == '\0', "ready_path: no path at all");
	TAP_OK(*path_of("nginxbench: ready: https://10.0.2.15/x serves\n",
	    512) == '\0', "ready_path: not http://");
	TAP_OK(*path_of(READY, 9) == '\0' && *path_of(READY, 10) == '/',
	    "ready_path: a path as long as its buffer is refused, one "
	    "shorter taken");

	for (step = 1; step < sizeof(READY); step++)
		if (strcmp(fed(READY, step), "/data.bin") != 0)
			break;
	TAP_OK(step == sizeof(READY), "ready_line: the line split anywhere, "
	    "in pieces of 1 to %zu bytes", sizeof(READY) - 1);
	TAP_OK(strcmp(fed("nginx: [warn] something\nnginxbench: note\n"
	    READY, 7), "/data.bin") == 0,
	    "ready_line: other lines before it");
	TAP_OK(*fed("nginxbench: ready: http://10.0.2.15:80/a", 4) == '\0',
	    "ready_line: nothing until its newline");
	TAP_OK(*fed("nginxbench: ready: http://10.0.2.15:80/a\n serves 1 "
	    "bytes\n", 4) == '\0',
	    "ready_line: the parts of two lines do not make one");

	/* A line too long for the buffer is cut, and the next still seen. */
	memset(longline, 'x', 2048);
	longline[2048] = '\n';
	memcpy(longline + 2049, READY, sizeof(READY));
	ok = strcmp(fed(longline, 100), "/data.bin") == 0;
	TAP_OK(ok, "ready_line: a ready line after one of 2048 bytes");
	memset(longline, 'x', 2048);
	memcpy(longline + 2048, READY, sizeof(READY));
	TAP_OK(*fed(longline, 100) == '\0',
	    "ready_line: a ready line cut off at the end of a long line is "
	    "not taken");
}

static void
image_tests(void)
{
	const char *out = "kernel /c/vmlinuz-6.1\nmoddir /c/mod\n"
	    "core /c/core-abc.cpio.gz\nio /c/io-def.cpio.gz";
	const char *v;
	static char big[8192];

	v = image_field(out, "kernel");
	TAP_OK(v != NULL && strcmp(v, "/c/vmlinuz-6.1") == 0,
	    "image_field: the first line");
	v = image_field(out, "core");
	TAP_OK(v != NULL && strcmp(v, "/c/core-abc.cpio.gz") == 0,
	    "image_field: a middle line");
	v = image_field(out, "io");
	TAP_OK(v != NULL && strcmp(v, "/c/io-def.cpio.gz") == 0,
	    "image_field: a last line without a newline");
	TAP_OK(image_field(out, "rootfs") == NULL,
	    "image_field: a key not there");
	TAP_OK(image_field("kernelx /a\nxkernel /b\n", "kernel") == NULL,
	    "image_field: a key is a whole word at the start of a line");
	TAP_OK(image_field("kernel\n", "kernel") == NULL,
	    "image_field: a key without a value");
	v = image_field("kernel \n", "kernel");
	TAP_OK(v != NULL && *v == '\0', "image_field: an empty value");
	v = image_field("core /a b\n", "core");
	TAP_OK(v != NULL && strcmp(v, "/a b") == 0,
	    "image_field: a value with a space");
	TAP_OK(image_field("", "core") == NULL, "image_field: no output");

	memcpy(big, "core ", 5);
	memset(big + 5, 'a', 4096);
	TAP_OK(image_field(big, "core") == NULL,
	    "image_field: a value of 4096 bytes is too long");
	big[5 + 4095] = '\0';
	v = image_field(big, "core");
	TAP_OK(v != NULL && strlen(v) == 4095,
	    "image_field: one of 4095 bytes is not");
}

/* A VM boots with the io part only for what may need it. */
static void
kind_tests(void)
{
	TAP_OK(bench_kind("forksum") == BENCH_CPU, "bench_kind: forksum, cpu");
	TAP_OK(bench_kind("/bin/diskwrite") == BENCH_DISK,
	    "bench_kind: /bin/diskwrite, disk (by its name)");
	TAP_OK(bench_kind(ENVELOPE_PROG) == BENCH_CPU &&
	    bench_kind("/bin/" ENVELOPE_PROG) == BENCH_CPU,
	    "bench_kind: the platform check needs nothing, as cpu");
	TAP_OK(bench_kind("sh") == BENCH_OTHER, "bench_kind: sh, other");
}

int
main(void)
{
	ready_tests();
	image_tests();
	kind_tests();
	return TAP_DONE();
}
