/*
 * vc-qemu, vc-kvm - run a benchmark in a throwaway QEMU micro-VM.
 *
 * The VM boots the guest kernel with an initrd made of cached parts from
 * vc-image (core, plus io for the I/O benchmarks) and a small run part
 * holding the command; our vc-init is PID 1, runs the command and sends
 * its output and exit status back on the second serial port, framed so
 * that nothing else can be taken for it (see harness/DESIGN.md). vc-kvm
 * is the same program with the KVM accelerator.
 *
 * diskwrite runs in an ext4 file system on a disk made with qemu-img
 * (qcow2 by default, raw with -f raw), on virtio-blk or virtio-scsi (-B),
 * in the cache mode of -C. nginxbench runs nginx in the guest
 * (nginxbench -S) and the measuring half (nginxbench -u) on the host,
 * through the network of -N: QEMU user networking or passt, each with a
 * host forward bound to 127.0.0.1, or a tap device of the run's own
 * (see open_tap()).
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <netinet/in.h>

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "channel.h"
#include "cleanup.h"
#include "guest.h"
#include "kvm.h"
#include "msg.h"
#include "parse.h"
#include "run.h"
#include "runner.h"
#include "serve.h"
#include "timing.h"

#define GUEST_DISKDIR	"/mnt/disk"
/* The most memory a guest gets unless -m: see default_memory(). */
#define GUEST_MEM_MAX	(UINT64_C(4) << 30)


struct options {
	struct runopts	 run;
	const char	*accel;		/* -A tcg or kvm */
	const char	*format;	/* -f qcow2 or raw */
	uint64_t	 disk;		/* -D disk size */
	const char	*kernel;	/* -K, passed to vc-image */
	const char	*qemu;		/* -Q binary */
	double		 watchdog;	/* -W seconds until the guest is up */
	int		 net;		/* -N, one of net_names */
	const char	*cache;		/* -C writeback or none */
	int		 scsi;		/* -B virtio-scsi (else virtio-blk) */
	const char	*cpu;		/* -M, the TCG CPU model */
};

/* -N: the guest's network for nginxbench, as man/vc-qemu.1 tells. */
enum { NET_USER, NET_PASST, NET_TAP, NET_VHOST };
static const char *const net_names[] = { "user", "passt", "tap", "vhost",
	NULL };

struct vm {
	const char	*dir;		/* private temporary directory */
	char		 kernel[4096];
	char		 part[2][4096];	/* core and io initrd parts */
	int		 nparts;
	enum bench_kind	 kind;		/* of the command */
	int		 listen_fd;
	int		 data_fd;
	struct channel_reader rd;	/* the records on data_fd */
	int		 verbose;	/* -v: follow the console */
	int		 console_fd;	/* console.log, as far as shown */
	pid_t		 qemu;
	char		 host[INET_ADDRSTRLEN]; /* where the host reaches */
	int		 port;		/* nginx: a forward, or the guest's */
	int		 net_fd;	/* qemu's: its tap, or passt's socket */
	pid_t		 passt;
	char		 ifname[IFNAMSIZ]; /* the tap device */
	char		 ifaddr[INET_ADDRSTRLEN]; /* and its address */
	char		 guest[INET_ADDRSTRLEN + 4]; /* its ADDR/PREFIX */
	double		 t0, tup;	/* when we started, when it was up */
	int		 exited;	/* the guest sent the exit status */
};

static const char *const usage_extra =
    "[-A tcg|kvm] [-B virtio-blk|virtio-scsi] [-C writeback|none]\n"
    "\t[-D disksize] [-f qcow2|raw] [-K kernel] [-M cpumodel]\n"
    "\t[-N user|passt|tap|vhost] [-Q qemu] [-W watchdog]";

static char *
path_in(const struct vm *vm, const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", vm->dir, name) == -1)
		diesys(RUN_PLATFORM, "asprintf");
	return p;
}

/* Asks vc-image for the kernel and the initrd parts this run needs. */
static void
get_image(const struct options *o, struct vm *vm, int want_io)
{
	char *argv[12], *out;
	const char *v;
	int n = 0;

	argv[n++] = "vc-image";
	if (!o->run.verbose)
		argv[n++] = "-q";
	if (o->kernel != NULL) {
		argv[n++] = "-k";
		argv[n++] = (char *)o->kernel;
	}
	argv[n++] = "kernel";
	argv[n++] = "core";
	if (want_io)
		argv[n++] = "io";
	argv[n] = NULL;
	out = capture(argv);
	if ((v = image_field(out, "kernel")) == NULL)
		die(RUN_PLATFORM, "vc-image gave no kernel");
	snprintf(vm->kernel, sizeof(vm->kernel), "%s", v);
	if ((v = image_field(out, "core")) == NULL)
		die(RUN_PLATFORM, "vc-image gave no core part");
	snprintf(vm->part[vm->nparts++], sizeof(vm->part[0]), "%s", v);
	if (want_io) {
		if ((v = image_field(out, "io")) == NULL)
			die(RUN_PLATFORM, "vc-image gave no io part");
		snprintf(vm->part[vm->nparts++], sizeof(vm->part[0]), "%s", v);
	}
	free(out);
}

