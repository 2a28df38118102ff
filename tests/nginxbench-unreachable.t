#!/bin/sh
# With -u, a server that cannot be reached, does not answer, or does not
# answer 2xx is a clear one-line error (exit 1) before wrk runs.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd wrk python3
own_tmpdir
mkdir "$tap_tmp/www" "$tap_tmp/www/dir"
: >"$tap_tmp/www/dir/index.html"

# fails NAME PATTERN CMD...: exit 1, one line on stderr matching PATTERN,
# nothing on stdout, nothing left in TMPDIR.
fails() {
	name=$1 pattern=$2
	shift 2
	run "$@"
	nlines=$(printf '%s\n' "$err" | wc -l)
	if [ "$rc" -eq 1 ] && [ "$nlines" -eq 1 ] && [ -z "$out" ] &&
	    printf '%s\n' "$err" | grep -q -- "$pattern" &&
	    [ -z "$(ls -A "$TMPDIR")" ]; then
		pass "$name"
	else
		fail "$name" "rc=$rc (want 1)" "stderr: $err" "stdout: $out"
	fi
}

# A port that was free a moment ago: nothing listens there.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cat >"$tap_tmp/server.py" <<'PY'
import functools, http.server, socket, sys, time
if sys.argv[1] == "mute":
    # Accepts connections (the kernel does, from the backlog) and never
    # says a word.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(16)
    print(s.getsockname()[1], flush=True)
    time.sleep(60)
    sys.exit(0)
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
handler = functools.partial(Quiet, directory=sys.argv[1])
# One request at a time is enough here, and needs no thread per request.
server = http.server.HTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$tap_tmp/server.py" mute >"$tap_tmp/mute" 2>/dev/null &
mute=$!
python3 "$tap_tmp/server.py" "$tap_tmp/www" >"$tap_tmp/http" 2>/dev/null &
http=$!
trap 'kill $mute $http 2>/dev/null; rm -rf "$tap_tmp"' EXIT
i=0
while { [ ! -s "$tap_tmp/mute" ] || [ ! -s "$tap_tmp/http" ]; } && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -s "$tap_tmp/mute" ] && [ -s "$tap_tmp/http" ] ||
    skip_all "python3 servers did not start"

plan 5
t0=$(date +%s)
fails "closed port: cannot connect" \
    "^nginxbench: cannot connect to 127.0.0.1 port $port: Connection refused$" \
    nginxbench -u "http://127.0.0.1:$port/file" -d 10
is "$(($(date +%s) - t0 < 3))" 1 "closed port: the error comes at once, not after the run"
fails "a server that never answers: a clear timeout" \
    "no answer to a HEAD request within 5 s" \
    nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/mute")/file" -d 1
fails "404: not measured" "answered 'HTTP/1.0 404 File not found', not 2xx" \
    nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/http")/missing" -d 1
fails "301 redirect: not measured as if it were the file" \
    "answered 'HTTP/1.0 301 Moved Permanently', not 2xx" \
    nginxbench -u "http://127.0.0.1:$(cat "$tap_tmp/http")/dir" -d 1
done_testing
