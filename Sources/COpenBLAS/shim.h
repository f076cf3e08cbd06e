#ifndef COPENBLAS_SHIM_H
#define COPENBLAS_SHIM_H
// Resolved via pkg-config openblas -> -I/usr/include/x86_64-linux-gnu/openblas-pthread/
#include <cblas.h>
// Thread control is an OpenBLAS extension, declared in openblas_config.h / cblas.h.
#endif
