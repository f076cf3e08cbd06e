import Foundation

// port of TextDecoder in https://github.com/openai/whisper/blob/main/whisper/model.py, with the
// kv_cache of decoding.py: self-attention K/V grow by one row per step, cross-attention K/V are
// computed once per window (whisper-notes.md §2).

/// The text decoder over a batch of hypotheses (1 for greedy, the beam for beam search) with its caches.
///
/// Usage per window: ``setAudio(_:)``, then ``start(prompt:)``, then ``step(_:)`` per token, ``reorder(_:)`` between
/// beam steps. Logits land in ``logits``. Every buffer is allocated once, in `init`.
final class Decoder {
    private let weights: WhisperWeights
    private let d: Int
    private let ctx: Int          // 448 text positions
    private let audioCtx: Int     // 1500 encoder positions
    let maxBatch: Int
    /// Hypotheses in the batch.
    private(set) var batch = 1
    /// Positions already in the self-attention cache (same for every hypothesis).
    private(set) var length = 0

    private var crossKV: [[Float]]      // per layer (1500, 2d): K | V of the encoder output
    private var keys: [[Float]]         // per layer (maxBatch, ctx, d)
    private var values: [[Float]]       // per layer (maxBatch, ctx, d)
    private var reorderScratch: [Float] // (maxBatch, ctx, d)
    private var x: [Float]              // (rows, d) residual stream; rows ≤ max(maxBatch, ctx)
    private var h: [Float]              // (rows, d)
    private var qkv: [Float]            // (rows, 3d)
    private var attention: [Float]      // (rows, d)
    private var mlp: [Float]            // (rows, 4d)
    private var scores: [Float]         // (rows, max(ctx, 1500))
    private var selected: [Float]       // (maxBatch, d) rows whose logits are wanted
    /// (rows asked for, nVocab) logits of the last ``computeLogits(rows:)``.
    var logits: [Float]

    init(weights: WhisperWeights, maxBatch: Int) {
        self.weights = weights
        let dims = weights.dims
        d = dims.nState
        ctx = dims.nTextCtx
        audioCtx = dims.nAudioCtx
        self.maxBatch = max(2, maxBatch)
        let rows = max(self.maxBatch, ctx)
        crossKV = Array(repeating: [Float](repeating: 0, count: audioCtx * 2 * d), count: dims.nTextLayer)
        keys = Array(repeating: [Float](repeating: 0, count: self.maxBatch * ctx * d), count: dims.nTextLayer)
        values = keys
        reorderScratch = [Float](repeating: 0, count: self.maxBatch * ctx * d)
        x = [Float](repeating: 0, count: rows * d)
        h = x
        qkv = [Float](repeating: 0, count: rows * 3 * d)
        attention = x
        mlp = [Float](repeating: 0, count: rows * dims.nMLP)
        scores = [Float](repeating: 0, count: rows * max(ctx, audioCtx))
        selected = [Float](repeating: 0, count: self.maxBatch * d)
        logits = [Float](repeating: 0, count: self.maxBatch * dims.nVocab)
    }

    /// Computes every layer's cross-attention K and V from one window's encoder output (1500, d).
    func setAudio(_ encoderOutput: [Float]) {
        encoderOutput.withUnsafeBufferPointer { e in
            for (i, layer) in weights.decoderLayers.enumerated() {
                crossKV[i].withUnsafeMutableBufferPointer { kv in
                    Linalg.linear(layer.crossKeyValue, e.baseAddress!, rows: audioCtx, into: kv.baseAddress!)
                }
            }
        }
    }

    /// Clears the self-attention cache and runs the prompt for one hypothesis.
    /// - Returns: nothing; the final hidden states of all prompt positions are kept for ``computeLogits(rows:)``.
    func start(prompt: [Int]) {
        precondition(!prompt.isEmpty && prompt.count < ctx, "prompt length")
        batch = 1
        length = 0
        forward(prompt, perHypothesis: prompt.count)
    }

    /// Appends one token to each hypothesis and computes the logits of the new positions.
    func step(_ tokens: [Int]) {
        precondition(tokens.count == batch, "one token per hypothesis")
        forward(tokens, perHypothesis: 1)
        computeLogits(rows: Array(0..<batch))
    }

    /// Whether another position fits in the context.
    var isFull: Bool { length >= ctx }

    /// Makes hypothesis i continue from former hypothesis `sources[i]` (beam search), possibly changing the batch size.
    func reorder(_ sources: [Int]) {
        precondition(sources.count <= maxBatch && sources.allSatisfy { $0 < batch }, "reorder sources")
        let stride = ctx * d, used = length * d
        for layer in 0..<keys.count {
            for cache in [0, 1] {
                reorderScratch.withUnsafeMutableBufferPointer { scratch in
                    func move(_ buffer: inout [Float]) {
                        buffer.withUnsafeMutableBufferPointer { b in
                            for i in 0..<batch { (scratch.baseAddress! + i * stride).update(from: b.baseAddress! + i * stride, count: used) }
                            for (i, source) in sources.enumerated() {
                                (b.baseAddress! + i * stride).update(from: scratch.baseAddress! + source * stride, count: used)
                            }
                        }
                    }
                    if cache == 0 { move(&keys[layer]) } else { move(&values[layer]) }
                }
            }
        }
        batch = sources.count
    }

