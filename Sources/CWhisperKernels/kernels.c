#include "whisper_kernels.h"

#include <immintrin.h>
#include <stddef.h>
#include <string.h>

// ---- portable C: one column at a time, eight partial sums per row so the compiler can vectorise ----

static void rows_nt_f32_portable(int m, int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                                 float alpha, float beta, int first, int last) {
    for (int j = first; j < last; j++) {
        const float *row = b + (size_t)j * ldb;
        for (int i = 0; i < m; i++) {
            const float *x = a + (size_t)i * lda;
            float lanes[8] = {0};
            for (int p = 0; p < k; p += 8)
                for (int l = 0; l < 8; l++) lanes[l] += x[p + l] * row[p + l];
            float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            float *out = c + (size_t)i * ldc + j;
            *out = alpha * sum + (beta == 0 ? 0 : beta * *out);
        }
    }
}

static void rows_nt_i8_portable(int m, int k, const float *a, int lda, const int8_t *values, const float *scales,
                                float *c, int ldc, float beta, int first, int last) {
    for (int j = first; j < last; j++) {
        const int8_t *row = values + (size_t)j * k;
        for (int i = 0; i < m; i++) {
            const float *x = a + (size_t)i * lda;
            float lanes[8] = {0};
            for (int p = 0; p < k; p += 8)
                for (int l = 0; l < 8; l++) lanes[l] += x[p + l] * (float)row[p + l];
            float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            float *out = c + (size_t)i * ldc + j;
            *out = scales[j] * sum + (beta == 0 ? 0 : beta * *out);
        }
    }
}

// binary16 → binary32, exactly (subnormals, infinities and NaN included).
static inline float half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff, bits;
    if (exponent == 0x1f) bits = sign | 0x7f800000 | (mantissa << 13);
    else if (exponent != 0) bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    else if (mantissa == 0) bits = sign;
    else {  // subnormal: normalise
        exponent = 113;
        while (!(mantissa & 0x400)) { mantissa <<= 1; exponent--; }
        bits = sign | (exponent << 23) | ((mantissa & 0x3ff) << 13);
    }
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static void rows_nt_f16_portable(int m, int k, const float *a, int lda, const uint16_t *values, float *c, int ldc,
                                 float beta, int first, int last) {
    float w[8];
    for (int j = first; j < last; j++) {
        const uint16_t *row = values + (size_t)j * k;
        for (int i = 0; i < m; i++) {
            const float *x = a + (size_t)i * lda;
            float lanes[8] = {0};
            for (int p = 0; p < k; p += 8) {
                for (int l = 0; l < 8; l++) w[l] = half_to_float(row[p + l]);
                for (int l = 0; l < 8; l++) lanes[l] += x[p + l] * w[l];
            }
            float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            float *out = c + (size_t)i * ldc + j;
            *out = sum + (beta == 0 ? 0 : beta * *out);
        }
    }
}

// Float32 → binary16 when exact: ±0; a normal binary16 (exponent in range, low 13 mantissa bits zero); or a
// binary16 subnormal (m · 2⁻²⁴, m < 1024) whose significand shifts down to m without losing bits.
static inline bool float_to_half_exact(float f, uint16_t *h) {
    uint32_t bits;
    memcpy(&bits, &f, sizeof bits);
    uint32_t sign = (bits >> 16) & 0x8000, exponent = (bits >> 23) & 0xff, mantissa = bits & 0x7fffff;
    if (exponent == 0 && mantissa == 0) { *h = (uint16_t)sign; return true; }
    if (exponent >= 113 && exponent <= 142) {
        if (mantissa & 0x1fff) return false;
        *h = (uint16_t)(sign | ((exponent - 112) << 10) | (mantissa >> 13));
        return true;
    }
    if (exponent < 103 || exponent > 112) return false;
    uint32_t significand = mantissa | 0x800000, shift = 126 - exponent;  // 14 … 23
    if (significand & ((1u << shift) - 1)) return false;
    *h = (uint16_t)(sign | (significand >> shift));
    return true;
}

