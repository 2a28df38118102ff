# sshd.sh - a real OpenSSH server of the test's own, for the vc-fleet
# tests. Source it after tap.sh, then call sshd_start:
#
#   sshd_start         /usr/sbin/sshd -D on 127.0.0.1, a free port, with
#                      a host key, a user key, its sshd_config and pid
#                      file, all in $tap_tmp/ssh; stopped at exit.
#   $ssh_config        a private ssh_config (give it to ssh/vc-fleet -F)
#                      with the aliases alpha and beta (this one sshd)
#                      and closed (a port nothing listens on), and a
#                      private known_hosts.
#   $remote_tmp        the remote sessions' TMPDIR (sshd's SetEnv): what
#                      vc-fleet leaves there shows.
#
# The sessions log in as the user running the test, with the key alone
# (no PAM, no password). As root, sshd wants its privilege-separation
# directory, compiled in as /run/sshd, which systemd makes when it
# starts ssh.service (RuntimeDirectory): if it is missing it is made
# here, empty, root's, 0755, as systemd would, and left in place (it is
# run-time state in a tmpfs, no configuration, and another sshd may be
# using it). Nothing under /etc is read or changed.

sshd_start() {
	need_cmd ssh ssh-keygen rsync python3
	[ -x /usr/sbin/sshd ] ||
	    skip_all "/usr/sbin/sshd not found (apt-get install openssh-server)"
	ssh_dir=$tap_tmp/ssh
	remote_tmp=$tap_tmp/remote-tmp
	mkdir -p "$ssh_dir" "$remote_tmp"
	chmod 700 "$ssh_dir"
	if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p -m 0755 /run/sshd
	fi
	ssh-keygen -q -t ed25519 -N '' -f "$ssh_dir/host_key" ||
	    skip_all "ssh-keygen failed"
	ssh-keygen -q -t ed25519 -N '' -f "$ssh_dir/user_key"
	cp "$ssh_dir/user_key.pub" "$ssh_dir/authorized_keys"
	# Two free ports: one for sshd, one that stays closed.
	set -- $(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s:
    x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
	sshd_port=$1
	closed_port=$2
	cat >"$ssh_dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$sshd_port
HostKey $ssh_dir/host_key
AuthorizedKeysFile $ssh_dir/authorized_keys
PidFile $ssh_dir/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
MaxStartups 100:30:200
MaxSessions 100
SetEnv TMPDIR=$remote_tmp
LogLevel ERROR
EOF
	/usr/sbin/sshd -D -f "$ssh_dir/sshd_config" -E "$ssh_dir/sshd.log" &
	sshd_pid=$!
	trap 'sshd_stop; rm -rf "$tap_tmp"' EXIT
	printf '[127.0.0.1]:%s %s\n' "$sshd_port" \
	    "$(cat "$ssh_dir/host_key.pub")" >"$ssh_dir/known_hosts"
	ssh_config=$ssh_dir/ssh_config
	{
		for alias in alpha beta closed; do
			port=$sshd_port
			[ "$alias" = closed ] && port=$closed_port
			cat <<EOF
Host $alias
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $ssh_dir/user_key
	IdentitiesOnly yes
	UserKnownHostsFile $ssh_dir/known_hosts
	GlobalKnownHostsFile /dev/null
	StrictHostKeyChecking yes
	CheckHostIP no
	ConnectTimeout 20

EOF
		done
	} >"$ssh_config"
	# Ready when it answers (it needs a moment to bind).
	tries=0
	until ssh -F "$ssh_config" -o BatchMode=yes alpha true 2>/dev/null; do
		tries=$((tries + 1))
		if [ "$tries" -gt 100 ] || ! kill -0 "$sshd_pid" 2>/dev/null; then
			echo "1..1"
			echo "not ok 1 - sshd did not start: $(cat "$ssh_dir/sshd.log")"
			exit 1
		fi
		sleep 0.1
	done
}

sshd_stop() {
	if [ -n "${sshd_pid:-}" ]; then
		kill "$sshd_pid" 2>/dev/null
		wait "$sshd_pid" 2>/dev/null
		sshd_pid=
	fi
}
