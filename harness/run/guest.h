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

#endif
