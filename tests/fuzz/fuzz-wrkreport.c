/* fuzz-wrkreport.c - libFuzzer: nginxbench's reader of the wrk report */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "wrkreport.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wrkreport r;
	const char *why;

	/* A refusal must say why: nginxbench prints it. */
	why = wrkreport_parse((const char *)data, size, &r);
	if (why != NULL && *why == '\0')
		__builtin_trap();
	return 0;
}
