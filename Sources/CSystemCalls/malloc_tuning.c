#include <malloc.h>
#include "CSystemCalls.h"

int amicus_keep_freed_heap(int trim_threshold, int top_pad, int mmap_threshold) {
    return mallopt(M_TRIM_THRESHOLD, trim_threshold)
        && mallopt(M_TOP_PAD, top_pad)
        && mallopt(M_MMAP_THRESHOLD, mmap_threshold);
}
