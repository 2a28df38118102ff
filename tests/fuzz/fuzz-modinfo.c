/* fuzz-modinfo.c - libFuzzer: vc-image's .modinfo reader on any file */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "image/image-kernel.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* libFuzzer's buffer is exactly size bytes: ASan sees a read past it. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	free(modinfo_get(data, size, "depends"));
	return 0;
}
