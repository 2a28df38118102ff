/* image-elf.h - what a program needs to run: its shared libraries */
#ifndef VC_IMAGE_ELF_H
#define VC_IMAGE_ELF_H

#include <stddef.h>

int	  elf_interp(const char *, char *, size_t);
char	**elf_needs(const char *);
void	  elf_needs_free(char **);

#endif
