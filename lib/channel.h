/* channel.h - the guest data channel's records: "TAG LEN:DATA" */
#ifndef VC_CHANNEL_H
#define VC_CHANNEL_H

#include <stddef.h>
#include <sys/types.h>

/*
 * vc-init (in the guest) writes these records on ttyS1 and vc-qemu (on
 * the host) reads them; see harness/DESIGN.md.
 */
#define CHANNEL_READY	'R'	/* the guest is up; no data */
#define CHANNEL_OUT	'O'	/* bytes the command wrote to stdout */
#define CHANNEL_ERR	'E'	/* bytes it wrote to stderr */
#define CHANNEL_EXIT	'X'	/* its exit status, decimal 0-255 (128+N if
				   killed by signal N) */

#define CHANNEL_MAXDATA	65000	/* no record carries more */
#define CHANNEL_HEADMAX	16	/* "T 65000:" and a NUL, with room */

/*
 * The command vc-qemu hands vc-init in the initrd (/vc/argv): its words,
 * each ending in a NUL, at most GUEST_ARGV_MAX bytes and GUEST_MAXARGS
 * words in all.
 */
#define GUEST_ARGV_MAX	65536
#define GUEST_MAXARGS	256

/* A reader's buffer: records come split anywhere and are taken whole. */
struct channel_reader {
	char	 buf[CHANNEL_MAXDATA + CHANNEL_HEADMAX];
	size_t	 len;		/* bytes in buf */
	size_t	 used;		/* of which the record taken last */
};

int	 channel_head(char *, size_t, char, size_t);
int	 channel_exit(char *, size_t, int);
int	 channel_next(const char *, size_t, char *, size_t *, size_t *);
int	 channel_exit_status(const char *, size_t);
ssize_t	 channel_read(struct channel_reader *, int);
int	 channel_take(struct channel_reader *, char *, const char **,
	    size_t *);

#endif
