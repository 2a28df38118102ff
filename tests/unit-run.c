/* unit-run.c - lib/run: reading a child's output, exit codes, deadlines */
#include "config.h"

#include <sys/time.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cleanup.h"
#include "run.h"
#include "tap.h"
#include "timing.h"

/* Our open descriptors, to see that nothing leaks. */
static int
open_fds(void)
{
	DIR *d;
	int n = 0;

	if ((d = opendir("/proc/self/fd")) == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

/* No child left, zombie or not. */
static int
no_children(void)
{
	return waitpid(-1, NULL, WNOHANG) == -1 && errno == ECHILD;
}

/* Our stderr, sent to a file for a while, to see what reaches it. */
static int saved_stderr = -1;
static char errfile[] = "/tmp/unit-run.XXXXXX";

static void
stderr_to_file(void)
{
	int fd;

	fflush(stderr);
	if ((fd = mkstemp(errfile)) == -1 || (saved_stderr = dup(2)) == -1 ||
	    dup2(fd, 2) == -1) {
		perror("unit-run: stderr");
		exit(99);
	}
	close(fd);
}

/* Puts stderr back; returns what reached it (static). */
static const char *
stderr_back(void)
{
	static char buf[256];
	ssize_t n;
	int fd;

	dup2(saved_stderr, 2);
	close(saved_stderr);
	buf[0] = '\0';
	if ((fd = open(errfile, O_RDONLY)) != -1) {
		if ((n = read(fd, buf, sizeof(buf) - 1)) > 0)
			buf[n] = '\0';
		close(fd);
	}
	unlink(errfile);
	strcpy(errfile, "/tmp/unit-run.XXXXXX");
	return buf;
}

/* The exit status of a forked child that does what 'how' says. */
static int
child_status(int how)
{
	pid_t pid;
	int status;

	if ((pid = fork()) == 0) {
		if (how < 0)
			raise(-how);
		_exit(how);
	}
	waitpid(pid, &status, 0);
	return status;
}

static void
test_exit_code(void)
{
	TAP_OK(exit_code(child_status(0)) == 0, "exit_code: exit 0 is 0");
	TAP_OK(exit_code(child_status(7)) == 7, "exit_code: exit 7 is 7");
	TAP_OK(exit_code(child_status(255)) == 255,
	    "exit_code: exit 255 is 255");
	TAP_OK(exit_code(child_status(-SIGKILL)) == 128 + SIGKILL,
	    "exit_code: SIGKILL is 137");
	TAP_OK(exit_code(child_status(-SIGTERM)) == 128 + SIGTERM,
	    "exit_code: SIGTERM is 143");
	TAP_OK(exec_status(ENOENT) == RUN_NOTFOUND &&
	    exec_status(EACCES) == RUN_NOEXEC,
	    "exec_status: ENOENT is 127, EACCES 126");
}

/*
 * The children the tests need, without a shell: this program itself,
 * run again with the name of what to do (see child()).
 */
static char *self;

static void
on_alarm(int sig)
{
	(void)sig;
}

static void
test_run_read(void)
{
	char *echo[] = { "echo", "hello", "world", NULL };
	char *seq[] = { "seq", "1", "200000", NULL };
	char *both[] = { self, "both", NULL };
	char *longerr[] = { self, "longerr", NULL };
	char *code[] = { self, "code", NULL };
	char *killed[] = { self, "killed", NULL };
	char *cat[] = { "cat", NULL };
	char *slow[] = { self, "slow", NULL };
	char *none[] = { "/nonexistent/virtcost-no-such-program", NULL };
	char *out = NULL, *err = NULL;
	const char *seen;
	struct itimerval it = { { 0, 10000 }, { 0, 10000 } }, off;
	struct sigaction sa;
	int rc, fds, e;

	fds = open_fds();

	rc = run_read(echo, 0, &out, 0, NULL, 0);
	TAP_OK(rc == 0 && strcmp(out, "hello world\n") == 0,
	    "run_read: echo's stdout, exit 0 (rc %d)", rc);
	free(out);

	rc = run_read(seq, 0, &out, 10, NULL, 0);
	TAP_OK(rc == 0 && strcmp(out, "1\n2\n3\n4\n5\n") == 0,
	    "run_read: 10 bytes kept of 1.3 MB, the rest read (rc %d, "
	    "not SIGPIPE)", rc);
	free(out);

	rc = run_read(seq, 0, &out, 0, NULL, 0);
	TAP_OK(rc == 0 && strlen(out) == 1288895 &&
	    strcmp(out + strlen(out) - 7, "200000\n") == 0,
	    "run_read: no cap keeps all 1.3 MB (rc %d)", rc);
	free(out);

	rc = run_read(code, 0, &out, 0, NULL, 0);
	TAP_OK(rc == 3 && strcmp(out, "partial\n") == 0,
	    "run_read: exit 3 with its output (rc %d)", rc);
	free(out);

	rc = run_read(killed, 0, &out, 0, NULL, 0);
	TAP_OK(rc == 128 + SIGKILL, "run_read: killed child is 137 (rc %d)",
	    rc);
	free(out);

	rc = run_read(cat, 0, &out, 0, NULL, 0);
	TAP_OK(rc == 0 && strcmp(out, "") == 0,
	    "run_read: stdin is /dev/null (rc %d)", rc);
	free(out);

	errno = 0;
	out = err = (char *)"x";
	rc = run_read(none, 0, &out, 0, &err, 0);
	e = errno;
	TAP_OK(rc == -1 && e == ENOENT && out == NULL && err == NULL,
	    "run_read: no such program is -1, ENOENT, no strings");
	TAP_OK(exec_status(e) == RUN_NOTFOUND,
	    "run_read: ... which exec_status makes 127");

	rc = run_read(both, RUN_MERGE, &out, 0, NULL, 0);
	TAP_OK(rc == 0 && strcmp(out, "out\nerr\n") == 0,
	    "run_read: RUN_MERGE reads stderr with stdout");
	free(out);

	/* TAP_OK evaluates its condition twice: what reached stderr first. */
	stderr_to_file();
	rc = run_read(both, 0, &out, 0, &err, 0);
	seen = stderr_back();
	TAP_OK(strcmp(seen, "err\n") == 0,
	    "run_read: kept stderr is relayed to ours");
	TAP_OK(rc == 0 && strcmp(out, "out\n") == 0 &&
	    strcmp(err, "err\n") == 0,
	    "run_read: ... and kept apart from stdout");
	free(out);
	free(err);

	stderr_to_file();
	rc = run_read(longerr, 0, &out, 0, &err, 3);
	seen = stderr_back();
	TAP_OK(strcmp(seen, "0123456789\n") == 0 &&
	    strcmp(err, "012") == 0,
	    "run_read: 3 bytes of stderr kept, all relayed");
	free(out);
	free(err);

	stderr_to_file();
	rc = run_read(both, 0, &out, 0, NULL, 0);
	seen = stderr_back();
	TAP_OK(strcmp(seen, "err\n") == 0 &&
	    strcmp(out, "out\n") == 0,
	    "run_read: without err, stderr is ours");
	free(out);

	/* Signals without SA_RESTART: reads and polls see EINTR. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &it, NULL);
	rc = run_read(slow, 0, &out, 0, NULL, 0);
	memset(&off, 0, sizeof(off));
	setitimer(ITIMER_REAL, &off, NULL);
	TAP_OK(rc == 0 && strcmp(out, "late\n") == 0,
	    "run_read: EINTR is no error (rc %d)", rc);
	free(out);

	TAP_OK(open_fds() == fds, "run_read: no descriptor left open");
	TAP_OK(no_children(), "run_read: no child left");
}

/* wait_or_stop's polite stop: noted, then SIGKILL. */
static pid_t stopped;

static void
stop_hook(pid_t pid)
{
	stopped = pid;
	kill(pid, SIGKILL);
}

/* A child in cleanup's list, as wait_or_stop wants it. */
static pid_t
start(char *argv[])
{
	pid_t pid;

	if ((pid = spawn_cmd(argv, NULL)) == -1) {
		perror(argv[0]);
		exit(99);
	}
	cleanup_add_pid(pid);
	return pid;
}

static void
test_deadlines(void)
{
	char *sleep30[] = { "sleep", "30", NULL };
	char *sleep0[] = { "sleep", "0", NULL };
	char *deaf[] = { self, "deaf", NULL };
	char *own124[] = { self, "own124", NULL };
	pid_t pid;
	int rc, status, late;

	pid = start(sleep30);
	rc = wait_deadline(pid, wall_now() + 0.2, &status);
	TAP_OK(rc == 1, "wait_deadline: sleep 30 outlives a 0.2 s deadline");
	kill(pid, SIGTERM);
	rc = wait_deadline(pid, 0, &status);
	TAP_OK(rc == 0 && exit_code(status) == 128 + SIGTERM,
	    "wait_deadline: no deadline waits for its end (143)");
	cleanup_del_pid(pid);

	pid = start(sleep0);
	rc = wait_deadline(pid, wall_now() + 30, &status);
	TAP_OK(rc == 0 && exit_code(status) == 0,
	    "wait_deadline: sleep 0 ends before a 30 s deadline");
	cleanup_del_pid(pid);

	errno = 0;
	TAP_OK(wait_deadline(getppid(), 0, &status) == -1 && errno == ECHILD,
	    "wait_deadline: a pid not our child is -1, ECHILD");

	pid = start(sleep0);
	rc = wait_or_stop(pid, 0, NULL, 5.0, &late);
	TAP_OK(rc == 0 && late == 0, "wait_or_stop: no deadline, exit 0");

	pid = start(own124);
	rc = wait_or_stop(pid, wall_now() + 30, NULL, 5.0, &late);
	TAP_OK(rc == RUN_TIMEOUT && late == 0,
	    "wait_or_stop: exit 124 of its own is no timeout");

	pid = start(sleep30);
	rc = wait_or_stop(pid, wall_now() + 0.2, NULL, 30.0, &late);
	TAP_OK(rc == RUN_TIMEOUT && late == 1,
	    "wait_or_stop: sleep 30 past its deadline is stopped (124)");

	pid = start(deaf);
	rc = wait_or_stop(pid, wall_now() + 0.2, NULL, 0.2, &late);
	TAP_OK(rc == RUN_TIMEOUT && late == 1,
	    "wait_or_stop: one that ignores SIGTERM is killed after grace");

	stopped = 0;
	pid = start(deaf);
	rc = wait_or_stop(pid, wall_now() + 0.2, stop_hook, 30.0, NULL);
	TAP_OK(rc == RUN_TIMEOUT && stopped == pid,
	    "wait_or_stop: the stop hook is called with the pid");

	TAP_OK(no_children(), "wait_or_stop: no child left");
}

/* What a child run as "self MODE" does; it never returns. */
static void
child(const char *mode)
{
	struct timespec t = { 0, 300000000 };

	if (strcmp(mode, "both") == 0) {
		puts("out");
		fflush(stdout);
		fputs("err\n", stderr);
	} else if (strcmp(mode, "longerr") == 0)
		fputs("0123456789\n", stderr);
	else if (strcmp(mode, "code") == 0) {
		puts("partial");
		exit(3);
	} else if (strcmp(mode, "killed") == 0)
		raise(SIGKILL);
	else if (strcmp(mode, "slow") == 0) {
		nanosleep(&t, NULL);
		puts("late");
	} else if (strcmp(mode, "deaf") == 0) {
		signal(SIGTERM, SIG_IGN);
		t.tv_sec = 30;
		t.tv_nsec = 0;
		while (nanosleep(&t, &t) == -1)
			;
	} else if (strcmp(mode, "own124") == 0)
		exit(124);
	else
		exit(2);
	exit(0);
}

int
main(int argc, char *argv[])
{
	self = argv[0];
	if (argc == 2)
		child(argv[1]);
	test_exit_code();
	test_run_read();
	test_deadlines();
	return TAP_DONE();
}