static void
add_file(struct archive *a, const char *name, const void *data, size_t len)
{
	struct archive_entry *e = archive_entry_new();

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)len);
	if (archive_write_header(a, e) != ARCHIVE_OK ||
	    archive_write_data(a, data, len) != (la_ssize_t)len)
		die(RUN_PLATFORM, "run archive: %s", archive_error_string(a));
	archive_entry_free(e);
}

static void
add_dir(struct archive *a, const char *name)
{
	struct archive_entry *e = archive_entry_new();

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFDIR);
	archive_entry_set_perm(e, 0755);
	archive_entry_set_size(e, 0);
	if (archive_write_header(a, e) != ARCHIVE_OK)
		die(RUN_PLATFORM, "run archive: %s", archive_error_string(a));
	archive_entry_free(e);
}

/* The size of argv in /vc/argv (its words, each with a NUL); *words. */
static size_t
argv_bytes(char *const argv[], int *words)
{
	size_t len = 0;
	int i;

	for (i = 0; argv[i] != NULL; i++)
		len += strlen(argv[i]) + 1;
	*words = i;
	return len;
}

/*
 * What the guest runs: the command, or for nginxbench its serving half
 * (the host measures). It must fit the guest's /vc/argv, which is
 * checked before anything is started.
 */
static char **
guest_argv(enum bench_kind kind, char *argv[])
{
	char **g = kind == BENCH_NET ?
	    server_argv(argv, "0.0.0.0", GUEST_HTTP_PORT) : argv;
	size_t len;
	int words;

	len = argv_bytes(g, &words);
	if (words > GUEST_MAXARGS)
		usage_error("command too long for the guest: %d words, at "
		    "most %d", words, GUEST_MAXARGS);
	if (len > GUEST_ARGV_MAX)
		usage_error("command too long for the guest: %zu bytes, at "
		    "most %d", len, GUEST_ARGV_MAX);
	return g;
}

/*
 * The initrd: the cached parts, then a run part with the command (NUL
 * separated, so any argument survives) and the guest's set-up steps.
 */
