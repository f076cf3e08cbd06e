#include "whisper_kernels.h"

#include <immintrin.h>
#include <stddef.h>
#include <string.h>

// A weight matrix B as the kernels read it: row j holds k values of `type` starting at values + j·ld elements;
// each result is multiplied by alpha and, for int8, by the row's scale.
typedef enum { F32 = 0, F16 = 1, I8 = 2 } weight_type;
typedef struct {
    weight_type type;
    const void *values;
    int ld;
    const float *scales;  // int8 only
} weight_rows;

static inline float row_factor(weight_rows b, int j, float alpha) { return b.scales ? alpha * b.scales[j] : alpha; }

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

// ---- portable C: one column at a time, eight partial sums per row so the compiler can vectorise ----

// Eight weights of row j from column p, as floats.
static inline void load8(weight_rows b, int j, int p, float w[8]) {
    size_t at = (size_t)j * b.ld + p;
    for (int l = 0; l < 8; l++) {
        switch (b.type) {
        case F32: w[l] = ((const float *)b.values)[at + l]; break;
        case F16: w[l] = half_to_float(((const uint16_t *)b.values)[at + l]); break;
        case I8: w[l] = (float)((const int8_t *)b.values)[at + l]; break;
        }
    }
}

static void rows_nt_portable(int m, int k, const float *a, int lda, weight_rows b, float *c, int ldc, float alpha,
                             float beta, int first, int last) {
    float w[8];
    for (int j = first; j < last; j++) {
        for (int i = 0; i < m; i++) {
            const float *x = a + (size_t)i * lda;
            float lanes[8] = {0};
            for (int p = 0; p < k; p += 8) {
                load8(b, j, p, w);
                for (int l = 0; l < 8; l++) lanes[l] += x[p + l] * w[l];
            }
            float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            float *out = c + (size_t)i * ldc + j;
            *out = row_factor(b, j, alpha) * sum + (beta == 0 ? 0 : beta * *out);
        }
    }
}

// ---- AVX2 + FMA + F16C: M accumulators (one per row of A) held in registers, M fixed per function ----

#define AVX2 __attribute__((target("avx2,fma,f16c")))

AVX2 static inline float horizontal_sum(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_movehdup_ps(s));
    return _mm_cvtss_f32(s);
}

// Eight weights as eight floats, per element type.
AVX2 static inline __m256 load_f32(const float *p) { return _mm256_loadu_ps(p); }
AVX2 static inline __m256 load_f16(const uint16_t *p) { return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p)); }
AVX2 static inline __m256 load_i8(const int8_t *p) {
    return _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(_mm_loadl_epi64((const __m128i *)p)));
}

typedef void (*rows_kernel)(int, const float *, int, weight_rows, float *, int, float, float, int, int);

// One kernel body; TYPE names the element type T and its LOAD.
#define AVX2_KERNEL(TYPE, T, LOAD, M)                                                                           \
    AVX2 static void rows_nt_##TYPE##_##M(int k, const float *a, int lda, weight_rows b, float *c, int ldc,      \
                                          float alpha, float beta, int first, int last) {                       \
        for (int j = first; j < last; j++) {                                                                   \
            const T *row = (const T *)b.values + (size_t)j * b.ld;                                              \
            __m256 sums[M];                                                                                     \
            for (int i = 0; i < M; i++) sums[i] = _mm256_setzero_ps();                                          \
            for (int p = 0; p < k; p += 8) {                                                                    \
                __m256 w = LOAD(row + p);                                                                       \
                for (int i = 0; i < M; i++)                                                                     \
                    sums[i] = _mm256_fmadd_ps(_mm256_loadu_ps(a + (size_t)i * lda + p), w, sums[i]);            \
            }                                                                                                   \
            float factor = row_factor(b, j, alpha);                                                             \
            for (int i = 0; i < M; i++) {                                                                       \
                float *out = c + (size_t)i * ldc + j;                                                           \
                *out = factor * horizontal_sum(sums[i]) + (beta == 0 ? 0 : beta * *out);                        \
            }                                                                                                   \
        }                                                                                                       \
    }

#define AVX2_KERNELS(TYPE, T, LOAD)                                                                             \
    AVX2_KERNEL(TYPE, T, LOAD, 1) AVX2_KERNEL(TYPE, T, LOAD, 2) AVX2_KERNEL(TYPE, T, LOAD, 3)                   \
    AVX2_KERNEL(TYPE, T, LOAD, 4) AVX2_KERNEL(TYPE, T, LOAD, 5) AVX2_KERNEL(TYPE, T, LOAD, 6)                   \
    AVX2_KERNEL(TYPE, T, LOAD, 7) AVX2_KERNEL(TYPE, T, LOAD, 8)                                                 \
    static const rows_kernel TYPE##_kernels[9] = {NULL, rows_nt_##TYPE##_1, rows_nt_##TYPE##_2,                 \
        rows_nt_##TYPE##_3, rows_nt_##TYPE##_4, rows_nt_##TYPE##_5, rows_nt_##TYPE##_6, rows_nt_##TYPE##_7,     \
        rows_nt_##TYPE##_8};

AVX2_KERNELS(f32, float, load_f32)
AVX2_KERNELS(f16, uint16_t, load_f16)
AVX2_KERNELS(i8, int8_t, load_i8)

static const rows_kernel *const avx2_kernels[3] = {f32_kernels, f16_kernels, i8_kernels};

// ---- dispatch ----

bool wk_has_avx2(void) {
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
}

static inline bool use_avx2(wk_kernels kernels) { return kernels == WK_BEST && wk_has_avx2(); }

static void rows_nt(int m, int k, const float *a, int lda, weight_rows b, float *c, int ldc, float alpha, float beta,
                    int first, int last, wk_kernels kernels) {
    if (use_avx2(kernels)) avx2_kernels[b.type][m](k, a, lda, b, c, ldc, alpha, beta, first, last);
    else rows_nt_portable(m, k, a, lda, b, c, ldc, alpha, beta, first, last);
}

void wk_rows_nt_f32(int m, int k, const float *a, int lda, const float *b, int ldb, float *c, int ldc,
                    float alpha, float beta, int first, int last, wk_kernels kernels) {
    rows_nt(m, k, a, lda, (weight_rows){F32, b, ldb, NULL}, c, ldc, alpha, beta, first, last, kernels);
}

void wk_rows_nt_i8(int m, int k, const float *a, int lda, const int8_t *values, const float *scales,
                   float *c, int ldc, float beta, int first, int last, wk_kernels kernels) {
    rows_nt(m, k, a, lda, (weight_rows){I8, values, k, scales}, c, ldc, 1, beta, first, last, kernels);
}

void wk_rows_nt_f16(int m, int k, const float *a, int lda, const uint16_t *values, float *c, int ldc, float beta,
                    int first, int last, wk_kernels kernels) {
    rows_nt(m, k, a, lda, (weight_rows){F16, values, k, NULL}, c, ldc, 1, beta, first, last, kernels);
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
