/* resultsdir.h - where a run's results go when no directory is given */
#ifndef VC_RESULTSDIR_H
#define VC_RESULTSDIR_H

char	*resultsdir_default(void);
void	 resultsdir_link_latest(const char *);

#endif
