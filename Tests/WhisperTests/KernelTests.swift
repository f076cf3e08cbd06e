import CWhisperKernels
import Foundation
import Testing
@testable import Whisper

/// The decoder's few-rows kernels (CWhisperKernels): AVX2 and portable C against a Float64 reference, binary16
/// weights against the Float32 ones they hold exactly.
@Suite("few-rows kernels", .serialized)
struct KernelTests {
    /// A (m, lda) and B (n, ldb) with padding columns that must not be read into the result (set to NaN).
    private static func operands(m: Int, n: Int, k: Int, seed: Double) -> (a: [Float], b: [Float], lda: Int, ldb: Int) {
        let lda = k + 8, ldb = k + 16
        var a = [Float](repeating: .nan, count: m * lda), b = [Float](repeating: .nan, count: n * ldb)
        for i in 0..<m { for p in 0..<k { a[i * lda + p] = Float(sin(Double(i * k + p) * 0.37 + seed)) } }
        // Halves of small integers over 64: exact in binary16, so the same matrix serves the f16 kernel.
        for j in 0..<n { for p in 0..<k { b[j * ldb + p] = Float((j * 7 + p * 3) % 41 - 20) / 64 } }
        return (a, b, lda, ldb)
    }

    /// Both implementations, named for messages: the best this CPU runs and the portable C.
    private static let kernelSets: [(wk_kernels, String)] = [(WK_BEST, wk_has_avx2() ? "avx2" : "best (portable here)"),
                                                              (WK_PORTABLE, "portable")]

    @Test("Float32 rows: every row count 1–8, strides, alpha and beta, a column range, against Float64")
    func float32() {
        let n = 13, k = 40, ldc = n + 3
        for (set, kernels) in KernelTests.kernelSets {
            for m in 1...8 {
                let (a, b, lda, ldb) = KernelTests.operands(m: m, n: n, k: k, seed: Double(m))
                var c = (0..<(m * ldc)).map { Float($0 % 5) }
                let before = c
                wk_rows_nt_f32(Int32(m), Int32(k), a, Int32(lda), b, Int32(ldb), &c, Int32(ldc), 0.5, 2, 3, 11, set)
                for i in 0..<m {
                    for j in 0..<ldc {
                        guard (3..<11).contains(j) else {
                            #expect(c[i * ldc + j] == before[i * ldc + j], "\(kernels) m \(m): column \(j) outside the range changed")
                            continue
                        }
                        let dot = (0..<k).reduce(0.0) { $0 + Double(a[i * lda + $1]) * Double(b[j * ldb + $1]) }
                        let expected = 0.5 * dot + 2 * Double(before[i * ldc + j])
                        #expect(abs(Double(c[i * ldc + j]) - expected) < 1e-4, "\(kernels) m \(m) (\(i), \(j))")
                    }
                }
            }
        }
    }

    @Test("binary16 rows give exactly the Float32 kernel's result for the same values")
    func half() throws {
        let n = 11, k = 24
        for (set, kernels) in KernelTests.kernelSets {
            for m in [1, 5, 8] {
                let (a, b, lda, ldb) = KernelTests.operands(m: m, n: n, k: k, seed: 0.3)
                let packed = (0..<n).flatMap { j in b[(j * ldb)..<(j * ldb + k)] }
                let half = try #require(HalfRows(exactly: packed, rows: n, columns: k))
                let packedA = (0..<m).flatMap { i in a[(i * lda)..<(i * lda + k)] }
                var viaHalf = [Float](repeating: 1, count: m * n), viaFloat = viaHalf
                half.values.withUnsafeBufferPointer { h in
                    wk_rows_nt_f16(Int32(m), Int32(k), packedA, Int32(k), h.baseAddress!, &viaHalf, Int32(n), 1, 0, Int32(n), set)
                }
                wk_rows_nt_f32(Int32(m), Int32(k), packedA, Int32(k), packed, Int32(k), &viaFloat, Int32(n), 1, 1, 0, Int32(n), set)
                #expect(viaHalf == viaFloat, "\(kernels) m \(m)")
            }
        }
    }

