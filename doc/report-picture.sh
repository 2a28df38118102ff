#!/bin/sh
# doc/report-picture.sh RESULTS_DIR [OUT]: the README's picture of the
# HTML report: vc-report -f html of RESULTS_DIR (a real run, such as
# make quick's), its top screenshot by headless Chromium, into OUT
# (default doc/report.png). make report-picture runs it on
# results/latest with the build tree's tools.
set -eu
[ $# -ge 1 ] && [ $# -le 2 ] || {
	echo "usage: doc/report-picture.sh results_dir [out.png]" >&2
	exit 2
}
dir=$1
out=${2:-doc/report.png}
command -v chromium >/dev/null 2>&1 || {
	echo "report-picture.sh: chromium not found (apt-get install chromium)" >&2
	exit 1
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/report-picture.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
vc-report -f html "$dir" >"$tmp/report.html"
# Its own profile, no network; a narrow window at a reduced scale keeps
# the file small and the page as a reader sees it.
chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --hide-scrollbars --user-data-dir="$tmp/profile" \
    --proxy-server=127.0.0.1:9 --force-device-scale-factor=0.68 \
    --window-size=1250,1650 --screenshot="$tmp/shot.png" \
    "file://$tmp/report.html" >/dev/null 2>&1
cp "$tmp/shot.png" "$out"
echo "$out"
