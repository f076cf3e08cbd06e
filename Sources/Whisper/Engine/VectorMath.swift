import Foundation

/// Element-wise kernels of the transformer (LayerNorm, GELU, softmax) in SIMD, with a vectorised exp.
enum VectorMath {
    typealias V = SIMD8<Float>

    /// e^x for 8 lanes: Cody–Waite range reduction and a degree-6 polynomial, relative error about 2e-7.
    @inline(__always)
    static func exp(_ x: V) -> V {
        var clamped = x
        clamped.replace(with: V(repeating: -87.3), where: x .< V(repeating: -87.3))
        clamped.replace(with: V(repeating: 88.3), where: x .> V(repeating: 88.3))
        // Adding 1.5·2²³ rounds to an integer that then sits in the low mantissa bits of `t`.
        let t = clamped * V(repeating: 1.442_695_04) + V(repeating: 12_582_912)
        let n = t - V(repeating: 12_582_912)
        var r = clamped - n * V(repeating: 0.693_145_75)
        r -= n * V(repeating: 1.428_606_8e-6)
        var p = V(repeating: 1.987_569_1e-4)
        p = p * r + V(repeating: 1.398_199_9e-3)
        p = p * r + V(repeating: 8.333_452e-3)
        p = p * r + V(repeating: 4.166_579_6e-2)
        p = p * r + V(repeating: 0.166_666_66)
        p = p * r + V(repeating: 0.5)
        p = p * r * r + r + V(repeating: 1)
        // 2^n built in the exponent bits (0x4B40_0000 is the bit pattern of 1.5·2²³).
        let bits = (unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        let scale = unsafeBitCast(bits, to: V.self)
        return (p * scale).replacing(with: 0, where: x .< V(repeating: -87.3))
    }

    /// Exact-form GELU, x · Φ(x), in place; erf via Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7).
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let a1 = V(repeating: 0.254_829_592), a2 = V(repeating: -0.284_496_736), a3 = V(repeating: 1.421_413_741)
        let a4 = V(repeating: -1.453_152_027), a5 = V(repeating: 1.061_405_429), p = V(repeating: 0.327_591_1)
        let one = V(repeating: 1), invSqrt2 = V(repeating: 0.707_106_781)
        func kernel(_ v: V) -> V {
            let z = v * invSqrt2
            let az = z.replacing(with: -z, where: z .< 0)
            let t = one / (one + p * az)
            var poly = a5 * t + a4
            poly = poly * t + a3
            poly = poly * t + a2
            poly = poly * t + a1
            poly = poly * t
            var erf = one - poly * exp(-(az * az))
            erf.replace(with: -erf, where: z .< 0)
            return V(repeating: 0.5) * v * (one + erf)
        }
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
            UnsafeMutableRawPointer(x + i).storeBytes(of: kernel(v), as: V.self)
            i += 8
        }
        if i < count {
            var tail = V(repeating: 0)
            for j in i..<count { tail[j - i] = x[j] }
            let out = kernel(tail)
            for j in i..<count { x[j] = out[j - i] }
        }
    }

    /// Softmax of one row in place: x ← exp(x − max) / Σ.
    static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let maxValue = max(UnsafeBufferPointer(start: x, count: count))
        let m = V(repeating: maxValue)
        var sum = V(repeating: 0)
        var i = 0
        while i + 8 <= count {
            let e = exp(UnsafeRawPointer(x + i).loadUnaligned(as: V.self) - m)
            UnsafeMutableRawPointer(x + i).storeBytes(of: e, as: V.self)
            sum += e
            i += 8
        }
        var total = sum.sum()
        while i < count { x[i] = Foundation.exp(x[i] - maxValue); total += x[i]; i += 1 }
        let inverse = 1 / total
        for j in 0..<count { x[j] *= inverse }
    }

    /// The largest value (−∞ for an empty or all-masked row), eight lanes at a time.
    static func max(_ x: UnsafeBufferPointer<Float>) -> Float {
        var lanes = V(repeating: -.infinity)
        var i = 0
        while i + 8 <= x.count {
            let v = UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: V.self)
            lanes.replace(with: v, where: v .> lanes)
            i += 8
        }
        var result = lanes.max()
        while i < x.count { if x[i] > result { result = x[i] }; i += 1 }
        return result
    }

    /// LayerNorm of `rows` rows of width d, ε = 1e-5: y = (x − μ)/σ · γ + β.
    static func layerNorm(_ x: UnsafePointer<Float>, rows: Int, width d: Int, _ weights: LayerNormWeights,
                          into y: UnsafeMutablePointer<Float>) {
        weights.gamma.withUnsafeBufferPointer { g in
            weights.beta.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let xi = x + r * d, yi = y + r * d
                    var mean: Float = 0
                    for j in 0..<d { mean += xi[j] }
                    mean /= Float(d)
                    var variance: Float = 0
                    for j in 0..<d { let c = xi[j] - mean; variance += c * c }
                    let inverse = 1 / (variance / Float(d) + 1e-5).squareRoot()
                    for j in 0..<d { yi[j] = (xi[j] - mean) * inverse * g[j] + b[j] }
                }
            }
        }
    }
}

extension VectorMath {
    /// log Σ exp(x), −∞ for an all-masked row.
    static func logSumExp(_ x: UnsafeBufferPointer<Float>) -> Float {
        let maxValue = max(x)
        guard maxValue > -.infinity else { return -.infinity }
        let m = V(repeating: maxValue)
        var sum = V(repeating: 0)
        var i = 0
        while i + 8 <= x.count {
            sum += exp(UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: V.self) - m)
            i += 8
        }
        var total = sum.sum()
        while i < x.count { total += Foundation.exp(x[i] - maxValue); i += 1 }
        return maxValue + Foundation.log(total)
    }
}
