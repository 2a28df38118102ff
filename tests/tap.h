/* tap.h - minimal TAP producer for the C unit tests of lib/ */
#ifndef VC_TAP_H
#define VC_TAP_H

#include <stdio.h>

static int tap_count, tap_fails;

/* cond is evaluated once: it may read, take or consume. */
#define TAP_OK(cond, ...) do {						\
	int tap_ok_ = (cond);						\
									\
	tap_count++;							\
	if (!tap_ok_)							\
		tap_fails++;						\
	printf("%sok %d - ", tap_ok_ ? "" : "not ", tap_count);		\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
} while (0)

#define TAP_DONE() (printf("1..%d\n", tap_count), tap_fails != 0)

#endif