// ---- AVX2 + FMA: M accumulators (one per row of A) held in registers, M fixed per function ----

#define AVX2 __attribute__((target("avx2,fma,f16c")))

AVX2 static inline float horizontal_sum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// Loads eight int8 weights as eight floats.
AVX2 static inline __m256 load_i8(const int8_t *p) {
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)p)));
}

#define DEFINE_AVX2_KERNELS(M)                                                                                  \
    AVX2 static void rows_nt_f16_avx2_##M(int k, const float *a, int lda, const uint16_t *values, float *c,      \
                                          int ldc, float beta, int first, int last) {                           \
        for (int j = first; j < last; j++) {                                                                   \
            const uint16_t *row = values + (size_t)j * k;                                                       \
            __m256 sums[M];                                                                                     \
            for (int i = 0; i < M; i++) sums[i] = _mm256_setzero_ps();                                          \
            for (int p = 0; p < k; p += 8) {                                                                    \
                __m256 w = _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(row + p)));                        \
                for (int i = 0; i < M; i++)                                                                     \
                    sums[i] = _mm256_fmadd_ps(_mm256_loadu_ps(a + (size_t)i * lda + p), w, sums[i]);            \
            }                                                                                                   \
            for (int i = 0; i < M; i++) {                                                                       \
                float *out = c + (size_t)i * ldc + j;                                                           \
                *out = horizontal_sum(sums[i]) + (beta == 0 ? 0 : beta * *out);                                 \
            }                                                                                                   \
        }                                                                                                       \
    }                                                                                                           \
    AVX2 static void rows_nt_f32_avx2_##M(int k, const float *a, int lda, const float *b, int ldb, float *c,     \
                                          int ldc, float alpha, float beta, int first, int last) {              \
        for (int j = first; j < last; j++) {                                                                   \
            const float *row = b + (size_t)j * ldb;                                                             \
            __m256 sums[M];                                                                                     \
            for (int i = 0; i < M; i++) sums[i] = _mm256_setzero_ps();                                          \
            for (int p = 0; p < k; p += 8) {                                                                    \
                __m256 w = _mm256_loadu_ps(row + p);                                                            \
                for (int i = 0; i < M; i++)                                                                     \
                    sums[i] = _mm256_fmadd_ps(_mm256_loadu_ps(a + (size_t)i * lda + p), w, sums[i]);            \
            }                                                                                                   \
            for (int i = 0; i < M; i++) {                                                                       \
                float *out = c + (size_t)i * ldc + j;                                                           \
                *out = alpha * horizontal_sum(sums[i]) + (beta == 0 ? 0 : beta * *out);                         \
            }                                                                                                   \
        }                                                                                                       \
    }                                                                                                           \
    AVX2 static void rows_nt_i8_avx2_##M(int k, const float *a, int lda, const int8_t *values,                   \
                                         const float *scales, float *c, int ldc, float beta, int first,          \
                                         int last) {                                                            \
        for (int j = first; j < last; j++) {                                                                   \
            const int8_t *row = values + (size_t)j * k;                                                         \
            __m256 sums[M];                                                                                     \
            for (int i = 0; i < M; i++) sums[i] = _mm256_setzero_ps();                                          \
            for (int p = 0; p < k; p += 8) {                                                                    \
                __m256 w = load_i8(row + p);                                                                    \
                for (int i = 0; i < M; i++)                                                                     \
                    sums[i] = _mm256_fmadd_ps(_mm256_loadu_ps(a + (size_t)i * lda + p), w, sums[i]);            \
            }                                                                                                   \
            for (int i = 0; i < M; i++) {                                                                       \
                float *out = c + (size_t)i * ldc + j;                                                           \
                *out = scales[j] * horizontal_sum(sums[i]) + (beta == 0 ? 0 : beta * *out);                     \
            }                                                                                                   \
        }                                                                                                       \
    }

