#include <zip.h>
/* libdeflate: Amicus deflates rendered parts itself, several times faster than zlib, and hands libzip the
   compressed bytes with their CRC, which libzip then copies as it copies an unchanged entry. */
#include <libdeflate.h>
