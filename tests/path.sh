# path.sh - puts the build tree's tools first on PATH: the one list of
# the folders that hold programs. Sourced by tests/tap.sh, bench/*.sh and
# Makefile.am's RUN_ENV, with $top_builddir set to the build tree.
for _vc_dir in harness/run harness/image harness/report \
    linpack memsweep forksum diskwrite nginxbench; do
	PATH="$top_builddir/$_vc_dir:$PATH"
done
unset _vc_dir
export PATH
