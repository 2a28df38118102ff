/*
 * html.c - vc-report -f html: one HTML5 page that holds everything a
 * reader needs and fetches nothing: the style inline, the charts inline
 * as SVG, no script, no link that loads.
 *
 * The charts are vc-plot's (the one chart engine): it draws SVG into a
 * private temporary directory and each <svg> element is copied into the
 * page, its ids prefixed so that the charts' defs do not collide. A
 * chart vc-plot could not draw is absent, and one line in the page says
 * why; the rest of the report stands.
 *
 * All text from the results (names, reasons, meta.json) goes through
 * put_text, the one escaper.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "cleanup.h"
#include "html.h"
#include "msg.h"
#include "run.h"
#include "xalloc.h"

#define SVG_MAX		(8 << 20)	/* bytes of a chart inlined at most */

/* The charts vc-plot drew, or why there are none. */
static char	**chart;	/* paths, as vc-plot printed them */
static size_t	  nchart;
static char	 *chart_why;	/* one line: why no charts */
static int	  nfig;		/* charts inlined: their id prefix */

/* The table being written. */
static const struct bench *tab_bench;
static const char	*tab_metric;
static size_t		 tab_ncols, tab_ratio;

/* Which list the legend and variant lines are in. */
enum place { IN_NONE, IN_BLOCKS, IN_LEGEND, IN_VARIANTS };
static enum place in;

static const char style[] =
":root{--fg:#1c2330;--muted:#5d6675;--line:#dde2ea;--soft:#f4f6f9;"
"--accent:#17508f;--accent-bg:#eaf2fb;--bad:#a4262c;--warn:#8a5300}\n"
"*{box-sizing:border-box}\n"
"html{background:#fff}\n"
"body{margin:0 auto;max-width:76rem;padding:2.5rem 2rem 4rem;"
"color:var(--fg);font:15px/1.55 system-ui,-apple-system,\"Segoe UI\","
"Roboto,\"Helvetica Neue\",Arial,sans-serif}\n"
"header{border-bottom:3px solid var(--accent);padding-bottom:1rem;"
"margin-bottom:1.5rem}\n"
"h1{font-size:1.85rem;line-height:1.2;margin:0 0 .4rem;"
"letter-spacing:-.01em}\n"
"h2{font-size:1.3rem;margin:2.6rem 0 .8rem;padding-bottom:.3rem;"
"border-bottom:1px solid var(--line)}\n"
"h3{font-size:1.05rem;margin:1.4rem 0 .5rem}\n"
"section.block h3{margin-top:0}\n"
"p{margin:.4rem 0}\n"
".lede{font-size:1.05rem;color:var(--muted);margin:.2rem 0}\n"
".lede strong{color:var(--fg)}\n"
".skip{color:var(--warn)}\n"
"nav{font-size:.9rem;color:var(--muted);margin-top:.8rem}\n"
"nav a{color:var(--accent);text-decoration:none;margin-right:1.1rem}\n"
"section.block{margin:1.2rem 0 2.2rem;padding:1.1rem 1.2rem;"
"border:1px solid var(--line);border-radius:6px}\n"
".scroll{overflow-x:auto}\n"
"table{border-collapse:collapse;font-variant-numeric:tabular-nums;"
"margin:.3rem 0;font-size:.92rem}\n"
"th,td{padding:.28rem .45rem;text-align:right;white-space:nowrap;"
"border-bottom:1px solid var(--line);vertical-align:top}\n"
"th{font-size:.75rem;font-weight:600;color:var(--muted);"
"text-transform:uppercase;letter-spacing:.03em;"
"border-bottom:2px solid var(--line);vertical-align:bottom}\n"
"th.t,td.t,td.l{text-align:left}\n"
"td.t{font-weight:600}\n"
"th.ratio,td.ratio,td.ratioci{background:var(--accent-bg)}\n"
"th.ratio{color:var(--accent)}\n"
"td.ratio{font-weight:700;color:var(--accent);font-size:1.05em}\n"
"td.ratioci{color:var(--accent)}\n"
"td.note{font-weight:400;color:var(--warn);white-space:normal;"
"text-align:left}\n"
"td.status{text-align:left;white-space:normal;font-weight:400}\n"
"tr.failed td.status{color:var(--bad)}\n"
"tr.skipped td.status{color:var(--warn)}\n"
"tbody tr:hover td{background:var(--soft)}\n"
"ul.notes{margin:.5rem 0 0;padding-left:1.2rem;color:var(--warn);"
"font-size:.9rem}\n"
"figure{margin:1rem 0 0}\n"
"figure svg{display:block;width:100%;max-width:900px;height:auto}\n"
"p.nochart{color:var(--warn);font-style:italic}\n"
"ul.legend{color:var(--muted);font-size:.9rem;padding-left:1.2rem}\n"
"details{margin:.5rem 0;border:1px solid var(--line);"
"border-radius:6px;padding:.4rem .9rem}\n"
"details[open]{padding-bottom:.8rem}\n"
"summary{cursor:pointer;font-weight:600}\n"
"table.kv th{text-transform:none;letter-spacing:0;text-align:left;"
"font-size:.9rem;color:var(--muted);font-weight:600;"
"border-bottom:1px solid var(--line);vertical-align:top}\n"
"table.kv td{text-align:left;white-space:normal}\n"
"code,pre{font-family:ui-monospace,\"DejaVu Sans Mono\",Menlo,Consolas,"
"monospace;font-size:.85rem}\n"
"pre{background:var(--soft);padding:.6rem .9rem;border-radius:4px;"
"white-space:pre-wrap;overflow-wrap:anywhere;margin:.4rem 0}\n"
"footer{margin-top:3rem;color:var(--muted);font-size:.85rem;"
"border-top:1px solid var(--line);padding-top:.8rem}\n"
"@media print{\n"
"@page{margin:1.4cm}\n"
"body{max-width:none;padding:0;font-size:9.5pt}\n"
"nav{display:none}\n"
"h2{break-after:avoid;margin-top:1.6rem}\n"
"h3{break-after:avoid}\n"
"section.block{border:none;padding:0;break-inside:avoid}\n"
"tr,figure,pre{break-inside:avoid}\n"
"figure svg{max-width:100%;max-height:12cm;width:auto}\n"
".scroll{overflow:visible}\n"
"details{border:none;padding:0}\n"
"details::details-content{display:block;content-visibility:visible}\n"
"details>*{display:block}\n"
"details>div.scroll{display:block}\n"
"summary{list-style:none;font-size:1.05rem}\n"
"th.ratio,td.ratio,td.ratioci{background:none}\n"
"tbody tr:hover td{background:none}\n"
"}\n";

