#ifndef AMICUS_CSYSTEMCALLS_H
#define AMICUS_CSYSTEMCALLS_H

/* Flushes every file of the file system that holds `fd` (syncfs(2)). A GNU extension that Swift's Glibc module
   does not show; a batch uses it to flush hundreds of staged filings with one call instead of one fsync each.
   Returns 0 on success, -1 with errno set. */
int amicus_syncfs(int fd);

/* glibc's mallopt(3) for M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD (<malloc.h>, which Swift's Glibc module
   does not show). Returns 1 if glibc accepted all three. */
int amicus_keep_freed_heap(int trim_threshold, int top_pad, int mmap_threshold);

#endif
