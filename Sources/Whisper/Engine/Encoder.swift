import Foundation

// port of AudioEncoder in https://github.com/openai/whisper/blob/main/whisper/model.py (layout: whisper-notes.md §2).

/// The audio encoder: two GELU convolutions, sinusoidal positions, pre-norm transformer blocks, final LayerNorm.
///
/// Holds its scratch buffers; create one per transcription session and call ``encode(_:)`` per 30 s window.
/// Work is split by rows over the threads (each with single-threaded BLAS): every step except attention's
/// keys and values is row-independent, and attention splits by query rows once K and V are complete.
final class Encoder {
    private let weights: WhisperWeights
    private let frames = LogMel.windowFrames  // 3000 mel frames in
    private let ctx: Int                      // 1500 positions out
    private let d: Int
    private let threads = Linalg.defaultThreadCount
    // Scratch, allocated once.
    private var columns1: [Float]   // (3000, nMels·3) im2col of the mel window
    private var conv1Out: [Float]   // (3000, d)
    private var columns2: [Float]   // (1500, d·3) im2col of conv1Out with stride 2
    private var x: [Float]          // (1500, d) residual stream
    private var h: [Float]          // (1500, d) normalised input of a sub-block
    private var qkv: [Float]        // (1500, 3d)
    private var scores: [Float]     // (threads, ⌈1500 / threads⌉, 1500) one head's attention per thread
    private var attention: [Float]  // (1500, d) heads side by side
    private var mlp: [Float]        // (1500, 4d)
    private var output: [Float]     // (1500, d) LN(x), returned (no copy once the caller let go of the last one)

    init(weights: WhisperWeights) {
        self.weights = weights
        let dims = weights.dims
        ctx = dims.nAudioCtx
        d = dims.nState
        columns1 = [Float](repeating: 0, count: frames * dims.nMels * 3)
        conv1Out = [Float](repeating: 0, count: frames * d)
        columns2 = [Float](repeating: 0, count: ctx * d * 3)
        x = [Float](repeating: 0, count: ctx * d)
        h = x
        qkv = [Float](repeating: 0, count: ctx * 3 * d)
        scores = [Float](repeating: 0, count: threads * ((ctx + threads - 1) / threads) * ctx)
        attention = x
        mlp = [Float](repeating: 0, count: ctx * dims.nMLP)
        output = x
    }

    /// Encodes one window.
    /// - Parameter mel: (nMels, 3000) log-mel features.
    /// - Returns: (1500, d) encoder output.
    func encode(_ mel: [Float]) -> [Float] {
        precondition(mel.count == weights.dims.nMels * frames, "encoder input must be (nMels, 3000)")
        convolutions(mel)
        for layer in weights.encoderLayers { block(layer) }
        x.withUnsafeBufferPointer { xs in
            output.withUnsafeMutableBufferPointer { out in
                VectorMath.layerNorm(xs.baseAddress!, rows: ctx, width: d, weights.encoderNorm, into: out.baseAddress!)
            }
        }
        return output
    }

    /// conv1 (k 3, stride 1, pad 1) and conv2 (k 3, stride 2, pad 1), each GELU, as im2col products; then positions.
    private func convolutions(_ mel: [Float]) {
        let nMels = weights.dims.nMels
        let conv1 = Linear(weight: weights.conv1Weight, bias: weights.conv1Bias, outFeatures: d, inFeatures: nMels * 3)
        let conv2 = Linear(weight: weights.conv2Weight, bias: weights.conv2Bias, outFeatures: d, inFeatures: d * 3)
        mel.withUnsafeBufferPointer { m in
        columns1.withUnsafeMutableBufferPointer { col1 in
        conv1Out.withUnsafeMutableBufferPointer { out1 in
        columns2.withUnsafeMutableBufferPointer { col2 in
        x.withUnsafeMutableBufferPointer { xs in
        weights.encoderPositions.withUnsafeBufferPointer { positions in
            let col1 = col1.baseAddress!, out1 = out1.baseAddress!, col2 = col2.baseAddress!, x = xs.baseAddress!
            // columns1 (3000, nMels·3): [t, c·3 + k] = mel[c, t + k − 1]
            Parallel.blocks(frames) { rows, _ in
                let width = nMels * 3
                for t in rows {
                    for c in 0..<nMels {
                        for k in 0..<3 {
                            let source = t + k - 1
                            col1[t * width + c * 3 + k] = source >= 0 && source < frames ? m[c * frames + source] : 0
                        }
                    }
                }
                Linalg.linear(conv1, col1 + rows.lowerBound * width, rows: rows.count, into: out1 + rows.lowerBound * d)
                VectorMath.gelu(out1 + rows.lowerBound * d, count: rows.count * d)
            }
            // columns2 (1500, d·3): [t, c·3 + k] = conv1Out[2t + k − 1, c]
            Parallel.blocks(ctx) { rows, _ in
                let width = d * 3
                for t in rows {
                    for k in 0..<3 {
                        let source = 2 * t + k - 1
                        for c in 0..<d { col2[t * width + c * 3 + k] = source >= 0 && source < frames ? out1[source * d + c] : 0 }
                    }
                }
                Linalg.linear(conv2, col2 + rows.lowerBound * width, rows: rows.count, into: x + rows.lowerBound * d)
                VectorMath.gelu(x + rows.lowerBound * d, count: rows.count * d)
                for i in (rows.lowerBound * d)..<(rows.upperBound * d) { x[i] += positions[i] }
            }
        }}}}}}
    }

