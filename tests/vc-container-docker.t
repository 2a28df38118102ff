#!/bin/sh
# vc-container with docker: see tests/container.sh.
. "${top_srcdir:-.}/tests/tap.sh"
ENGINE=docker
. "$top_srcdir/tests/container.sh"
