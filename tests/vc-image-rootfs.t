#!/bin/sh
# The rootfs tar works as a root file system: chrooted into, the
# benchmarks, vc-envelope, nginx and fio run with the libraries it holds.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd fio tar chroot
need_nginx
[ "$(id -u)" -eq 0 ] || skip_all "chroot needs root"
image_env

plan 12
run vc-image -q rootfs
part=${out#rootfs }
if [ "$rc" -eq 0 ] && [ -z "$err" ] &&
    case $out in "rootfs $VIRTCOST_CACHE/rootfs-"*.tar) true ;;
    *) false ;; esac && [ -f "$part" ]; then
	pass "vc-image rootfs prints 'rootfs PATH' in the cache"
else
	fail "vc-image rootfs" "rc=$rc" "stdout: $out" "stderr: $err"
fi

[ -f "$part" ] || exit 1	# the rest would only repeat it

tar -tf "$part" >"$tap_tmp/list"
bad=$(grep -E '^/|(^|/)\.\.(/|$)' "$tap_tmp/list")
if [ -s "$tap_tmp/list" ] && [ -z "$bad" ]; then
	pass "no absolute or .. names in the tar"
else
	fail "no absolute or .. names in the tar" "$bad"
fi
bad=$(grep -E '^(init|usr/lib/modules/|etc/vc-modules)' "$tap_tmp/list")
is "$bad" "" "no init and no modules in the rootfs"

root=$tap_tmp/root
mkdir "$root" && tar -xf "$part" -C "$root"
# Sanitizer runtimes read /proc/self/maps: give the chroot a /proc of its
# own, in a private mount namespace that vanishes with the command.
in_root() {
	if [ -n "${VC_SANITIZER:-}" ]; then
		unshare -m sh -c 'mount -t proc proc "$1/proc" && shift &&
		    exec chroot "$@"' sh "$root" "$root" "$@"
	else
		chroot "$root" "$@"
	fi
}
run in_root /bin/forksum 1 100
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:5050" \
    "chroot: /bin/forksum 1 100 prints 5050"
for b in linpack memsweep diskwrite nginxbench; do
	run in_root "/bin/$b" -h
	if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | grep -q '^usage:'; then
		pass "chroot: /bin/$b -h"
	else
		fail "chroot: /bin/$b -h" "rc=$rc" "$err"
	fi
done
run in_root /bin/vc-envelope
is "$rc:$(printf '%s\n' "$out" | grep -c '^cpus_usable [0-9]')" "0:1" \
    "chroot: /bin/vc-envelope prints the envelope"
run in_root /usr/sbin/nginx -v
if [ "$rc" -eq 0 ] && case $err in "nginx version: nginx/"*) true ;;
    *) false ;; esac; then
	pass "chroot: nginx -v"
else
	fail "chroot: nginx -v" "rc=$rc" "$err"
fi
# A configuration like nginxbench's: nginx also needs its compiled-in
# directories and the nobody user.
mkdir "$root/tmp/ng"
cat >"$root/tmp/ng/nginx.conf" <<'CONF'
worker_processes 1;
pid /tmp/ng/nginx.pid;
error_log stderr;
events { worker_connections 16; }
http { server { listen 127.0.0.1:8080; root /tmp/ng; } }
CONF
run in_root /usr/sbin/nginx -t -p /tmp/ng -c /tmp/ng/nginx.conf
if [ "$rc" -eq 0 ]; then
	pass "chroot: nginx -t accepts a configuration"
else
	fail "chroot: nginx -t accepts a configuration" "rc=$rc" "$err"
fi
run in_root /usr/bin/fio --version
is "$rc:${out%%-*}" "0:fio" "chroot: fio --version"
done_testing
