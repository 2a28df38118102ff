#!/bin/sh
# vc-native relays the command's output and exit status, and its own
# codes: 124 timeout, 126 not executable, 127 not found, 2 bad usage.
. "${top_srcdir:-.}/tests/tap.sh"

plan 11
run vc-native forksum 1 1000
is "$rc:$(printf '%s\n' "$out" | head -n 1)" "0:500500" "vc-native forksum 1 1000 prints 500500"
run vc-native sh -c 'exit 3'
is "$rc" 3 "exit status 3 relayed"
run vc-native sh -c 'kill -KILL $$'
is "$rc" 137 "killed by SIGKILL gives 128+9"
run vc-native sh -c 'kill -TERM $$'
is "$rc" 143 "killed by SIGTERM gives 128+15"
run vc-native no-such-command-here
is "$rc" 127 "command not found gives 127"
printf 'x\n' >"$tap_tmp/notexec"
run vc-native "$tap_tmp/notexec"
is "$rc" 126 "command not executable gives 126"
start=$(date +%s)
run vc-native -t 0.5 sleep 30
is "$rc:$((($(date +%s) - start) < 10))" "124:1" "timeout gives 124 promptly"
usage_error "missing command" vc-native
usage_error "unknown option" vc-native -Z true
usage_error "bad timeout" vc-native -t soon true
run vc-native -c 1 sh -c 'nproc'
is "$rc:$out" "0:1" "-c 1 runs on one CPU"
done_testing
