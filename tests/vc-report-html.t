#!/bin/sh
# vc-report -f html, rendered by a real browser: a real vc-suite run's
# page, loaded by headless Chromium with its network pointed at a closed
# port, holds every chart vc-plot draws as SVG with drawn marks, a table
# row for each benchmark and platform, every run folded away, and no
# address that would fetch anything.
. "${top_srcdir:-.}/tests/tap.sh"

command -v chromium >/dev/null 2>&1 ||
    skip_all "chromium not found (apt-get install chromium)"
need_cmd python3 gnuplot
plan 10
d=$tap_tmp/results
run vc-suite -q -P quick -n 2 -p native,container -b forksum,memsweep -d "$d"
is "$rc" 0 "vc-suite made a results directory"

own_tmpdir
run vc-report -f html "$d"
is "$rc:$(ls -A "$TMPDIR")" "0:" "vc-report -f html: exit 0, nothing left in TMPDIR"
printf '%s\n' "$out" >"$d/report.html"

# The browser: its own profile, its network going nowhere.
prof=$tap_tmp/chromium
chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$prof" --proxy-server=127.0.0.1:9 \
    --proxy-bypass-list='<-loopback>' --dump-dom \
    "file://$d/report.html" >"$tap_tmp/dom.html" 2>"$tap_tmp/chromium.err"
is "$?" 0 "chromium rendered the page"
rm -rf "$prof"

dom() {
	python3 -c '
import sys
from html.parser import HTMLParser
what = sys.argv[1]
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.svgs = []; self.depth = 0; self.rows = []; self.h3 = None
        self.in_h3 = False; self.in_results = False; self.cells = None
        self.urls = []; self.details = 0; self.section = []; self.g = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href", "xlink:href", "action", "data"):
            v = (a.get(k) or "").strip().lower()
            if v and not v.startswith("#"):
                self.urls.append(v)
        if tag in ("link", "script", "iframe", "img", "object"):
            self.urls.append("<" + tag + ">")
        if tag == "section":
            self.section.append(a.get("id"))
        if tag == "svg":
            self.svgs.append(0)
        if tag == "g":
            self.g.append("gnuplot_plot_" in (a.get("id") or "") or
                any(self.g))
        # A mark with data: drawn inside one of the plots, not the axes.
        if self.svgs and any(self.g) and tag in ("path", "polyline", "polygon", "rect", "circle", "use"):
            if (a.get("d") or a.get("points") or a.get("width") or a.get("r") or a.get("xlink:href") or a.get("href")):
                self.svgs[-1] += 1
        if tag == "h3":
            self.in_h3 = True; self.h3 = ""
        if tag == "tr" and "results" in self.section:
            self.cells = []
        if tag == "details":
            self.details += 1
    def handle_endtag(self, tag):
        if tag == "h3":
            self.in_h3 = False
        if tag == "g" and self.g:
            self.g.pop()
        if tag == "section" and self.section:
            self.section.pop()
        if tag == "tr" and self.cells is not None:
            if self.cells and self.cells[0] not in ("platform",):
                self.rows.append(self.h3.split()[0] + " " + self.cells[0])
            self.cells = None
    def handle_data(self, data):
        if self.in_h3:
            self.h3 += data
        if self.cells is not None and data.strip():
            self.cells.append(data.strip())
p = P()
p.feed(open(sys.argv[2]).read())
if what == "svgs":
    print(" ".join(str(n > 0) for n in p.svgs))
elif what == "rows":
    print("\n".join(sorted(p.rows)))
elif what == "urls":
    print("\n".join(p.urls))
elif what == "details":
    print(p.details)
' "$1" "$tap_tmp/dom.html"
}

charts=$(vc-plot -f svg -o "$tap_tmp/charts" "$d" | wc -l)
is "$(dom svgs)" "$(seq "$charts" | sed 's/.*/True/' | paste -sd' ' -)" \
    "every chart vc-plot draws is an <svg> with drawn marks ($charts)"
is "$(dom rows)" "forksum container
forksum native
memsweep container
memsweep native" "the tables: a row per benchmark and platform"
is "$(dom urls)" "" "no address that would fetch: no src, href, link or script"
is "$(grep -ci 'url(\|@import' "$tap_tmp/dom.html")" 0 "no url() or @import in the style"
is "$(dom details)" 2 "every run, folded, per benchmark"
# Printed, every run's section is unfolded: the page prints to more
# pages than the same page with only the sections' summary lines.
pages() {
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
	    --user-data-dir="$prof" --proxy-server=127.0.0.1:9 \
	    --no-pdf-header-footer --print-to-pdf="$tap_tmp/p.pdf" \
	    "file://$1" >/dev/null 2>&1
	rm -rf "$prof"
	grep -a -c '/Type /Page$' "$tap_tmp/p.pdf"
}
python3 -c '
import re, sys
s = open(sys.argv[1]).read()
open(sys.argv[2], "w").write(re.sub(r"(<details>\s*<summary>.*?</summary>).*?</details>", r"\1</details>", s, flags=re.S))
' "$d/report.html" "$d/folded.html"
full=$(pages "$d/report.html")
bare=$(pages "$d/folded.html")
ok_if "printed, the runs are unfolded ($full pages, $bare with their summaries alone)" \
    test "$full" -gt "$bare"
no_leftovers "no chromium left running" "$prof"
done_testing
