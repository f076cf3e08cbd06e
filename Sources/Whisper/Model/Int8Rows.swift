/// A weight matrix (rows, columns) quantised to int8 per row: `w[r][c] ≈ values[r·columns + c] · scales[r]`
/// (symmetric, scale = max|w[r]| / 127, as CTranslate2's int8 models).
struct Int8Rows: Sendable {
    /// (rows, columns), row-major.
    var values: [Int8]
    /// (rows) dequantisation scales.
    var scales: [Float]
    var rows: Int
    var columns: Int

    /// Quantises a row-major Float32 matrix.
    init(quantizing weight: [Float], rows: Int, columns: Int) {
        precondition(weight.count == rows * columns, "Int8Rows shape")
        self.rows = rows
        self.columns = columns
        var values = [Int8](repeating: 0, count: rows * columns)
        var scales = [Float](repeating: 0, count: rows)
        weight.withUnsafeBufferPointer { w in
            values.withUnsafeMutableBufferPointer { q in
                for r in 0..<rows {
                    let row = UnsafeBufferPointer(rebasing: w[(r * columns)..<((r + 1) * columns)])
                    let largest = row.reduce(0) { Swift.max($0, abs($1)) }
                    let scale = largest > 0 ? largest / 127 : 1
                    scales[r] = scale
                    for c in 0..<columns { q[r * columns + c] = Int8((row[c] / scale).rounded()) }
                }
            }
        }
        self.values = values
        self.scales = scales
    }
}

extension Linear {
    /// The layer with its weight quantised to int8 rows (the Float32 weight is dropped).
    func quantized() -> Linear {
        var copy = self
        copy.int8 = Int8Rows(quantizing: weight, rows: outFeatures, columns: inFeatures)
        copy.weight = []
        return copy
    }
}

extension WhisperWeights {
    /// The weights for `type`: for int8, the decoder's per-token linear layers and the output projection
    /// quantised (cross-attention K/V, computed once per window over 1500 rows, and the encoder stay Float32).
    func prepared(for type: ComputeType) -> WhisperWeights {
        guard type == .int8 else { return self }
        var copy = self
        copy.decoderLayers = decoderLayers.map { layer in
            var layer = layer
            layer.qkv = layer.qkv.quantized()
            layer.attentionOut = layer.attentionOut.quantized()
            layer.crossQuery = layer.crossQuery.quantized()
            layer.crossOut = layer.crossOut.quantized()
            layer.mlpUp = layer.mlpUp.quantized()
            layer.mlpDown = layer.mlpDown.quantized()
            return layer
        }
        copy.outputProjection = Int8Rows(quantizing: tokenEmbedding, rows: dims.nVocab, columns: dims.nState)
        return copy
    }
}
