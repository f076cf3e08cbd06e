import COpenBLAS
import Foundation

/// The only file that talks to BLAS: row-major products with shape checks, and the thread policy.
enum Linalg {
    /// Sets OpenBLAS's thread count once per process (both cores of the target machine by default).
    static func configureThreads(_ count: Int = defaultThreadCount) {
        openblas_set_num_threads(Int32(count))
    }

    /// Runs `body` with OpenBLAS single-threaded in each calling thread, so that our own row-parallel
    /// workers (``Parallel``) do not compete with OpenBLAS's spinning pool; restores the default afterwards.
    static func singleThreaded<T>(_ body: () -> T) -> T {
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(Int32(defaultThreadCount)) }
        return body()
    }

    /// Threads used by BLAS and by our own parallel loops: `SIGNANCHOR_THREADS`, else the core count.
    static let defaultThreadCount: Int = {
        if let value = ProcessInfo.processInfo.environment["SIGNANCHOR_THREADS"], let n = Int(value), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// C (m, n) = alpha · A (m, k) · Bᵀ + beta · C, with B stored (n, k): a PyTorch-layout linear layer.
    /// Leading dimensions default to packed rows.
    static func gemmNT(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int? = nil,
                       b: UnsafePointer<Float>, ldb: Int? = nil, c: UnsafeMutablePointer<Float>, ldc: Int? = nil,
                       alpha: Float = 1, beta: Float = 0) {
        let lda = lda ?? k, ldb = ldb ?? k, ldc = ldc ?? n
        precondition(m > 0 && n > 0 && k > 0 && lda >= k && ldb >= k && ldc >= n, "gemmNT shape")
        if m == 1 {
            // y (n) = alpha · B (n, k) · x (k): sgemv reads B once, about twice as fast as sgemm here.
            cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(n), Int32(k), alpha, b, Int32(ldb), a, 1, beta, c, 1)
        } else if m <= 8 && k % 8 == 0 {
            fewRowsNT(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, alpha: alpha, beta: beta)
        } else {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                        alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
        }
    }

    /// gemmNT for 2–8 rows of A (beam hypotheses): sgemm would repack all of B on every call (80 MB for the
    /// logits), so this reads each row of B once and multiplies it with every row of A; over threads for large B.
    private static func fewRowsNT(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
                                  ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int, alpha: Float, beta: Float) {
        typealias V = SIMD8<Float>
        let threads = n * k >= 1 << 16 ? defaultThreadCount : 1
        Parallel.blocks(n, blocks: threads) { columns, _ in
            withUnsafeTemporaryAllocation(of: V.self, capacity: m) { sums in
                for j in columns {
                    let row = UnsafeRawPointer(b + j * ldb)
                    for i in 0..<m { sums[i] = .zero }
                    for p in stride(from: 0, to: k, by: 8) {
                        let bv = row.loadUnaligned(fromByteOffset: 4 * p, as: V.self)
                        for i in 0..<m { sums[i] += UnsafeRawPointer(a + i * lda + p).loadUnaligned(as: V.self) * bv }
                    }
                    for i in 0..<m {
                        let out = c + i * ldc + j
                        out.pointee = alpha * sums[i].sum() + (beta == 0 ? 0 : beta * out.pointee)
                    }
                }
            }
        }
    }

    /// C (m, n) = A (m, k) · Bᵀ + beta · C with B (n, k) int8 rows dequantised on the fly (``ComputeType/int8``):
    /// each row of B is read once per 8 rows of A, over threads for large B. A is packed (lda = k).
    static func int8NT(m: Int, a: UnsafePointer<Float>, b: Int8Rows, c: UnsafeMutablePointer<Float>, beta: Float = 0) {
        typealias V = SIMD8<Float>
        let n = b.rows, k = b.columns
        precondition(m > 0 && k % 8 == 0, "int8NT shape")
        let threads = n * k >= 1 << 16 ? defaultThreadCount : 1
        b.values.withUnsafeBufferPointer { values in
            b.scales.withUnsafeBufferPointer { scales in
                let q = UnsafeRawPointer(values.baseAddress!)
                for first in stride(from: 0, to: m, by: 8) {
                    let rows = min(8, m - first)
                    Parallel.blocks(n, blocks: threads) { columns, _ in
                        withUnsafeTemporaryAllocation(of: V.self, capacity: rows) { sums in
                            for j in columns {
                                let row = q + j * k
                                for i in 0..<rows { sums[i] = .zero }
                                for p in stride(from: 0, to: k, by: 8) {
                                    let bv = V(SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: p, as: SIMD8<Int8>.self)))
                                    for i in 0..<rows {
                                        sums[i] += UnsafeRawPointer(a + (first + i) * k + p).loadUnaligned(as: V.self) * bv
                                    }
                                }
                                for i in 0..<rows {
                                    let out = c + (first + i) * n + j
                                    out.pointee = scales[j] * sums[i].sum() + (beta == 0 ? 0 : beta * out.pointee)
                                }
                            }
                        }
                    }
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
        if let int8 = layer.int8 {
            int8NT(m: m, a: x, b: int8, c: y, beta: accumulate ? 1 : 0)
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
