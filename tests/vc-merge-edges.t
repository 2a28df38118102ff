#!/bin/sh
# vc-merge on hand-made hosts: older file forms written in the current
# one, a host without results or with failures only, an unfinished run,
# fleet.json's status; bad names and a missing hosts directory exit 2,
# a malformed host file exit 1 naming its file and line, and then the
# directory's own files are left as they were.
. "${top_srcdir:-.}/tests/tap.sh"
need_cmd jq

plan 21
f=$tap_tmp/fleet
h=$f/hosts
mkdir -p "$h/old" "$h/empty" "$h/failonly" "$h/partial" "$h/Zed"
# An older vc-suite's files: no params, no variant; no host in failures.
printf '%s\n' 'time,host,platform,benchmark,metric,unit,value,rep' \
    '2026-01-01T00:00:00Z,oldbox,native,forksum,seconds,s,1.5,1' \
    '2026-01-01T00:00:01Z,oldbox,native,forksum,seconds,s,1.25,2' >"$h/old/results.csv"
printf '%s\n' 'time,platform,benchmark,rep,status,reason' \
    '2026-01-01T00:00:02Z,qemu,forksum,1,1,"boom, again"' >"$h/old/failures.csv"
printf '{"host": "oldbox", "sessions": [{"seconds": 1}]}\n' >"$h/old/meta.json"
# Failures only (every run failed), with params-era results header only.
printf '%s\n' 'time,platform,benchmark,rep,status,reason,variant' \
    '2026-01-01T00:00:03Z,native,linpack,1,137,killed,' >"$h/failonly/failures.csv"
# Rows, but vc-suite did not finish: no session yet.
printf '%s\n' 'time,host,platform,benchmark,metric,unit,value,rep,params,variant' \
    '2026-01-01T00:00:04Z,p,qemu,forksum,seconds,s,2,1,n=1,disk=raw' >"$h/partial/results.csv"
printf '{"host": "p", "sessions": []}\n' >"$h/partial/meta.json"
# Finished, but every row in an older form with params only.
printf '%s\n' 'time,host,platform,benchmark,metric,unit,value,rep,params' \
    '2026-01-01T00:00:05Z,z,native,forksum,seconds,s,3,1,n=2' >"$h/Zed/results.csv"
printf '{"host": "z", "sessions": [{}]}\n' >"$h/Zed/meta.json"

run vc-merge "$f"
is "$rc:$out" "0:$f: 5 hosts, 4 rows, 2 failures" "merged, exit 0"
is "$(cat "$f/results.csv")" "time,host,platform,benchmark,metric,unit,value,rep,params,variant
2026-01-01T00:00:05Z,Zed,native,forksum,seconds,s,3,1,n=2,
2026-01-01T00:00:00Z,old,native,forksum,seconds,s,1.5,1,,
2026-01-01T00:00:01Z,old,native,forksum,seconds,s,1.25,2,,
2026-01-01T00:00:04Z,partial,qemu,forksum,seconds,s,2,1,n=1,disk=raw" \
    "results.csv: byte order (Zed first), older forms in the current one"
is "$(cat "$f/failures.csv")" 'time,platform,benchmark,rep,status,reason,variant,host
2026-01-01T00:00:03Z,native,linpack,1,137,killed,,failonly
2026-01-01T00:00:02Z,qemu,forksum,1,1,"boom, again",,old' \
    "failures.csv: older forms get variant and host"
is "$(jq -r '.hosts[] | [.name, .hostname, .status, .reason, (.meta | type)] | map(tostring) | join("|")' "$f/meta.json")" \
"Zed|z|complete|null|object
empty|null|failed|no results.csv|null
failonly|null|failed|no results.csv|null
old|oldbox|complete|null|object
partial|p|partial|vc-suite did not finish: no session in its meta.json|object" \
    "meta.json: complete, failed (no results), partial (no session)"

# fleet.json, when vc-fleet wrote one, says how each host ended; a host
# it lists without a directory is a host too.
printf '%s\n' '{"schema": 1, "hosts": [{"name": "old", "status": "failed", "reason": "ssh: lost"},' \
    '{"name": "gone", "status": "failed", "reason": "ssh: no route"}, {"name": "partial", "status": "running", "reason": null}]}' >"$f/fleet.json"
run vc-merge "$f"
is "$rc:$(jq -r '.hosts[] | [.name, .status, .reason] | map(tostring) | join("|")' "$f/meta.json")" \
"0:Zed|complete|null
empty|failed|no results.csv
failonly|failed|no results.csv
gone|failed|ssh: no route
old|failed|ssh: lost
partial|running|null" "with fleet.json: its status and reason, its hosts"
run vc-merge "$f"
sums=$(cd "$f" && md5sum results.csv failures.csv meta.json)
sleep 1
run vc-merge "$f"
is "$rc:$(cd "$f" && md5sum results.csv failures.csv meta.json)" "0:$sums" \
    "merged again: the same files"
rm "$f/fleet.json"

usage_error "-x: exit 2" vc-merge -x "$f"
usage_error "no directory: exit 2" vc-merge
usage_error "two directories: exit 2" vc-merge "$f" "$f"
run vc-merge -h
is "$rc:$out" "0:usage: vc-merge [-hV] dir" "-h: usage on stdout, exit 0"
run vc-merge -V
case $rc:$out in 0:virtcost\ *) pass "-V: the version" ;;
*) fail "-V: the version" "$rc:$out" ;; esac

# Refused: DIR's own files stay as they were, no temporary file left.
sums=$(cd "$f" && md5sum results.csv failures.csv meta.json)
kept() {
	is "$(cd "$f" && md5sum results.csv failures.csv meta.json):$(ls -A "$f" | tr '\n' ' ')" \
	    "$sums:failures.csv hosts meta.json results.csv " "$1"
}
usage_error "no DIR/hosts: exit 2" vc-merge "$tap_tmp"
mkdir "$h/-x"
usage_error "a host name starting with -: exit 2" vc-merge "$f"
rmdir "$h/-x"
mkdir "$h/$(printf '%065d' 0)"
usage_error "a host name of 65 bytes: exit 2" vc-merge "$f"
rmdir "$h/$(printf '%065d' 0)"
mkdir "$h/a b"
usage_error "a host name with a blank: exit 2" vc-merge "$f"
rmdir "$h/a b"
: >"$h/file"
usage_error "a file in hosts/: exit 2" vc-merge "$f"
rm "$h/file"
kept "refused: the merged files as they were, nothing left"

printf '%s\n' '2026-01-01T00:00:09Z,z,native,forksum,seconds,s,oops,2,n=2' >>"$h/Zed/results.csv"
one_line_fail "a bad value: exit 1, its file and line" \
    "$h/Zed/results.csv: line 3: value 'oops'" vc-merge "$f"
kept "a bad row: the merged files as they were, nothing left"
sed -i '$d' "$h/Zed/results.csv"
printf '%s\n' '2026-01-01T00:00:03Z,native,linpack,x,137,killed,' >>"$h/failonly/failures.csv"
one_line_fail "a bad rep in failures.csv: exit 1, its file and line" \
    "$h/failonly/failures.csv: line 3: rep 'x'" vc-merge "$f"
sed -i '$d' "$h/failonly/failures.csv"
printf '{"host": ' >"$h/Zed/meta.json"
one_line_fail "a meta.json that is not JSON: exit 1, its name" \
    "$h/Zed/meta.json: not JSON" vc-merge "$f"
done_testing
