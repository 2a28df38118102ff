# tap.sh - the tiny TAP helper every tests/*.t sources.
#
#   plan N                      expect N tests
#   ok COND-EXIT-STATUS NAME    via: ok_if NAME cmd...  (runs cmd)
#   is GOT WANT NAME            string equality
#   run cmd...                  sets $out, $err, $rc (no shell involved)
#   need_cmd PROG...            skip the whole file when PROG is absent,
#                               or fail when CI=true: CI has every component
#   need_nginx                  the same for nginx (in /usr/sbin, say)
#   own_tmpdir                  TMPDIR is an empty directory of the test's
#   usage_error, one_line_fail  the exit-2 and exit-1 rules, checked
#
# Binaries come from the build tree: $top_builddir is set by Makefile.am.

set -u
: "${top_builddir:=.}"
: "${top_srcdir:=.}"
# tests/cpio.py is found through it by the tests' python.
export top_builddir top_srcdir
. "$top_srcdir/tests/path.sh"
LC_ALL=C
export LC_ALL
# The runners find the build tree's binaries and helpers through these,
# and share one image cache for the whole test run.
VIRTCOST_BUILDDIR=$top_builddir
VIRTCOST_DATADIR=$top_srcdir/nginxbench
: "${VIRTCOST_CACHE:=$top_builddir/tests/cache}"
export VIRTCOST_BUILDDIR VIRTCOST_DATADIR VIRTCOST_CACHE

tap_n=0
tap_failed=0
tap_tmp=$(mktemp -d "${TMPDIR:-/tmp}/vctest.XXXXXX")
trap 'rm -rf "$tap_tmp"' EXIT

plan() { echo "1..$1"; }

pass() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }

fail() {
	tap_n=$((tap_n + 1))
	tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"
	shift
	for line; do printf '#   %s\n' "$line"; done
}

# skip_all REASON: skip this file, unless CI=true, where it fails.
skip_all() {
	if [ "${CI:-}" = true ]; then
		echo "1..1"
		echo "not ok 1 - required component missing in CI: $1"
		exit 1
	fi
	echo "1..0 # SKIP $1"
	exit 0
}

need_cmd() {
	for c; do
		command -v "$c" >/dev/null 2>&1 || skip_all "$c not found"
	done
}

# need_nginx: skip the whole file without nginx; Debian's is in
# /usr/sbin, which a user's PATH may lack (nginxbench looks there too).
need_nginx() {
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] ||
	    skip_all "nginx not found (apt-get install nginx-light)"
}

# image_env [BUILDDIR]: vc-image takes its programs from BUILDDIR (this
# build tree by default) and caches into a directory of this test's own.
image_env() {
	VIRTCOST_BUILDDIR=${1:-$(cd "$top_builddir" && pwd)}
	VIRTCOST_CACHE=$tap_tmp/cache
	export VIRTCOST_BUILDDIR VIRTCOST_CACHE
}

# core_copy DIR: a build tree in DIR with copies of the programs of
# vc-image's core part, for a test to change one of.
core_copy() {
	mkdir -p "$1/harness/run" "$1/linpack" "$1/memsweep" "$1/forksum"
	for p in harness/run/vc-init harness/run/vc-envelope linpack/linpack \
	    memsweep/memsweep forksum/forksum; do
		cp "$(cd "$top_builddir" && pwd)/$p" "$1/$p"
	done
}

# own_tmpdir: TMPDIR is a new, empty directory of this test's, so that
# what a program leaves behind in it shows (ls -A "$TMPDIR").
own_tmpdir() {
	TMPDIR=$tap_tmp/tmp
	export TMPDIR
	mkdir "$TMPDIR"
}

# run CMD...: capture stdout, stderr and exit status of CMD.
run() {
	"$@" >"$tap_tmp/out" 2>"$tap_tmp/err"
	rc=$?
	out=$(cat "$tap_tmp/out")
	err=$(cat "$tap_tmp/err")
}

is() {
	if [ "$1" = "$2" ]; then
		pass "$3"
	else
		fail "$3" "got:  '$1'" "want: '$2'"
	fi
}

# ok_if NAME CMD...: pass when CMD exits 0.
ok_if() {
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name" "command failed: $*"; fi
}

# usage_error NAME CMD...: CMD must exit 2 with exactly one line on stderr
# that starts with the program's name, and nothing on stdout.
usage_error() {
	name=$1
	shift
	run "$@"
	nlines=$(printf '%s\n' "$err" | wc -l)
	prog=${1##*/}
	if [ "$rc" -eq 2 ] && [ "$nlines" -eq 1 ] && [ -z "$out" ] &&
	    case $err in "$prog: "*) true ;; *) false ;; esac; then
		pass "$name"
	else
		fail "$name" "rc=$rc (want 2)" "stderr: $err" "stdout: $out"
	fi
}

# one_line_fail NAME WANT CMD...: CMD must exit 1 with nothing on stdout
# and one line on stderr that holds WANT and starts with the name of the
# program that failed ("vc-image: ..."), one of CMD's words: CMD may be
# a wrapper (env, a shell function) around it.
one_line_fail() {
	name=$1
	want=$2
	shift 2
	run "$@"
	named=false
	for word; do
		case $err in "${word##*/}: "*"$want"*) named=true ;; esac
	done
	if [ "$rc" -eq 1 ] && [ -z "$out" ] && $named &&
	    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ]; then
		pass "$name"
	else
		fail "$name" "rc=$rc (want 1)" "stderr: $err" "want: $want" \
		    "stdout: $out"
	fi
}

# json_ok: stdin must be valid JSON (python3's parser, the reference).
json_ok() { python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin if l.strip()]' 2>/dev/null; }

# field JSON METRIC: the value of a metric in a record (python3's parser).
field() {
	printf '%s\n' "$1" | python3 -c '
import json, sys
for line in sys.stdin:
    line = line.strip()
    if line.startswith("{"):
        r = json.loads(line)
        for m in r["metrics"]:
            if m["metric"] == sys.argv[1]:
                print(m["value"])
' "$2"
}

# no_leftovers NAME PATTERN: no process matches PATTERN (pgrep -f).
no_leftovers() {
	sleep 0.2
	if pgrep -f "$2" >/dev/null; then
		fail "$1" "left running: $(pgrep -af "$2" | head -3)"
	else
		pass "$1"
	fi
}

done_testing() {
	[ "$tap_failed" -eq 0 ]
}
