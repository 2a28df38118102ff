#!/bin/sh
# diskwrite-vs-fio.sh - does diskwrite measure what fio measures? Runs the
# same random-write job with fio directly and through diskwrite, in turn,
# N times each (default 3) in this one session, each on a fresh file, and
# prints both IOPS means and their ratio (diskwrite / fio; near 1 is good).
#
# usage: bench/diskwrite-vs-fio.sh [-d dir] [-n runs] [-s size] [-t secs]
#        (BUILDDIR: where diskwrite was built; default .)
set -eu
dir=. runs=3 size=256M secs=10
while getopts d:n:s:t: opt; do
	case $opt in
	d) dir=$OPTARG ;;
	n) runs=$OPTARG ;;
	s) size=$OPTARG ;;
	t) secs=$OPTARG ;;
	*) echo "usage: $0 [-d dir] [-n runs] [-s size] [-t secs]" >&2; exit 2 ;;
	esac
done
dw=${BUILDDIR:-.}/diskwrite/diskwrite
[ -x "$dw" ] || { echo "$0: $dw not built" >&2; exit 1; }
command -v fio >/dev/null || { echo "$0: fio not found" >&2; exit 1; }
command -v python3 >/dev/null || { echo "$0: python3 not found" >&2; exit 1; }

work=$(mktemp -d "$dir/vsfio.XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM
bytes=$(python3 -c '
import sys
s = sys.argv[1]
m = {"k": 1 << 10, "M": 1 << 20, "G": 1 << 30}
print(int(s[:-1]) * m[s[-1]] if s[-1] in m else int(s))' "$size")

# The job diskwrite gives fio (see run_fio in diskwrite/diskwrite.c).
fio_iops() {
	fio --name=diskwrite --filename="$work/testfile" --rw=randwrite \
	    --ioengine=libaio --iodepth=64 --bs=4096 --size="$bytes" \
	    --direct=1 --time_based --runtime="${secs}s" \
	    --output-format=json --eta=never |
	    python3 -c 'import json, sys
print(json.load(sys.stdin)["jobs"][0]["write"]["iops"])'
	rm -f "$work/testfile"
}

dw_iops() {
	"$dw" -d "$work" -s "$bytes" -t "$secs" -o json | python3 -c '
import json, sys
print([m["value"] for m in json.load(sys.stdin)["metrics"]
    if m["metric"] == "iops"][0])'
}

f= d= i=0
while [ "$i" -lt "$runs" ]; do
	f="$f $(fio_iops)"
	d="$d $(dw_iops)"
	i=$((i + 1))
done
python3 -c '
import statistics as st, sys
f = [float(x) for x in sys.argv[1].split()]
d = [float(x) for x in sys.argv[2].split()]
def show(name, v):
    print("%-9s runs=%d mean=%.0f IOPS sd=%.0f  (%s)" % (name, len(v),
        st.mean(v), st.stdev(v) if len(v) > 1 else 0,
        " ".join("%.0f" % x for x in v)))
show("fio", f)
show("diskwrite", d)
r = st.mean(d) / st.mean(f)
print("ratio diskwrite/fio = %.3f (%+.1f%%)" % (r, 100 * (r - 1)))' "$f" "$d"
