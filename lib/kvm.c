/*
 * kvm.c - the KVM platform's check, in one place for vc-qemu -A kvm and
 * vc-suite: what QEMU would need, asked of the kernel directly. A guest
 * is made with one page holding a loop of a million steps and a HLT,
 * and run until it halts: the
 * device opens, the VM and its CPU are created, and the CPU really
 * enters guest mode. A host that has /dev/kvm but refuses nested
 * virtualization fails one of these steps at once, where a VM booted to
 * find out would run into the boot watchdog.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <linux/kvm.h>

#include "kvm.h"

#define GUEST_PAGE	0x1000		/* guest-physical, and the size */
/*
 * The guest's code, in real mode: mov ecx, 1000000; dec ecx; jnz back
 * to the dec; hlt. A CPU that enters guest mode runs it in about a
 * millisecond. Entering is not enough: some hosts offer a /dev/kvm
 * whose guest code runs hundreds of times slower than the host's (a
 * CPU without VMX/SVM, its KVM emulated in software; seen on this
 * project's build machines: 7.7 s for ten million steps, where a
 * guest kernel never got to print a line in 40 s). Such a KVM cannot
 * boot a guest, and the loop says so within RUN_LIMIT_US, instead of
 * a boot watchdog after seconds.
 */
static const unsigned char guest_code[] = {
	0x66, 0xb9, 0x40, 0x42, 0x0f, 0x00,	/* mov ecx, 1000000 */
	0x66, 0x49,				/* dec ecx */
	0x75, 0xfc,				/* jnz -4 */
	0xf4					/* hlt */
};
#define LOOP_STEPS	"a million"
/* A loop that takes a millisecond; one that takes 200 is no KVM to use. */
#define RUN_LIMIT_US	200000

static void
why_f(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, size, fmt, ap);
	va_end(ap);
}

static void
on_alarm(int sig)
{
	(void)sig;	/* only to interrupt KVM_RUN with EINTR */
}

/* KVM_RUN, interrupted after RUN_LIMIT_US. Returns as ioctl does. */
static int
run_limited(int vcpu)
{
	struct itimerval limit = { { 0, 0 }, { 0, RUN_LIMIT_US } }, old_t;
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	struct sigaction sa, old_sa;
	int r, e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old_sa);
	setitimer(ITIMER_REAL, &limit, &old_t);
	r = ioctl(vcpu, KVM_RUN, 0);
	e = errno;
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &old_sa, NULL);
	setitimer(ITIMER_REAL, &old_t, NULL);
	errno = e;
	return r;
}

/* Runs guest_code in real mode on vcpu, whose run area is run. */
static int
run_guest(int vcpu, struct kvm_run *run, char *why, size_t size)
{
	struct kvm_sregs sregs;
	struct kvm_regs regs;

	if (ioctl(vcpu, KVM_GET_SREGS, &sregs) == -1) {
		why_f(why, size, "KVM_GET_SREGS: %s", strerror(errno));
		return -1;
	}
	sregs.cs.base = 0;
	sregs.cs.selector = 0;
	if (ioctl(vcpu, KVM_SET_SREGS, &sregs) == -1) {
		why_f(why, size, "KVM_SET_SREGS: %s", strerror(errno));
		return -1;
	}
	memset(&regs, 0, sizeof(regs));
	regs.rip = GUEST_PAGE;
	regs.rflags = 0x2;		/* bit 1 is always set */
	if (ioctl(vcpu, KVM_SET_REGS, &regs) == -1) {
		why_f(why, size, "KVM_SET_REGS: %s", strerror(errno));
		return -1;
	}
	if (run_limited(vcpu) == -1) {
		if (errno == EINTR)
			why_f(why, size, "KVM_RUN: the guest CPU did not "
			    "run %s loop steps within %d ms (hardware "
			    "virtualization takes about 1 ms)", LOOP_STEPS,
			    RUN_LIMIT_US / 1000);
		else
			why_f(why, size, "KVM_RUN: %s", strerror(errno));
		return -1;
	}
	switch (run->exit_reason) {
	case KVM_EXIT_HLT:
		return 0;
	case KVM_EXIT_FAIL_ENTRY:
		why_f(why, size, "KVM_RUN: the CPU cannot enter guest mode "
		    "(hardware reason 0x%llx)", (unsigned long long)
		    run->fail_entry.hardware_entry_failure_reason);
		return -1;
	case KVM_EXIT_INTERNAL_ERROR:
		why_f(why, size, "KVM_RUN: KVM internal error %u",
		    run->internal.suberror);
		return -1;
	default:
		why_f(why, size, "KVM_RUN: the guest exited with reason %u",
		    run->exit_reason);
		return -1;
	}
}

