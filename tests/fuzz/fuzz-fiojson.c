/* fuzz-fiojson.c - libFuzzer: diskwrite's reader of fio's JSON report */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fiojson.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fio_result r;
	const char *why;

	/* A refusal must say why: diskwrite prints it. */
	why = fio_parse((const char *)data, size, &r);
	if (why != NULL && *why == '\0')
		__builtin_trap();
	return 0;
}
