#!/bin/sh
# Every man page is mandoc -Tlint clean.
. "${top_srcdir:-.}/tests/tap.sh"

need_cmd mandoc
set -- "$top_srcdir"/man/*.[178]
plan $#
for page; do
	if lint=$(mandoc -Tlint -Wwarning "$page" 2>&1) && [ -z "$lint" ]; then
		pass "mandoc -Tlint ${page##*/}"
	else
		fail "mandoc -Tlint ${page##*/}" "$lint"
	fi
done
done_testing
