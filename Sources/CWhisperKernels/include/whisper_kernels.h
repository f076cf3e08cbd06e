// Matrix kernels for Whisper's decoder: products of a few rows (the beam's hypotheses, m ≤ 8) with a large
// weight matrix, which BLAS handles badly (sgemm repacks the whole matrix on every call). Each row of the
// weight matrix is read once and multiplied with every row of A. AVX2 + FMA when the CPU has them (checked at
// run time), portable C otherwise. Callers split the columns over threads.
#ifndef WHISPER_KERNELS_H
#define WHISPER_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

/// Which implementation a call uses: the best this CPU runs (AVX2 + FMA + F16C when present), or the portable C
/// (so tests can compare the two on one machine without global state).
typedef enum { WK_BEST = 0, WK_PORTABLE = 1 } wk_kernels;

/// C[i][j] = alpha · Σₚ A[i][p] · B[j][p] + beta · C[i][j] for rows i < m and columns j in [first, last).
/// A (m, k) with row stride lda, B (n, k) Float32 with row stride ldb, C with row stride ldc.
/// Requires 1 ≤ m ≤ 8 and k a multiple of 8.
void wk_rows_nt_f32(int m, int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                    float alpha, float beta, int first, int last, wk_kernels kernels);

/// As wk_rows_nt_f32 with B int8 rows dequantised on the fly: B[j][p] = values[j·k + p] · scales[j], alpha 1.
void wk_rows_nt_i8(int m, int k, const float *a, int lda, const int8_t *values, const float *scales,
                   float *c, int ldc, float beta, int first, int last, wk_kernels kernels);

/// As wk_rows_nt_f32 with B stored as IEEE binary16 (little-endian bit patterns), converted on the fly; alpha 1.
void wk_rows_nt_f16(int m, int k, const float *a, int lda, const uint16_t *values, float *c, int ldc, float beta,
                    int first, int last, wk_kernels kernels);

/// out[i] = binary16 of x[i] for i < count; false (out unspecified) as soon as a value would change (rounding,
/// overflow, underflow): the caller then keeps Float32.
bool wk_f32_to_f16_exact(const float *x, uint16_t *out, long count);

/// out[i] = Float32 value of binary16 x[i] for i < count (exact).
void wk_f16_to_f32(const uint16_t *x, float *out, long count, wk_kernels kernels);

/// Whether WK_BEST means the AVX2 + FMA + F16C kernels on this CPU.
bool wk_has_avx2(void);

#endif
