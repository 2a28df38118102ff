/*
 * rowout.h - a row of named, typed fields, written as a CSV line or as
 * a JSON object: vc-report's -f csv and -f json take their field names
 * and values from the one row, so the two cannot drift apart.
 */
#ifndef VC_ROWOUT_H
#define VC_ROWOUT_H

#include <stddef.h>
#include <stdint.h>

struct json_object;

enum fkind {
	FK_STR,		/* s; NULL or "": CSV empty, JSON null */
	FK_INT,		/* i */
	FK_NUM,		/* d; NaN or infinite: CSV "", "inf", JSON null */
	FK_INTS,	/* v[0..nv): CSV blank-separated, JSON an array */
	FK_BOOL		/* i: CSV 0 or 1, JSON false or true */
};

struct fval {
	enum fkind	 k;
	const char	*s;
	long long	 i;
	double		 d;
	const int64_t	*v;
	size_t		 nv;
};

#define FSTR(x)		((struct fval){ FK_STR, (x), 0, 0, NULL, 0 })
#define FINT(x)		((struct fval){ FK_INT, NULL, (long long)(x), 0, NULL, 0 })
#define FNUM(x)		((struct fval){ FK_NUM, NULL, 0, (x), NULL, 0 })
#define FBOOL(x)	((struct fval){ FK_BOOL, NULL, !!(x), 0, NULL, 0 })

void			 rowout_csv_header(const char *const *, size_t);
void			 rowout_csv(const struct fval *, size_t);
struct json_object	*rowout_json(const char *const *, const struct fval *,
			    size_t);
struct json_object	*rowout_doc(const char *);
void			 rowout_text(char *const *, const size_t *, size_t,
			    unsigned long);
void			 rowout_json_print(struct json_object *);

#endif
