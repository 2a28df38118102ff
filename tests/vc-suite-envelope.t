#!/bin/sh
# vc-suite's platform check is a run of vc-envelope: its lines become
# platforms.NAME.envelope in meta.json, numbers as numbers, and the
# runner's own messages mixed in with them do not.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

# envelope DIR PLATFORM: the recorded envelope as "key value" lines,
# a number's key marked with #; "none" if there is none.
envelope() {
	python3 -c 'import json, sys
p = json.load(open(sys.argv[1] + "/meta.json"))["platforms"][sys.argv[2]]
if "envelope" not in p:
    print("none")
for k, v in p.get("envelope", {}).items():
    print("%s%s %s" % (k, "#" if isinstance(v, int) else "", v))' "$1" "$2"
}

plan 4
d=$tap_tmp/r
run vc-suite -P quick -p native -b memsweep -n 1 -a memsweep='-s 1M -r 1' -d "$d"
# What vc-envelope prints here, numbers marked as they must be stored.
want=$(vc-envelope | sed -E 's/^([a-z_]+) ([0-9]+)$/\1# \2/')
is "$rc:$(envelope "$d" native)" "0:$want" \
    "platforms.native.envelope: vc-envelope's lines, numbers as numbers"

# A runner that says something on stderr around the check's output:
# only vc-envelope's lines are recorded.
mkdir "$tap_tmp/bin"
cat >"$tap_tmp/bin/vc-native" <<FAKE
#!/bin/sh
echo "vc-native: a note before" >&2
"$top_builddir/harness/run/vc-native" "\$@"
rc=\$?
echo "vc-native: a note after" >&2
echo "Key With Capitals 1" >&2
exit \$rc
FAKE
chmod +x "$tap_tmp/bin/vc-native"
d2=$tap_tmp/r2
run env PATH="$tap_tmp/bin:$PATH" vc-suite -P quick -p native \
    -b memsweep -n 1 -a memsweep='-s 1M -r 1' -d "$d2"
is "$rc:$(envelope "$d2" native | cut -d' ' -f1 | tr '\n' ' ')" \
    "0:$(printf '%s\n' "$want" | cut -d' ' -f1 | tr '\n' ' ')" \
    "a runner's messages are not taken for envelope lines"

# A platform whose check fails is skipped, with no envelope.
run env VIRTCOST_ENGINE=no-such-engine vc-suite -P quick \
    -p native,container -b memsweep -n 1 -a memsweep='-s 1M -r 1' \
    -d "$tap_tmp/r3"
case $err in *"skipping container: vc-container: VIRTCOST_ENGINE=no-such-engine"*)
	is "$rc:$(envelope "$tap_tmp/r3" container)" "0:none" \
	    "a skipped platform has no envelope" ;;
*)	fail "a skipped platform has no envelope" "not skipped: $err" ;;
esac

# vc-report -a shows it.
run vc-report -a "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c "^native: cpus $(nproc), memory ")" "0:1" \
    "vc-report -a shows native's envelope"
done_testing