    /// x += SelfAttention(LN(x)); x += MLP(LN(x)).
    private func block(_ layer: EncoderLayerWeights) {
        let dims = weights.dims, hd = dims.headDim, ctx = ctx, d = d
        let scoresPerThread = scores.count / threads
        x.withUnsafeMutableBufferPointer { xs in
        h.withUnsafeMutableBufferPointer { hs in
        qkv.withUnsafeMutableBufferPointer { qkvs in
        scores.withUnsafeMutableBufferPointer { ss in
        attention.withUnsafeMutableBufferPointer { att in
        mlp.withUnsafeMutableBufferPointer { m in
            let x = xs.baseAddress!, h = hs.baseAddress!, qkv = qkvs.baseAddress!, att = att.baseAddress!, m = m.baseAddress!
            let s = ss.baseAddress!
            // (1500, 3d) = LN(x) · Wqkvᵀ: Q | K | V
            Parallel.blocks(ctx) { rows, _ in
                VectorMath.layerNorm(x + rows.lowerBound * d, rows: rows.count, width: d, layer.attentionNorm,
                                     into: h + rows.lowerBound * d)
                Linalg.linear(layer.qkv, h + rows.lowerBound * d, rows: rows.count, into: qkv + rows.lowerBound * 3 * d)
            }
            // Attention by query rows, every key: scores (rows, 1500) = Q_h K_hᵀ / √hd, softmax, · V_h.
            Parallel.blocks(ctx) { rows, block in
                let scores = s + block * scoresPerThread
                for head in 0..<dims.nHead {
                    Linalg.gemmNT(m: rows.count, n: ctx, k: hd, a: qkv + rows.lowerBound * 3 * d + head * hd, lda: 3 * d,
                                  b: qkv + d + head * hd, ldb: 3 * d, c: scores, alpha: 1 / Float(hd).squareRoot())
                    for row in 0..<rows.count { VectorMath.softmax(scores + row * ctx, count: ctx) }
                    Linalg.gemmNN(m: rows.count, n: hd, k: ctx, a: scores, b: qkv + 2 * d + head * hd, ldb: 3 * d,
                                  c: att + rows.lowerBound * d + head * hd, ldc: d)
                }
            }
            // x += att · Woᵀ; x += GELU(LN(x) · W1ᵀ) · W2ᵀ
            Parallel.blocks(ctx) { rows, _ in
                let first = rows.lowerBound
                Linalg.linear(layer.attentionOut, att + first * d, rows: rows.count, into: x + first * d, accumulate: true)
                VectorMath.layerNorm(x + first * d, rows: rows.count, width: d, layer.mlpNorm, into: h + first * d)
                Linalg.linear(layer.mlpUp, h + first * d, rows: rows.count, into: m + first * dims.nMLP)
                VectorMath.gelu(m + first * dims.nMLP, count: rows.count * dims.nMLP)
                Linalg.linear(layer.mlpDown, m + first * dims.nMLP, rows: rows.count, into: x + first * d, accumulate: true)
            }
        }}}}}}
    }
}
