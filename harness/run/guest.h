/*
 * guest.h - the virtual machine vc-qemu makes, in one place: vc-qemu
 * builds QEMU's command line from it and vc-suite records it in
 * meta.json, since each choice changes what a guest measures.
 */
#ifndef VC_GUEST_H
#define VC_GUEST_H

/*
 * The CPU model under TCG: every CPU feature TCG can emulate, as a
 * guest would see. A plainer model (qemu64) boots faster but runs other
 * code (no AVX in linpack, say). Under KVM, QEMU's default.
 */
#define GUEST_TCG_CPU	"max"

/*
 * The kernel command line. quiet still shows errors, and keeps the boot
 * time honest under -v.
 */
#define GUEST_CMDLINE	"console=ttyS0 quiet panic=-1 rdinit=/init"

/*
 * The guest's network (nginxbench) behind a user-mode stack, QEMU's
 * SLIRP (-N user) or passt: its address and prefix, and the gateway
 * through which the host's connections come in. These are SLIRP's own
 * defaults; passt is told the same.
 */
#define GUEST_ADDR	"10.0.2.15"
#define GUEST_PREFIX	24
#define GUEST_GATEWAY	"10.0.2.2"

/*
 * Behind a tap device (-N tap, vhost) each run takes a /30 of its own
 * from 198.18.0.0/15, the range RFC 2544 sets aside for benchmarking:
 * the host has the first address, the guest the second. Which /30 comes
 * from the tap's interface index, unique among live interfaces.
 */
#define GUEST_TAP_BASE		UINT32_C(0xc6120000)	/* 198.18.0.0 */
#define GUEST_TAP_SUBNETS	32768			/* /30s in a /15 */
#define GUEST_TAP_PREFIX	30
#define GUEST_TAP_NAME		"vcq%d"		/* the kernel numbers it */

/* The diskwrite disk as the guest sees it, on virtio-blk or virtio-scsi. */
#define GUEST_DISK_BLK	"/dev/vda"
#define GUEST_DISK_SCSI	"/dev/sda"

#endif
