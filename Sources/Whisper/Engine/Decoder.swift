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

    private let crossKV: [FloatBuffer]     // per layer (1500, 2d): K | V of the encoder output
    private let keys: [FloatBuffer]        // per layer (maxBatch, ctx, d)
    private let values: [FloatBuffer]      // per layer (maxBatch, ctx, d)
    private let reorderScratch: FloatBuffer // (maxBatch, ctx, d)
    private let x: FloatBuffer             // (rows, d) residual stream; rows ≤ max(maxBatch, ctx)
    private let h: FloatBuffer             // (rows, d)
    private let qkv: FloatBuffer           // (rows, 3d)
    private let attention: FloatBuffer     // (rows, d)
    private let mlp: FloatBuffer           // (rows, 4d)
    private let scores: FloatBuffer        // (threads, rows, max(ctx, 1500)): one block per thread
    private let selected: FloatBuffer      // (maxBatch, d) rows whose logits are wanted
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
        crossKV = (0..<dims.nTextLayer).map { _ in FloatBuffer(count: dims.nAudioCtx * 2 * dims.nState) }
        keys = (0..<dims.nTextLayer).map { _ in FloatBuffer(count: max(2, maxBatch) * dims.nTextCtx * dims.nState) }
        values = (0..<dims.nTextLayer).map { _ in FloatBuffer(count: max(2, maxBatch) * dims.nTextCtx * dims.nState) }
        reorderScratch = FloatBuffer(count: self.maxBatch * ctx * d)
        x = FloatBuffer(count: rows * d)
        h = FloatBuffer(count: rows * d)
        qkv = FloatBuffer(count: rows * 3 * d)
        attention = FloatBuffer(count: rows * d)
        mlp = FloatBuffer(count: rows * dims.nMLP)
        scores = FloatBuffer(count: Linalg.defaultThreadCount * rows * max(ctx, audioCtx))
        selected = FloatBuffer(count: self.maxBatch * d)
        logits = [Float](repeating: 0, count: self.maxBatch * dims.nVocab)
    }

    /// Computes every layer's cross-attention K and V from one window's encoder output (1500, d).
    func setAudio(_ encoderOutput: [Float]) {
        let d = d
        encoderOutput.withUnsafeBufferPointer { e in
            for (layer, kv) in zip(weights.decoderLayers, crossKV) {
                Parallel.blocks(audioCtx) { rows, _ in
                    Linalg.linear(layer.crossKeyValue, e.baseAddress! + rows.lowerBound * d, rows: rows.count,
                                  into: kv.pointer + rows.lowerBound * 2 * d)
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
    ///
    /// Only the slots whose source changes are copied: beams mostly continue in place, and copying every cache
    /// slot twice per step was a large share of beam search's time.
    func reorder(_ sources: [Int]) {
        precondition(sources.count <= maxBatch && sources.allSatisfy { $0 < batch }, "reorder sources")
        let moved = sources.indices.filter { sources[$0] != $0 }
        batch = sources.count
        guard !moved.isEmpty else { return }
        // A source slot that is itself overwritten is read from a copy taken first.
        let overwritten = Set(moved)
        let saved = Array(Set(moved.map { sources[$0] }).intersection(overwritten)).sorted()
        let stride = ctx * d, used = length * d
        for cache in keys + values {
            for (index, source) in saved.enumerated() {
                reorderScratch[offset: index * stride].update(from: cache[offset: source * stride], count: used)
            }
            for slot in moved {
                let source = sources[slot]
                let from = saved.firstIndex(of: source).map { reorderScratch[offset: $0 * stride] } ?? cache[offset: source * stride]
                cache[offset: slot * stride].update(from: from, count: used)
            }
        }
    }

    /// Final-LayerNormed hidden rows → logits (rows.count, nVocab) = h · Eᵀ (tied embedding), into ``logits``.
    func computeLogits(rows: [Int]) {
        precondition(rows.count <= maxBatch, "logit rows")
        let vocab = weights.dims.nVocab
        for (i, row) in rows.enumerated() { selected[offset: i * d].update(from: h[offset: row * d], count: d) }
        if let projection = weights.outputProjection {
            logits.withUnsafeMutableBufferPointer { out in
                Linalg.compactNT(m: rows.count, k: d, a: selected.pointer, b: projection, c: out.baseAddress!)
            }
            return
        }
        weights.tokenEmbedding.withUnsafeBufferPointer { e in
            logits.withUnsafeMutableBufferPointer { out in
                Linalg.gemmNT(m: rows.count, n: vocab, k: d, a: selected.pointer, b: e.baseAddress!, c: out.baseAddress!)
            }
        }
    }

    /// Runs `n` new tokens per hypothesis (`tokens` is batch × n, hypothesis-major) through every block;
    /// leaves LN(x) of each row in `h`.
    private func forward(_ tokens: [Int], perHypothesis n: Int) {
        let rows = batch * n
        precondition(length + n <= ctx, "text context overflow")
        embed(tokens, perHypothesis: n)
        for (index, layer) in weights.decoderLayers.enumerated() {
            selfAttention(layer, keys: keys[index].pointer, values: values[index].pointer, perHypothesis: n)
            crossAttention(layer, kv: crossKV[index].pointer, rows: rows)
            feedForward(layer, rows: rows)
        }
        length += n
        VectorMath.layerNorm(x.pointer, rows: rows, width: d, weights.decoderNorm, into: h.pointer)
    }

    /// x (rows, d) = token embedding + learned position embedding of each new token.
    private func embed(_ tokens: [Int], perHypothesis n: Int) {
        weights.decoderPositions.withUnsafeBufferPointer { p in
            for r in 0..<(batch * n) {
                let position = length + r % n, out = x[offset: r * d]
                weights.embedding(of: tokens[r], into: out)
                for j in 0..<d { out[j] += p[position * d + j] }
            }
        }
    }

    /// Causal self-attention of the new rows over each hypothesis's cache; appends their K and V to it.
    /// `kc`, `vc`: this layer's caches (maxBatch, ctx, d).
    private func selfAttention(_ layer: DecoderLayerWeights, keys kc: UnsafeMutablePointer<Float>,
                               values vc: UnsafeMutablePointer<Float>, perHypothesis n: Int) {
        let rows = batch * n, hd = weights.dims.headDim, total = length + n
        let scale = 1 / Float(hd).squareRoot()
        VectorMath.layerNorm(x.pointer, rows: rows, width: d, layer.attentionNorm, into: h.pointer)
        linear(layer.qkv, h.pointer, rows: rows, into: qkv.pointer)  // (rows, 3d): Q | K | V
        let q = qkv.pointer, s = scores.pointer, att = attention.pointer
        for b in 0..<batch {
            for i in 0..<n {
                let r = b * n + i, slot = (b * ctx + length + i) * d
                (kc + slot).update(from: q + r * 3 * d + d, count: d)
                (vc + slot).update(from: q + r * 3 * d + 2 * d, count: d)
            }
            for head in 0..<weights.dims.nHead {
                // scores (n, total) = Q_h (n, hd) · K_hᵀ, masked above the diagonal
                Linalg.gemmNT(m: n, n: total, k: hd, a: q + b * n * 3 * d + head * hd, lda: 3 * d,
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
        linear(layer.attentionOut, att, rows: rows, into: x.pointer, accumulate: true)
    }

    /// Cross-attention of every row on the window's encoder output, one product per head for the whole batch.
    /// `kv`: this layer's (1500, 2d) K | V.
    private func crossAttention(_ layer: DecoderLayerWeights, kv: UnsafeMutablePointer<Float>, rows: Int) {
        let hd = weights.dims.headDim, scale = 1 / Float(hd).squareRoot()
        let q = qkv.pointer, s = scores.pointer, att = attention.pointer
        VectorMath.layerNorm(x.pointer, rows: rows, width: d, layer.crossNorm, into: h.pointer)
        linear(layer.crossQuery, h.pointer, rows: rows, into: q)  // (rows, d) queries
        let audioCtx = audioCtx, d = d, scoresPerBlock = scores.count / Linalg.defaultThreadCount
        // Heads over the threads, each product single-threaded: per token a head's products are small, and
        // splitting each of them instead cost a thread hand-off per head and layer.
        Parallel.blocks(weights.dims.nHead) { heads, block in
            let s = s + block * scoresPerBlock
            for head in heads {
                // scores (rows, 1500) = q_h · K_hᵀ; attention (rows, hd) = softmax · V_h
                Linalg.gemmNT(m: rows, n: audioCtx, k: hd, a: q + head * hd, lda: d, b: kv + head * hd, ldb: 2 * d,
                              c: s, alpha: scale, parallel: false)
                for r in 0..<rows { VectorMath.softmax(s + r * audioCtx, count: audioCtx) }
                Linalg.gemmNN(m: rows, n: hd, k: audioCtx, a: s, b: kv + d + head * hd, ldb: 2 * d, c: att + head * hd, ldc: d)
            }
        }
        linear(layer.crossOut, att, rows: rows, into: x.pointer, accumulate: true)
    }

    /// Y (rows, out) = X (rows, in) · Wᵀ + b: a beam step's few rows are split by columns inside ``Linalg``, a
    /// prompt's many rows here by rows over the threads.
    private func linear(_ layer: Linear, _ input: UnsafeMutablePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Float>,
                        accumulate: Bool = false) {
        // Above 16 rows each thread's share is past the few-rows kernel's 8, so the two splits never nest.
        guard rows > 16 else { return Linalg.linear(layer, input, rows: rows, into: output, accumulate: accumulate) }
        Parallel.blocks(rows) { block, _ in
            Linalg.linear(layer, input + block.lowerBound * layer.inFeatures, rows: block.count,
                          into: output + block.lowerBound * layer.outFeatures, accumulate: accumulate)
        }
    }

    /// x += W₂ · GELU(W₁ · LN(x)).
    private func feedForward(_ layer: DecoderLayerWeights, rows: Int) {
        VectorMath.layerNorm(x.pointer, rows: rows, width: d, layer.mlpNorm, into: h.pointer)
        linear(layer.mlpUp, h.pointer, rows: rows, into: mlp.pointer)
        VectorMath.gelu(mlp.pointer, count: rows * weights.dims.nMLP)
        linear(layer.mlpDown, mlp.pointer, rows: rows, into: x.pointer, accumulate: true)
    }
}
