/* limit.h - nginxbench's default hard limit on a run (-l), which the
 * runners need too: they let its measuring half take twice the limit. */
#ifndef NB_LIMIT_H
#define NB_LIMIT_H

#define NGINXBENCH_LIMIT	600.0	/* seconds */

#endif