/* Text as HTML shows it, in an element or a quoted attribute. */
static void
put_text(const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", stdout);
			break;
		case '<':
			fputs("&lt;", stdout);
			break;
		case '>':
			fputs("&gt;", stdout);
			break;
		case '"':
			fputs("&quot;", stdout);
			break;
		case '\'':
			fputs("&#39;", stdout);
			break;
		default:
			/* A control character from a file is blanked. */
			putchar((unsigned char)*s < 0x20 && *s != '\n' ?
			    ' ' : *s == 0x7f ? ' ' : *s);
		}
}

/* <tag class="cls">text</tag>; cls may be NULL. */
static void
put_elem(const char *tag, const char *cls, const char *text)
{
	printf("<%s", tag);
	if (cls != NULL)
		printf(" class=\"%s\"", cls);
	putchar('>');
	put_text(text);
	printf("</%s>", tag);
}

/* A word of a command line as a reader could paste it into a shell. */
static void
put_word(const char *w)
{
	const char *p;

	if (*w != '\0' && strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789_-+=.,:/@%") == strlen(w)) {
		put_text(w);
		return;
	}
	putchar('\'');
	for (p = w; *p != '\0'; p++)
		if (*p == '\'')
			put_text("'\\''");
		else {
			char c[2] = { *p, '\0' };

			put_text(c);
		}
	putchar('\'');
}

static struct json_object *
member(struct json_object *o, const char *key, enum json_type type)
{
	struct json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, type))
		return NULL;
	return v;
}

static int
is_scalar(struct json_object *v)
{
	return v != NULL && !json_object_is_type(v, json_type_object) &&
	    !json_object_is_type(v, json_type_array);
}

/* The scalar members of an object, but those in skip, as key: value. */
static void
put_kv(struct json_object *o, const char *const *skip, int code)
{
	const char *const *k;
	int any = 0;

	if (o == NULL || !json_object_is_type(o, json_type_object))
		return;
	json_object_object_foreach(o, key, v) {
		for (k = skip; k != NULL && *k != NULL; k++)
			if (strcmp(*k, key) == 0)
				break;
		if ((k != NULL && *k != NULL) || !is_scalar(v))
			continue;
		if (!any++)
			puts("<table class=\"kv\">");
		fputs("<tr>", stdout);
		put_elem("th", NULL, key);
		fputs(code ? "<td><code>" : "<td>", stdout);
		put_text(v == NULL ? "null" : json_object_get_string(v));
		puts(code ? "</code></td></tr>" : "</td></tr>");
	}
	if (any)
		puts("</table>");
}

