#!/bin/sh
# vc-container with podman: see tests/container.sh.
. "${top_srcdir:-.}/tests/tap.sh"
ENGINE=podman
. "$top_srcdir/tests/container.sh"
