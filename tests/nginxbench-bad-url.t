#!/bin/sh
# A URL nginxbench cannot measure is bad usage: exit 2, one line, before
# anything is started.
. "${top_srcdir:-.}/tests/tap.sh"

own_tmpdir

set -- \
    "" \
    "127.0.0.1:8080/file" \
    "ftp://127.0.0.1/file" \
    "https://127.0.0.1/file" \
    "http://" \
    "http:///file" \
    "http://127.0.0.1:/file" \
    "http://127.0.0.1:0/file" \
    "http://127.0.0.1:65536/file" \
    "http://127.0.0.1:80x/file" \
    "http://127.0.0.1:-80/file" \
    "http://user@127.0.0.1/file" \
    "http://exa_mple.org/file" \
    "http://[::1/file" \
    "http://[zz::1]/file" \
    "http://[::1]x/file" \
    "http://127.0.0.1/a file" \
    "http://127.0.0.1/file#part" \
    "http://127.0.0.1/$(printf 'a\tb')" \
    "http://127.0.0.1/caf$(printf '\303\251')"
plan $(($# + 1))
for url; do
	usage_error "bad URL '$url'" nginxbench -u "$url"
done
is "$(ls -A "$TMPDIR")" "" "no temporary directory was made"
done_testing
