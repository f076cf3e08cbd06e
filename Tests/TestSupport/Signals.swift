import Foundation

/// Small numeric helpers for comparing audio and pictures in tests.
public enum Signals {
    /// Pearson correlation of two equally long signals (the shorter length is used).
    public static func correlation(_ a: [Float], _ b: [Float]) -> Double {
        let n = min(a.count, b.count)
        guard n > 1 else { return 0 }
        var meanA = 0.0, meanB = 0.0
        for i in 0..<n { meanA += Double(a[i]); meanB += Double(b[i]) }
        meanA /= Double(n); meanB /= Double(n)
        var cov = 0.0, varA = 0.0, varB = 0.0
        for i in 0..<n {
            let da = Double(a[i]) - meanA, db = Double(b[i]) - meanB
            cov += da * db; varA += da * da; varB += db * db
        }
        return varA > 0 && varB > 0 ? cov / (varA * varB).squareRoot() : 0
    }

    /// Peak signal-to-noise ratio in dB of two 8-bit pictures of the same size; infinity when identical.
    public static func psnr(_ a: [UInt8], _ b: [UInt8]) -> Double {
        precondition(a.count == b.count, "PSNR needs equal sizes")
        var squared = 0.0
        for i in 0..<a.count {
            let d = Double(a[i]) - Double(b[i])
            squared += d * d
        }
        let mse = squared / Double(a.count)
        return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    /// Little-endian Float32 samples from raw bytes (`ffmpeg -f f32le` output).
    public static func floats(fromF32LE data: [UInt8]) -> [Float] {
        stride(from: 0, to: data.count - 3, by: 4).map {
            Float(bitPattern: UInt32(data[$0]) | UInt32(data[$0 + 1]) << 8 | UInt32(data[$0 + 2]) << 16 | UInt32(data[$0 + 3]) << 24)
        }
    }
}
