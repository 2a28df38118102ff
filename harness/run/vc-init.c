/*
 * vc-init - PID 1 of a virtcost micro-VM.
 *
 * Mounts /proc, /sys, /dev and /tmp, loads the kernel modules listed in
 * /etc/vc-modules (dependencies first), brings up the network and mounts
 * the disk if /vc/spec asks, then runs the command in /vc/argv (NUL
 * separated, no shell) and relays its output and exit status to the host
 * on ttyS1 in "TAG LEN:DATA" records (see harness/DESIGN.md). Then it
 * powers the VM off. PID 1 must never exit: every path ends in poweroff.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "channel.h"
#include "run.h"

#define DATA_TTY	"/dev/ttyS1"

static int data_fd = -1;

/* One record on the data channel; short writes are retried. */
static void
send_record(char tag, const char *buf, size_t len)
{
	char head[CHANNEL_HEADMAX];
	int n;
	ssize_t w;
	size_t off;

	if (data_fd == -1 ||
	    (n = channel_head(head, sizeof(head), tag, len)) == -1)
		return;
	for (off = 0; off < (size_t)n; off += (size_t)w)
		if ((w = write(data_fd, head + off, (size_t)n - off)) <= 0 &&
		    errno != EINTR)
			return;
		else if (w < 0)
			w = 0;
	for (off = 0; off < len; off += (size_t)w)
		if ((w = write(data_fd, buf + off, len - off)) <= 0 &&
		    errno != EINTR)
			return;
		else if (w < 0)
			w = 0;
}

static void
say(char tag, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	send_record(tag, buf, (size_t)n);
	/* Also on the console, for vc-qemu -v and for debugging boots. */
	if (tag == CHANNEL_ERR)
		fprintf(stderr, "vc-init: %.*s", n, buf);
}

static void
poweroff(int status)
{
	char st[16];
	int n;

	/* A status the host could not read back is the platform's failure. */
	if ((n = channel_exit(st, sizeof(st), status)) == -1)
		n = channel_exit(st, sizeof(st), 125);
	send_record(CHANNEL_EXIT, st, (size_t)n);
	if (data_fd != -1)
		tcdrain(data_fd);
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

/* The platform failed, not the command: exit status 125. */
static void
fail(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	say(CHANNEL_ERR, "vc-init: %s: %s\n", buf, strerror(errno));
	poweroff(125);
}

static int
read_file(const char *path, char *buf, size_t size, size_t *len)
{
	ssize_t n;
	int fd;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	while (*len < size - 1 && (n = read(fd, buf + *len,
	    size - 1 - *len)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			return -1;
		}
		*len += (size_t)n;
	}
	buf[*len] = '\0';
	close(fd);
	return 0;
}

static void
open_data_channel(void)
{
	struct termios t;

	if ((data_fd = open(DATA_TTY, O_RDWR | O_NOCTTY | O_CLOEXEC)) == -1)
		fail("open %s", DATA_TTY);
	/* Raw: no \n -> \r\n, no echo, no line discipline at all. */
	if (tcgetattr(data_fd, &t) == 0) {
		cfmakeraw(&t);
		cfsetspeed(&t, B115200);
		tcsetattr(data_fd, TCSANOW, &t);
	}
}

static void
load_modules(void)
{
	static char list[16384];
	char *line, *save;
	size_t len;
	int fd;

	if (read_file("/etc/vc-modules", list, sizeof(list), &len) == -1)
		return;		/* the core image has none */
	for (line = strtok_r(list, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((fd = open(line, O_RDONLY | O_CLOEXEC)) == -1)
			fail("open module %s", line);
		if (syscall(SYS_finit_module, fd, "", 0) != 0 &&
		    errno != EEXIST)
			fail("load module %s", line);
		close(fd);
	}
}

static void
set_addr(int s, const char *ifname, unsigned long req, const char *addr)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	sin->sin_family = AF_INET;
	if (inet_pton(AF_INET, addr, &sin->sin_addr) != 1) {
		errno = EINVAL;
		fail("bad address %s", addr);
	}
	if (ioctl(s, req, &ifr) == -1)
		fail("configure %s", ifname);
}

static void
link_up(int s, const char *ifname)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == -1)
		fail("find interface %s", ifname);
	ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) == -1)
		fail("bring up %s", ifname);
}

/*
 * One datagram to the subnet's broadcast address (the discard port): a
 * frame from the guest's MAC. passt sends the guest nothing but to
 * broadcast until it has seen that, and the guest's TCP drops a SYN
 * that came to broadcast. SLIRP and a tap learn it anyway.
 */
static void
announce(const char *addr, long bits)
{
	struct sockaddr_in sin;
	int s, on = 1;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(9);
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1 ||
	    (s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		return;
	sin.sin_addr.s_addr |= htonl(bits == 32 ? 0 : UINT32_MAX >> bits);
	setsockopt(s, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on));
	sendto(s, "", 0, 0, (struct sockaddr *)&sin, sizeof(sin));
	close(s);
}