    @Test("int8 rows equal the Float32 product of their dequantised values, in both kernel sets")
    func int8() {
        let n = 9, k = 32, m = 6
        let weight = (0..<(n * k)).map { Float(cos(Double($0) * 0.21)) }
        let q = Int8Rows(quantizing: weight, rows: n, columns: k)
        let dequantised = (0..<(n * k)).map { Float(q.values[$0]) * q.scales[$0 / k] }
        let a = (0..<(m * k)).map { Float(sin(Double($0) * 0.17)) }
        var expected = [Float](repeating: 0, count: m * n)
        wk_rows_nt_f32(Int32(m), Int32(k), a, Int32(k), dequantised, Int32(k), &expected, Int32(n), 1, 0, 0, Int32(n), WK_PORTABLE)
        for (set, kernels) in KernelTests.kernelSets {
            var c = [Float](repeating: 0, count: m * n)
            wk_rows_nt_i8(Int32(m), Int32(k), a, Int32(k), q.values, q.scales, &c, Int32(n), 0, 0, Int32(n), set)
            #expect(zip(c, expected).allSatisfy { abs($0 - $1) < 1e-4 }, "\(kernels)")
        }
    }

    @Test("binary16 storage is refused for any value it would change, and round-trips the rest")
    func exactness() {
        // Normal and subnormal binary16 values (2⁻²⁴ is the smallest, 1023 · 2⁻²⁴ the largest subnormal).
        let subnormals: [Float] = [0x1p-24, -0x1p-24, 1023 * 0x1p-24, 3 * 0x1p-20]
        let exact = HalfRows(exactly: [0, -0.0, 1, -2.5, 65504, 6.103515625e-05] + subnormals, rows: 1, columns: 10)
        #expect(exact != nil)
        var back = [Float](repeating: .nan, count: 10)
        exact?.row(0, into: &back)
        #expect(Array(back[6...]) == subnormals)
        for inexact: Float in [1.0 / 3, 70_000, 1e-6, 1 + 1.0 / 4096, 0x1p-25, 3 * 0x1p-25, 1025 * 0x1p-24 + 0x1p-30] {
            #expect(HalfRows(exactly: [1, inexact], rows: 1, columns: 2) == nil, "\(inexact)")
        }
        let values: [Float] = [0.5, -0.125, 1024, 3.140625, -65504, 0.0009765625, 2, 7]
        let half = HalfRows(exactly: values, rows: 2, columns: 4)!
        var row = [Float](repeating: 0, count: 4)
        for (set, kernels) in KernelTests.kernelSets {
            half.values.withUnsafeBufferPointer { wk_f16_to_f32($0.baseAddress! + 4, &row, 4, set) }
            #expect(row == Array(values[4...]), "\(kernels)")
        }
    }

    @Test("a model file in binary16 keeps its decoder weights as binary16 at float32, as int8 at int8")
    func compactForms() throws {
        func isHalf(_ compact: CompactRows?) -> Bool { if case .half = compact { true } else { false } }
        func isInt8(_ compact: CompactRows?) -> Bool { if case .int8 = compact { true } else { false } }
        // Whisper base as CTranslate2 ships it: binary16 (145 MB for 74 M weights).
        let weights = WhisperTestData.base.weights
        for layer in weights.decoderLayers {
            let perToken = [layer.qkv, layer.attentionOut, layer.crossQuery, layer.crossOut, layer.mlpUp, layer.mlpDown]
            #expect(perToken.allSatisfy { isHalf($0.compact) && $0.weight.isEmpty })
            #expect(layer.crossKeyValue.compact == nil, "cross K/V are computed over 1500 rows by BLAS")
        }
        #expect(isHalf(weights.outputProjection) && weights.tokenEmbedding.isEmpty, "embeddings are read from the projection")
        #expect(weights.encoderLayers.allSatisfy { $0.mlpUp.compact == nil })
        let int8 = try WhisperModel(path: WhisperTestData.modelPath, computeType: .int8).weights
        #expect(int8.decoderLayers.allSatisfy { isInt8($0.mlpUp.compact) } && isInt8(int8.outputProjection))
        #expect(int8.tokenEmbedding.isEmpty, "int8 reads embeddings from the quantised projection")
        var row = [Float](repeating: 0, count: int8.dims.nState)
        let token = 50257, reference = WhisperTestData.model.weights
        int8.embedding(of: token, into: &row)
        var exact = row
        reference.embedding(of: token, into: &exact)
        guard case .int8(let q)? = int8.outputProjection else { return }
        #expect(zip(row, exact).allSatisfy { abs($0 - $1) <= q.scales[token] / 2 + 1e-6 }, "within half a step of its row's scale")
    }
}
