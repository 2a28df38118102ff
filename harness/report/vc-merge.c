/*
 * vc-merge - a fleet results directory's hosts, DIR/hosts/NAME/, merged
 * into DIR/results.csv, DIR/failures.csv and DIR/meta.json, which
 * vc-report and vc-plot read (merge.c does the work).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cleanup.h"
#include "merge.h"
#include "msg.h"

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: %s [-hV] dir\n", progname);
}

int
main(int argc, char *argv[])
{
	struct merge_count n;
	int ch;

	msg_init(argv[0]);
	while ((ch = getopt(argc, argv, "hV")) != -1) {
		switch (ch) {
		case 'h':
			usage(stdout);
			return close_stdout();
		case 'V':
			puts(PACKAGE_STRING);
			return close_stdout();
		default:
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc != 1)
		usage_error(argc == 0 ? "missing fleet directory" :
		    "extra operand '%s'", argc > 1 ? argv[1] : "");
	if (*argv[0] == '\0')
		usage_error("empty directory name");
	cleanup_signals();
	merge_fleet(argv[0], &n);
	printf("%s: %zu hosts, %zu rows, %zu failures\n", argv[0], n.hosts,
	    n.rows, n.failures);
	return close_stdout();
}