static char *
write_initrd(const struct vm *vm, char *const argv[], const char *spec)
{
	char *initrd = path_in(vm, "initrd"), buf[65536], *args;
	struct archive *a;
	size_t len, n;
	ssize_t r;
	int out, in, i;

	if ((out = open(initrd, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1)
		diesys(RUN_PLATFORM, "%s", initrd);
	for (i = 0; i < vm->nparts; i++) {
		if ((in = open(vm->part[i], O_RDONLY | O_CLOEXEC)) == -1)
			diesys(RUN_PLATFORM, "%s", vm->part[i]);
		while ((r = read(in, buf, sizeof(buf))) > 0)
			if (write(out, buf, (size_t)r) != r)
				diesys(RUN_PLATFORM, "%s", initrd);
		if (r < 0)
			diesys(RUN_PLATFORM, "%s", vm->part[i]);
		close(in);
	}
	if ((args = malloc(argv_bytes(argv, &i))) == NULL)
		diesys(RUN_PLATFORM, "malloc");
	for (len = 0, i = 0; argv[i] != NULL; i++) {
		n = strlen(argv[i]) + 1;
		memcpy(args + len, argv[i], n);
		len += n;
	}
	if ((a = archive_write_new()) == NULL ||
	    archive_write_set_format_cpio_newc(a) != ARCHIVE_OK ||
	    archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
	    archive_write_open_fd(a, out) != ARCHIVE_OK)
		die(RUN_PLATFORM, "run archive: %s",
		    a ? archive_error_string(a) : "out of memory");
	add_dir(a, "vc");
	add_file(a, "vc/argv", args, len);
	add_file(a, "vc/spec", spec, strlen(spec));
	if (archive_write_close(a) != ARCHIVE_OK)
		die(RUN_PLATFORM, "run archive: %s", archive_error_string(a));
	archive_write_free(a);
	free(args);
	if (close(out) == -1)
		diesys(RUN_PLATFORM, "%s", initrd);
	return initrd;
}

/* An ext4 file system on a sparse raw image, converted to qcow2. */
static char *
make_disk(const struct options *o, const struct vm *vm)
{
	char *raw = path_in(vm, "disk.raw"), *img, size[32];
	int fd;

	if ((fd = open(raw, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1 || ftruncate(fd, (off_t)o->disk) == -1)
		diesys(RUN_PLATFORM, "%s", raw);
	close(fd);
	snprintf(size, sizeof(size), "%llu", (unsigned long long)o->disk);
	{
		char *mkfs[] = { "mkfs.ext4", "-q", "-F", "-L", "vcdisk", raw,
		    NULL };

		run_quiet(mkfs, o->run.verbose);
	}
	if (strcmp(o->format, "raw") == 0)
		return raw;
	img = path_in(vm, "disk.qcow2");
	{
		char *conv[] = { "qemu-img", "convert", "-f", "raw", "-O",
		    "qcow2", raw, img, NULL };

		run_quiet(conv, o->run.verbose);
	}
	unlink(raw);
	free(raw);
	return img;
}

static void
listen_data(struct vm *vm)
{
	struct sockaddr_un sun;
	char *sock = path_in(vm, "data.sock");

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(sock) >= sizeof(sun.sun_path))
		die(RUN_PLATFORM, "%s: path too long", sock);
	strcpy(sun.sun_path, sock);
	if ((vm->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
	    0)) == -1 || bind(vm->listen_fd, (struct sockaddr *)&sun,
	    sizeof(sun)) == -1 || listen(vm->listen_fd, 1) == -1)
		diesys(RUN_PLATFORM, "%s", sock);
	free(sock);
}

/*
 * A value inside a QEMU option string ("key=value,key=value"), where a
 * comma ends the value unless doubled (qemu(1): "-drive file=a,,b").
 * Every path that goes into one passes through here: $TMPDIR is the
 * user's, and may hold a comma.
 */
static char *
qemu_opt_value(const char *s)
{
	size_t n = strlen(s) + 1, i, k = 0;
	char *q;

	for (i = 0; s[i] != '\0'; i++)
		n += s[i] == ',';
	if ((q = malloc(n)) == NULL)
		diesys(RUN_PLATFORM, "malloc");
	for (i = 0; s[i] != '\0'; i++) {
		q[k++] = s[i];
		if (s[i] == ',')
			q[k++] = ',';
	}
	q[k] = '\0';
	return q;
}

/* "PREFIX" followed by the quoted path of our file NAME. */
static char *
opt_with_path(const char *prefix, const struct vm *vm, const char *name)
{
	char *path = path_in(vm, name), *quoted = qemu_opt_value(path), *opt;

	if (asprintf(&opt, "%s%s", prefix, quoted) == -1)
		diesys(RUN_PLATFORM, "asprintf");
	free(quoted);
	free(path);
	return opt;
}

/*
 * -N passt: passt(1) in the foreground, holding one end of a socket
 * pair, qemu the other (-netdev stream): no socket file to name, race
 * for or remove, and passt quits when qemu closes its end (passt -F
 * implies --one-off). It forwards a loopback port to the guest's port
 * 80 and gives the guest SLIRP's addresses; the host's connections come
 * in from the gateway. Its messages go to passt.log, shown on failure.
 */
static void
start_passt(struct vm *vm)
{
	char fd[16], fwd[64], bits[8], *log = path_in(vm, "passt.log");
	struct spawn_io io = SPAWN_INHERIT;
	int sv[2], logfd, null;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == -1)
		diesys(RUN_PLATFORM, "socketpair");
	snprintf(fd, sizeof(fd), "%d", sv[0]);
	snprintf(fwd, sizeof(fwd), "127.0.0.1/%d:" GUEST_HTTP_PORT, vm->port);
	snprintf(bits, sizeof(bits), "%d", GUEST_PREFIX);
	{
		char *argv[] = { "passt", "--foreground", "--quiet",
		    "--ipv4-only", "--fd", fd, "--tcp-ports", fwd,
		    "--udp-ports", "none", "--address", GUEST_ADDR,
		    "--netmask", bits, "--gateway", GUEST_GATEWAY, NULL };

		if ((logfd = open(log, O_WRONLY | O_CREAT | O_TRUNC |
		    O_CLOEXEC, 0600)) == -1 ||
		    (null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
			diesys(RUN_PLATFORM, "%s", log);
		io.fd[0] = null;
		io.fd[1] = logfd;
		io.fd[2] = logfd;
		/* passt's end, and only passt's, survives its exec. */
		if (fcntl(sv[0], F_SETFD, 0) == -1)
			diesys(RUN_PLATFORM, "fcntl");
		if ((pid = spawn_tied(argv, &io)) == -1) {
			if (errno == ENOENT)
				die(RUN_PLATFORM, "-N passt: passt not found "
				    "(apt-get install passt)");
			diesys(RUN_PLATFORM, "passt");
		}
	}
	cleanup_add_pid(pid);
	vm->passt = pid;
	close(sv[0]);
	close(logfd);
	close(null);
	free(log);
	vm->net_fd = sv[1];
	snprintf(vm->host, sizeof(vm->host), "127.0.0.1");
	snprintf(vm->guest, sizeof(vm->guest), "%s/%d", GUEST_ADDR,
	    GUEST_PREFIX);
}

static void
set_ifaddr(int s, const char *ifname, unsigned long req, uint32_t addr)
{
	struct ifreq ifr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr.ifr_addr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(addr);
	if (ioctl(s, req, &ifr) == -1)
		diesys(RUN_PLATFORM, "tap: configure %s", ifname);
}

static void
ip_string(uint32_t addr, char *buf, size_t size)
{
	struct in_addr in = { htonl(addr) };

	inet_ntop(AF_INET, &in, buf, (socklen_t)size);
}

/*
 * -N tap, vhost: a tap device of this run's own, made through
 * /dev/net/tun and not persistent, so the kernel removes it when its
 * last descriptor closes: ours once qemu has it, qemu's when qemu ends,
 * however it ends. The host side takes the first address of a /30 and
 * the guest the second (guest.h); the host reaches the guest's nginx
 * there, on its own port. The interface and its addresses come by
 * ioctl, with no ip(8) to spawn.
 */
static void
open_tap(struct vm *vm)
{
	struct ifreq ifr;
	uint32_t net;
	int fd, s;
	char guest[INET_ADDRSTRLEN];

	if ((fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC)) == -1)
		diesys(RUN_PLATFORM, "tap: /dev/net/tun");
	memset(&ifr, 0, sizeof(ifr));
	/* With virtio-net headers, as qemu's own taps (and vhost) have. */
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", GUEST_TAP_NAME);
	if (ioctl(fd, TUNSETIFF, &ifr) == -1) {
		if (errno == EPERM)
			die(RUN_PLATFORM, "tap: needs CAP_NET_ADMIN");
		diesys(RUN_PLATFORM, "tap: TUNSETIFF");
	}
	snprintf(vm->ifname, sizeof(vm->ifname), "%s", ifr.ifr_name);
	if ((s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) == -1 ||
	    ioctl(s, SIOCGIFINDEX, &ifr) == -1)
		diesys(RUN_PLATFORM, "tap: %s", vm->ifname);
	net = GUEST_TAP_BASE +
	    ((uint32_t)ifr.ifr_ifindex % GUEST_TAP_SUBNETS << 2);
	set_ifaddr(s, vm->ifname, SIOCSIFADDR, net + 1);
	ip_string(net + 1, vm->ifaddr, sizeof(vm->ifaddr));
	set_ifaddr(s, vm->ifname, SIOCSIFNETMASK,
	    UINT32_MAX << (32 - GUEST_TAP_PREFIX));
	if (ioctl(s, SIOCGIFFLAGS, &ifr) == -1)
		diesys(RUN_PLATFORM, "tap: %s", vm->ifname);
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(s, SIOCSIFFLAGS, &ifr) == -1)
		diesys(RUN_PLATFORM, "tap: bring up %s", vm->ifname);
	close(s);
	vm->net_fd = fd;
	ip_string(net + 2, guest, sizeof(guest));
	snprintf(vm->host, sizeof(vm->host), "%s", guest);
	snprintf(vm->guest, sizeof(vm->guest), "%s/%d", guest,
	    GUEST_TAP_PREFIX);
	vm->port = GUEST_HTTP_PORTNUM;
}

/* The network of -N, ready for qemu to take. */
static void
start_net(const struct options *o, struct vm *vm)
{
	switch (o->net) {
	case NET_USER:
		vm->port = free_port();
		snprintf(vm->host, sizeof(vm->host), "127.0.0.1");
		snprintf(vm->guest, sizeof(vm->guest), "%s/%d", GUEST_ADDR,
		    GUEST_PREFIX);
		break;
	case NET_PASST:
		vm->port = free_port();
		start_passt(vm);
		break;
	default:
		open_tap(vm);
		break;
	}
	if (!o->run.verbose)
		return;
	if (vm->ifname[0] != '\0')
		fprintf(stderr, "%s: network %s: %s, host %s, guest %s\n",
		    progname, net_names[o->net], vm->ifname, vm->ifaddr,
		    vm->guest);
	else
		fprintf(stderr, "%s: network %s: guest %s, forward "
		    "127.0.0.1:%d\n", progname, net_names[o->net], vm->guest,
		    vm->port);
}

/* The -netdev of -N, and what qemu needs for it. */
static char *
netdev_opt(const struct options *o, const struct vm *vm)
{
	char *nd;
	int n;

	switch (o->net) {
	case NET_USER:
		/* The forward listens on the host's loopback only. */
		n = asprintf(&nd, "user,id=net0,hostfwd=tcp:127.0.0.1:%d-:"
		    GUEST_HTTP_PORT, vm->port);
		break;
	case NET_PASST:
		n = asprintf(&nd, "stream,id=net0,server=off,addr.type=fd,"
		    "addr.str=%d", vm->net_fd);
		break;
	default:
		n = asprintf(&nd, "tap,id=net0,fd=%d,vhost=%s", vm->net_fd,
		    o->net == NET_VHOST ? "on" : "off");
		break;
	}
	if (n == -1)
		diesys(RUN_PLATFORM, "asprintf");
	return nd;
}

static void
start_qemu(const struct options *o, struct vm *vm, const char *initrd,
    const char *disk)
{
	char *argv[64], mem[32], smp[32], *con, *data, *drive = NULL;
	char *netdev = NULL, *err, *quoted;
	struct spawn_io io = SPAWN_INHERIT;
	int n = 0, errfd, null;

	err = path_in(vm, "qemu.err");
	/*
	 * Both serial ports through -chardev: "-serial file:PATH" takes the
	 * rest as the path, commas and all, unlike every option string.
	 */
	data = opt_with_path("socket,id=data,path=", vm, "data.sock");
	con = opt_with_path("file,id=con,path=", vm, "console.log");
	snprintf(mem, sizeof(mem), "%lluM",
	    (unsigned long long)(o->run.mem >> 20));
	snprintf(smp, sizeof(smp), "%lld", (long long)o->run.cpus);
	argv[n++] = (char *)o->qemu;
	argv[n++] = "-nodefaults";
	argv[n++] = "-no-user-config";
	argv[n++] = "-display";
	argv[n++] = "none";
	argv[n++] = "-accel";
	argv[n++] = (char *)o->accel;
	if (strcmp(o->accel, "tcg") == 0) {
		argv[n++] = "-cpu";
		argv[n++] = (char *)(o->cpu != NULL ? o->cpu : GUEST_TCG_CPU);
	}
	argv[n++] = "-m";
	argv[n++] = mem;
	argv[n++] = "-smp";
	argv[n++] = smp;
	argv[n++] = "-kernel";
	argv[n++] = vm->kernel;
	argv[n++] = "-initrd";
	argv[n++] = (char *)initrd;
	argv[n++] = "-append";
	argv[n++] = GUEST_CMDLINE;
	argv[n++] = "-no-reboot";
	argv[n++] = "-chardev";
	argv[n++] = con;
	argv[n++] = "-serial";
	argv[n++] = "chardev:con";
	argv[n++] = "-chardev";
	argv[n++] = data;
	argv[n++] = "-serial";
	argv[n++] = "chardev:data";
	if (disk != NULL) {
		quoted = qemu_opt_value(disk);
		if (asprintf(&drive, "file=%s,format=%s,cache=%s,if=%s",
		    quoted, o->format, o->cache,
		    o->scsi ? "none,id=disk0" : "virtio") == -1)
			diesys(RUN_PLATFORM, "asprintf");
		free(quoted);
		if (o->scsi) {
			argv[n++] = "-device";
			argv[n++] = "virtio-scsi-pci,id=scsi0";
			argv[n++] = "-device";
			argv[n++] = "scsi-hd,drive=disk0,bus=scsi0.0";
		}
		argv[n++] = "-drive";
		argv[n++] = drive;
	}
	if (vm->port != 0) {
		netdev = netdev_opt(o, vm);
		argv[n++] = "-netdev";
		argv[n++] = netdev;
		argv[n++] = "-device";
		argv[n++] = "virtio-net-pci,netdev=net0";
	}
	argv[n] = NULL;
	/* qemu's tap or passt socket, and only qemu's, survives its exec. */
	if (vm->net_fd != -1 && fcntl(vm->net_fd, F_SETFD, 0) == -1)
		diesys(RUN_PLATFORM, "fcntl");

	if ((errfd = open(err, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1 || (null = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1)
		diesys(RUN_PLATFORM, "%s", err);
	io.fd[0] = null;
	io.fd[1] = null;
	io.fd[2] = errfd;
	if ((vm->qemu = spawn_tied(argv, &io)) == -1) {
		if (errno == ENOENT)
			die(RUN_PLATFORM, "%s not found (apt-get install "
			    "qemu-system-x86)", o->qemu);
		diesys(RUN_PLATFORM, "%s", o->qemu);
	}
	cleanup_add_pid(vm->qemu);
	/* Now qemu's alone: a tap goes when qemu does. */
	if (vm->net_fd != -1) {
		close(vm->net_fd);
		vm->net_fd = -1;
	}
	close(errfd);
	close(null);
	free(drive);
	free(netdev);
	free(data);
	free(con);
	free(err);
}

/* Shows the tail of a file of ours on stderr: qemu's errors, the console. */
static void
show_tail(const struct vm *vm, const char *name, int lines)
{
	char *p = path_in(vm, name), buf[8192], *start;
	ssize_t len;
	int fd, n = 0;

	if ((fd = open(p, O_RDONLY | O_CLOEXEC)) == -1)
		goto out;
	len = pread(fd, buf, sizeof(buf) - 1, 0);
	if (len > 0 && (size_t)len == sizeof(buf) - 1) {
		off_t end = lseek(fd, 0, SEEK_END);

		len = pread(fd, buf, sizeof(buf) - 1,
		    end > (off_t)sizeof(buf) - 1 ? end - (off_t)sizeof(buf) + 1 : 0);
	}
	close(fd);
	if (len <= 0)
		goto out;
	buf[len] = '\0';
	while (len > 0 && buf[len - 1] == '\n')
		buf[--len] = '\0';
	for (start = buf + len; start > buf; start--)
		if (start[-1] == '\n' && ++n == lines)
			break;
	fprintf(stderr, "%s: %s:\n%s\n", progname, name, start);
out:
	free(p);
}

/*
 * Everything we relay goes through here. A write error is ours, not the
 * command's: the platform failed (125), so that it cannot pass for the
 * command's exit status 1.
 */
static void
write_all(int fd, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			/* A closed pipe: clean up and die of SIGPIPE. */
			cleanup_check();
			diesys(RUN_PLATFORM, "write error");
		}
		p += n;
		len -= (size_t)n;
	}
}

/* -v: what is new on the guest's console, on stderr as it comes. */
static void
follow_console(struct vm *vm)
{
	char buf[4096], *p;
	ssize_t n;

	if (!vm->verbose)
		return;
	if (vm->console_fd == -1) {
		/* qemu makes it when it starts; until then there is none. */
		p = path_in(vm, "console.log");
		vm->console_fd = open(p, O_RDONLY | O_CLOEXEC);
		free(p);
		if (vm->console_fd == -1)
			return;
	}
	while ((n = read(vm->console_fd, buf, sizeof(buf))) > 0)
		write_all(2, buf, (size_t)n);
}

/* When something went wrong: the console's last lines (-v: all of it). */
static void
show_console(struct vm *vm, int lines)
{
	if (vm->verbose)
		follow_console(vm);
	else
		show_tail(vm, "console.log", lines);
}

/* The guest is gone or hopeless: stop qemu now. */
static void
stop_qemu(struct vm *vm)
{
	int status;

	if (vm->qemu <= 0)
		return;
	kill(vm->qemu, SIGKILL);
	wait_deadline(vm->qemu, 0, &status);
	cleanup_del_pid(vm->qemu);
	vm->qemu = 0;
}

/*
 * Waits until fd is readable or the deadline passes (0: none), watching
 * qemu and following the console: returns 1 readable, 0 deadline, -1
 * qemu exited.
 */
static int
wait_readable(struct vm *vm, int fd, double deadline)
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	int ms, status;

	for (;;) {
		follow_console(vm);
		ms = 200;
		if (deadline > 0) {
			double left = deadline - wall_now();

			if (left <= 0)
				return 0;
			if (left * 1000 < ms)
				ms = (int)(left * 1000) + 1;
		}
		if (poll(&pfd, 1, ms) > 0)
			return 1;
		cleanup_check();
		if (waitpid(vm->qemu, &status, WNOHANG) == vm->qemu) {
			cleanup_del_pid(vm->qemu);
			vm->qemu = 0;
			return -1;
		}
	}
}

/* Reads more of the data channel: 1 read, 0 deadline, -1 guest gone. */
static int
fill(struct vm *vm, double deadline)
{
	ssize_t n;
	int w;

	if ((w = wait_readable(vm, vm->data_fd, deadline)) <= 0)
		return w;
	if ((n = channel_read(&vm->rd, vm->data_fd)) == -1 &&
	    errno == EMSGSIZE)
		die(RUN_PLATFORM, "garbled data from the guest");
	return n > 0 ? 1 : -1;
}

/*
 * Takes the guest's next whole record, or returns 0 if none has come
 * whole. A malformed one means the guest side is broken: the platform
 * failed.
 */
static int
next_record(struct vm *vm, char *tag, const char **data, size_t *len)
{
	int n;

	if ((n = channel_take(&vm->rd, tag, data, len)) == -1)
		die(RUN_PLATFORM, "malformed record on the guest's data "
		    "channel");
	return n;
}

/*
 * Everything up to a running VM: the image parts, the benchmark's disk
 * or network, the initrd with the guest's command, the data channel.
 */
static void
start_vm(const struct options *o, struct vm *vm, char *const gargv[])
{
	char spec[512] = "", *initrd, *disk = NULL;

	cleanup_signals();
	/* Run by vc-suite, say: if it is killed, we stop too. */
	cleanup_with_parent();
	if ((vm->dir = cleanup_tempdir("vc-qemu")) == NULL)
		diesys(RUN_PLATFORM, "temporary directory");
	/* The small core part boots faster; anything else needs io. */
	get_image(o, vm, vm->kind != BENCH_CPU);
	if (vm->kind == BENCH_DISK) {
		disk = make_disk(o, vm);
		snprintf(spec, sizeof(spec), "mount %s %s\ncwd %s\n",
		    o->scsi ? GUEST_DISK_SCSI : GUEST_DISK_BLK,
		    GUEST_DISKDIR, GUEST_DISKDIR);
	} else if (vm->kind == BENCH_NET) {
		start_net(o, vm);
		snprintf(spec, sizeof(spec), "net %s\n", vm->guest);
	}
	initrd = write_initrd(vm, gargv, spec);
	listen_data(vm);
	start_qemu(o, vm, initrd, disk);
	free(initrd);
	free(disk);
}

/*
 * The boot watchdog: the guest must connect and say it is up in time.
 * Returns 1 when it is; else it has said why, and returns 0.
 */
static int
boot(const struct options *o, struct vm *vm)
{
	double deadline = wall_now() + o->watchdog;
	const char *data;
	size_t len;
	char tag;
	int w;

	if ((w = wait_readable(vm, vm->listen_fd, deadline)) > 0 &&
	    (vm->data_fd = accept4(vm->listen_fd, NULL, NULL,
	    SOCK_CLOEXEC)) == -1)
		w = -1;
	while (w > 0 && !next_record(vm, &tag, &data, &len))
		w = fill(vm, deadline);
	if (w <= 0) {
		if (w == 0)
			warnmsg("guest did not boot within %g s (accelerator "
			    "%s)", o->watchdog, o->accel);
		else
			warnmsg("qemu exited before the guest was up");
		show_tail(vm, "qemu.err", 10);
		show_console(vm, 10);
		return 0;
	}
	if (tag != CHANNEL_READY) {
		/* vc-init failed before it could run the command. */
		if (tag == CHANNEL_ERR)
			write_all(2, data, len);
		return 0;
	}
	vm->tup = wall_now();
	if (o->run.verbose)
		fprintf(stderr, "%s: guest up in %.2f s\n", progname,
		    vm->tup - vm->t0);
	return 1;
}

/*
 * A measurement that failed may be passt's failure, not the guest's:
 * if passt is gone, says so with its last words and returns 1.
 */
static int
passt_gone(struct vm *vm)
{
	int status;

	if (vm->passt <= 0 || waitpid(vm->passt, &status, WNOHANG) !=
	    vm->passt)
		return 0;
	cleanup_del_pid(vm->passt);
	vm->passt = 0;
	warnmsg("passt exited (status %d) while the guest served",
	    exit_code(status));
	show_tail(vm, "passt.log", 5);
	return 1;
}

/*
 * Relays the command's output and returns its exit status. nginxbench
 * serves in the guest: once its ready line has come, the host measures,
 * and that is the status. nginxbench without -t ends itself at its hard
 * limit, so its deadline only catches a run that hangs (a server that
 * never says it is ready, a stuck measurement).
 */
static int
relay(const struct options *o, struct vm *vm, char *argv[])
{
	struct server_lines served = { "", 0 };
	char path[512], tag;
	const char *data;
	double limit, deadline;
	size_t len;
	int status = -1, w;

	limit = o->run.timeout > 0 ? o->run.timeout :
	    vm->kind == BENCH_NET ? measure_timeout(argv) : 0;
	if (o->run.verbose && limit > 0)
		fprintf(stderr, "%s: deadline %g s after the guest is up\n",
		    progname, limit);
	deadline = limit > 0 ? vm->tup + limit : 0;
	while (status == -1) {
		if (!next_record(vm, &tag, &data, &len)) {
			if ((w = fill(vm, deadline)) == 0)
				status = RUN_TIMEOUT;
			else if (w < 0) {
				warnmsg("the guest stopped without an exit "
				    "status");
				show_console(vm, 15);
				return RUN_PLATFORM;
			}
			continue;
		}
		switch (tag) {
		case CHANNEL_OUT:
			if (vm->kind != BENCH_NET)
				write_all(1, data, len);
			/* A guest server's stdout holds only its ready line. */
			else if (ready_line(&served, data, len, path,
			    sizeof(path)))
				status = measure_server(vm->host, vm->port,
				    path, argv, deadline);
			if (status != 0 && passt_gone(vm))
				status = RUN_PLATFORM;
			break;
		case CHANNEL_ERR:
			write_all(2, data, len);
			break;
		case CHANNEL_EXIT:
			vm->exited = 1;
			return channel_exit_status(data, len);
		}
	}
	if (status == RUN_TIMEOUT)
		warnmsg("%s: timed out after %g s", argv[0], limit);
	return status;
}

/*
 * After its exit record the guest powers off: it gets a moment. Any other
 * end throws the VM away now (a guest nginx is not told to stop). Returns
 * the run's exit status.
 */
static int
teardown(const struct options *o, struct vm *vm, int status)
{
	int ws;

	if (vm->qemu > 0 && (!vm->exited ||
	    wait_deadline(vm->qemu, wall_now() + 5.0, &ws) != 0))
		stop_qemu(vm);
	else if (vm->qemu > 0)
		cleanup_del_pid(vm->qemu);
	if (o->run.verbose) {
		follow_console(vm);
		fprintf(stderr, "%s: boot %.2f s, total %.2f s\n", progname,
		    vm->tup > 0 ? vm->tup - vm->t0 : -1.0,
		    wall_now() - vm->t0);
	}
	if (o->run.keep) {
		fprintf(stderr, "%s: kept %s\n", progname, vm->dir);
		cleanup_keep(vm->dir);
	}
	if (close_stdout() != EXIT_OK)
		status = RUN_PLATFORM;
	return status;
}

/*
 * The guest's memory unless -m: the host's, as a native run has it, but
 * at most GUEST_MEM_MAX, since under TCG a guest kernel's start grows
 * with its memory; at 4 GiB its threads-max (sized from memory) reaches
 * its pid_max. The measurements are in the README's design notes.
 */
static uint64_t
default_memory(void)
{
	uint64_t host = host_memory();

	return host > 0 && host < GUEST_MEM_MAX ? host : GUEST_MEM_MAX;
}

int
main(int argc, char *argv[])
{
	static struct vm vm;	/* static: its reader is large */
	struct options o = { { 0, 0, 0.0, 0, 0 }, "tcg", "qcow2",
	    UINT64_C(2) << 30, NULL, "qemu-system-x86_64", 60.0, NET_USER,
	    "writeback", 0, NULL };
	const char *why;
	char **gargv, kvm_why[256];
	int ch, status, i;

	msg_init(argv[0]);
	if (strcmp(progname, "vc-kvm") == 0)
		o.accel = "kvm";
	while ((ch = getopt(argc, argv, "+" RUNNER_OPTSTRING
	    "A:B:C:D:f:K:M:N:Q:W:"))
	    != -1) {
		if (ch == 'h')
			runner_usage(usage_extra);
		if (runner_option(ch, optarg, &o.run))
			continue;
		switch (ch) {
		case 'A':
			if (strcmp(optarg, "tcg") != 0 &&
			    strcmp(optarg, "kvm") != 0)
				usage_error("-A %s: use tcg or kvm", optarg);
			o.accel = optarg;
			break;
		case 'B':
			if (strcmp(optarg, "virtio-blk") != 0 &&
			    strcmp(optarg, "virtio-scsi") != 0)
				usage_error("-B %s: use virtio-blk or "
				    "virtio-scsi", optarg);
			o.scsi = strcmp(optarg, "virtio-scsi") == 0;
			break;
		case 'C':
			if (strcmp(optarg, "writeback") != 0 &&
			    strcmp(optarg, "none") != 0)
				usage_error("-C %s: use writeback or none",
				    optarg);
			o.cache = optarg;
			break;
		case 'D':
			if ((why = parse_size(optarg, UINT64_C(64) << 20,
			    UINT64_C(1) << 42, &o.disk)) != NULL)
				usage_error("-D %s: %s", optarg, why);
			break;
		case 'f':
			if (strcmp(optarg, "qcow2") != 0 &&
			    strcmp(optarg, "raw") != 0)
				usage_error("-f %s: use qcow2 or raw", optarg);
			o.format = optarg;
			break;
		case 'K':
			o.kernel = optarg;
			break;
		case 'M':
			/* A word for qemu's -cpu: no options ride in. */
			if (optarg[0] == '\0' || optarg[0] == '-' ||
			    optarg[strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")] != '\0')
				usage_error("-M %s: not a CPU model name "
				    "(qemu-system-x86_64 -cpu help)", optarg);
			o.cpu = optarg;
			break;
		case 'N':
			for (i = 0; net_names[i] != NULL &&
			    strcmp(optarg, net_names[i]) != 0; i++)
				;
			if (net_names[i] == NULL)
				usage_error("-N %s: use user, passt, tap or "
				    "vhost", optarg);
			o.net = i;
			break;
		case 'Q':
			o.qemu = optarg;
			break;
		case 'W':
			if ((why = parse_time(optarg, 0.1, 86400,
			    &o.watchdog)) != NULL)
				usage_error("-W %s: %s", optarg, why);
			break;
		default:
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		usage_error("missing command");
	if (o.cpu != NULL && strcmp(o.accel, "tcg") != 0)
		usage_error("-M %s: a CPU model is for TCG (-A tcg) only",
		    o.cpu);
	if (o.run.cpus == 0)
		o.run.cpus = host_cpus();
	if (o.run.mem == 0)
		o.run.mem = default_memory();
	vm.kind = bench_kind(argv[0]);
	gargv = guest_argv(vm.kind, argv);
	/* Known at once, rather than by a guest that never boots. */
	if (strcmp(o.accel, "kvm") == 0 &&
	    kvm_check(kvm_why, sizeof(kvm_why)) == -1)
		die(RUN_PLATFORM, "KVM cannot run a guest here: %s", kvm_why);
	/*
	 * For any command, not only nginxbench's: vc-suite's check of a
	 * net=vhost column then skips it, with this reason, where it
	 * cannot be measured.
	 */
	if (o.net == NET_VHOST && access("/dev/vhost-net", R_OK | W_OK) == -1)
		die(RUN_PLATFORM, "-N vhost: no /dev/vhost-net (modprobe "
		    "vhost_net): %s", strerror(errno));
	if (o.run.verbose)
		fprintf(stderr, "%s: accelerator %s, cpu %s%s%s%s%s\n",
		    progname, o.accel, strcmp(o.accel, "tcg") == 0 ?
		    (o.cpu != NULL ? o.cpu : GUEST_TCG_CPU) : "default",
		    vm.kind == BENCH_DISK ? ", disk " : "",
		    vm.kind == BENCH_DISK ? (o.scsi ? "virtio-scsi" :
		    "virtio-blk") : "", vm.kind == BENCH_DISK ? ", cache " : "",
		    vm.kind == BENCH_DISK ? o.cache : "");

	vm.t0 = wall_now();
	vm.listen_fd = vm.data_fd = vm.console_fd = vm.net_fd = -1;
	vm.verbose = o.run.verbose;
	start_vm(&o, &vm, gargv);
	status = boot(&o, &vm) ? relay(&o, &vm, argv) : RUN_PLATFORM;
	status = teardown(&o, &vm, status);
	if (gargv != argv)
		free(gargv);
	return status;
}