/* vc-plot beside this program (a build tree, a bindir), else on PATH. */
static char *
vcplot_path(void)
{
	char self[PATH_MAX], *slash, *p;
	ssize_t n;

	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			p = xasprintf("%.*s/vc-plot", (int)(slash - self),
			    self);
			if (access(p, X_OK) == 0)
				return p;
			free(p);
		}
	}
	return path_search("vc-plot");
}

/* vc-plot -f svg into a private directory: the charts, or chart_why. */
static void
draw_charts(const struct results *r, char *const *dirs, size_t ndirs)
{
	const char *tmp;
	char **argv, *out = NULL, *err = NULL, *prog, *line, *next;
	size_t i, k;
	int rc;

	if ((prog = vcplot_path()) == NULL) {
		chart_why = xasprintf("vc-plot not found beside vc-report or "
		    "on PATH");
		return;
	}
	cleanup_signals();
	if ((tmp = cleanup_tempdir("vc-report")) == NULL) {
		chart_why = xasprintf("no temporary directory: %s",
		    strerror(errno));
		free(prog);
		return;
	}
	argv = xcalloc(ndirs + 8, sizeof(*argv));
	argv[0] = prog;
	argv[1] = "-f";
	argv[2] = "svg";
	argv[3] = "-o";
	argv[4] = (char *)tmp;
	k = 5;
	if (r->ref != NULL) {
		argv[k++] = "-R";
		argv[k++] = (char *)r->ref;
	}
	for (i = 0; i < ndirs; i++)
		argv[k++] = dirs[i];
	argv[k] = NULL;
	rc = run_read(argv, 0, &out, 0, &err, 1024);
	free(argv);
	if (rc != 0) {
		if (rc == -1)
			chart_why = xasprintf("cannot run %s: %s", prog,
			    strerror(errno));
		else if (err != NULL && *err != '\0')
			chart_why = xasprintf("%.*s", (int)strcspn(err, "\n"),
			    err);
		else
			chart_why = xasprintf("vc-plot failed (exit %d)", rc);
	} else
		for (line = out; *line != '\0'; line = next) {
			next = line + strcspn(line, "\n");
			if (*next == '\n')
				*next++ = '\0';
			if (*line == '\0')
				continue;
			chart = xrealloc(chart, nchart + 1, sizeof(*chart));
			chart[nchart++] = xstrdup(line);
		}
	free(out);
	free(err);
	free(prog);
}