/*
 * "ADDR/PREFIX" on eth0 (vc-qemu chooses both: see guest.h), which is
 * all the host's connections need: they come from that subnet.
 */
static void
net_up(char *spec)
{
	char *slash, mask[INET_ADDRSTRLEN];
	struct in_addr m;
	long bits = -1;
	int s;

	if ((slash = strchr(spec, '/')) != NULL) {
		*slash++ = '\0';
		bits = strtol(slash, NULL, 10);
	}
	if (bits < 1 || bits > 32) {
		errno = EINVAL;
		fail("net %s: no prefix length", spec);
	}
	m.s_addr = htonl(UINT32_MAX << (32 - bits));
	inet_ntop(AF_INET, &m, mask, sizeof(mask));
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1)
		fail("socket");
	link_up(s, "lo");
	set_addr(s, "eth0", SIOCSIFADDR, spec);
	set_addr(s, "eth0", SIOCSIFNETMASK, mask);
	link_up(s, "eth0");
	close(s);
	announce(spec, bits);
}

/* The disk's device node appears when its driver has probed it. */
static void
mount_disk(const char *dev, const char *dir)
{
	struct timespec ts = { 0, 10 * 1000 * 1000 };
	int i;

	/* A SCSI disk comes after its host adapter's scan: up to 10 s. */
	for (i = 0; i < 1000 && access(dev, F_OK) != 0; i++)
		nanosleep(&ts, NULL);
	mkdir(dir, 0755);
	if (mount(dev, dir, "ext4", 0, "") == -1)
		fail("mount %s on %s", dev, dir);
}

static void
apply_spec(void)
{
	static char spec[4096];
	char *line, *save, *arg, *arg2;
	size_t len;

	if (read_file("/vc/spec", spec, sizeof(spec), &len) == -1)
		return;
	for (line = strtok_r(spec, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if ((arg = strchr(line, ' ')) == NULL)
			continue;
		*arg++ = '\0';
		if (strcmp(line, "net") == 0)
			net_up(arg);
		else if (strcmp(line, "mount") == 0 &&
		    (arg2 = strchr(arg, ' ')) != NULL) {
			*arg2++ = '\0';
			mount_disk(arg, arg2);
		} else if (strcmp(line, "cwd") == 0 && chdir(arg) == -1)
			fail("chdir %s", arg);
	}
}

static void
relay(int fd, char tag, int *open_fd)
{
	char buf[4096];
	ssize_t n;

	n = read(fd, buf, sizeof(buf));
	if (n > 0)
		send_record(tag, buf, (size_t)n);
	else if (n == 0 || errno != EINTR) {
		close(fd);
		*open_fd = -1;
	}
}

int
main(void)
{
	static char argbuf[GUEST_ARGV_MAX + 2];
	char *argv[GUEST_MAXARGS + 1];
	struct pollfd pfd[2];
	int out[2], err[2], status, argc = 0, nfds;
	size_t len, off;
	pid_t pid;

	mount("proc", "/proc", "proc", 0, NULL);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777");
	open_data_channel();
	load_modules();
	apply_spec();

	if (read_file("/vc/argv", argbuf, sizeof(argbuf), &len) == -1)
		fail("read /vc/argv");
	for (off = 0; off < len && argc < GUEST_MAXARGS;
	    off += strlen(argbuf + off) + 1)
		argv[argc++] = argbuf + off;
	argv[argc] = NULL;
	/* vc-qemu sends no more; run no command cut short. */
	if (len > GUEST_ARGV_MAX || off < len) {
		errno = E2BIG;
		fail("/vc/argv");
	}
	if (argc == 0) {
		errno = EINVAL;
		fail("empty command");
	}
	setenv("PATH", "/bin:/usr/bin:/usr/sbin:/sbin", 1);
	setenv("HOME", "/tmp", 1);
	send_record(CHANNEL_READY, "", 0);

	if (pipe2(out, O_CLOEXEC) == -1 || pipe2(err, O_CLOEXEC) == -1)
		fail("pipe");
	if ((pid = fork()) == -1)
		fail("fork");
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		dup2(null, 0);
		dup2(out[1], 1);
		dup2(err[1], 2);
		setsid();
		execvp(argv[0], argv);
		dprintf(2, "%s: %s\n", argv[0], strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	close(out[1]);
	close(err[1]);
	for (;;) {
		nfds = 0;
		if (out[0] != -1) {
			pfd[nfds].fd = out[0];
			pfd[nfds++].events = POLLIN;
		}
		if (err[0] != -1) {
			pfd[nfds].fd = err[0];
			pfd[nfds++].events = POLLIN;
		}
		if (nfds == 0)
			break;
		if (poll(pfd, (nfds_t)nfds, -1) == -1)
			continue;
		for (int i = 0; i < nfds; i++) {
			if (pfd[i].revents == 0)
				continue;
			if (pfd[i].fd == out[0])
				relay(out[0], CHANNEL_OUT, &out[0]);
			else
				relay(err[0], CHANNEL_ERR, &err[0]);
		}
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			fail("wait");
	poweroff(exit_code(status));
}
