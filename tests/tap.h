/* tap.h - minimal TAP producer for the C unit tests of lib/ */
#ifndef VC_TAP_H
#define VC_TAP_H

#include <stdio.h>

static int tap_count, tap_fails;

#define TAP_OK(cond, ...) do {						\
	tap_count++;							\
	if (!(cond))							\
		tap_fails++;						\
	printf("%sok %d - ", (cond) ? "" : "not ", tap_count);		\
	printf(__VA_ARGS__);						\
	putchar('\n');							\
} while (0)

#define TAP_DONE() (printf("1..%d\n", tap_count), tap_fails != 0)

#endif