    /// Final-LayerNormed hidden rows → logits (rows.count, nVocab) = h · Eᵀ (tied embedding), into ``logits``.
    func computeLogits(rows: [Int]) {
        precondition(rows.count <= maxBatch, "logit rows")
        let vocab = weights.dims.nVocab
        h.withUnsafeBufferPointer { hs in
            selected.withUnsafeMutableBufferPointer { sel in
                for (i, row) in rows.enumerated() { (sel.baseAddress! + i * d).update(from: hs.baseAddress! + row * d, count: d) }
                weights.tokenEmbedding.withUnsafeBufferPointer { e in
                    logits.withUnsafeMutableBufferPointer { out in
                        Linalg.gemmNT(m: rows.count, n: vocab, k: d, a: sel.baseAddress!, b: e.baseAddress!, c: out.baseAddress!)
                    }
                }
            }
        }
    }

    /// Runs `n` new tokens per hypothesis (`tokens` is batch × n, hypothesis-major) through every block;
    /// leaves LN(x) of each row in `h`.
    private func forward(_ tokens: [Int], perHypothesis n: Int) {
        let dims = weights.dims, rows = batch * n, hd = dims.headDim
        precondition(length + n <= ctx, "text context overflow")
        x.withUnsafeMutableBufferPointer { xs in
            weights.tokenEmbedding.withUnsafeBufferPointer { e in
                weights.decoderPositions.withUnsafeBufferPointer { p in
                    for r in 0..<rows {
                        let position = length + r % n
                        for j in 0..<d { xs[r * d + j] = e[tokens[r] * d + j] + p[position * d + j] }
                    }
                }
            }
        }
        for (index, layer) in weights.decoderLayers.enumerated() {
            x.withUnsafeMutableBufferPointer { xs in
            h.withUnsafeMutableBufferPointer { hs in
            qkv.withUnsafeMutableBufferPointer { qkvs in
            attention.withUnsafeMutableBufferPointer { att in
            scores.withUnsafeMutableBufferPointer { s in
            mlp.withUnsafeMutableBufferPointer { m in
            keys[index].withUnsafeMutableBufferPointer { kc in
            values[index].withUnsafeMutableBufferPointer { vc in
            crossKV[index].withUnsafeBufferPointer { kv in
                let x = xs.baseAddress!, h = hs.baseAddress!, qkv = qkvs.baseAddress!, att = att.baseAddress!
                let s = s.baseAddress!, m = m.baseAddress!, kc = kc.baseAddress!, vc = vc.baseAddress!, kv = kv.baseAddress!
                let scale = 1 / Float(hd).squareRoot()
                // Causal self-attention over the cache.
                VectorMath.layerNorm(x, rows: rows, width: d, layer.attentionNorm, into: h)
                Linalg.linear(layer.qkv, h, rows: rows, into: qkv)  // (rows, 3d)
                for b in 0..<batch {
                    for i in 0..<n {
                        let r = b * n + i, slot = (b * ctx + length + i) * d
                        (kc + slot).update(from: qkv + r * 3 * d + d, count: d)
                        (vc + slot).update(from: qkv + r * 3 * d + 2 * d, count: d)
                    }
                    let total = length + n
                    for head in 0..<dims.nHead {
                        // scores (n, total) = Q_h (n, hd) · K_hᵀ, masked above the diagonal
                        Linalg.gemmNT(m: n, n: total, k: hd, a: qkv + b * n * 3 * d + head * hd, lda: 3 * d,
                                      b: kc + b * ctx * d + head * hd, ldb: d, c: s, ldc: total, alpha: scale)
                        for i in 0..<n {
                            let row = s + i * total, visible = length + i + 1
                            for j in visible..<total { row[j] = -.infinity }
                            VectorMath.softmax(row, count: total)
                        }
                        // attention (n, hd) = scores · V_h
                        Linalg.gemmNN(m: n, n: hd, k: total, a: s, b: vc + b * ctx * d + head * hd, ldb: d,
                                      c: att + b * n * d + head * hd, ldc: d)
                    }
                }
                Linalg.linear(layer.attentionOut, att, rows: rows, into: x, accumulate: true)
                // Cross-attention on the window: one product for the whole batch.
                VectorMath.layerNorm(x, rows: rows, width: d, layer.crossNorm, into: h)
                Linalg.linear(layer.crossQuery, h, rows: rows, into: qkv)  // (rows, d) queries
                for head in 0..<dims.nHead {
                    // scores (rows, 1500) = q_h · K_hᵀ; attention (rows, hd) = softmax · V_h
                    Linalg.gemmNT(m: rows, n: audioCtx, k: hd, a: qkv + head * hd, lda: d, b: kv + head * hd, ldb: 2 * d,
                                  c: s, alpha: scale)
                    for r in 0..<rows { VectorMath.softmax(s + r * audioCtx, count: audioCtx) }
                    Linalg.gemmNN(m: rows, n: hd, k: audioCtx, a: s, b: kv + d + head * hd, ldb: 2 * d, c: att + head * hd, ldc: d)
                }
                Linalg.linear(layer.crossOut, att, rows: rows, into: x, accumulate: true)
                // MLP
                VectorMath.layerNorm(x, rows: rows, width: d, layer.mlpNorm, into: h)
                Linalg.linear(layer.mlpUp, h, rows: rows, into: m)
                VectorMath.gelu(m, count: rows * dims.nMLP)
                Linalg.linear(layer.mlpDown, m, rows: rows, into: x, accumulate: true)
            }}}}}}}}}
        }
        length += n
        x.withUnsafeBufferPointer { xs in
            h.withUnsafeMutableBufferPointer { hs in
                VectorMath.layerNorm(xs.baseAddress!, rows: rows, width: d, weights.decoderNorm, into: hs.baseAddress!)
            }
        }
    }
}