/*
 * Returns 0 if KVM can run a guest here; else -1, and why holds the
 * step that failed and how ("KVM_CREATE_VM: Operation not permitted").
 */
int
kvm_check(char *why, size_t size)
{
	struct kvm_userspace_memory_region region;
	struct kvm_run *run = MAP_FAILED;
	unsigned char *mem = MAP_FAILED;
	int kvm, vm = -1, vcpu = -1, r = -1, v;
	long runsize = 0;

	if ((kvm = open(KVM_DEVICE, O_RDWR | O_CLOEXEC)) == -1) {
		why_f(why, size, "%s: %s", KVM_DEVICE, strerror(errno));
		return -1;
	}
	if ((v = ioctl(kvm, KVM_GET_API_VERSION, 0)) != KVM_API_VERSION) {
		if (v == -1)
			why_f(why, size, "KVM_GET_API_VERSION: %s",
			    strerror(errno));
		else
			why_f(why, size, "KVM API version %d, not %d", v,
			    KVM_API_VERSION);
		goto out;
	}
	if ((vm = ioctl(kvm, KVM_CREATE_VM, 0)) == -1) {
		why_f(why, size, "KVM_CREATE_VM: %s", strerror(errno));
		goto out;
	}
	if ((mem = mmap(NULL, GUEST_PAGE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED) {
		why_f(why, size, "mmap: %s", strerror(errno));
		goto out;
	}
	memcpy(mem, guest_code, sizeof(guest_code));
	memset(&region, 0, sizeof(region));
	region.guest_phys_addr = GUEST_PAGE;
	region.memory_size = GUEST_PAGE;
	region.userspace_addr = (unsigned long)mem;
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) == -1) {
		why_f(why, size, "KVM_SET_USER_MEMORY_REGION: %s",
		    strerror(errno));
		goto out;
	}
	/* Intel without unrestricted guests runs real mode through a TSS. */
	if (ioctl(vm, KVM_SET_TSS_ADDR, 0xfffbd000UL) == -1) {
		why_f(why, size, "KVM_SET_TSS_ADDR: %s", strerror(errno));
		goto out;
	}
	if ((vcpu = ioctl(vm, KVM_CREATE_VCPU, 0)) == -1) {
		why_f(why, size, "KVM_CREATE_VCPU: %s", strerror(errno));
		goto out;
	}
	if ((runsize = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0)) <
	    (long)sizeof(*run)) {
		why_f(why, size, "KVM_GET_VCPU_MMAP_SIZE: %s", runsize == -1 ?
		    strerror(errno) : "too small");
		goto out;
	}
	if ((run = mmap(NULL, (size_t)runsize, PROT_READ | PROT_WRITE,
	    MAP_SHARED, vcpu, 0)) == MAP_FAILED) {
		why_f(why, size, "mmap of the vCPU: %s", strerror(errno));
		goto out;
	}
	r = run_guest(vcpu, run, why, size);
out:
	if (run != MAP_FAILED)
		munmap(run, (size_t)runsize);
	if (vcpu != -1)
		close(vcpu);
	if (mem != MAP_FAILED)
		munmap(mem, GUEST_PAGE);
	if (vm != -1)
		close(vm);
	close(kvm);
	return r;
}
