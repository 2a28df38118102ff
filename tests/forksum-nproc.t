#!/bin/sh
# Under a low process limit, fork fails with EAGAIN: forksum still gives
# the right sum, and reports fork failures and fewer processes.
# Root ignores RLIMIT_NPROC, so the run drops to an unprivileged user.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd setpriv prlimit python3
[ "$(id -u)" -eq 0 ] || skip_all "needs root to switch to an unprivileged user"

# The unprivileged user must be able to read the binary wherever the
# build tree is; a copy in a world-readable directory sees to that.
bin=$(command -v forksum)
chmod 755 "$tap_tmp"
cp "$bin" "$tap_tmp/forksum"
chmod 755 "$tap_tmp/forksum"

# LeakSanitizer checks at exit from a cloned tracer process, which this
# limit forbids; in a sanitizer build only leak checking is turned off.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

plan 3
run setpriv --reuid=65534 --regid=65534 --clear-groups \
    prlimit --nproc=300 "$tap_tmp/forksum" -o json 1 20000
is "$rc" 0 "forksum exits 0 under nproc=300"
fields=$(printf '%s\n' "$out" | python3 -c '
import json, sys
m = {x["metric"]: x["value"] for x in json.load(sys.stdin)["metrics"]}
print(m["sum"], m["fork_failures"] > 0, 0 < m["processes"] < 39999)')
is "$fields" "200010000 True True" "right sum, fork failures counted, fewer processes"
run setpriv --reuid=65534 --regid=65534 --clear-groups \
    prlimit --nproc=1 "$tap_tmp/forksum" 1 1000
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:500500" "no fork possible at all: still the right sum"
done_testing
