#ifndef CZLIB_SHIM_H
#define CZLIB_SHIM_H
// zlib (Debian zlib1g-dev): compress2/compressBound for Whisper's compression-ratio check.
#include <zlib.h>
#endif
