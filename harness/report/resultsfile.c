/*
 * resultsfile.c - results.csv and failures.csv: columns, header, and
 * RFC 4180 CSV both ways (see resultsfile.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "resultsfile.h"
#include "xalloc.h"

const char *const results_cols[R_NCOLS] = { "time", "host", "platform",
    "benchmark", "metric", "unit", "value", "rep", "params", "variant" };

const size_t results_ncols[3] = { R_NCOLS, R_NCOLS_NOVARIANT, R_NCOLS_OLD };

const char *const failures_cols[X_NCOLS] = { "time", "platform",
    "benchmark", "rep", "status", "reason", "variant", "host" };

const size_t failures_ncols[3] = { X_NCOLS, X_NCOLS_NOHOST, X_NCOLS_OLD };

static void
put(struct csv_out *w, const char *s, size_t n)
{
	if (w->fp != NULL) {
		fwrite(s, 1, n, w->fp);	/* errors: for the stream's owner */
		return;
	}
	if (w->over || (w->max > 0 && n > w->max - w->len)) {
		w->over = 1;
		return;
	}
	if (n > w->cap - w->len) {
		while (n > w->cap - w->len)
			w->cap = w->cap ? 2 * w->cap : 256;
		w->p = xrealloc(w->p, w->cap, 1);
	}
	memcpy(w->p + w->len, s, n);
	w->len += n;
}

/* Text as it is: separators, numbers, the end of a row. */
void
csv_text(struct csv_out *w, const char *s)
{
	put(w, s, strlen(s));
}

/* One field in quotes, a quote in it doubled. */
void
csv_quoted(struct csv_out *w, const char *s)
{
	const char *q;

	put(w, "\"", 1);
	for (; (q = strchr(s, '"')) != NULL; s = q + 1) {
		put(w, s, (size_t)(q - s) + 1);
		put(w, "\"", 1);
	}
	csv_text(w, s);
	put(w, "\"", 1);
}

/* One field, quoted when it must be. */
void
csv_field(struct csv_out *w, const char *s)
{
	if (strpbrk(s, ",\"\r\n") != NULL)
		csv_quoted(w, s);
	else
		csv_text(w, s);
}

/* A whole row: the fields, commas between, LF at the end. */
void
csv_fields(struct csv_out *w, const char *const *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			put(w, ",", 1);
		csv_field(w, f[i]);
	}
	put(w, "\n", 1);
}

/* The header line of a file with these columns, LF and all; free it. */
char *
csv_header_line(const char *const *cols, size_t n)
{
	struct csv_out w = { NULL, NULL, 0, 0, 0, 0 };

	csv_fields(&w, cols, n);
	put(&w, "", 1);
	return w.p;
}

/*
 * Opens path to read; a byte-order mark (a spreadsheet may have saved
 * the file with one) is skipped. -1 with errno set.
 */
int
csv_open(struct csv_in *c, const char *path)
{
	int ch;

	memset(c, 0, sizeof(*c));
	if ((c->fp = fopen(path, "r")) == NULL)
		return -1;
	c->line = 1;
	if ((ch = getc(c->fp)) != 0xef)
		ungetc(ch, c->fp);
	else if (getc(c->fp) != 0xbb || getc(c->fp) != 0xbf)
		ungetc('?', c->fp);	/* no mark: no header of ours either */
	return 0;
}

void
csv_close(struct csv_in *c)
{
	if (c->fp != NULL)
		fclose(c->fp);
	free(c->buf);
	memset(c, 0, sizeof(*c));
}

static void
putch(struct csv_in *c, int ch)
{
	if (c->len == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 256;
		c->buf = xrealloc(c->buf, c->cap, 1);
	}
	c->buf[c->len++] = (char)ch;
}

static void
end_field(struct csv_in *c)
{
	putch(c, '\0');
	c->nfields++;
	if (c->nfields < CSV_MAXCOLS)
		c->off[c->nfields] = c->len;
}

/* Field i of the last row read: "" past its last. */
const char *
csv_get(const struct csv_in *c, size_t i)
{
	if (i >= c->nfields || i >= CSV_MAXCOLS)
		return "";
	return c->buf + c->off[i];
}

/* Is the last row read exactly these column names? */
int
csv_is_header(const struct csv_in *c, const char *const *cols, size_t n)
{
	size_t i;

	if (c->nfields != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strcmp(csv_get(c, i), cols[i]) != 0)
			return 0;
	return 1;
}

/*
 * Reads one row. Returns 1, 0 at the end of the file, or -1 with *why
 * set. A quoted field may hold commas, quotes ("") and line breaks.
 */
int
csv_read(struct csv_in *c, const char **why)
{
	size_t fstart = 0;	/* where the current field's text starts */
	int ch, quoted = 0, after_quote = 0, any = 0;

	c->len = 0;
	c->nfields = 0;
	c->off[0] = 0;
	c->start = c->line;
	for (;;) {
		ch = getc(c->fp);
		if (ch == EOF) {
			if (ferror(c->fp)) {
				*why = strerror(errno);
				return -1;
			}
			if (quoted) {
				*why = "unterminated quoted field";
				return -1;
			}
			if (!any)
				return 0;
			end_field(c);
			return 1;
		}
		any = 1;
		if (ch == '\0') {
			*why = "NUL byte in the file";
			return -1;
		}
		if (quoted) {
			if (ch == '\n')
				c->line++;
			if (ch != '"') {
				putch(c, ch);
				continue;
			}
			if ((ch = getc(c->fp)) == '"') {
				putch(c, '"');
				continue;
			}
			ungetc(ch, c->fp);
			quoted = 0;
			after_quote = 1;
			continue;
		}
		if (ch == '\r' && (ch = getc(c->fp)) != '\n') {
			*why = "carriage return inside a line";
			return -1;
		}
		if (ch == '\n') {
			c->line++;
			end_field(c);
			return 1;
		}
		if (ch == ',') {
			end_field(c);
			fstart = c->len;
			after_quote = 0;
			continue;
		}
		if (after_quote) {
			*why = "text after a closing quote";
			return -1;
		}
		if (ch == '"') {
			if (c->len != fstart) {
				*why = "quote inside an unquoted field";
				return -1;
			}
			quoted = 1;
			continue;
		}
		putch(c, ch);
	}
}
