/* kvm.h - can KVM run a guest here? Asked of the kernel, at once */
#ifndef VC_KVM_H
#define VC_KVM_H

#include <stddef.h>

#define KVM_DEVICE	"/dev/kvm"

int	kvm_check(char *, size_t);

#endif
