/* shquote.h - a word quoted for a POSIX shell, as ssh hands it one */
#ifndef VC_SHQUOTE_H
#define VC_SHQUOTE_H

char	*sh_quote(const char *);

#endif
