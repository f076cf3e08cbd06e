import Foundation
import Testing
import TestSupport
@testable import Whisper

/// The int8 compute path: weights quantised per row at load, decoder products dequantise on the fly.
@Suite("int8 compute path")
struct Int8Tests {
    @Test("quantising a matrix keeps every weight within half a step of its row's scale")
    func quantisation() {
        let rows = 3, columns = 16
        let weight = (0..<(rows * columns)).map { Float(sin(Double($0) * 0.7)) * Float($0 % 5 + 1) }
        let q = Int8Rows(quantizing: weight, rows: rows, columns: columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let restored = Float(q.values[r * columns + c]) * q.scales[r]
                #expect(abs(restored - weight[r * columns + c]) <= q.scales[r] / 2 + 1e-6)
            }
        }
    }

    @Test("compactNT on int8 rows equals the Float32 product of the dequantised weights, for 1 to 11 rows")
    func product() {
        let n = 37, k = 64
        let weight = (0..<(n * k)).map { Float(cos(Double($0) * 0.31)) }
        let q = Int8Rows(quantizing: weight, rows: n, columns: k)
        let dequantised = (0..<(n * k)).map { Float(q.values[$0]) * q.scales[$0 / k] }
        for m in [1, 5, 8, 11] {
            let a = (0..<(m * k)).map { Float(sin(Double($0) * 0.13)) }
            var c = [Float](repeating: 0, count: m * n), expected = c
            a.withUnsafeBufferPointer { a in
                c.withUnsafeMutableBufferPointer { Linalg.compactNT(m: m, k: k, a: a.baseAddress!, b: .int8(q), c: $0.baseAddress!) }
                dequantised.withUnsafeBufferPointer { b in
                    expected.withUnsafeMutableBufferPointer {
                        Linalg.gemmNT(m: m, n: n, k: k, a: a.baseAddress!, b: b.baseAddress!, c: $0.baseAddress!)
                    }
                }
            }
            #expect(zip(c, expected).allSatisfy { abs($0 - $1) < 1e-3 }, "m = \(m)")
        }
    }

    @Test("int8 transcribes the English dev clip as well as Float32 (WER within a point)")
    func transcription() throws {
        let samples = try WhisperTestData.newsSamples()
        let reference = try String(contentsOf: TestFiles.sharedData.appendingPathComponent("news-en/news.txt"), encoding: .utf8)
        var wer: [ComputeType: Double] = [:]
        for type in ComputeType.allCases {
            let model = type == .float32 ? WhisperTestData.model : try WhisperModel(path: WhisperTestData.modelPath, computeType: .int8)
            var options = TranscriptionOptions()
            options.beamSize = 1
            let text = try Transcriber(model: model, options: options).transcribe(samples: samples).segments.map(\.text).joined(separator: " ")
            wer[type] = WhisperTestData.wordErrorRate(reference: reference, hypothesis: text)
        }
        #expect(try #require(wer[.int8]) <= (try #require(wer[.float32])) + 0.01, "\(wer)")
    }
}
