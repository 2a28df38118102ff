# bench/env.sh - sourced by the bench scripts that run the harness: the
# build tree's programs first on PATH, as the tests have them (BUILDDIR,
# default .), and median of the numbers on stdin ("nan" for none).
b=$(cd "${BUILDDIR:-.}" && pwd)
top_builddir=$b
. "$(dirname "$0")/../tests/path.sh"
VIRTCOST_BUILDDIR=$b
export VIRTCOST_BUILDDIR

median() {
	sort -n | awk '{ v[NR] = $1 }
	END {
		if (NR == 0) print "nan"
		else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}