DEFINE_AVX2_KERNELS(1)
DEFINE_AVX2_KERNELS(2)
DEFINE_AVX2_KERNELS(3)
DEFINE_AVX2_KERNELS(4)
DEFINE_AVX2_KERNELS(5)
DEFINE_AVX2_KERNELS(6)
DEFINE_AVX2_KERNELS(7)
DEFINE_AVX2_KERNELS(8)

typedef void (*f32_kernel)(int, const float *, int, const float *, int, float *, int, float, float, int, int);
typedef void (*i8_kernel)(int, const float *, int, const int8_t *, const float *, float *, int, float, int, int);

static const f32_kernel f32_kernels[9] = {NULL, rows_nt_f32_avx2_1, rows_nt_f32_avx2_2, rows_nt_f32_avx2_3,
                                          rows_nt_f32_avx2_4, rows_nt_f32_avx2_5, rows_nt_f32_avx2_6,
                                          rows_nt_f32_avx2_7, rows_nt_f32_avx2_8};
typedef void (*f16_kernel)(int, const float *, int, const uint16_t *, float *, int, float, int, int);

static const f16_kernel f16_kernels[9] = {NULL, rows_nt_f16_avx2_1, rows_nt_f16_avx2_2, rows_nt_f16_avx2_3,
                                          rows_nt_f16_avx2_4, rows_nt_f16_avx2_5, rows_nt_f16_avx2_6,
                                          rows_nt_f16_avx2_7, rows_nt_f16_avx2_8};
static const i8_kernel i8_kernels[9] = {NULL, rows_nt_i8_avx2_1, rows_nt_i8_avx2_2, rows_nt_i8_avx2_3,
                                        rows_nt_i8_avx2_4, rows_nt_i8_avx2_5, rows_nt_i8_avx2_6,
                                        rows_nt_i8_avx2_7, rows_nt_i8_avx2_8};

// ---- dispatch ----

bool wk_has_avx2(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

static inline bool use_avx2(wk_kernels kernels) { return kernels == WK_BEST && wk_has_avx2(); }

void wk_rows_nt_f32(int m, int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                    float alpha, float beta, int first, int last, wk_kernels kernels) {
    if (use_avx2(kernels)) f32_kernels[m](k, a, lda, b, ldb, c, ldc, alpha, beta, first, last);
    else rows_nt_f32_portable(m, k, a, lda, b, ldb, c, ldc, alpha, beta, first, last);
}

void wk_rows_nt_i8(int m, int k, const float *a, int lda, const int8_t *values, const float *scales,
                   float *c, int ldc, float beta, int first, int last, wk_kernels kernels) {
    if (use_avx2(kernels)) i8_kernels[m](k, a, lda, values, scales, c, ldc, beta, first, last);
    else rows_nt_i8_portable(m, k, a, lda, values, scales, c, ldc, beta, first, last);
}

void wk_rows_nt_f16(int m, int k, const float *a, int lda, const uint16_t *values, float *c, int ldc, float beta,
                    int first, int last, wk_kernels kernels) {
    if (use_avx2(kernels)) f16_kernels[m](k, a, lda, values, c, ldc, beta, first, last);
    else rows_nt_f16_portable(m, k, a, lda, values, c, ldc, beta, first, last);
}

bool wk_f32_to_f16_exact(const float *x, uint16_t *out, long count) {
    for (long i = 0; i < count; i++)
        if (!float_to_half_exact(x[i], out + i)) return false;
    return true;
}

AVX2 static void f16_to_f32_f16c(const uint16_t *x, float *out, long count) {
    long i = 0;
    for (; i + 8 <= count; i += 8) _mm256_storeu_ps(out + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + i))));
    for (; i < count; i++) out[i] = half_to_float(x[i]);
}

void wk_f16_to_f32(const uint16_t *x, float *out, long count, wk_kernels kernels) {
    if (use_avx2(kernels)) { f16_to_f32_f16c(x, out, count); return; }
    for (long i = 0; i < count; i++) out[i] = half_to_float(x[i]);
}
