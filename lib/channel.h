/* channel.h - the guest data channel's records: "TAG LEN:DATA" */
#ifndef VC_CHANNEL_H
#define VC_CHANNEL_H

#include <stddef.h>

/*
 * vc-init (in the guest) writes these records on ttyS1 and vc-qemu (on
 * the host) reads them; see harness/DESIGN.md. Tags:
 *   R  the guest is up		O  command's stdout	E  its stderr
 *   X  its exit status, decimal 0-255 (128+N if killed by signal N)
 */
#define CHANNEL_MAXDATA	65000	/* no record carries more */
#define CHANNEL_HEADMAX	16	/* "T 65000:" and a NUL, with room */

int	 channel_head(char *, size_t, char, size_t);
int	 channel_exit(char *, size_t, int);
int	 channel_next(const char *, size_t, char *, size_t *, size_t *);
int	 channel_exit_status(const char *, size_t);

#endif
