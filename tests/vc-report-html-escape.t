#!/bin/sh
# vc-report -f html shows text from the results as text: a failure
# reason or a command word holding <script>, & and quotes comes out
# escaped, never as markup. Without gnuplot the page still comes, with
# one line saying why it has no charts, and nothing is left in TMPDIR.
. "${top_srcdir:-.}/tests/tap.sh"
. "$top_srcdir/tests/report-data.sh"

need_cmd python3
plan 9
d=$tap_tmp/r
failed_results "$d"
cat >>"$d/failures.csv" <<'EOS'
2026-11-27T03:08:00Z,container,memsweep,3,1,"vc-container: <script>alert(""x"")</script> & 'q'"
EOS
printf '%s\n' '{"argv": ["-p", "native", "-a", "linpack=<img src=x onerror=\"y\">"], "platforms": {"native": {"note": "a & b < c"}, "kvm": {"skipped": "no <b>kvm</b>"}}}' >"$d/meta.json"
own_tmpdir

run vc-report -f html "$d"
is "$rc" 0 "exit 0"
html=$out
is "$(printf '%s\n' "$html" | grep -c '<script')" 0 "no <script> element comes from the data"
is "$(printf '%s\n' "$html" | grep -c 'vc-container: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;')" 1 \
    "the reason, escaped, in the failed runs"
is "$(printf '%s\n' "$html" | grep -c "linpack=&lt;img src=x onerror=&quot;y&quot;&gt;'")" 1 \
    "a command word, quoted for a shell and escaped"
is "$(printf '%s\n' "$html" | grep -c '<td>a &amp; b &lt; c</td>')" 1 "meta.json's text, escaped"
is "$(printf '%s\n' "$html" | grep -c '>skipped: no &lt;b&gt;kvm&lt;/b&gt;<')" 2 \
    "a skip reason, escaped, in each table"
is "$(printf '%s\n' "$html" | python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    tags = set()
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for k, v in attrs:
            if k.startswith("on"):
                print("handler", k)
p = P()
p.feed(sys.stdin.read())
print(sorted(p.tags & {"script", "img", "b", "link", "iframe"}))
')" "[]" "a parser finds no element or handler from the data"

# gnuplot missing: vc-plot fails, the page stands without charts.
run env PATH=/nonexistent "$top_builddir/harness/report/vc-report" -f html "$d"
is "$rc:$(printf '%s\n' "$out" | grep -c '<p class="nochart">No charts: .*gnuplot')" "0:1" \
    "without gnuplot: exit 0, one line saying why there are no charts"
is "$(ls -A "$TMPDIR")" "" "nothing left in TMPDIR"
done_testing
