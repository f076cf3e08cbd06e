#ifndef COPENCC_SHIM_H
#define COPENCC_SHIM_H
// OpenCC (Debian libopencc-dev, data in libopencc-data): Traditional → Simplified Chinese for Whisper's transcripts.
#include <opencc/opencc.h>
#endif
