import CWhisperKernels

/// A decoder weight matrix (rows, columns) stored compactly for the few-rows products of decoding, whose speed is
/// bounded by the weight bytes read per token: int8 rows (``ComputeType/int8``) or binary16 (``ComputeType/float32``
/// on a model file that stores binary16, as CTranslate2's Whisper models do: the same values in half the bytes).
enum CompactRows: Sendable {
    case int8(Int8Rows)
    case half(HalfRows)

    var rows: Int {
        switch self {
        case .int8(let q): q.rows
        case .half(let h): h.rows
        }
    }
}

/// A weight matrix quantised to int8 per row: `w[r][c] ≈ values[r·columns + c] · scales[r]`
/// (symmetric, scale = max|w[r]| / 127, as CTranslate2's int8 models).
struct Int8Rows: Sendable {
    /// (rows, columns), row-major.
    var values: [Int8]
    /// (rows) dequantisation scales.
    var scales: [Float]
    var rows: Int
    var columns: Int

    /// Quantises a row-major Float32 matrix, rows split over the threads.
    init(quantizing weight: [Float], rows: Int, columns: Int) {
        precondition(weight.count == rows * columns, "Int8Rows shape")
        self.rows = rows
        self.columns = columns
        var values = [Int8](repeating: 0, count: rows * columns)
        var scales = [Float](repeating: 0, count: rows)
        weight.withUnsafeBufferPointer { w in
        values.withUnsafeMutableBufferPointer { q in
        scales.withUnsafeMutableBufferPointer { scales in
            Parallel.blocks(rows) { block, _ in
                for r in block {
                    let row = UnsafeBufferPointer(rebasing: w[(r * columns)..<((r + 1) * columns)])
                    let largest = row.reduce(0) { Swift.max($0, abs($1)) }
                    let scale = largest > 0 ? largest / 127 : 1
                    scales[r] = scale
                    for c in 0..<columns { q[r * columns + c] = Int8((row[c] / scale).rounded()) }
                }
            }
        }}}
        self.values = values
        self.scales = scales
    }
}

extension Int8Rows {
    /// Row `r` dequantised into `out` (columns values).
    func row(_ r: Int, into out: UnsafeMutablePointer<Float>) {
        let scale = scales[r]
        values.withUnsafeBufferPointer { v in
            for c in 0..<columns { out[c] = Float(v[r * columns + c]) * scale }
        }
    }
}

/// A weight matrix in IEEE binary16 that holds exactly the Float32 values it was made from.
struct HalfRows: Sendable {
    /// (rows, columns), row-major binary16 bit patterns.
    var values: [UInt16]
    var rows: Int
    var columns: Int

    /// The matrix in binary16, or nil when a value would change (a Float32 model file): the float32 compute type
    /// never rounds weights.
    init?(exactly weight: [Float], rows: Int, columns: Int) {
        precondition(weight.count == rows * columns, "HalfRows shape")
        var values = [UInt16](repeating: 0, count: weight.count)
        let exact = values.withUnsafeMutableBufferPointer { out in
            weight.withUnsafeBufferPointer { wk_f32_to_f16_exact($0.baseAddress!, out.baseAddress!, $0.count) }
        }
        guard exact else { return nil }
        self.values = values
        self.rows = rows
        self.columns = columns
    }

    /// Row `r` as Float32 into `out` (columns values).
    func row(_ r: Int, into out: UnsafeMutablePointer<Float>) {
        values.withUnsafeBufferPointer { wk_f16_to_f32($0.baseAddress! + r * columns, out, columns, WK_BEST) }
    }
}

extension Linear {
    /// The layer with its weight compacted for `type` (the Float32 weight is dropped), or itself when binary16 would round.
    func compacted(_ type: ComputeType) -> Linear {
        var copy = self
        switch type {
        case .int8: copy.compact = .int8(Int8Rows(quantizing: weight, rows: outFeatures, columns: inFeatures))
        case .float32:
            guard let half = HalfRows(exactly: weight, rows: outFeatures, columns: inFeatures) else { return self }
            copy.compact = .half(half)
        }
        copy.weight = []
        return copy
    }
}

extension WhisperWeights {
    /// Compacts the weights for `type`: the decoder's per-token linear layers and the output projection (int8, or
    /// binary16 when that is exact); cross-attention K/V, computed once per window over 1500 rows, and the encoder
    /// stay Float32 for BLAS. The Float32 token embedding is dropped too: rows are read from the projection (the
    /// same values in binary16, dequantised at int8). Layer by layer, so each Float32 weight is freed as it goes.
    mutating func compact(for type: ComputeType) {
        for i in decoderLayers.indices {
            decoderLayers[i].qkv = decoderLayers[i].qkv.compacted(type)
            decoderLayers[i].attentionOut = decoderLayers[i].attentionOut.compacted(type)
            decoderLayers[i].crossQuery = decoderLayers[i].crossQuery.compacted(type)
            decoderLayers[i].crossOut = decoderLayers[i].crossOut.compacted(type)
            decoderLayers[i].mlpUp = decoderLayers[i].mlpUp.compacted(type)
            decoderLayers[i].mlpDown = decoderLayers[i].mlpDown.compacted(type)
        }
        switch type {
        case .int8:
            outputProjection = .int8(Int8Rows(quantizing: tokenEmbedding, rows: dims.nVocab, columns: dims.nState))
            tokenEmbedding = []
        case .float32:
            if let half = HalfRows(exactly: tokenEmbedding, rows: dims.nVocab, columns: dims.nState) {
                outputProjection = .half(half)
                tokenEmbedding = []
            }
        }
    }

    /// Token `token`'s embedding row (d values) into `out`: from the compacted projection when the Float32 copy is
    /// gone (dequantised at int8, as CTranslate2 quantises embeddings too).
    func embedding(of token: Int, into out: UnsafeMutablePointer<Float>) {
        switch (tokenEmbedding.isEmpty, outputProjection) {
        case (true, .half(let half)?): half.row(token, into: out)
        case (true, .int8(let q)?): q.row(token, into: out)
        default:
            let d = dims.nState
            tokenEmbedding.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + token * d, count: d) }
        }
    }
}
