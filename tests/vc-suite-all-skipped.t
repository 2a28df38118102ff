#!/bin/sh
# When every platform is skipped nothing is measured: that is a failure
# (exit 1, one line naming where the reasons are), not an empty success.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd python3

plan 6
# Stand-in runners whose platform check fails, as a platform that is not
# there does: their own message, exit 125.
. "$top_srcdir/tests/fake-runner.sh"
no_platform vc-native vc-qemu

d=$tap_tmp/r
run vc-suite -P quick -p native,qemu -b forksum -n 1 -d "$d"
is "$rc:$out" "1:" "every platform skipped: exit 1, nothing on stdout"
is "$(printf '%s\n' "$err" | tail -n 1)" \
    "vc-suite: every platform was skipped: nothing measured (the reasons are in $d/meta.json)" \
    "one last line says so and where the reasons are"
is "$(printf '%s\n' "$err" | grep -c '^vc-suite: skipping .*: vc-.*: no such platform here: vc-envelope$')" 2 \
    "each skip is shown with its reason"
is "$(python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))["platforms"]; print(p["native"]["skipped"] + "|" + p["qemu"]["skipped"])' "$d/meta.json")" \
    "vc-native: no such platform here: vc-envelope|vc-qemu: no such platform here: vc-envelope" \
    "meta.json records the reasons"
run vc-suite -r "$d"
is "$rc:$(printf '%s\n' "$err" | tail -n 1 | cut -d: -f2)" "1: every platform was skipped" \
    "-r checks the platforms again, and fails the same way"
# One platform back: -r measures on it.
printf '#!/bin/sh\ncase " $* " in *" -o json "*) exec "$@" ;; esac\nexit 0\n' \
    >"$tap_tmp/bin/vc-native"
run vc-suite -r "$d"
is "$rc:$out:$(cut -d, -f3 "$d/results.csv" | sort -u | tr '\n' ' ')" \
    "0:$d:native platform " "with a platform back, -r measures on it"
done_testing
