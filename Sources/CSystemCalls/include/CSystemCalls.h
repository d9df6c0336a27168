#ifndef AMICUS_CSYSTEMCALLS_H
#define AMICUS_CSYSTEMCALLS_H

/* Flushes every file of the file system that holds `fd` (syncfs(2)). A GNU extension that Swift's Glibc module
   does not show; a batch uses it to flush hundreds of staged filings with one call instead of one fsync each.
   Returns 0 on success, -1 with errno set. */
int amicus_syncfs(int fd);

#endif
