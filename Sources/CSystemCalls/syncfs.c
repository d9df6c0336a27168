#define _GNU_SOURCE
#include <unistd.h>
#include "CSystemCalls.h"

int amicus_syncfs(int fd) { return syncfs(fd); }
