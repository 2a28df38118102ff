/*
 * html.h - vc-report -f html: one self-contained HTML page of a results
 * directory. vc-report formats the tables' numbers, as for text and
 * Markdown; this module lays them out with vc-plot's charts, every
 * run's value and meta.json's description of the machine and commands.
 */
#ifndef VC_HTML_H
#define VC_HTML_H

#include <stddef.h>

#include "results.h"

void	html_begin(const struct results *, char *const *, size_t);
void	html_table(const struct bench *, const char *, const char *,
	    const char *const *, size_t, size_t);
void	html_row(char *const *, size_t, const char *, int);
void	html_table_end(const char *);
void	html_legend(const char *);
void	html_variant(const char *, const char *);
void	html_end(const struct results *);

#endif
