/* msg.h - diagnostics and exit codes shared by every virtcost program */
#ifndef VC_MSG_H
#define VC_MSG_H

#include <stdnoreturn.h>

/* Exit codes used by every tool; runners add 128+signal for killed children. */
enum {
	EXIT_OK = 0,		/* success */
	EXIT_FAIL = 1,		/* run-time failure or failed self-check */
	EXIT_USAGE = 2		/* bad input from the user */
};

extern const char *progname;

void		msg_init(const char *);
void		msg_fail_status(int);
void		warnmsg(const char *, ...) __attribute__((format(printf, 1, 2)));
void		warnsys(const char *, ...) __attribute__((format(printf, 1, 2)));
noreturn void	die(int, const char *, ...) __attribute__((format(printf, 2, 3)));
noreturn void	diesys(int, const char *, ...) __attribute__((format(printf, 2, 3)));
noreturn void	usage_error(const char *, ...) __attribute__((format(printf, 1, 2)));
int		close_stdout(void);

#endif
