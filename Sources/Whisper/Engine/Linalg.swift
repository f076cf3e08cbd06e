import COpenBLAS
import CWhisperKernels
import Foundation

/// The only file that talks to BLAS: row-major products with shape checks, and the thread policy.
enum Linalg {
    /// Makes OpenBLAS single-threaded, once per process: the engine splits its work over threads itself
    /// (``Parallel``), and an idle OpenBLAS pool spins in `sched_yield` on the cores our workers need (about a fifth
    /// of beam search's cycles on two cores when both pools were live).
    static func configureThreads() {
        openblas_set_num_threads(1)
    }

    /// Threads used by our own parallel loops: `SIGNANCHOR_THREADS`, else the core count.
    static let defaultThreadCount: Int = {
        if let value = ProcessInfo.processInfo.environment["SIGNANCHOR_THREADS"], let n = Int(value), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// C (m, n) = alpha · A (m, k) · Bᵀ + beta · C, with B stored (n, k): a PyTorch-layout linear layer.
    /// Leading dimensions default to packed rows. `parallel: false` keeps a few-rows product on the calling thread
    /// (for callers that already split their work over the threads).
    static func gemmNT(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int? = nil,
                       b: UnsafePointer<Float>, ldb: Int? = nil, c: UnsafeMutablePointer<Float>, ldc: Int? = nil,
                       alpha: Float = 1, beta: Float = 0, parallel: Bool = true) {
        let lda = lda ?? k, ldb = ldb ?? k, ldc = ldc ?? n
        precondition(m > 0 && n > 0 && k > 0 && lda >= k && ldb >= k && ldc >= n, "gemmNT shape")
        if m <= 8 && k % 8 == 0 {
            fewRowsNT(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, alpha: alpha, beta: beta,
                      parallel: parallel)
        } else if m == 1 {
            // y (n) = alpha · B (n, k) · x (k): sgemv reads B once, about twice as fast as sgemm here.
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, 1, beta, c, 1)
        } else {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                        alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }
    }

    /// gemmNT for 1–8 rows of A (the hypotheses: 1 greedy, 5 in beam search): sgemm would repack all of B on every
    /// call (100 MB for base's logits), so the kernel reads each row of B once and multiplies it with every row of A;
    /// over threads for large B.
    private static func fewRowsNT(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
                                  ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float,
                                  parallel: Bool) {
        let threads = parallel && n * k >= 1 << 16 ? defaultThreadCount : 1
        Parallel.blocks(n, blocks: threads) { columns, _ in
            wk_rows_nt_f32(Int32(m), Int32(k), a, Int32(lda), b, Int32(ldb), c, Int32(ldc), alpha, beta,
                           Int32(columns.lowerBound), Int32(columns.upperBound), WK_BEST)
        }
    }

    /// C (m, n) = A (m, k) · Bᵀ + beta · C with B (n, k) int8 or binary16 rows converted on the fly: each row of B is
    /// read once per 8 rows of A, over threads for large B. A is packed (lda = k).
    static func compactNT(m: Int, k: Int, a: UnsafePointer<Float>, b: CompactRows, c: UnsafeMutablePointer<Float>,
                          beta: Float = 0) {
        let n = b.rows
        precondition(m > 0 && k % 8 == 0, "compactNT shape")
        let threads = n * k >= 1 << 16 ? defaultThreadCount : 1
        func products(_ kernel: (_ rows: Int32, _ a: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                                 _ first: Int32, _ last: Int32) -> Void) {
            for first in stride(from: 0, to: m, by: 8) {
                let rows = Int32(min(8, m - first))
                Parallel.blocks(n, blocks: threads) { columns, _ in
                    kernel(rows, a + first * k, c + first * n, Int32(columns.lowerBound), Int32(columns.upperBound))
                }
            }
        }
        switch b {
        case .int8(let q):
            q.values.withUnsafeBufferPointer { values in
                q.scales.withUnsafeBufferPointer { scales in
                    products { rows, a, c, first, last in
                        wk_rows_nt_i8(rows, Int32(k), a, Int32(k), values.baseAddress!, scales.baseAddress!, c, Int32(n),
                                      beta, first, last, WK_BEST)
                    }
                }
            }
        case .half(let h):
            h.values.withUnsafeBufferPointer { values in
                products { rows, a, c, first, last in
                    wk_rows_nt_f16(rows, Int32(k), a, Int32(k), values.baseAddress!, c, Int32(n), beta, first, last, WK_BEST)
                }
            }
        }
    }

    /// C (m, n) = A (m, k) · B (k, n) + beta · C, all row-major.
    static func gemmNN(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int? = nil,
                       b: UnsafePointer<Float>, ldb: Int? = nil, c: UnsafeMutablePointer<Float>, ldc: Int? = nil,
                       beta: Float = 0) {
        let lda = lda ?? k, ldb = ldb ?? n, ldc = ldc ?? n
        precondition(m > 0 && n > 0 && k > 0 && lda >= k && ldb >= n && ldc >= n, "gemmNN shape")
        if m == 1 {
            // y (n) = Bᵀ (n, k) · x (k)
            cblas_sgemv(CblasRowMajor, CblasTrans, Int32(k), Int32(n), 1, b, Int32(ldb), a, 1, beta, c, 1)
        } else {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                        1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }
    }

    /// Y (m, out) = X (m, in) · Wᵀ + b for a ``Linear`` layer; `accumulate` adds to Y instead (residual).
    static func linear(_ layer: Linear, _ x: UnsafePointer<Float>, rows m: Int, into y: UnsafeMutablePointer<Float>,
                       accumulate: Bool = false) {
        if let compact = layer.compact {
            compactNT(m: m, k: layer.inFeatures, a: x, b: compact, c: y, beta: accumulate ? 1 : 0)
        } else {
            layer.weight.withUnsafeBufferPointer { w in
                gemmNT(m: m, n: layer.outFeatures, k: layer.inFeatures, a: x, b: w.baseAddress!, c: y, beta: accumulate ? 1 : 0)
            }
        }
        guard let bias = layer.bias else { return }
        bias.withUnsafeBufferPointer { b in
            for r in 0..<m {
                let row = y + r * layer.outFeatures
                for j in 0..<layer.outFeatures { row[j] += b[j] }
            }
        }
    }
}