/* A whole file, NUL-terminated, up to max bytes; NULL with errno. */
static char *
read_file(const char *path, size_t max)
{
	struct stat st;
	char *buf;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1)
		n = errno;
	else if (!S_ISREG(st.st_mode))
		n = EINVAL;
	else if ((size_t)st.st_size > max)
		n = EFBIG;
	else
		n = 0;
	if (n != 0) {
		close(fd);
		errno = (int)n;
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = read(fd, buf, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size) {
		free(buf);
		errno = EIO;
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

/*
 * A chart as an inline <svg>: from its <svg> on, with every id and every
 * reference to one (href="#id") prefixed so that the page's ids stay
 * unique, gnuplot's placeholder <title> left out. vc-plot's gnuplot
 * draws no script; a file that has one is not inlined.
 */
static void
put_svg(const char *path, const char *alt)
{
	static const char *const refs[] = { " id='", " id=\"", "href='#",
	    "href=\"#", NULL };
	const char *const *r;
	char *svg, *p;

	if ((svg = read_file(path, SVG_MAX)) == NULL) {
		printf("<p class=\"nochart\">No chart of ");
		put_text(alt);
		printf(": %s.</p>\n", strerror(errno));
		return;
	}
	if ((p = strstr(svg, "<svg")) == NULL || strstr(p, "<script") !=
	    NULL || strstr(p, "<foreignObject") != NULL) {
		printf("<p class=\"nochart\">No chart of ");
		put_text(alt);
		puts(": the SVG file is not one vc-plot draws.</p>");
		free(svg);
		return;
	}
	nfig++;
	fputs("<figure>", stdout);
	fwrite("<svg role=\"img\" aria-label=\"", 1, 28, stdout);
	put_text(alt);
	putchar('"');
	for (p += 4; *p != '\0'; p++) {
		for (r = refs; *r != NULL; r++)
			if (strncmp(p, *r, strlen(*r)) == 0)
				break;
		if (*r != NULL) {
			printf("%sc%d-", *r, nfig);
			p += strlen(*r) - 1;
			continue;
		}
		if (strncmp(p, "<title>Gnuplot</title>", 22) == 0) {
			p += 21;
			continue;
		}
		putchar(*p);
	}
	puts("</figure>");
	free(svg);
}

/* The chart vc-plot drew as NAME.svg, inlined; nothing if it drew none. */
static void
put_chart(const char *name, const char *alt)
{
	const char *base;
	size_t i, len = strlen(name);

	if (chart_why != NULL)
		return;
	for (i = 0; i < nchart; i++) {
		base = strrchr(chart[i], '/');
		base = base != NULL ? base + 1 : chart[i];
		if (strncmp(base, name, len) == 0 &&
		    strcmp(base + len, ".svg") == 0) {
			put_svg(chart[i], alt);
			return;
		}
	}
}

/* "2026-12-03T10:44:29Z" as "2026-12-03 10:44 UTC"; else as it is. */
static void
put_when(const char *t)
{
	size_t len = strlen(t);

	if (len == 20 && t[10] == 'T' && t[19] == 'Z') {
		printf("%.10s %.5s UTC", t, t + 11);
		return;
	}
	put_text(t);
}

/* The first and last time of any run, measured or failed. */
static void
time_span(const struct results *r, const char **first, const char **last)
{
	const struct series *s;
	const char *t;
	size_t i, j;

	*first = *last = NULL;
	for (i = 0; i < r->nseries + r->nfail; i++) {
		s = i < r->nseries ? &r->series[i] : NULL;
		for (j = 0; j < (s != NULL ? s->n : 1); j++) {
			t = s != NULL ? s->obs[j].time :
			    r->fail[i - r->nseries].time;
			if (t == NULL || *t == '\0')
				continue;
			if (*first == NULL || strcmp(t, *first) < 0)
				*first = t;
			if (*last == NULL || strcmp(t, *last) > 0)
				*last = t;
		}
	}
}

/* "a, b and c" */
static void
put_list(const char *const *item, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputs(i + 1 == n ? " and " : ", ", stdout);
		put_text(item[i]);
	}
}

static struct json_object *meta;

static void
put_header(const struct results *r, char *const *dirs, size_t ndirs)
{
	const char **names, *first, *last, *why;
	struct json_object *v, *params;
	size_t i, n;

	time_span(r, &first, &last);
	puts("<header>\n<h1>virtcost: what each platform costs</h1>");
	fputs("<p class=\"lede\"><strong>", stdout);
	names = xcalloc(r->nbench ? r->nbench : 1, sizeof(*names));
	for (i = 0; i < r->nbench; i++)
		names[i] = r->bench[i].name;
	put_list(names, r->nbench);
	free(names);
	fputs("</strong> measured on <strong>", stdout);
	names = xcalloc(r->nplat ? r->nplat : 1, sizeof(*names));
	for (i = n = 0; i < r->nplat; i++)
		if (results_skipped(r, r->plat[i]) == NULL)
			names[n++] = r->plat[i];
	put_list(names, n);
	free(names);
	fputs("</strong>", stdout);
	if (r->nhosts >= 2) {
		fputs(" on hosts <strong>", stdout);
		names = xcalloc(r->nhosts, sizeof(*names));
		for (i = 0; i < r->nhosts; i++)
			names[i] = r->hosts[i].name;
		put_list(names, r->nhosts);
		free(names);
		fputs("</strong>", stdout);
	} else if ((v = member(meta, "host", json_type_string)) != NULL) {
		fputs(" on host <strong>", stdout);
		put_text(json_object_get_string(v));
		fputs("</strong>", stdout);
	}
	if (r->nhosts < 2 &&
	    (v = member(meta, "cpu_model", json_type_string)) != NULL) {
		fputs(" (", stdout);
		put_text(json_object_get_string(v));
		if ((v = member(meta, "cpus", json_type_int)) != NULL)
			printf(", %d CPUs", json_object_get_int(v));
		putchar(')');
	}
	if (first != NULL) {
		fputs(", ", stdout);
		put_when(first);
		if (strcmp(first, last) != 0) {
			fputs(" to ", stdout);
			/* The same day: its time alone. */
			if (strlen(first) == 20 && strlen(last) == 20 &&
			    strncmp(first, last, 11) == 0)
				printf("%.5s UTC", last + 11);
			else
				put_when(last);
		}
	}
	puts(".</p>");
	params = member(meta, "parameters", json_type_object);
	if ((v = member(params, "profile", json_type_string)) != NULL) {
		fputs("<p class=\"lede\">Profile <strong>", stdout);
		put_text(json_object_get_string(v));
		fputs("</strong>", stdout);
		if ((v = member(params, "reps", json_type_int)) != NULL)
			printf(", %d runs of each benchmark on each platform",
			    json_object_get_int(v));
		if ((v = member(params, "order", json_type_string)) != NULL) {
			fputs(", ", stdout);
			put_text(json_object_get_string(v));
		}
		puts(".</p>");
	}
	for (i = 0; i < r->nplat; i++)
		if ((why = results_skipped(r, r->plat[i])) != NULL) {
			fputs("<p class=\"lede skip\"><strong>", stdout);
			put_text(r->plat[i]);
			fputs("</strong> was skipped: ", stdout);
			put_text(why);
			puts("</p>");
		}
	fputs(ndirs > 1 ? "<p class=\"lede\">Results directories " :
	    "<p class=\"lede\">Results directory ", stdout);
	for (i = 0; i < ndirs; i++) {
		fputs(i > 0 ? ", <code>" : "<code>", stdout);
		put_text(dirs[i]);
		fputs("</code>", stdout);
	}
	puts("</p>");
	puts("<nav><a href=\"#overhead\">Overhead</a>"
	    "<a href=\"#results\">Results</a><a href=\"#runs\">Every run</a>"
	    "<a href=\"#machine\">Machine</a>"
	    "<a href=\"#commands\">Commands</a></nav>");
	puts("</header>");
}

void
html_begin(const struct results *r, char *const *dirs, size_t ndirs)
{
	const char *why, *dir = dirs[0];
	char *path, *title;

	/* One host (a fleet of one too): its own meta.json. */
	if (r->nhosts == 1 && r->hosts[0].meta != NULL)
		meta = json_object_get(r->hosts[0].meta);
	else {
		path = xasprintf("%s/meta.json", dir);
		meta = results_json_file(path, &why);
		if (meta != NULL &&
		    !json_object_is_type(meta, json_type_object)) {
			json_object_put(meta);
			meta = NULL;
		}
		free(path);
	}
	draw_charts(r, dirs, ndirs);

	puts("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">");
	fputs("<title>virtcost report: ", stdout);
	put_text(dir);
	puts("</title>");
	printf("<meta name=\"generator\" content=\"%s\">\n", PACKAGE_STRING);
	printf("<style>\n%s</style>\n</head>\n<body>\n", style);
	put_header(r, dirs, ndirs);

	if (r->ref != NULL) {
		/* -R: against the reference host's same platform. */
		title = xasprintf("Overhead relative to host %s", r->ref);
		puts("<section id=\"overhead\">");
		put_elem("h2", NULL, title);
		putchar('\n');
		free(title);
	} else
		puts("<section id=\"overhead\">\n<h2>Overhead relative to "
		    "native</h2>");
	if (chart_why != NULL) {
		fputs("<p class=\"nochart\">No charts: ", stdout);
		put_text(chart_why);
		puts("</p>");
	} else {
		put_chart("overhead", "overhead of each platform relative to "
		    "native");
		if (nfig == 0)
			puts("<p class=\"nochart\">No overhead chart: it needs "
			    "native and another platform's results.</p>");
	}
	puts("</section>");
	puts("<section id=\"results\">\n<h2>Results</h2>");
	in = IN_BLOCKS;
}

void
html_table(const struct bench *b, const char *metric, const char *title,
    const char *const *name, size_t ncols, size_t ratio)
{
	size_t j;

	tab_bench = b;
	tab_metric = metric;
	tab_ncols = ncols;
	tab_ratio = ratio;
	fputs("<section class=\"block\">\n", stdout);
	put_elem("h3", NULL, title);
	puts("\n<div class=\"scroll\"><table>\n<thead><tr>");
	for (j = 0; j < ncols; j++)
		put_elem("th", j == 0 || j + 1 == ncols ? "t" :
		    j == ratio ? "ratio" : NULL, name[j]);
	puts("</tr></thead>\n<tbody>");
}

/*
 * A row: the platform, then numbers to the right but the last column
 * (the outliers' reps); or the platform and a status in the rest.
 * noted: the ratio column holds a note, not a number.
 */
void
html_row(char *const *col, size_t ncols, const char *status, int noted)
{
	size_t j;

	if (status != NULL) {
		printf("<tr class=\"%s\">", strncmp(status, "failed", 6) == 0 ?
		    "failed" : "skipped");
		put_elem("td", "t", col[0]);
		printf("<td class=\"status\" colspan=\"%zu\">", tab_ncols - 1);
		put_text(status);
		puts("</td></tr>");
		return;
	}
	fputs("<tr>", stdout);
	for (j = 0; j < ncols; j++)
		put_elem("td", j == 0 ? "t" : j + 1 == ncols ? "l" :
		    j == tab_ratio ? (noted ? "ratio note" : "ratio") :
		    j == tab_ratio + 1 ? "ratioci" : NULL, col[j]);
	puts("</tr>");
}

/* The notes under a table, one a line, then the benchmark's chart. */
void
html_table_end(const char *notes)
{
	const char *p;
	size_t len;
	char *alt;

	/* A signal while the page is written ends it, as during vc-plot. */
	cleanup_check();
	puts("</tbody></table></div>");
	if (notes != NULL && *notes != '\0') {
		puts("<ul class=\"notes\">");
		for (p = notes; *p != '\0'; p += len + (p[len] == '\n')) {
			len = strcspn(p, "\n");
			fputs("<li>", stdout);
			alt = xasprintf("%.*s", (int)len, p);
			put_text(alt);
			free(alt);
			puts("</li>");
		}
		puts("</ul>");
	}
	if (tab_bench != NULL && tab_bench->nmetrics > 0 &&
	    strcmp(tab_metric, tab_bench->metrics[0]) == 0) {
		alt = xasprintf("%s: %s on each platform", tab_bench->name,
		    tab_metric);
		put_chart(tab_bench->name, alt);
		free(alt);
	}
	puts("</section>");
}

static void
enter(enum place where)
{
	if (in == where)
		return;
	if (in == IN_BLOCKS)
		puts("</section>");
	else if (in == IN_LEGEND)
		puts("</ul>\n</section>");
	else if (in == IN_VARIANTS)
		puts("</table>\n</section>");
	if (where == IN_LEGEND)
		puts("<section id=\"legend\">\n<h2>How to read the tables"
		    "</h2>\n<ul class=\"legend\">");
	else if (where == IN_VARIANTS)
		puts("<section id=\"variants\">\n<h2>Variants</h2>\n"
		    "<p>What each column changes.</p>\n<table class=\"kv\">");
	in = where;
}

void
html_legend(const char *line)
{
	enter(IN_LEGEND);
	put_elem("li", NULL, line);
	putchar('\n');
}

void
html_variant(const char *name, const char *desc)
{
	enter(IN_VARIANTS);
	fputs("<tr>", stdout);
	put_elem("th", NULL, name);
	put_elem("td", NULL, desc);
	puts("</tr>");
}

/* A value exactly, the shortest decimal that reads back the same. */
static void
put_value(double v)
{
	char buf[40];

	snprintf(buf, sizeof(buf), "%.15g", v);
	if (strtod(buf, NULL) != v && v == v)
		snprintf(buf, sizeof(buf), "%.17g", v);
	fputs(buf, stdout);
}

/* Every run's value, per benchmark, folded; then the failed runs. */
static void
put_runs(const struct results *r)
{
	const struct series *s;
	const struct bench *b;
	size_t i, j, k, p, n;

	puts("<section id=\"runs\">\n<h2>Every run</h2>\n"
	    "<p>Each value as results.csv holds it, in the order of the "
	    "runs.</p>");
	for (i = 0; i < r->nbench; i++) {
		b = &r->bench[i];
		for (j = n = 0; j < r->nseries; j++)
			if (strcmp(r->series[j].benchmark, b->name) == 0)
				n += r->series[j].n;
		fputs("<details>\n<summary>", stdout);
		put_text(b->name);
		printf(": %zu value%s</summary>\n", n, n == 1 ? "" : "s");
		puts("<div class=\"scroll\"><table>\n<thead><tr>"
		    "<th class=\"t\">metric</th><th class=\"t\">platform</th>"
		    "<th>rep</th><th class=\"t\">time</th><th>value</th>"
		    "<th class=\"t\">unit</th></tr></thead>\n<tbody>");
		for (k = 0; k < b->nmetrics; k++)
			for (p = 0; p < r->nplat; p++) {
				s = results_find(r, b->name, b->metrics[k],
				    r->plat[p]);
				for (j = 0; s != NULL && j < s->n; j++) {
					fputs("<tr>", stdout);
					put_elem("td", "l", s->metric);
					put_elem("td", "l", s->platform);
					printf("<td>%lld</td>",
					    (long long)s->obs[j].rep);
					put_elem("td", "l", s->obs[j].time);
					fputs("<td>", stdout);
					put_value(s->obs[j].value);
					fputs("</td>", stdout);
					put_elem("td", "l", s->unit);
					puts("</tr>");
				}
			}
		puts("</tbody></table></div>\n</details>");
	}
	if (r->nfail > 0) {
		printf("<details>\n<summary>failed runs: %zu</summary>\n",
		    r->nfail);
		puts("<div class=\"scroll\"><table>\n<thead><tr>"
		    "<th class=\"t\">benchmark</th><th class=\"t\">platform"
		    "</th><th>rep</th><th class=\"t\">time</th><th>exit</th>"
		    "<th class=\"t\">reason</th></tr></thead>\n<tbody>");
		for (i = 0; i < r->nfail; i++) {
			fputs("<tr>", stdout);
			put_elem("td", "l", r->fail[i].benchmark);
			put_elem("td", "l", r->fail[i].platform);
			printf("<td>%lld</td>", (long long)r->fail[i].rep);
			put_elem("td", "l", r->fail[i].time);
			printf("<td>%d</td>", r->fail[i].status);
			put_elem("td", "l status", r->fail[i].reason);
			puts("</tr>");
		}
		puts("</tbody></table></div>\n</details>");
	}
	puts("</section>");
}

static void
put_h3_kv(const char *title, struct json_object *o, const char *const *skip,
    int code)
{
	if (o == NULL || json_object_object_length(o) == 0)
		return;
	put_elem("h3", NULL, title);
	putchar('\n');
	put_kv(o, skip, code);
}

/* meta.json's machine, software and parameters; each platform's. */
static void	put_plats(const struct results *, struct json_object *,
		    size_t);
static void	put_sessions(const struct results *);

static void
put_machine(const struct results *r)
{
	static const char *const top_skip[] = { "argv", NULL };

	puts("<section id=\"machine\">\n<h2>Machine and software</h2>");
	if (meta == NULL)
		puts("<p>No meta.json in the results directory: what the "
		    "machine was is not known.</p>");
	put_h3_kv("Host", meta, top_skip, 0);
	put_h3_kv("Guest machine", member(meta, "guest_machine",
	    json_type_object), NULL, 0);
	put_h3_kv("Software", member(meta, "software", json_type_object),
	    NULL, 0);
	put_h3_kv("Parameters", member(meta, "parameters", json_type_object),
	    NULL, 0);
	put_h3_kv("Benchmark arguments", member(meta, "benchmarks",
	    json_type_object), NULL, 1);
	put_plats(r, member(meta, "platforms", json_type_object), (size_t)-1);
	put_sessions(r);
}

/*
 * Each platform of a host (of the only one: (size_t)-1): its meta.json
 * entry, why it was skipped, its envelope.
 */
static void
put_plats(const struct results *r, struct json_object *plats, size_t host)
{
	static const char *const plat_skip[] = { "skipped", NULL };
	struct json_object *pl;
	const char *line, *why, *rest;
	char *title;
	size_t i;

	for (i = 0; i < r->nplat; i++) {
		if (results_host(r, r->plat[i], &rest) != host)
			continue;
		pl = member(plats, rest, json_type_object);
		line = results_envelope(r, r->plat[i]);
		if (line == NULL && (pl == NULL ||
		    json_object_object_length(pl) == 0))
			continue;
		title = xasprintf("Platform %s", r->plat[i]);
		put_elem("h3", NULL, title);
		putchar('\n');
		free(title);
		if ((why = results_skipped(r, r->plat[i])) != NULL) {
			fputs("<p class=\"skip\">Skipped: ", stdout);
			put_text(why);
			puts("</p>");
		}
		put_kv(pl, plat_skip, 0);
		if (line != NULL) {
			fputs("<p>Envelope (what vc-envelope saw there): ",
			    stdout);
			put_text(line);
			puts("</p>");
		}
	}
}

/* How quiet each machine looked; the end of the machine section. */
static void
put_sessions(const struct results *r)
{
	size_t i;

	if (r->ncond > 0) {
		puts("<h3>Sessions</h3>\n<p>How quiet the machine looked while "
		    "vc-suite measured.</p>\n<ul>");
		for (i = 0; i < r->ncond; i++)
			put_elem("li", r->cond[i].noisy ? "skip" : NULL,
			    r->cond[i].line);
		puts("</ul>");
	}
	puts("</section>");
}

/*
 * Of hosts: each host's own machine description (its meta.json, which
 * a fleet's meta.json keeps), how its run ended, its platforms.
 */
static void
put_hosts_machine(const struct results *r)
{
	static const char *const top_skip[] = { "argv", NULL };
	const struct host *h;
	char *title, *line;
	size_t i;

	puts("<section id=\"machine\">\n<h2>Machines and software</h2>");
	for (i = 0; i < r->nhosts; i++) {
		h = &r->hosts[i];
		title = xasprintf("Host %s", h->name);
		put_elem("h3", NULL, title);
		putchar('\n');
		free(title);
		line = results_host_line(h);
		put_elem("p", h->status != NULL && strcmp(h->status,
		    "complete") != 0 ? "skip" : NULL, line);
		putchar('\n');
		free(line);
		put_kv(h->meta, top_skip, 0);
		put_plats(r, member(h->meta, "platforms", json_type_object),
		    i);
	}
	put_sessions(r);
}

/* argv, a JSON array of strings, as one command line after prog. */
static void
put_argv(const char *prog, struct json_object *argv, int block)
{
	struct json_object *w;
	size_t i, n = json_object_array_length(argv);

	fputs(block ? "<pre><code>" : "<code>", stdout);
	if (prog != NULL)
		put_text(prog);
	for (i = 0; i < n; i++) {
		w = json_object_array_get_idx(argv, i);
		if (!json_object_is_type(w, json_type_string))
			continue;
		if (prog != NULL || i > 0)
			putchar(' ');
		put_word(json_object_get_string(w));
	}
	puts(block ? "</code></pre>" : "</code>");
}

/* The exact commands: vc-suite's, each column's runner, each run's. */
static void
put_commands(const struct results *r)
{
	struct json_object *argv, *cols, *col, *name, *plats, *cmds;
	size_t i, n;
	char *title;

	puts("<section id=\"commands\">\n<h2>Commands</h2>");
	/* Of hosts: each host's suite, as it was started there. */
	for (i = 0; r->nhosts >= 2 && i < r->nhosts; i++)
		if ((argv = member(r->hosts[i].meta, "argv",
		    json_type_array)) != NULL) {
			title = xasprintf("The suite on %s, as it was "
			    "started:", r->hosts[i].name);
			put_elem("p", NULL, title);
			putchar('\n');
			free(title);
			put_argv("vc-suite", argv, 1);
		}
	if ((argv = member(meta, "argv", json_type_array)) != NULL) {
		puts("<p>The suite, as it was started:</p>");
		put_argv("vc-suite", argv, 1);
	}
	cols = member(meta, "columns", json_type_array);
	n = cols != NULL ? json_object_array_length(cols) : 0;
	if (n > 0)
		puts("<p>Each column's runner, with its options (the benchmark "
		    "follows):</p>\n<table class=\"kv\">");
	for (i = 0; i < n; i++) {
		col = json_object_array_get_idx(cols, i);
		if ((name = member(col, "name", json_type_string)) == NULL ||
		    (argv = member(col, "argv", json_type_array)) == NULL)
			continue;
		fputs("<tr>", stdout);
		put_elem("th", NULL, json_object_get_string(name));
		fputs("<td>", stdout);
		put_argv(NULL, argv, 0);
		puts("</td></tr>");
	}
	if (n > 0)
		puts("</table>");
	plats = member(meta, "platforms", json_type_object);
	for (i = 0; i < r->nplat; i++) {
		cmds = member(member(plats, r->plat[i], json_type_object),
		    "commands", json_type_object);
		if (cmds == NULL)
			continue;
		title = xasprintf("Each run on %s", r->plat[i]);
		put_h3_kv(title, cmds, NULL, 1);
		free(title);
	}
	if (meta == NULL)
		puts("<p>No meta.json: the commands are not known.</p>");
	puts("</section>");
}

void
html_end(const struct results *r)
{
	enter(IN_NONE);
	cleanup_check();
	put_runs(r);
	if (r->nhosts >= 2)
		put_hosts_machine(r);
	else
		put_machine(r);
	put_commands(r);
	fputs("<footer>Written by vc-report -f html (", stdout);
	put_text(PACKAGE_STRING);
	puts(") from results.csv, failures.csv and meta.json; the charts by "
	    "vc-plot and gnuplot. This page loads nothing: it holds all it "
	    "shows.</footer>\n</body>\n</html>");
	json_object_put(meta);
	meta = NULL;
	while (nchart > 0)
		free(chart[--nchart]);
	free(chart);
	chart = NULL;
	free(chart_why);
	chart_why = NULL;
}
