/*
 * image-elf.c - the shared libraries a program loads, as its own dynamic
 * loader finds them: the loader named in PT_INTERP, run as
 * "LOADER --list PROGRAM" (what ldd does, without ldd's shell).
 *
 * A program without PT_INTERP is static and needs nothing; the loader
 * is never asked about it, because glibc 2.36's loader crashes on a
 * static-pie program instead of saying "not a dynamic executable".
 */
#include "config.h"

#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "image-elf.h"
#include "msg.h"
#include "run.h"

#define MAXOUT	(1024 * 1024)	/* far more than any library list */

static int
pread_all(int fd, void *buf, size_t len, off_t off)
{
	ssize_t n;

	while ((n = pread(fd, buf, len, off)) == -1)
		if (errno != EINTR)
			return -1;
	if ((size_t)n != len) {
		errno = ENOEXEC;	/* truncated: not a usable ELF file */
		return -1;
	}
	return 0;
}

/*
 * Puts the program's interpreter (dynamic loader) path in buf. Returns
 * 1 if it has one, 0 if it is static, -1 with errno set if it is not an
 * ELF file (ENOEXEC) or cannot be read.
 */
int
elf_interp(const char *path, char *buf, size_t len)
{
	Elf64_Ehdr eh64;
	Elf32_Ehdr eh32;
	Elf64_Phdr ph64;
	Elf32_Phdr ph32;
	uint64_t phoff, off, size;
	unsigned i, phnum, phentsize, type;
	int fd, class, saved, rc = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return -1;
	memset(&eh64, 0, sizeof(eh64));
	if (pread_all(fd, &eh64, EI_NIDENT, 0) == -1)
		goto fail;
	class = eh64.e_ident[EI_CLASS];
	if (memcmp(eh64.e_ident, ELFMAG, SELFMAG) != 0 ||
	    (class != ELFCLASS64 && class != ELFCLASS32)) {
		errno = ENOEXEC;
		goto fail;
	}
	if (class == ELFCLASS64) {
		if (pread_all(fd, &eh64, sizeof(eh64), 0) == -1)
			goto fail;
		phoff = eh64.e_phoff;
		phnum = eh64.e_phnum;
		phentsize = eh64.e_phentsize;
	} else {
		if (pread_all(fd, &eh32, sizeof(eh32), 0) == -1)
			goto fail;
		phoff = eh32.e_phoff;
		phnum = eh32.e_phnum;
		phentsize = eh32.e_phentsize;
	}
	if (phentsize < (class == ELFCLASS64 ? sizeof(ph64) : sizeof(ph32)) ||
	    phoff > INT64_MAX / 2) {
		errno = ENOEXEC;
		goto fail;
	}
	for (i = 0; i < phnum; i++) {
		if (class == ELFCLASS64) {
			if (pread_all(fd, &ph64, sizeof(ph64),
			    (off_t)(phoff + (uint64_t)i * phentsize)) == -1)
				goto fail;
			type = ph64.p_type;
			off = ph64.p_offset;
			size = ph64.p_filesz;
		} else {
			if (pread_all(fd, &ph32, sizeof(ph32),
			    (off_t)(phoff + (uint64_t)i * phentsize)) == -1)
				goto fail;
			type = ph32.p_type;
			off = ph32.p_offset;
			size = ph32.p_filesz;
		}
		if (type != PT_INTERP)
			continue;
		if (size < 2 || size > len || off > INT64_MAX / 2) {
			errno = ENOEXEC;
			goto fail;
		}
		if (pread_all(fd, buf, (size_t)size, (off_t)off) == -1)
			goto fail;
		buf[size - 1] = '\0';
		rc = 1;
		break;
	}
	close(fd);
	return rc;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

/*
 * Returns the paths of the shared libraries (loader included) that the
 * program at path loads, as a NULL-terminated array; empty for a static
 * program. The loader's lines are "name => /path (0xADDR)" and
 * "/path (0xADDR)"; the vDSO has no path and is not a file.
 */
char **
elf_needs(const char *path)
{
	char interp[4096];
	char *argv[4], **libs, *out, *line, *next, *p, *end;
	size_t n = 0;
	int rc, status;

	if ((rc = elf_interp(path, interp, sizeof(interp))) == -1) {
		if (errno == ENOEXEC)
			die(EXIT_FAIL, "%s: not an ELF program", path);
		diesys(EXIT_FAIL, "%s", path);
	}
	if ((libs = calloc(1, sizeof(*libs))) == NULL)
		diesys(EXIT_FAIL, "malloc");
	if (rc == 0)
		return libs;
	argv[0] = interp;
	argv[1] = (char *)"--list";
	argv[2] = (char *)path;
	argv[3] = NULL;
	/* The loader itself, whether or not it lists itself. */
	if ((libs = reallocarray(libs, 2, sizeof(*libs))) == NULL ||
	    (libs[0] = strdup(interp)) == NULL)
		diesys(EXIT_FAIL, "malloc");
	libs[n = 1] = NULL;
	if ((status = run_read(argv, 0, &out, MAXOUT, NULL, 0)) == -1)
		diesys(EXIT_FAIL, "cannot run %s", interp);
	if (status != 0)
		die(EXIT_FAIL, "%s: %s --list %s failed (exit %d)", path,
		    interp, path, status);
	for (line = out; *line != '\0'; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		else
			next = line + strlen(line);
		line += strspn(line, " \t");
		if ((p = strstr(line, " => ")) != NULL) {
			if (strncmp(p + 4, "not found", 9) == 0)
				die(EXIT_FAIL, "%s needs %.*s, which this host "
				    "does not have", path, (int)(p - line),
				    line);
			line = p + 4;
		}
		if (line[0] != '/' || (end = strstr(line, " (0x")) == NULL)
			continue;
		*end = '\0';
		if ((libs = reallocarray(libs, n + 2, sizeof(*libs))) == NULL ||
		    (libs[n] = strdup(line)) == NULL)
			diesys(EXIT_FAIL, "malloc");
		libs[++n] = NULL;
	}
	free(out);
	return libs;
}

void
elf_needs_free(char **libs)
{
	char **p;

	for (p = libs; p != NULL && *p != NULL; p++)
		free(*p);
	free(libs);
}
