#!/bin/sh
# Finding the guest kernel and its modules: the default search, -k and
# -M, VIRTCOST_KERNEL, an unpacked package; and what is wrong if not.
. "${top_srcdir:-.}/tests/tap.sh"

run vc-image kernel
[ "$rc" -eq 0 ] || skip_all "no guest kernel: $err"
kernel=$(printf '%s\n' "$out" | sed -n 's/^kernel //p')
moddir=$(printf '%s\n' "$out" | sed -n 's/^moddir //p')

plan 10
if [ "$(printf '%s\n' "$out" | wc -l)" -eq 2 ] && [ -f "$kernel" ] &&
    [ -d "$moddir/kernel" ]; then
	pass "kernel and moddir lines, both there"
else
	fail "kernel and moddir lines" "$out"
fi
run vc-image -k "$kernel" -M "$moddir" kernel
is "$rc:$out" "0:kernel $kernel
moddir $moddir" "-k and -M are taken as given"
VIRTCOST_KERNEL=$kernel run vc-image -M "$moddir" kernel
is "$rc:$out" "0:kernel $kernel
moddir $moddir" "VIRTCOST_KERNEL"

# An unpacked kernel package: ROOT/boot/vmlinuz-V, ROOT/lib/modules/V.
version=${moddir##*/}
pkg=$(cd "$tap_tmp" && pwd -P)/pkg
mkdir -p "$pkg/boot" "$pkg/lib/modules"
cp "$kernel" "$pkg/boot/vmlinuz-$version"
mkdir -p "$pkg/lib/modules/$version/kernel"
run vc-image -k "$pkg/boot/vmlinuz-$version" kernel
is "$rc:$out" "0:kernel $pkg/boot/vmlinuz-$version
moddir $pkg/lib/modules/$version" \
    "-k in an unpacked package finds the modules beside it"

# The version comes from the bzImage header, not only from the name.
cp "$kernel" "$pkg/bzImage"
run vc-image -k "$pkg/bzImage" kernel
case $rc:$out$err in
"0:kernel $pkg/bzImage
moddir /lib/modules/$version" | 1:*"version $version"*)
	pass "the version is read from the image" ;;
*)	fail "the version is read from the image" "rc=$rc" "$out" "$err" ;;
esac

one_line_fail "-k /nonexistent: exit 1, one line" \
    "kernel /nonexistent (-k): No such file or directory" \
    vc-image -k /nonexistent kernel
one_line_fail "-k /nonexistent fails io too" "/nonexistent" \
    vc-image -k /nonexistent io
one_line_fail "-M /nonexistent" \
    "modules directory /nonexistent (-M): No such file or directory" \
    vc-image -M /nonexistent kernel
one_line_fail "a kernel of unknown version needs -M" "pass -M" \
    vc-image -k "$top_srcdir/README" kernel
VIRTCOST_KERNEL=/nonexistent one_line_fail "VIRTCOST_KERNEL=/nonexistent" \
    "kernel /nonexistent (VIRTCOST_KERNEL)" vc-image kernel
done_testing
