/* outfile.h - replace a file in a directory that may hold planted links */
#ifndef VC_OUTFILE_H
#define VC_OUTFILE_H

#include <sys/types.h>

#include <stdio.h>

struct outfile {
	FILE	*fp;		/* write here */
	char	*tmp;		/* a fresh name next to path */
	char	*path;		/* where it goes at outfile_commit() */
};

int	outfile_open(struct outfile *, const char *);
int	outfile_commit(struct outfile *);
void	outfile_abort(struct outfile *);
char	*outfile_tmpdir(const char *);
int	 outfile_mkdirs(const char *, mode_t);

#endif
