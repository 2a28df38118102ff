/*
 * merge.h - a fleet results directory merged: DIR/hosts/NAME/, one
 * vc-suite results directory per host, into DIR's own results.csv,
 * failures.csv and meta.json (the contract: vc-merge(1)). vc-merge is
 * its command; a program that runs a fleet can link it too.
 */
#ifndef VC_MERGE_H
#define VC_MERGE_H

#include <stddef.h>

#define FLEET_HOSTS	"hosts"		/* DIR/hosts/NAME/ */
#define FLEET_JSON	"fleet.json"	/* vc-fleet's, when it ran */

/* What one merge wrote. */
struct merge_count {
	size_t	hosts;
	size_t	rows;		/* of results.csv */
	size_t	failures;	/* of failures.csv */
};

void		 merge_fleet(const char *, struct merge_count *);

#endif
