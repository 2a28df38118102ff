#!/bin/sh
# On SIGTERM vc-suite stops the runner at work and dies of the same
# signal (status 143 to a shell); what it measured before stays in
# results.csv, and -r measures the rest.
. "${top_srcdir:-.}/tests/tap.sh"

plan 4
# A stand-in vc-native: measures with the real benchmark, except its
# second measurement, which sends SIGTERM to vc-suite (its parent) once
# and waits to be stopped.
mkdir -p "$tap_tmp/bin"
cat >"$tap_tmp/bin/vc-native" <<FAKE
#!/bin/sh
case " \$* " in *" -o json "*) ;; *) exit 0 ;; esac
echo >>'$tap_tmp/calls'
if [ "\$(wc -l <'$tap_tmp/calls')" -eq 2 ]; then
	kill -TERM "\$PPID"
	exec sleep 29.$$
fi
exec "\$@"
FAKE
chmod +x "$tap_tmp/bin/vc-native"
PATH="$tap_tmp/bin:$PATH"
export PATH

d=$tap_tmp/r
run vc-suite -P quick -p native -b forksum -n 3 -a forksum='1 10' -d "$d"
is "$rc:$out" "143:" "SIGTERM: vc-suite dies of it (143), nothing on stdout"
is "$(cut -d, -f8 "$d/results.csv" | sed 1d | sort -u | tr '\n' ' ')" "1 " \
    "the measurement made before the signal is kept"
no_leftovers "the runner at work is stopped" "sleep 29\.$$"
run vc-suite -r "$d"
is "$rc:$(cut -d, -f8 "$d/results.csv" | sed 1d | sort -u | tr '\n' ' ')" \
    "0:1 2 3 " "-r measures the rest"
done_testing
